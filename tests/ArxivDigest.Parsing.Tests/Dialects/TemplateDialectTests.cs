using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Dialects;

/// <summary>
/// Dialects made from templates of forks this library has never seen: a digest rendered from the template (by an
/// independent renderer) reads back exactly, whatever the values hold, with every placeholder the model has no
/// property for kept under its own name.
/// </summary>
public sealed class TemplateDialectTests
{
    /// <summary>Bullets, a score and tags on one line, a Chinese abstract below a summary tag, no English abstract, no category.</summary>
    private const string Bullets =
        "### [{idx}] [{title}]({url})\n*{authors}*\n\n- **Score:** {score}/5 | **Tags:** {tags}\n- **TL;DR:** {tldr}\n- **Why:** {why}\n\n<details>\n<summary>中文摘要</summary>\n\n{summary_cn}\n\n</details>\n";

    /// <summary>Headings with values below them, the link on its own line, authors after a label, nothing closing the paper.</summary>
    private const string Headings =
        "## {title}\n[arXiv]({url}) · {cate}\n**Authors:** {authors}\n\n#### Key Contributions\n{key_contributions}\n\n#### Relevance\n{relevance}\n";

    /// <summary>Plain labels with full-width colons, a blockquoted TL;DR, the comment, values on the line after their label.</summary>
    private const string Plain =
        "### [{idx}] [{title}](https://arxiv.org/abs/{id})\n> {tldr}\n\n作者：{authors}\n\n评论：{comment}\n\n动机：\n{motivation}\n\n方法：\n{method}\n\n摘要：{summary}\n";

    public static TheoryData<string, string> Templates() => new()
    {
        { "bullets", Bullets },
        { "headings", Headings },
        { "plain", Plain },
    };

    /// <summary>Values as LLMs write them: edge whitespace, inner blank lines, #### lines, ]( in titles, math, line separators, empty values.</summary>
    private static readonly string[] Hostile =
    [
        "plain words",
        "  leading and trailing spaces  ",
        "two\n\nparagraphs",
        "#### a heading line\ninside the value",
        "$\\mathcal{O}(n^2)$ & 100% [sic] (see [1](x))",
        "line\u2028separator and\u2029paragraph separator",
        "",
        "Background: a line that looks like a label\nMethods: another",
        "ends with a line break\n",
        "\nstarts with one",
    ];

    private static Dictionary<string, string> PaperValues(int n, string id)
    {
        string V(int k) => Hostile[(n + k) % Hostile.Length];
        return new Dictionary<string, string>
        {
            ["title"] = n % 3 == 0 ? "A [bracketed](title) with $x$" : "Title " + n,
            ["url"] = "https://arxiv.org/abs/" + id,
            ["id"] = id,
            ["authors"] = n % 2 == 0 ? "Ada Lovelace,Alan Turing" : "Ada Lovelace, Alan Turing",
            ["cate"] = "cs.CV",
            ["score"] = (n % 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["tags"] = "vision, 3D",
            ["tldr"] = V(1).Replace("\n", " ", StringComparison.Ordinal),
            ["why"] = V(2),
            ["summary_cn"] = V(3),
            ["key_contributions"] = V(4),
            ["relevance"] = V(5).TrimEnd('\n'),
            ["comment"] = n % 2 == 0 ? "" : "12 pages, 3 figures",
            ["motivation"] = V(6),
            ["method"] = V(7),
            ["summary"] = V(8).Replace("\n", " ", StringComparison.Ordinal),
        };
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_digest_of_an_unseen_forks_template_reads_back_exactly(string name, string template)
    {
        var papers = Enumerable.Range(0, 20).Select(n => PaperValues(n, $"2601.{n + 1:00000}")).ToList();
        string markdown = TemplateRenderer.Render(template, [("cs.CV", papers[..10]), ("cs.LG", papers[10..])]);
        DigestDialect dialect = DigestDialect.FromTemplate(template, name);

        Digest digest = DigestParser.Parse(markdown, new DigestReaderOptions { Dialect = dialect });

        Assert.Empty(digest.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(20, digest.Papers.Length);
        HashSet<string> placeholders = [.. dialect.Fields.Select(f => f.Placeholder)];
        for (int i = 0; i < papers.Count; i++)
        {
            Dictionary<string, string> want = papers[i];
            Paper got = digest.Papers[i];
            Assert.Equal(want["title"], got.Title);
            Assert.Equal(want["url"], got.Url);
            Assert.Equal(["Ada Lovelace", "Alan Turing"], got.Authors.ToArray());
            foreach (DialectField field in dialect.Fields)
            {
                string? value = field.Kind == PaperFieldKind.Other
                    ? got.ExtraFields.Single(f => f.Key == field.Key).Value
                    : got.GetField(field.Kind);
                Assert.True(want[field.Placeholder] == value, $"paper {i}, {field.Placeholder}: wrote {Show(want[field.Placeholder])}, read {Show(value)}");
            }

            // Nothing else: every extra field is a placeholder of the template.
            Assert.All(got.ExtraFields, f => Assert.Contains(f.Key!, placeholders));
        }
    }

    [Fact]
    public void A_template_names_its_fields_and_how_each_is_framed()
    {
        DigestDialect dialect = DigestDialect.FromTemplate(Bullets, "bullets");

        Assert.Equal(
            [("score", "Score", PaperFieldKind.Other, "score", DialectFieldFrame.WithinLine), ("tags", "Tags", PaperFieldKind.Other, "tags", DialectFieldFrame.WithinLine),
             ("tldr", "TL;DR", PaperFieldKind.Tldr, null, DialectFieldFrame.Bullet), ("why", "Why", PaperFieldKind.Other, "why", DialectFieldFrame.Bullet),
             ("summary_cn", "中文摘要", PaperFieldKind.Other, "summary_cn", DialectFieldFrame.LineAbove)],
            dialect.Fields.Select(f => (f.Placeholder, f.Label, f.Kind, f.Key, f.Frame)));
    }

    [Fact]
    public void A_forks_json_keys_can_rename_its_placeholders()
    {
        DigestDialect dialect = DigestDialect.FromTemplate(Bullets, keys: new Dictionary<string, string> { ["score"] = "importance_score" });
        Assert.Contains(dialect.Fields, f => f.Placeholder == "score" && f.Key == "importance_score");
    }

    [Theory]
    [InlineData("*{authors}*\n\nTL;DR: {tldr}\n", "{title}")]
    [InlineData("### [{idx}] [{title}]({url})\nTL;DR: {tldr\n", "not closed")]
    [InlineData("{title}\n", "starts with a placeholder")]
    public void A_template_that_cannot_describe_a_paper_is_refused_saying_why(string template, string expected)
    {
        FormatException e = Assert.Throws<FormatException>(() => DigestDialect.FromTemplate(template));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("daily-arxiv")]
    [InlineData("canonical")]
    [InlineData("ZL-Asica")]
    [InlineData("xmkxabc")]
    [InlineData("hppeace")]
    public void A_built_in_dialect_is_found_by_name_or_alias_in_any_case(string name)
    {
        Assert.True(DigestDialect.TryGetBuiltIn(name, out DigestDialect? dialect));
        Assert.Contains(dialect.BuiltInNames(), n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_canonical_dialect_is_the_generators_template_byte_for_byte()
    {
        Assert.Equal(DigestText.CanonicalTemplate, DigestDialect.Canonical.PaperTemplate);
        if (RepoPaths.SharedCorpus is string corpus)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(corpus, "templates", "daily-arxiv", "paper_template.md")), DigestDialect.Canonical.PaperTemplate);
        }
    }

    [Fact]
    public void A_digest_of_a_layout_no_dialect_knows_is_read_with_the_closest_and_a_warning()
    {
        var papers = Enumerable.Range(0, 6).Select(n => PaperValues(n, $"2601.{n + 1:00000}")).ToList();
        string markdown = TemplateRenderer.Render(Bullets, [("cs.CV", papers)]);

        Digest digest = DigestParser.Parse(markdown);

        Assert.Equal(6, digest.Papers.Length);
        Assert.Contains(digest.Diagnostics, d => d.Code == DiagnosticCodes.DialectUncertain && d.Severity == DiagnosticSeverity.Warning);
        Assert.All(digest.Papers, p => Assert.Equal(papers[0]["authors"].Split(',')[0], p.Authors[0]));
    }

    [Fact]
    public void The_canonical_template_made_into_a_dialect_reads_the_sample_days_as_the_built_in_one()
    {
        DigestDialect fromTemplate = DigestDialect.FromTemplate(DigestDialect.Canonical.PaperTemplate);
        Assert.Equal(",", fromTemplate.AuthorSeparator);
        foreach (string day in CorpusFiles.DaysWithSource.Take(3))
        {
            Digest expected = DigestParser.ParseFile(day);
            Digest actual = DigestParser.ParseFile(day, new DigestReaderOptions { Dialect = fromTemplate });
            Assert.Equal(ModelText.Describe(expected), ModelText.Describe(actual));
        }
    }

    private static string Show(string? value) => value is null ? "null" : System.Text.Json.JsonSerializer.Serialize(value);
}

internal static class DialectNames
{
    public static IEnumerable<string> BuiltInNames(this DigestDialect dialect) => [dialect.Name, .. dialect.Aliases];
}
