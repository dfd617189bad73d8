using System.Text.Json;
using ArxivDigest.Cli;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Writers.Csl;

/// <summary>
/// A month of the corpus as CSL-JSON goes through pandoc's citeproc (Debian's pandoc, .ci/setup.d/pandoc.sh): every
/// item renders, once, without a warning, with its arXiv DOI.
/// </summary>
public sealed class CslToolTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-csl-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [ConsumerFact("pandoc.sh", "pandoc")]
    public async Task Pandoc_citeproc_renders_every_paper_of_a_month_once_without_a_warning()
    {
        string[] days = ReferenceTools.JanuaryDays();
        HashSet<string> expected = ReferenceTools.SourceIds(days);
        string refs = Path.Combine(_temp, "refs.csl.json");
        var console = new CliConsole(new StringWriter(), new StringWriter(), () => new MemoryStream(), () => new MemoryStream());
        Assert.Equal(0, await CliApp.RunAsync(["convert", .. days, "-o", refs, "--csl-abstract", "--csl-note", "tldr", "--quiet"], console));

        using JsonDocument json = JsonDocument.Parse(await File.ReadAllTextAsync(refs));
        JsonElement[] items = [.. json.RootElement.EnumerateArray()];
        Assert.Equal(expected.Order(StringComparer.Ordinal), items.Select(i => i.GetProperty("number").GetString()!["arXiv:".Length..]).Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.Equal("10.48550/arXiv." + i.GetProperty("number").GetString()!["arXiv:".Length..], i.GetProperty("DOI").GetString()));

        await File.WriteAllTextAsync(Path.Combine(_temp, "doc.md"), "---\nnocite: '@*'\n---\n");
        (int code, string output, string error) = await ReferenceTools.RunAsync(
            "pandoc", ["doc.md", "--citeproc", "--bibliography", "refs.csl.json", "-t", "json"], _temp);
        Assert.True(code == 0, error);
        Assert.Equal(string.Empty, error);

        // The bibliography: a div "refs" holding one div "ref-ID" per item.
        using JsonDocument ast = JsonDocument.Parse(output);
        JsonElement refsDiv = ast.RootElement.GetProperty("blocks").EnumerateArray()
            .Single(b => b.GetProperty("t").GetString() == "Div" && b.GetProperty("c")[0][0].GetString() == "refs");
        string[] rendered = [.. refsDiv.GetProperty("c")[1].EnumerateArray().Select(b => b.GetProperty("c")[0][0].GetString()!)];
        Assert.Equal(items.Select(i => "ref-" + i.GetProperty("id").GetString()).Order(StringComparer.Ordinal), rendered.Order(StringComparer.Ordinal));

        // Each reference prints its DOI (pandoc's default style, Chicago author-date, links it).
        (code, string text, error) = await ReferenceTools.RunAsync(
            "pandoc", ["doc.md", "--citeproc", "--bibliography", "refs.csl.json", "-t", "plain", "--wrap=none"], _temp);
        Assert.True(code == 0, error);
        Assert.Equal(string.Empty, error);
        Assert.All(expected, id => Assert.Contains("https://doi.org/10.48550/arXiv." + id, text, StringComparison.Ordinal));
    }
}
