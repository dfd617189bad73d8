using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Json;

namespace ArxivDigest.Parsing.Tests.Corpus;

/// <summary>
/// Every real day (the shared corpus beside the repository when it is there, else the sample days) against the JSON
/// lines it was rendered from: every field of every paper must come back exactly.
/// </summary>
public sealed class SharedCorpusTests
{
    public static TheoryData<string> Days() => CorpusFiles.AsTheoryData(CorpusFiles.DaysWithSource);

    [Theory]
    [MemberData(nameof(Days))]
    public void Every_paper_equals_its_source_record_field_by_field(string md)
    {
        Digest digest = DigestParser.ParseFile(md);
        List<SourceRecord> records = [.. SourceRecord.ReadLines(CorpusFiles.SourceOf(md))];

        Assert.Empty(digest.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(records.Count(r => r.AI is not null), digest.Papers.Length);
        List<string> diffs = SourceComparison.Differences(digest.Papers, records);
        Assert.True(diffs.Count == 0, $"{diffs.Count} differences in {md}:\n" + string.Join("\n", diffs.Take(10)));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Written_in_the_generator_shape_every_paper_equals_its_source_json_line(string md)
    {
        string jsonl = CorpusFiles.SourceOf(md);

        using var output = new MemoryStream();
        await using (PaperWriter writer = JsonPaperWriter.JsonLinesFormat.Create(output, new JsonPaperWriterOptions { Shape = JsonShape.DailyArxiv }))
        {
            await using PaperReader reader = PaperReader.Open(md);
            await writer.WriteAllAsync(reader);
            await writer.CompleteAsync();
        }

        string[] lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var written = lines.Select(l => System.Text.Json.JsonSerializer.Deserialize(l, SourceJsonContext.Default.SourceRecord)!).ToList();
        var source = SourceRecord.ReadLines(jsonl).Where(r => r.AI is not null).ToList();
        Assert.Equal(source.Count, written.Count);

        var byId = source.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (SourceRecord w in written)
        {
            SourceRecord s = byId[w.Id];
            Assert.Equal(s.Title, w.Title);
            Assert.Equal(s.Abs, w.Abs);
            Assert.Equal(s.Pdf, w.Pdf);
            Assert.Equal(s.Authors, w.Authors);
            Assert.Equal(s.Categories![0], Assert.Single(w.Categories!));
            Assert.Equal(s.Summary, w.Summary);
            Assert.Equal(s.AI, w.AI);
        }
    }
}
