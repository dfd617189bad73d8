using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Tests.Writers.Bibtex;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Csl;

namespace ArxivDigest.Parsing.Tests.Writers.Csl;

/// <summary>The <c>csl-json</c> format: items as arXiv preprints, ids, names, text, options, and its place among the formats.</summary>
public sealed class CslJsonPaperWriterTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static async Task<(string Json, PaperWriter Writer)> WriteAsync(IEnumerable<Paper> papers, CslJsonPaperWriterOptions? options = null)
    {
        using var output = new MemoryStream();
        PaperWriter writer = CslJsonPaperWriter.Format.Create(output, options ?? CslJsonPaperWriterOptions.Default);
        await using (writer)
        {
            foreach (Paper paper in papers)
            {
                await writer.WritePaperAsync(paper);
            }

            await writer.CompleteAsync();
        }

        return (Encoding.UTF8.GetString(output.ToArray()), writer);
    }

    private static JsonElement[] Items(string json) => [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone())];

    [Fact]
    public async Task The_sample_maps_as_the_snapshot_shows()
    {
        (string json, _) = await WriteAsync(ReferenceSamples.Papers());
        Snapshot.Verify(json, "sample", "json");
    }

    [Fact]
    public async Task With_abstract_and_tldr_the_sample_maps_as_the_snapshot_shows()
    {
        (string json, _) = await WriteAsync(ReferenceSamples.Papers(), new CslJsonPaperWriterOptions { Abstract = true, Note = CslNote.Tldr });
        Snapshot.Verify(json, "sample.all-options", "json");
    }

    [Fact]
    public async Task An_item_is_an_arxiv_preprint()
    {
        (string json, _) = await WriteAsync([ReferenceSamples.Papers()[1]]);
        JsonElement item = Assert.Single(Items(json));
        Assert.Equal("article", item.GetProperty("type").GetString());
        Assert.Equal("Preprint", item.GetProperty("genre").GetString());
        Assert.Equal("arXiv", item.GetProperty("publisher").GetString());
        Assert.Equal("arXiv:2601.00002", item.GetProperty("number").GetString());
        Assert.Equal("10.48550/arXiv.2601.00002", item.GetProperty("DOI").GetString());
        Assert.Equal("https://arxiv.org/abs/2601.00002v3", item.GetProperty("URL").GetString());
        Assert.Equal("[[2026,1]]", item.GetProperty("issued").GetProperty("date-parts").GetRawText().Replace(" ", "", StringComparison.Ordinal).ReplaceLineEndings(""));
        Assert.False(item.TryGetProperty("abstract", out _));
        Assert.False(item.TryGetProperty("note", out _));
    }

    [Fact]
    public async Task A_paper_that_comes_again_is_one_item_with_its_highest_version_where_it_first_came()
    {
        List<Paper> papers = ReferenceSamples.Papers();
        (string json, _) = await WriteAsync(papers);
        JsonElement[] items = Items(json);
        Assert.Equal(3, items.Length);
        Assert.Equal("https://arxiv.org/abs/2601.00001v2", items[0].GetProperty("URL").GetString());
        Assert.EndsWith("(v2)", items[0].GetProperty("title").GetString(), StringComparison.Ordinal);

        // A lower version after a higher one changes nothing.
        (string again, _) = await WriteAsync([papers[2], papers[1], papers[0]]);
        Assert.Equal("https://arxiv.org/abs/2601.00001v2", Items(again)[0].GetProperty("URL").GetString());
        Assert.Equal(2, Items(again).Length);
    }

    [Fact]
    public async Task Ids_are_the_bibtex_writers_default_keys_even_when_keys_collide()
    {
        // Three papers with the same Scholar key base, out of identifier order, and one repeated.
        Paper Make(string id, string title) => new() { Id = ArxivId.Parse(id), Title = title, Url = "https://arxiv.org/abs/" + id, Authors = ["Ann Lee"] };
        List<Paper> papers = [Make("2601.00300", "Deep nets"), Make("2601.00100", "Deep learning"), Make("2601.00200", "Deep thoughts"), Make("2601.00100v2", "Deep learning"), .. ReferenceSamples.Papers()];
        Dictionary<string, string> bibKeys = await CitationKeyTests.KeysAsync(papers);

        (string json, _) = await WriteAsync(papers);
        JsonElement[] items = Items(json);
        Assert.Equal(bibKeys.Count + 1, items.Length); // the paper without an identifier has no eprint to match
        foreach (JsonElement item in items.Where(i => i.TryGetProperty("number", out _)))
        {
            string id = item.GetProperty("number").GetString()!["arXiv:".Length..];
            string eprint = bibKeys.Keys.Single(k => ArxivId.Parse(k).Id == id);
            Assert.Equal(bibKeys[eprint], item.GetProperty("id").GetString());
        }

        Assert.Equal(items.Length, items.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(["lee2026deep", "lee2026deepa", "lee2026deepb"], items.Take(3).Select(i => i.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Names_are_family_and_given_or_literal()
    {
        (string json, _) = await WriteAsync([ReferenceSamples.Papers()[0]]);
        JsonElement authors = Items(json)[0].GetProperty("author");
        Assert.Equal(
            """[{"family":"Lovelace","given":"Ada"},{"family":"van der Waals","given":"Johannes"},{"family":"King","given":"Martin Luther","suffix":"Jr."},{"literal":"张伟"},{"literal":"Qwen Team"},{"family":"Turing","given":"Alan"}]""",
            JsonSerializer.Serialize(authors, Relaxed));
    }

    [Fact]
    public async Task Text_is_plain_unicode_with_math_kept_and_white_space_folded()
    {
        (string json, _) = await WriteAsync(ReferenceSamples.Papers(), new CslJsonPaperWriterOptions { Abstract = true, Note = CslNote.Tldr });
        JsonElement[] items = Items(json);
        Assert.Equal("NeRF & GANs: 100% $\\alpha$-Fun with $^{3}$He (v2)", items[0].GetProperty("title").GetString());
        Assert.Equal("We study $x^2$. Second line, new paragraph with a tab.", items[0].GetProperty("abstract").GetString());
        Assert.Equal("提出了一个方法。", items[0].GetProperty("note").GetString());
        Assert.Equal("Attention \"quoted\" \\ backslash <i>in italics</i>", items[1].GetProperty("title").GetString());
        Assert.Contains("\"title\": \"NeRF & GANs", json, StringComparison.Ordinal); // non-ASCII and & unescaped
        Assert.Contains("\"提出了一个方法。\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_and_lone_surrogates_are_removed_and_reported()
    {
        Paper paper = ReferenceSamples.Papers()[1] with
        {
            Title = "Bell\u0007 and\u0000 escape\u001B[31m, lone \uD800 half, \uFFFF",
            Authors = ["Ada\u0008 Lovelace"],
            Abstract = "Not written, so not reported \u0007",
        };
        (string json, PaperWriter writer) = await WriteAsync([paper]);
        JsonElement item = Assert.Single(Items(json));
        Assert.Equal("Bell and escape[31m, lone half,", item.GetProperty("title").GetString());
        Assert.Equal("Lovelace", item.GetProperty("author")[0].GetProperty("family").GetString());
        Assert.Collection(
            writer.Diagnostics,
            d => Assert.Equal("CSL-JSON: 1 character of author that CSL-JSON cannot hold was removed (control characters, lone surrogates and noncharacters).", d.Message),
            d => Assert.Equal("CSL-JSON: 5 characters of title that CSL-JSON cannot hold were removed (control characters, lone surrogates and noncharacters).", d.Message));
        Assert.All(writer.Diagnostics, d => Assert.Equal(DiagnosticCodes.CharacterReplaced, d.Code));
    }

    [Fact]
    public async Task A_paper_without_an_identifier_has_its_own_url_and_the_digest_date_but_no_doi()
    {
        (string json, _) = await WriteAsync([ReferenceSamples.Papers()[3]]);
        JsonElement item = Assert.Single(Items(json));
        Assert.Equal("https://example.org/paper?id=7", item.GetProperty("URL").GetString());
        Assert.Equal(2025, item.GetProperty("issued").GetProperty("date-parts")[0][0].GetInt32());
        Assert.Equal(12, item.GetProperty("issued").GetProperty("date-parts")[0][1].GetInt32());
        Assert.Equal("anon2025paper", item.GetProperty("id").GetString());
        foreach (string absent in new[] { "DOI", "number", "publisher", "author" })
        {
            Assert.False(item.TryGetProperty(absent, out _), absent);
        }
    }

    [Theory]
    [InlineData("ftp://example.org/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    [InlineData("")]
    public async Task A_url_that_is_not_http_is_left_out(string url)
    {
        (string json, _) = await WriteAsync([new Paper { Title = "T", Url = url }]);
        Assert.False(Assert.Single(Items(json)).TryGetProperty("URL", out _));
    }

    [Fact]
    public async Task No_papers_is_an_empty_array()
    {
        (string json, _) = await WriteAsync([]);
        Assert.Equal("[]\n", json);
    }

    [Fact]
    public void The_format_is_chosen_by_csl_json_and_plain_json_stays_json()
    {
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault();
        Assert.True(registry.TryGetByPath("out/refs.csl.json", out PaperWriterFormat? csl));
        Assert.Equal("csl-json", csl.Name);
        Assert.True(registry.TryGetByPath("refs.json", out PaperWriterFormat? json));
        Assert.Equal("json", json.Name);
        Assert.True(registry.TryGet("csl-json", out PaperWriterFormat? byName));
        Assert.Equal(["csl-abstract", "csl-note"], byName.Options.Select(o => o.Name));
    }
}
