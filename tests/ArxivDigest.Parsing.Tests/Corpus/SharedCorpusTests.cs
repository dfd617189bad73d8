using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Corpus;

/// <summary>
/// Every digest of the shared corpus (beside the repository, when it is there) against the JSON lines it was
/// rendered from: every field of every paper must come back exactly.
/// </summary>
public sealed class SharedCorpusTests
{
    public static TheoryData<string> Days()
    {
        var data = new TheoryData<string>();
        string? corpus = RepoPaths.SharedCorpus;
        if (corpus is null)
        {
            data.Add(string.Empty); // no shared corpus: the test checks the bundled samples instead
            return data;
        }

        foreach (string md in Directory.GetFiles(Path.Combine(corpus, "daily-arxiv"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(md));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void Every_paper_equals_its_source_record_field_by_field(string day)
    {
        string dir = day.Length == 0 ? RepoPaths.Samples : Path.Combine(RepoPaths.SharedCorpus!, "daily-arxiv");
        string[] files = day.Length == 0 ? [Path.Combine(dir, "2026-01-26.md")] : [Path.Combine(dir, day)];
        foreach (string md in files)
        {
            Digest digest = DigestParser.ParseFile(md);
            string jsonl = Path.ChangeExtension(md, null) + "_AI_enhanced_Chinese.jsonl";
            List<SourceRecord> records = [.. SourceRecord.ReadLines(jsonl)];

            Assert.Empty(digest.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
            Assert.Equal(records.Count(r => r.AI is not null), digest.Papers.Length);
            List<string> diffs = SourceComparison.Differences(digest.Papers, records);
            Assert.True(diffs.Count == 0, $"{diffs.Count} differences in {md}:\n" + string.Join("\n", diffs.Take(10)));
        }
    }
}
