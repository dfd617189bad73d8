using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Parsing.Tests.Writers.Docx;

/// <summary>The Word writer's scratch storage: past its memory limit it is a file that nothing can leave behind.</summary>
public sealed class TemporaryStreamTests
{
    [Fact]
    public void A_scratch_file_has_no_name_while_in_use_so_no_ending_of_the_process_can_leave_it_behind()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows deletes a delete-on-close file itself when the process ends, however it ends.
        }

        string folder = Directory.CreateTempSubdirectory("arxiv-digest-scratch-").FullName;
        try
        {
            byte[] data = [.. Enumerable.Range(0, 100_000).Select(i => (byte)i)];
            using (var stream = new TemporaryStream(folder, memoryLimit: 1024))
            {
                stream.Write(data);
                Assert.True(stream.IsOnDisk);
                Assert.Empty(Directory.EnumerateFileSystemEntries(folder)); // a kill now leaves nothing: there is no name

                stream.Position = 0;
                var back = new byte[data.Length];
                stream.ReadExactly(back);
                Assert.Equal(data, back);
            }

            Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
