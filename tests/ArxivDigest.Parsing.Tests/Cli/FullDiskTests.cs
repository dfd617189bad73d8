using ArxivDigest.Cli;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>A small tmpfs of its own (as root): converting into it fills it up.</summary>
public sealed class SmallDisk : IDisposable
{
    public SmallDisk()
    {
        Path = Directory.CreateTempSubdirectory("arxiv-digest-full-").FullName;
        Mounted = OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess
            && Shell.Run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", Path) == 0;
    }

    public string Path { get; }

    public bool Mounted { get; }

    public void Dispose()
    {
        // Lazily if need be: a file left open must not leave the mount behind (the tests report such a file).
        if (Mounted && Shell.Run("umount", Path) != 0)
        {
            Shell.Run("umount", "-l", Path);
        }

        Directory.Delete(Path, recursive: true);
    }
}

/// <summary>A full disk fails the conversion with a clear message, leaves nothing behind, keeps the previous output.</summary>
public sealed class FullDiskTests(SmallDisk disk) : IClassFixture<SmallDisk>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly byte[] Previous = "previous\n"u8.ToArray();

    public void Dispose()
    {
        foreach (string entry in Directory.GetFileSystemEntries(disk.Path))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }
    }

    /// <summary>The files this process has open under <paramref name="folder"/> (Linux: /proc/self/fd).</summary>
    private static string[] OpenFilesIn(string folder) =>
        [.. Directory.GetFiles("/proc/self/fd").Select(Target).Where(t => t.StartsWith(folder + "/", StringComparison.Ordinal))];

    private static string Target(string fd)
    {
        try
        {
            return File.ResolveLinkTarget(fd, returnFinalTarget: false)?.FullName ?? string.Empty;
        }
        catch (IOException)
        {
            return string.Empty; // closed meanwhile
        }
    }

    private string[] Entries() =>
        [.. Directory.GetFileSystemEntries(disk.Path, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(disk.Path, e)).Order(StringComparer.Ordinal)];

    [RootTheory("mount")]
    [InlineData("jsonl")]
    [InlineData("json")]
    [InlineData("markdown")]
    [InlineData("bibtex")]
    [InlineData("parquet")]
    [InlineData("docx")]
    [InlineData("dataset")]
    public async Task A_full_disk_fails_the_conversion_leaves_nothing_behind_and_keeps_the_previous_output(string format)
    {
        Assert.True(disk.Mounted);
        bool dataset = format == "dataset";
        string output = Path.Combine(disk.Path, dataset ? "dataset" : "out." + format);
        string previous = dataset ? Path.Combine(output, "main_category=cs.XX", "part-00000.parquet") : output;
        Directory.CreateDirectory(Path.GetDirectoryName(previous)!);
        File.WriteAllBytes(previous, Previous);
        string[] before = Entries();

        // The four samples make more than 256 KB in every format (BibTeX with the abstracts).
        string[] args = dataset
            ? ["convert", RepoPaths.Samples, "-o", output, "--partition-by", "main_category", "--quiet"]
            : ["convert", RepoPaths.Samples, "--to", format, "-o", output, .. format == "bibtex" ? (string[])["--bib-abstract"] : [], "--quiet"];
        var error = new StringWriter();
        var console = new CliConsole(new StringWriter(), error, () => Stream.Null, () => new MemoryStream());
        int code = await CliApp.RunAsync(args, console).WaitAsync(Timeout);

        Assert.Equal(before, Entries());
        Assert.Equal(Previous, File.ReadAllBytes(previous));
        Assert.Empty(OpenFilesIn(disk.Path)); // every file the run opened was closed, even those that failed
        Assert.Equal(1, code);
        string expected = dataset ? $"error: cannot write the dataset '{output}': No space left on device" : $"error: cannot write '{output}': No space left on device";
        Assert.Equal(expected + "\n", error.ToString());
    }

    [RootFact("mount")]
    public async Task A_full_disk_for_the_copy_of_standard_input_leaves_nothing_behind()
    {
        Assert.True(disk.Mounted);
        string work = Directory.CreateTempSubdirectory("arxiv-digest-stdin-").FullName;
        try
        {
            // --dedupe reads standard input twice, through a copy in the temporary folder: here, the small disk.
            using ToolProcess tool = ToolProcess.Start(
                ["convert", "-", RepoPaths.Sample("2026-01-26.md"), "--dedupe", "--to", "jsonl", "-o", "out.jsonl"],
                work,
                environment: new Dictionary<string, string> { ["TMPDIR"] = disk.Path });
            foreach (string sample in Directory.GetFiles(RepoPaths.Samples, "*.md"))
            {
                byte[] bytes = await File.ReadAllBytesAsync(sample);
                try
                {
                    await tool.StandardInput.WriteAsync(bytes);
                }
                catch (IOException)
                {
                    break; // the tool stopped reading: it has failed already
                }
            }

            try
            {
                tool.StandardInput.Close();
            }
            catch (IOException)
            {
            }

            (int code, string error) = await tool.WaitAsync(Timeout);
            Assert.Empty(Entries());
            Assert.Empty(Directory.GetFileSystemEntries(work));
            Assert.Equal(1, code);
            Assert.Equal($"error: cannot keep a copy of standard input in {disk.Path}/ (needed by --dedupe): No space left on device\n", error);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
