using System.Text.Json.Nodes;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Dialects;

/// <summary>
/// Every shared dialect digest (forks' layouts) against the JSON lines it was rendered from: read with its built-in
/// dialect, with the dialect made from the fork's own template file, and with none given (detected), every paper's
/// fields equal its record under <c>dialect_map.json</c>'s rules, with no error. The committed fixtures run
/// everywhere; the shared corpus's whole days when it is beside the repository.
/// </summary>
public sealed class DialectCorpusTests
{
    public static TheoryData<string> Digests() => CorpusFiles.AsTheoryData(CorpusFiles.DialectDigests);

    [Theory]
    [MemberData(nameof(Digests))]
    public void Read_in_its_built_in_dialect_every_paper_equals_its_record(string md)
    {
        (string folder, string date) = (Path.GetFileName(Path.GetDirectoryName(md)!), Path.GetFileNameWithoutExtension(md));
        (DigestDialect dialect, string? variant) = DialectTruth.DialectOf(folder, date);
        Digest digest = DigestParser.ParseFile(md, new DigestReaderOptions { Dialect = dialect });
        AssertMatchesTruth(md, folder, variant, digest);
    }

    [Theory]
    [MemberData(nameof(Digests))]
    public void Read_with_no_dialect_given_the_right_one_is_detected(string md)
    {
        (string folder, string date) = (Path.GetFileName(Path.GetDirectoryName(md)!), Path.GetFileNameWithoutExtension(md));
        (DigestDialect dialect, string? variant) = DialectTruth.DialectOf(folder, date);
        Digest digest = DigestParser.ParseFile(md);
        Assert.Equal(dialect.Name, digest.Dialect.Name);
        Assert.Contains(digest.Diagnostics, d => d.Code == DiagnosticCodes.DialectDetected && d.Message.Contains($"'{dialect.Name}'", StringComparison.Ordinal));
        AssertMatchesTruth(md, folder, variant, digest);
    }

    [Theory]
    [MemberData(nameof(Digests))]
    public void Read_with_the_forks_own_template_file_it_reads_as_the_built_in_dialect(string md)
    {
        (string folder, string date) = (Path.GetFileName(Path.GetDirectoryName(md)!), Path.GetFileNameWithoutExtension(md));
        (DigestDialect builtIn, _) = DialectTruth.DialectOf(folder, date);

        // The oldest layout's template file is in no fork's history; its template text stands in for it.
        DigestDialect fromTemplate = CorpusFiles.TemplateOf(md) is string template ? DigestDialect.FromTemplateFile(template) : DigestDialect.FromTemplate(builtIn.PaperTemplate);
        Digest expected = DigestParser.ParseFile(md, new DigestReaderOptions { Dialect = builtIn });
        Digest digest = DigestParser.ParseFile(md, new DigestReaderOptions { Dialect = fromTemplate });

        Assert.Empty(digest.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(expected.Papers.Length, digest.Papers.Length);
        for (int i = 0; i < digest.Papers.Length; i++)
        {
            // The same fields; extra fields keyed by the template's placeholder names rather than the fork's JSON keys.
            Assert.Equal(Describe(expected.Papers[i]), Describe(digest.Papers[i]));
        }
    }

    private static string Describe(Paper p) => ModelText.Describe(new Digest { Papers = [p with { ExtraFields = [.. p.ExtraFields.Select(f => f with { Key = null })] }] });

    private static void AssertMatchesTruth(string md, string folder, string? variant, Digest digest)
    {
        Assert.Empty(digest.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        List<JsonObject> records = [.. File.ReadLines(Path.ChangeExtension(md, ".truth.jsonl")).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())];
        int headings = File.ReadLines(md).Count(l => l.StartsWith("### [", StringComparison.Ordinal));
        Assert.Equal(headings, digest.Papers.Length);
        List<string> diffs = DialectTruth.Differences(folder, variant, digest.Papers, records);
        Assert.True(diffs.Count == 0, $"{diffs.Count} differences in {md}:\n" + string.Join("\n", diffs.Take(12)));
    }
}
