using System.Text;
using System.Text.RegularExpressions;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Bibtex;

namespace ArxivDigest.Parsing.Tests.Writers.Bibtex;

/// <summary>Citation keys: Google Scholar's style, unique, deterministic, and stable when papers are added.</summary>
public sealed partial class CitationKeyTests
{
    internal static Paper Paper(string id, string title, params string[] authors) => new()
    {
        Id = ArxivId.Parse(id),
        Title = title,
        Url = "https://arxiv.org/abs/" + id,
        Authors = [.. authors],
        MainCategory = "cs.CV",
    };

    /// <summary>The keys of a .bib file, in order, by arXiv identifier.</summary>
    internal static async Task<Dictionary<string, string>> KeysAsync(IEnumerable<Paper> papers, BibtexPaperWriterOptions? options = null)
    {
        string bib = await WriteAsync(papers, options);
        var keys = new Dictionary<string, string>();
        foreach (Match m in EntryRegex().Matches(bib))
        {
            keys.Add(m.Groups[2].Value, m.Groups[1].Value);
        }

        return keys;
    }

    internal static async Task<string> WriteAsync(IEnumerable<Paper> papers, BibtexPaperWriterOptions? options = null)
    {
        using var output = new MemoryStream();
        await using (PaperWriter writer = BibtexPaperWriter.Format.Create(output, options ?? BibtexPaperWriterOptions.Default))
        {
            foreach (Paper paper in papers)
            {
                await writer.WritePaperAsync(paper);
            }

            await writer.CompleteAsync();
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Theory]
    [InlineData("2602.10137", "Attention Is All You Need", "Ashish Vaswani", "vaswani2026attention")]
    [InlineData("2602.10137", "A Survey on Diffusion Models", "Ada Lovelace", "lovelace2026survey")]
    [InlineData("2602.10137", "On the Opportunities and Risks", "Rishi Bommasani", "bommasani2026opportunities")]
    [InlineData("2602.10137", "The The", "Ann Lee", "lee2026the")]
    [InlineData("2512.22854", "ByteLoom: Weaving Geometry", "Bangya Liu", "liu2025byteloom")]
    [InlineData("2602.10137", "Nüwa: Mending", "José Núñez-Gómez", "nunezgomez2026nuwa")]
    [InlineData("2602.10137", "3D Gaussians", "Łukasz Żółć", "zolc20263d")]
    [InlineData("2602.10137", "$V_0$: A Generalist Value Model", "Ann Lee", "lee2026generalist")]
    [InlineData("2602.10137", "\\textsc{DiARC}: Distinguishing", "Ann Lee", "lee2026diarc")]
    [InlineData("2602.10137", "Don't Stop", "Ann Lee", "lee2026dont")]
    [InlineData("2602.10137", "Straße", "Karl Weiß", "weiss2026strasse")]
    [InlineData("2602.10137", "Title", "Mariia Gladkova*", "gladkova2026title")]
    [InlineData("2602.10137", "Title", "Martin Luther King Jr.", "king2026title")]
    [InlineData("2602.10137", "Title", "Smith, John", "smith2026title")]
    [InlineData("2602.10137", "Title", "Wei Zhang 张伟", "zhang2026title")]
    [InlineData("2602.10137", "Title", "张伟", "anon2026title")]
    [InlineData("2602.10137", "Title", "Qwen Team", "team2026title")]
    [InlineData("2602.10137", "标题", "Ann Lee", "lee2026")]
    [InlineData("math/0601001", "Old Paper", "Ann Lee", "lee2006old")]
    public void Keys_are_lastname_year_first_significant_word(string id, string title, string author, string expected)
    {
        Assert.Equal(expected, CitationKeys.ScholarBase(Paper(id, title, author)));
    }

    [Fact]
    public void A_paper_without_authors_or_identifier_still_gets_a_key()
    {
        var paper = new Paper { Title = "Title", Url = "https://example.org/x", DigestDate = new DateOnly(2026, 3, 3) };
        Assert.Equal("anon2026title", CitationKeys.ScholarBase(paper));
        Assert.Equal("anontitle", CitationKeys.ScholarBase(paper with { DigestDate = null }));
    }

    [Theory]
    [InlineData(1, "a")]
    [InlineData(2, "b")]
    [InlineData(26, "z")]
    [InlineData(27, "aa")]
    [InlineData(28, "ab")]
    [InlineData(702, "zz")]
    [InlineData(703, "aaa")]
    public void Suffixes_count_in_letters(int n, string expected)
    {
        Assert.Equal(expected, CitationKeys.Suffix(n));
    }

    [Fact]
    public async Task Colliding_keys_get_letters_in_arxiv_identifier_order()
    {
        Paper[] papers =
        [
            Paper("2602.10139", "Deep Nets", "Ann Lee"),
            Paper("2602.10137", "Deep Learning", "Ann Lee"),
            Paper("2601.00001v2", "Deep Dreams", "Bo Lee"),
            Paper("2602.10138", "Other", "Ann Lee"),
            Paper("2602.09999", "Deep", "Ann Lee"),
        ];
        Dictionary<string, string> keys = await KeysAsync(papers);
        Assert.Equal("lee2026deep", keys["2601.00001v2"]);
        Assert.Equal("lee2026deepa", keys["2602.09999"]);
        Assert.Equal("lee2026deepb", keys["2602.10137"]);
        Assert.Equal("lee2026deepc", keys["2602.10139"]);
        Assert.Equal("lee2026other", keys["2602.10138"]);
    }

    [Fact]
    public async Task Keys_do_not_depend_on_the_order_of_the_papers()
    {
        Paper[] papers = [.. Enumerable.Range(0, 40).Select(i => Paper($"2602.{10100 + (i * 7 % 40):D5}", i % 3 == 0 ? "Deep Nets" : $"Topic {i}", i % 2 == 0 ? "Ann Lee" : "Bo Lee"))];
        Dictionary<string, string> forward = await KeysAsync(papers);
        var random = new Random(4);
        for (int round = 0; round < 5; round++)
        {
            Dictionary<string, string> shuffled = await KeysAsync(papers.OrderBy(_ => random.Next()));
            Assert.Equal(forward.OrderBy(k => k.Key), shuffled.OrderBy(k => k.Key));
        }
    }

    [Fact]
    public async Task A_key_is_unchanged_when_newer_papers_are_added()
    {
        // The digests of later days add papers with larger identifiers: earlier keys never move, even for collisions.
        Paper[] monday = [Paper("2602.10137", "Deep Nets", "Ann Lee"), Paper("2602.10138", "Wide Nets", "Ann Lee")];
        Paper[] tuesday = [Paper("2602.20001", "Deep Nets", "Ann Lee"), Paper("2602.20002", "Wide Nets Again", "Ann Lee"), Paper("2603.00001", "Deep Nets", "Ann Lee")];
        Dictionary<string, string> before = await KeysAsync(monday);
        Dictionary<string, string> after = await KeysAsync([.. monday, .. tuesday]);
        Assert.All(before, k => Assert.Equal(k.Value, after[k.Key]));
        Assert.Equal("lee2026deepa", after["2602.20001"]);
        Assert.Equal("lee2026deepb", after["2603.00001"]);
    }

    [Fact]
    public async Task A_suffixed_key_skips_a_key_another_paper_already_has()
    {
        Paper[] papers =
        [
            Paper("2602.10137", "Deep", "Ann Lee"),
            Paper("2602.10138", "Deep", "Ann Lee"),
            Paper("2602.10139", "Deepa", "Ann Lee"),
        ];
        Dictionary<string, string> keys = await KeysAsync(papers);
        Assert.Equal("lee2026deep", keys["2602.10137"]);
        Assert.Equal("lee2026deepb", keys["2602.10138"]);
        Assert.Equal("lee2026deepa", keys["2602.10139"]);
    }

    [Fact]
    public async Task Arxiv_keys_are_the_identifier_without_version()
    {
        Dictionary<string, string> keys = await KeysAsync(
            [Paper("2602.10137v2", "Deep", "Ann Lee"), Paper("math/0601001", "Old", "Bo Lee")],
            new BibtexPaperWriterOptions { KeyStyle = BibtexKeyStyle.Arxiv });
        Assert.Equal("arXiv:2602.10137", keys["2602.10137v2"]);
        Assert.Equal("arXiv:math/0601001", keys["math/0601001"]);
    }

    [Fact]
    public async Task A_paper_that_comes_twice_is_written_once_with_its_highest_version()
    {
        string bib = await WriteAsync(
        [
            Paper("2602.10137", "First Title", "Ann Lee"),
            Paper("2602.10138", "Other", "Bo Lee"),
            Paper("2602.10137v3", "Third Title", "Ann Lee"),
            Paper("2602.10137v2", "Second Title", "Ann Lee"),
        ]);
        Assert.Equal(2, EntryRegex().Count(bib));
        Assert.Contains("eprint = {2602.10137v3}", bib, StringComparison.Ordinal);
        Assert.Contains("Third Title", bib, StringComparison.Ordinal);
        Assert.True(bib.IndexOf("Third Title", StringComparison.Ordinal) < bib.IndexOf("Other", StringComparison.Ordinal), "kept where it first came");
    }

    [Fact]
    public async Task Corpus_keys_are_unique_and_deterministic()
    {
        List<Paper> papers = [];
        foreach (string file in CorpusFiles())
        {
            papers.AddRange(DigestParser.ParseFile(file).Papers);
        }

        Dictionary<string, string> first = await KeysAsync(papers);
        Dictionary<string, string> second = await KeysAsync(papers);
        Assert.Equal(papers.Select(p => p.Id!.Value.ToString()).Distinct().Count(), first.Count);
        Assert.Equal(first.Count, first.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(first, second);
        Assert.All(first.Values, k => Assert.Matches("^[a-z0-9]+$", k));

        // Adding the other days to the first day moves a key only where the rule says it may: a paper with the same
        // key and an older identifier came in.
        Paper[] firstDay = [.. DigestParser.ParseFile(CorpusFiles()[0]).Papers];
        Dictionary<string, string> alone = await KeysAsync(firstDay);
        var firstIds = firstDay.Select(p => p.Id!.Value.Id).ToHashSet();
        foreach ((string eprint, string key) in alone)
        {
            if (first[eprint] != key)
            {
                Paper moved = firstDay.Single(p => p.Id!.Value.ToString() == eprint);
                Assert.Contains(papers, q => !firstIds.Contains(q.Id!.Value.Id)
                    && CitationKeys.ScholarBase(q) == CitationKeys.ScholarBase(moved)
                    && CitationKeys.CompareIssueOrder(q.Id!.Value, moved.Id!.Value) < 0);
            }
        }
    }

    internal static string[] CorpusFiles()
    {
        string? shared = RepoPaths.SharedCorpus;
        string[] files = shared is null
            ? Directory.GetFiles(RepoPaths.Samples, "*.md")
            : Directory.GetFiles(Path.Combine(shared, "daily-arxiv"), "*.md");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    [GeneratedRegex(@"@misc\{([^,]+),\n(?:.*\n)*?  eprint = \{([^}]+)\}")]
    private static partial Regex EntryRegex();
}
