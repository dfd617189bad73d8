using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Json;

namespace ArxivDigest.Parsing.Tests.Snapshots;

/// <summary>Snapshots of every bundled sample digest: the parsed model and the JSON output.</summary>
public sealed class SampleSnapshotTests
{
    public static TheoryData<string> Samples() =>
        [.. Directory.GetFiles(RepoPaths.Samples, "*.md").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    private static Digest Parse(string sample) =>
        DigestParser.ParseFile(RepoPaths.Sample(sample + ".md"), new DigestReaderOptions { SourceName = sample + ".md" });

    [Theory]
    [MemberData(nameof(Samples))]
    public void Parsed_model(string sample)
    {
        Snapshot.Verify(ModelText.Describe(Parse(sample)), sample + ".model");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Json_lines_output(string sample)
    {
        Snapshot.Verify(await WriteAsync(Parse(sample), JsonShape.Native), sample, "jsonl");
    }

    [Fact]
    public async Task Json_lines_output_in_the_generator_shape()
    {
        Snapshot.Verify(await WriteAsync(Parse("2026-01-26"), JsonShape.DailyArxiv), "2026-01-26.daily-arxiv", "jsonl");
    }

    private static async Task<string> WriteAsync(Digest digest, JsonShape shape)
    {
        using var output = new MemoryStream();
        await using (PaperWriter writer = JsonPaperWriter.JsonLinesFormat.Create(output, new JsonPaperWriterOptions { Shape = shape }))
        {
            await writer.WriteAllAsync(digest);
            await writer.CompleteAsync();
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }
}
