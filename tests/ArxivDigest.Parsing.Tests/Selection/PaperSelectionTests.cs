using System.Text.RegularExpressions;
using ArxivDigest.Parsing.Selection;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Selection;

/// <summary>Filters and deduplication on real digests, with the expected counts taken from the source JSON lines.</summary>
public sealed class PaperSelectionTests
{
    /// <summary>The days (shared corpus when present, else the two sample days) with their source records (those the digest shows).</summary>
    private static List<(string Path, DateOnly Date, List<SourceRecord> Records)> Days()
    {
        return [.. CorpusFiles.DaysWithSource.Select(md => (
            md,
            DigestParser.DateFromFileName(md)!.Value,
            SourceRecord.ReadLines(CorpusFiles.SourceOf(md)).Where(r => r.AI is not null).ToList()))];
    }

    private static async Task<List<Paper>> SelectAsync(PaperSelection selection, List<DigestSource> sources)
    {
        var selector = new PaperSelector(selection);
        await selector.PlanAsync(sources);
        var kept = new List<Paper>();
        for (int i = 0; i < sources.Count; i++)
        {
            await using PaperReader reader = sources[i].CreateReader();
            while (await reader.ReadAsync())
            {
                if (selector.Select(reader.Current, i))
                {
                    kept.Add(reader.Current);
                }
            }
        }

        Assert.Equal(kept.Count, selector.Kept);
        return kept;
    }

    private static List<DigestSource> Sources(IEnumerable<(string Path, DateOnly Date, List<SourceRecord> Records)> days) =>
        [.. days.Select(d => DigestSource.FromFile(d.Path))];

    [Fact]
    public async Task Category_keeps_the_papers_whose_main_category_it_is()
    {
        var days = Days();
        List<Paper> kept = await SelectAsync(new PaperSelection { Categories = ["cs.cv"] }, Sources(days));
        int expected = days.Sum(d => d.Records.Count(r => r.Categories![0] == "cs.CV"));
        Assert.Equal(expected, kept.Count);
        Assert.All(kept, p => Assert.Equal("cs.CV", p.MainCategory));
    }

    [Fact]
    public async Task Match_looks_in_title_tldr_and_abstract_ignoring_case_and_any_text_is_enough()
    {
        var days = Days();
        List<Paper> kept = await SelectAsync(new PaperSelection { Matches = ["Diffusion", "GAUSSIAN SPLATTING"] }, Sources(days));
        int expected = days.Sum(d => d.Records.Count(r => new[] { r.Title, r.AI!.Tldr, r.Summary }
            .Any(t => t is not null && (t.Contains("diffusion", StringComparison.OrdinalIgnoreCase) || t.Contains("gaussian splatting", StringComparison.OrdinalIgnoreCase)))));
        Assert.True(expected > 0);
        Assert.Equal(expected, kept.Count);
    }

    [Fact]
    public async Task Match_regex_and_category_must_both_hold()
    {
        var days = Days();
        var regex = new Regex(@"\bLLMs?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        List<Paper> kept = await SelectAsync(new PaperSelection { MatchRegex = @"\bLLMs?\b", Categories = ["cs.CL"] }, Sources(days));
        int expected = days.Sum(d => d.Records.Count(r => r.Categories![0] == "cs.CL"
            && new[] { r.Title, r.AI!.Tldr, r.Summary }.Any(t => t is not null && regex.IsMatch(t))));
        Assert.True(expected > 0);
        Assert.Equal(expected, kept.Count);
    }

    [Fact]
    public async Task Exclude_match_leaves_no_paper_mentioning_the_text_and_keeps_every_other()
    {
        var days = Days();
        List<Paper> kept = await SelectAsync(new PaperSelection { ExcludeMatches = ["diffusion"] }, Sources(days));
        static bool Mentions(string? text) => text is not null && text.Contains("diffusion", StringComparison.OrdinalIgnoreCase);
        int expected = days.Sum(d => d.Records.Count(r => !Mentions(r.Title) && !Mentions(r.AI!.Tldr) && !Mentions(r.Summary)));
        Assert.True(expected < days.Sum(d => d.Records.Count), "the days mention diffusion");
        Assert.Equal(expected, kept.Count);
        Assert.All(kept, p => Assert.False(Mentions(p.Title) || Mentions(p.Tldr) || Mentions(p.Abstract), p.Title));
    }

    [Fact]
    public async Task Exclusions_apply_after_the_filters_that_keep_and_any_excluded_value_is_enough()
    {
        var days = Days();
        var selection = new PaperSelection
        {
            Categories = ["cs.CV", "cs.CL"],
            ExcludeCategories = ["CS.CL"],
            ExcludeMatches = ["Gaussian", "segmentation"],
        };
        List<Paper> kept = await SelectAsync(selection, Sources(days));
        static bool Mentions(string? text) => text is not null
            && (text.Contains("gaussian", StringComparison.OrdinalIgnoreCase) || text.Contains("segmentation", StringComparison.OrdinalIgnoreCase));
        int expected = days.Sum(d => d.Records.Count(r => r.Categories![0] == "cs.CV"
            && !Mentions(r.Title) && !Mentions(r.AI!.Tldr) && !Mentions(r.Summary)));
        Assert.True(expected > 0);
        Assert.Equal(expected, kept.Count);
        Assert.True(selection.HasFilters);
        Assert.True(new PaperSelection { ExcludeCategories = ["cs.CL"] }.HasFilters);
    }

    [Fact]
    public async Task A_hostile_pattern_times_out_instead_of_hanging()
    {
        string evil = new string('a', 40) + "!";
        string markdown = DigestText.Render(DigestText.Sample() with { Title = evil });
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "evil.md");
        await File.WriteAllTextAsync(path, markdown);
        var selection = new PaperSelection { MatchRegex = "^(a+)+$", RegexTimeout = TimeSpan.FromMilliseconds(50) };
        await Assert.ThrowsAsync<RegexMatchTimeoutException>(() => SelectAsync(selection, [DigestSource.FromFile(path)]));
    }

    [Fact]
    public async Task Ids_keep_the_listed_papers_whatever_their_version()
    {
        var days = Days();
        string[] wanted = [.. days.SelectMany(d => d.Records).Select(r => r.Id).Where((id, i) => i % 97 == 0)];
        string text = "# picked\n\n" + string.Join("\n", wanted.Select((id, i) => i % 2 == 0 ? id + "v3" : "https://arxiv.org/abs/" + id));
        PaperSelection selection = new() { Ids = PaperSelection.ReadIds(new StringReader(text)) };
        List<Paper> kept = await SelectAsync(selection, Sources(days));
        Assert.Equal(wanted.Order(StringComparer.Ordinal), kept.Select(p => p.Id!.Value.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_ids_file_line_that_is_not_an_id_is_reported_with_its_number()
    {
        FormatException e = Assert.Throws<FormatException>(() => PaperSelection.ReadIds(new StringReader("2601.00001\n\nnot-an-id\n")));
        Assert.StartsWith("Line 3:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Since_and_until_keep_the_digests_dated_between_them()
    {
        var days = Days();
        DateOnly since = days[days.Count / 3].Date;
        DateOnly until = days[days.Count * 2 / 3].Date;
        List<Paper> kept = await SelectAsync(new PaperSelection { Since = since, Until = until }, Sources(days));
        Assert.Equal(days.Where(d => d.Date >= since && d.Date <= until).Sum(d => d.Records.Count), kept.Count);
    }

    [Fact]
    public async Task Dedupe_keeps_each_id_from_the_latest_digest_and_ties_go_to_the_later_input()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string day = RepoPaths.Sample("2026-01-26.md");
        string later = Path.Combine(dir, "2026-02-01.md");
        string undatedA = Path.Combine(dir, "a.md");
        string undatedB = Path.Combine(dir, "b.md");
        foreach (string copy in new[] { later, undatedA, undatedB })
        {
            File.Copy(day, copy);
        }

        int papers = DigestParser.ParseFile(day).Papers.Length;

        // The later date wins, wherever it stands among the inputs.
        List<Paper> kept = await SelectAsync(new PaperSelection { Dedupe = true }, [DigestSource.FromFile(later), DigestSource.FromFile(day)]);
        Assert.Equal(papers, kept.Count);
        Assert.All(kept, p => Assert.Equal(new DateOnly(2026, 2, 1), p.DigestDate));

        // Same (unknown) date: the later input wins.
        kept = await SelectAsync(new PaperSelection { Dedupe = true }, [DigestSource.FromFile(undatedA), DigestSource.FromFile(undatedB)]);
        Assert.Equal(papers, kept.Count);
        Assert.All(kept, p => Assert.Equal(undatedB, p.Location.File));
    }

    [Fact]
    public async Task Dedupe_over_the_days_keeps_as_many_papers_as_there_are_distinct_ids()
    {
        var days = Days();
        var sources = Sources(days).Concat(Sources(days.Take(2))).ToList(); // two days given twice
        List<Paper> kept = await SelectAsync(new PaperSelection { Dedupe = true }, sources);
        Assert.Equal(days.SelectMany(d => d.Records).Select(r => r.Id).Distinct().Count(), kept.Count);
        Assert.Equal(kept.Count, kept.Select(p => p.Id!.Value.Id).Distinct().Count());
    }

    [Fact]
    public async Task Dedupe_needs_a_plan()
    {
        var selector = new PaperSelector(new PaperSelection { Dedupe = true });
        Paper paper = DigestParser.Parse(DigestText.Render(DigestText.Sample())).Papers[0];
        Assert.Throws<InvalidOperationException>(() => selector.Select(paper, 0));
        await selector.PlanAsync([]);
        Assert.False(selector.Select(paper, 0));
    }
}
