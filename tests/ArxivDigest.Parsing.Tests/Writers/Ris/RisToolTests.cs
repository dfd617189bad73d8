using System.Text.RegularExpressions;
using System.Xml.Linq;
using ArxivDigest.Cli;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Writers.Ris;

/// <summary>
/// A month of the corpus as RIS goes through bibutils' ris2xml (Debian's bibutils, .ci/setup.d/bibutils.sh): every
/// record is read, as an unpublished work with its arXiv identifier, and nothing is reported but the count.
/// </summary>
public sealed partial class RisToolTests : IDisposable
{
    private static readonly XNamespace Mods = "http://www.loc.gov/mods/v3";

    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-ris-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [ConsumerFact("bibutils.sh", "ris2xml")]
    public async Task Ris2xml_reads_every_paper_of_a_month_without_a_complaint()
    {
        string[] days = ReferenceTools.JanuaryDays();
        HashSet<string> expected = ReferenceTools.SourceIds(days);
        string refs = Path.Combine(_temp, "refs.ris");
        var console = new CliConsole(new StringWriter(), new StringWriter(), () => new MemoryStream(), () => new MemoryStream());
        Assert.Equal(0, await CliApp.RunAsync(["convert", .. days, "-o", refs, "--ris-abstract", "--ris-note", "tldr", "--quiet"], console));

        // Every record holds arXiv's DOI (bibutils drops it, see below, so it is checked in the file).
        string ris = await File.ReadAllTextAsync(refs);
        Assert.Equal(expected.Order(StringComparer.Ordinal), DoiRegex().Matches(ris).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));

        (int code, string output, string error) = await ReferenceTools.RunAsync("ris2xml", ["refs.ris"], _temp);
        Assert.True(code == 0, error);
        Assert.Equal($"ris2xml: Processed {expected.Count} references.", error.Trim());

        XElement[] records = [.. XDocument.Parse(output.TrimStart('\uFEFF')).Root!.Elements(Mods + "mods")];
        Assert.Equal(expected.Count, records.Length);
        Assert.All(records, r => Assert.Equal("unpublished", r.Element(Mods + "genre")?.Value));
        Assert.All(records, r => Assert.NotEmpty(r.Elements(Mods + "name")));
        Assert.All(records, r => Assert.NotNull(r.Element(Mods + "abstract")));

        // bibutils takes arXiv:ID (M1) as the arXiv identifier. It drops DO: its DOI test wants a four-digit
        // registrant (10.NNNN/), and arXiv's is 10.48550.
        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            records.Select(r => r.Elements(Mods + "identifier").Single(i => (string?)i.Attribute("type") == "arXiv").Value).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^DO  - 10\.48550/arXiv\.(\S+)\r$", RegexOptions.Multiline)]
    private static partial Regex DoiRegex();
}
