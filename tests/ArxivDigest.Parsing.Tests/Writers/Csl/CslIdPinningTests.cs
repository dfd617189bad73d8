using System.Text;
using System.Text.Json;
using ArxivDigest.Parsing.Tests.Writers.Bibtex;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Bibtex;
using ArxivDigest.Parsing.Writers.Csl;

namespace ArxivDigest.Parsing.Tests.Writers.Csl;

/// <summary>CSL-JSON ids never move either: regenerating over the file pins its ids, as the BibTeX writer pins keys.</summary>
public sealed class CslIdPinningTests
{
    private static async Task<string> RegenerateAsync(IEnumerable<Paper> papers, string? existing)
    {
        CslJsonPaperWriterOptions options = CslJsonPaperWriterOptions.Default;
        if (existing is not null)
        {
            using var previous = new MemoryStream(Encoding.UTF8.GetBytes(existing));
            options = (CslJsonPaperWriterOptions)CslJsonPaperWriter.Format.WithExistingOutput(options, previous);
        }

        return (await CslJsonPaperWriterTests.WriteAsync(papers, options)).Json;
    }

    private static Dictionary<string, string> Ids(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(
            item => item.GetProperty("number").GetString()!["arXiv:".Length..],
            item => item.GetProperty("id").GetString()!);

    [Fact]
    public async Task Regenerating_with_older_papers_added_keeps_every_id_and_a_hand_edited_one()
    {
        Paper newer = CitationKeyTests.Paper("2602.00500", "Deep Nets", "Ann Lee");
        Paper older = CitationKeyTests.Paper("2601.00100", "Deep Trees", "Bo Lee");
        Paper other = CitationKeyTests.Paper("2602.00600", "Wide Nets", "Cy Wu");
        string first = await RegenerateAsync([newer, other], existing: null);
        Assert.Equal("lee2026deep", Ids(first)["2602.00500"]);
        string edited = first.Replace("\"wu2026wide\"", "\"MyWide\"", StringComparison.Ordinal);

        Assert.Equal("lee2026deepa", Ids(await RegenerateAsync([newer, older, other], existing: null))["2602.00500"]); // what pinning prevents
        Dictionary<string, string> ids = Ids(await RegenerateAsync([older, newer, other], edited));
        Assert.Equal("lee2026deep", ids["2602.00500"]);
        Assert.Equal("MyWide", ids["2602.00600"]);
        Assert.Equal("lee2026deepa", ids["2601.00100"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"id\": \"x\"}")]
    [InlineData("[1, \"two\", {\"id\": 3}, {\"id\": \"has space\", \"number\": \"arXiv:2601.00001\"}]")]
    public void A_file_that_is_not_csl_json_pins_nothing(string text)
    {
        BibtexKeyPins pins = CslJsonPaperWriter.ReadKeyPins(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(0, pins.Count);
        Assert.Empty(pins.Keys);
    }

    [Fact]
    public void Ids_are_pinned_by_number_doi_or_url_and_other_ids_are_taken()
    {
        const string json = """
            [
              {"id": "a2026x", "number": "arXiv:2601.00001v2"},
              {"id": "b2026x", "DOI": "10.48550/arXiv.2601.00002"},
              {"id": "c2026x", "URL": "https://arxiv.org/abs/2601.00003v1"},
              {"id": "zotero1", "title": "A book"},
            ]
            """;
        BibtexKeyPins pins = CslJsonPaperWriter.ReadKeyPins(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(["2601.00001", "2601.00002", "2601.00003"], pins.ByPaper.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("zotero1", pins.Keys);
        Assert.Equal(["bibtex", "csl-json"], PaperWriterRegistry.CreateDefault().Formats.Where(f => f.ReadsExistingOutput).Select(f => f.Name));
    }
}
