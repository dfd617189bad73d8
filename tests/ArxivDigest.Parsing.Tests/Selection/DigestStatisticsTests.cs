using ArxivDigest.Parsing.Statistics;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Selection;

/// <summary>Statistics over the real days agree with counts taken from the source JSON lines.</summary>
public sealed class DigestStatisticsTests
{
    [Fact]
    public async Task Counts_agree_with_the_source_json_lines()
    {
        IReadOnlyList<string> days = CorpusFiles.DaysWithSource;
        var stats = new DigestStatistics();
        var records = new List<(DateOnly Date, SourceRecord Record)>();
        foreach (string day in days)
        {
            await using PaperReader reader = PaperReader.Open(day);
            while (await reader.ReadAsync())
            {
                stats.Add(reader.Current);
            }

            stats.AddDiagnostics(reader.ErrorCount, reader.WarningCount);
            DateOnly date = DigestParser.DateFromFileName(day)!.Value;
            records.AddRange(SourceRecord.ReadLines(CorpusFiles.SourceOf(day)).Where(r => r.AI is not null).Select(r => (date, r)));
        }

        Assert.Equal(records.Count, stats.Papers);
        Assert.Equal(days.Count, stats.Digests);
        Assert.Equal(0, stats.Errors);
        Assert.Equal(records.Select(r => r.Record.Id).Distinct().Count(), stats.DistinctIds);
        Assert.Equal(
            records.GroupBy(r => r.Record.Categories![0]).ToDictionary(g => g.Key, g => g.Count()),
            stats.ByCategory.ToDictionary(kv => kv.Key, kv => kv.Value));
        Assert.Equal(
            records.GroupBy(r => r.Date).ToDictionary(g => g.Key, g => g.Count()),
            stats.ByDate.ToDictionary(kv => kv.Key, kv => kv.Value));
        Assert.Equal(
            records.Count(r => new[] { r.Record.AI!.Tldr, r.Record.AI.Motivation, r.Record.AI.Method, r.Record.AI.Result, r.Record.AI.Conclusion }.Any(PlaceholderSummaries.IsPlaceholder)),
            stats.PlaceholderPapers);

        var authorCounts = records.SelectMany(r => r.Record.Authors!).GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
        foreach (KeyValuePair<string, int> top in stats.TopAuthors(10))
        {
            Assert.Equal(authorCounts[top.Key], top.Value);
        }

        Assert.Equal(authorCounts.Values.Max(), stats.TopAuthors(1)[0].Value);
    }

    [Fact]
    public void Repeated_ids_are_listed_with_their_counts()
    {
        Digest digest = DigestParser.Parse(DigestText.Render(DigestText.Sample("2601.00001"), DigestText.Sample("2601.00001v2"), DigestText.Sample("2601.00002")));
        var stats = new DigestStatistics();
        foreach (Paper paper in digest.Papers)
        {
            stats.Add(paper);
        }

        Assert.Equal(2, stats.DistinctIds);
        KeyValuePair<string, int> duplicate = Assert.Single(stats.DuplicateIds);
        Assert.Equal(new KeyValuePair<string, int>("2601.00001", 2), duplicate);
        Assert.Equal(3, stats.Undated);
    }
}
