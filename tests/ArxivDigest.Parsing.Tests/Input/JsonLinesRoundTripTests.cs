using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Json;

namespace ArxivDigest.Parsing.Tests.Input;

/// <summary>
/// The generator's JSON lines read and written again in its own shape (<c>daily-arxiv</c>) are the records read: the
/// same values with the same JSON types, the same keys in the same order, absent keys absent, nulls null. Over every
/// JSON-lines file of the shared corpus (the generator's days, every fork's truth files), and the committed ones.
/// </summary>
public sealed class JsonLinesRoundTripTests
{
    public static TheoryData<string> Files() => CorpusFiles.AsTheoryData(JsonRecords.Files);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_record_read_is_written_back_as_it_was(string path)
    {
        byte[] written = await WriteDailyArxivAsync(path, new DigestReaderOptions());
        JsonRecords.AssertSame(await File.ReadAllBytesAsync(path), written, Path.GetFileName(path));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_record_is_read_without_an_error_or_a_warning(string path)
    {
        await using PaperReader reader = PaperReader.Open(path);
        int papers = 0;
        while (await reader.ReadAsync())
        {
            papers++;
        }

        Assert.Equal(PaperInputFormat.JsonLines, reader.InputFormat);
        Assert.Equal(JsonRecords.Lines(await File.ReadAllBytesAsync(path)).Count, papers);
        Assert.DoesNotContain(reader.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(reader.UnrecognizedText);
    }

    [Fact]
    public async Task Read_a_few_bytes_at_a_time_the_records_come_back_the_same()
    {
        string path = JsonRecords.ForksFixture;
        foreach (int size in (int[])[1, 7, 100, 4096])
        {
            byte[] written = await WriteDailyArxivAsync(path, new DigestReaderOptions { BufferSize = size });
            JsonRecords.AssertSame(await File.ReadAllBytesAsync(path), written, $"forks.jsonl, reads of {size} bytes");
        }
    }

    [Fact]
    public async Task The_command_line_gives_back_every_record()
    {
        foreach (string path in JsonRecords.Files)
        {
            CliRun run = await CliRun.RunAsync(["convert", path, "--to", "jsonl", "--json-shape", "daily-arxiv", "--quiet"]);
            Assert.True(run.ExitCode == 0, $"{path}: exit code {run.ExitCode}: {run.Error}");
            JsonRecords.AssertSame(await File.ReadAllBytesAsync(path), run.StandardOutput, Path.GetFileName(path));
        }
    }

    private static async Task<byte[]> WriteDailyArxivAsync(string path, DigestReaderOptions options)
    {
        using var output = new MemoryStream();
        await using (PaperWriter writer = JsonPaperWriter.JsonLinesFormat.Create(output, new JsonPaperWriterOptions { Shape = JsonShape.DailyArxiv }))
        {
            await using (PaperReader reader = PaperReader.Open(path, options))
            {
                await writer.WriteAllAsync(reader);
            }

            await writer.CompleteAsync();
            Assert.Empty(writer.Diagnostics);
        }

        return output.ToArray();
    }
}
