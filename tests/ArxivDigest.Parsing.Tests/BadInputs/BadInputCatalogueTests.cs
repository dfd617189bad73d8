using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.BadInputs;

/// <summary>
/// The catalogue of bad inputs (<c>Inputs/</c>): for each, one snapshot of what the library reports and keeps, and
/// what <c>arxiv-digest convert</c> (to JSON Lines and to a Word list) and <c>validate</c> do with it: exit code,
/// messages, whether an output was written. docs/reliability.md holds the same catalogue as a table.
/// </summary>
public sealed partial class BadInputCatalogueTests : IDisposable
{
    /// <summary>What each input is, for the table; every file in <c>Inputs/</c> must have a line here.</summary>
    internal static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["bare-carriage-return.md"] = "a bare `\\r` inside `Main category:` and the TL;DR",
        ["brackets-in-title.md"] = "`[`, `]`, `](`, `$`, `&`, `%` in a title",
        ["control-characters.md"] = "backspace, form feed, NUL and U+001F in a title, the link, the TL;DR and the abstract",
        ["crlf-with-bom.md"] = "a byte-order mark and CRLF line breaks",
        ["deeply-nested-emphasis.md"] = "a TL;DR of 10,000 `*`, a word, 10,000 `*`",
        ["deeply-nested-list.md"] = "a TL;DR that nests lists 140 levels deep",
        ["duplicate-field.md"] = "`Main category:` twice, and `Result:`, `Conclusion:` lines inside their own values",
        ["empty.md"] = "an empty file",
        ["gzip-compressed.md"] = "a gzip-compressed digest named `.md`",
        ["heading-inside-a-field.md"] = "a paper heading line inside the motivation",
        ["heading-only.md"] = "a paper heading and nothing else",
        ["html-page.md"] = "an HTML page",
        ["invalid-utf8.md"] = "a byte that is not UTF-8 in a title",
        ["bad-lines.jsonl"] = "JSON lines with a blank line, text, a list, a cut-off record, no `id`, a numeric `id` and an invalid UTF-8 byte among good records",
        ["json-lines.md"] = "the generator's JSON lines in a file named `.md`: read as JSON lines, from its content",
        ["later-label-inside-a-field.md"] = "a line starting `Method:` inside the motivation: by the format's rules the method starts there, as the generator would have written it",
        ["malformed-heading.md"] = "a `### [` heading without a link",
        ["missing-abstract.md"] = "a paper without `Abstract:`",
        ["missing-fields.md"] = "a paper without `TL;DR:` and `Method:`",
        ["mixed-line-endings.md"] = "LF line breaks with one CRLF pair",
        ["no-arxiv-link.md"] = "a heading whose link is not an arXiv page",
        ["no-authors.md"] = "a paper without its `*authors*` line",
        ["nul-bytes.md"] = "binary data",
        ["numbering-gap.md"] = "papers numbered 1, 5",
        ["other-json-lines.md"] = "JSON lines that are not the generator's records (no `id`, `title` … key)",
        ["other-summary-text.md"] = "`<summary>Click to expand</summary>` instead of `Details`",
        ["pdf-file.md"] = "a PDF file named `.md`",
        ["placeholder-summary.md"] = "\"Summary generation failed\" in the summaries",
        ["readme.md"] = "a README: Markdown without paper headings",
        ["record-types.jsonl"] = "JSON-lines records with an `id` that is not arXiv's, a number for a title, a string for the authors, `AI` a string, a key given twice",
        ["text-after-details-close.md"] = "`</details>TRAILING text`",
        ["text-after-details-open.md"] = "`<details>X marks the spot`",
        ["text-after-summary.md"] = "`<summary>Details</summary>and more`",
        ["text-outside-papers.md"] = "a preface before the table of contents and a footer after the last paper",
        ["toc-section-missing.md"] = "a table-of-contents entry without a section",
        ["toc-total-mismatch.md"] = "a table-of-contents total of 7 for 2 papers",
        ["toc-without-papers.md"] = "a table of contents that lists papers, and none",
        ["truncated-paper.md"] = "a digest cut off inside its last paper",
        ["unknown-label.md"] = "`Keywords:` and `Score:` lines the template lacks",
        ["unlabelled-text-in-paper.md"] = "a line of text without a label inside a paper",
        ["utf16-digest.md"] = "a digest saved as UTF-16",
        ["valid-empty-digest.md"] = "a table of contents with no entries: a day without papers",
        ["very-long-field.md"] = "a 40,000-character TL;DR of unclosed links `[a](`",
        ["whitespace-only.md"] = "only spaces, tabs and blank lines",
        ["zip-archive.md"] = "a zip archive (a `.docx`) named `.md`",
    };

    private static readonly string InputsFolder = Path.Combine(RepoPaths.TestProject, "BadInputs", "Inputs");

    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-bad-input-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    public static TheoryData<string> Inputs() => [.. Directory.GetFiles(InputsFolder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_catalogue_holds_at_least_30_inputs_each_described()
    {
        string[] files = [.. Directory.GetFiles(InputsFolder).Select(f => Path.GetFileName(f)!)];
        Assert.True(files.Length >= 30, $"{files.Length} inputs");
        Assert.Empty(files.Except(Descriptions.Keys));
        Assert.Empty(Descriptions.Keys.Except(files));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Each_bad_input_is_reported_kept_and_exits_as_documented(string name)
    {
        Outcome outcome = await RunAsync(name);
        Snapshot.Verify(outcome.Text, name.Replace(".md", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reliability_document_lists_every_bad_input_as_it_behaves()
    {
        var table = new StringBuilder();
        table.Append("| Input | What it is | Diagnostics | Kept | `convert` exit | `validate` exit |\n|---|---|---|---|--:|--:|\n");
        foreach (string name in Descriptions.Keys.Order(StringComparer.Ordinal))
        {
            Outcome o = await RunAsync(name);
            table.Append(CultureInfo.InvariantCulture, $"| `{name}` | {Descriptions[name]} | {o.Codes} | {o.Kept} | {o.ConvertExit} | {o.ValidateExit} |\n");
        }

        string doc = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "docs", "reliability.md"));
        Match section = TableSection().Match(doc);
        Assert.True(section.Success, "docs/reliability.md has no <!-- bad-inputs --> … <!-- /bad-inputs --> section");
        if (section.Groups[1].Value != table.ToString())
        {
            string received = Path.Combine(RepoPaths.TestProject, "BadInputs", "bad-inputs-table.received.md");
            await File.WriteAllTextAsync(received, table.ToString());
            Assert.Fail($"docs/reliability.md's bad-input table is out of date; the current one is in {Path.GetFileName(received)}: paste it between the markers.");
        }
    }

    [GeneratedRegex(@"<!-- bad-inputs -->\n(.*?)<!-- /bad-inputs -->", RegexOptions.Singleline)]
    private static partial Regex TableSection();

    private sealed record Outcome(string Text, string Codes, string Kept, int ConvertExit, int ValidateExit);

    private async Task<Outcome> RunAsync(string name)
    {
        string dir = Path.Combine(_temp, Path.GetFileNameWithoutExtension(name));
        Directory.CreateDirectory(dir);
        string input = Path.Combine(dir, name);
        File.Copy(Path.Combine(InputsFolder, name), input);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"input: {name} ({new FileInfo(input).Length} bytes): {Descriptions.GetValueOrDefault(name, "(no description)")}\n\n");

        // The library: what it reports, and everything it keeps.
        sb.Append("== DigestParser.ParseFile\n");
        var codes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        string kept;
        try
        {
            Digest digest = DigestParser.ParseFile(input, new DigestReaderOptions { SourceName = name });
            sb.Append(ModelText.Describe(digest));
            foreach (DigestDiagnostic d in digest.Diagnostics)
            {
                codes[d.Code] = codes.GetValueOrDefault(d.Code) + 1;
            }

            int lines = digest.UnrecognizedText.Length;
            kept = string.Create(CultureInfo.InvariantCulture, $"{digest.Papers.Length} paper(s)")
                + (lines > 0 ? string.Create(CultureInfo.InvariantCulture, $", {lines} unrecognised text block(s)") : string.Empty)
                + (digest.Papers.Sum(p => p.ExtraFields.Length) is int extras and > 0 ? string.Create(CultureInfo.InvariantCulture, $", {extras} extra field(s)") : string.Empty);
        }
        catch (DigestFormatException e)
        {
            sb.Append("throws DigestFormatException: ").Append(e.Diagnostic).Append('\n');
            codes[e.Code] = 1;
            kept = "refused";
        }

        // The tool: JSON Lines and a Word list, and validate.
        string jsonl = Path.Combine(dir, "out.jsonl");
        CliRun convert = await CliRun.RunAsync(["convert", input, "--to", "jsonl", "-o", jsonl]);
        Describe(sb, "arxiv-digest convert INPUT --to jsonl -o out.jsonl", convert, dir, jsonl);
        string docx = Path.Combine(dir, "out.docx");
        CliRun word = await CliRun.RunAsync(["convert", input, "-o", docx]);
        Describe(sb, "arxiv-digest convert INPUT -o out.docx", word, dir, docx);
        foreach (Match m in WriterCode().Matches(word.Error))
        {
            codes[m.Value] = codes.GetValueOrDefault(m.Value) + 1;
        }

        CliRun validate = await CliRun.RunAsync(["validate", input]);
        Describe(sb, "arxiv-digest validate INPUT", validate, dir, output: null);

        string codeList = codes.Count == 0 ? "none" : string.Join(", ", codes.Select(c => c.Value == 1 ? c.Key : string.Create(CultureInfo.InvariantCulture, $"{c.Key} ×{c.Value}")));
        return new Outcome(sb.ToString(), codeList, kept, convert.ExitCode, validate.ExitCode);
    }

    private static void Describe(StringBuilder sb, string command, CliRun run, string dir, string? output)
    {
        sb.Append("\n== ").Append(command).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"exit code: {run.ExitCode}\n");
        if (output is not null)
        {
            sb.Append(!File.Exists(output) ? "output: none\n" : new FileInfo(output).Length > 0 ? "output: written\n" : "output: written, empty\n");
            string[] left = [.. Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Where(f => f!.StartsWith('.'))!];
            if (left.Length > 0)
            {
                sb.Append("left behind: ").Append(string.Join(", ", left)).Append('\n');
            }
        }

        sb.Append("stderr:\n");
        foreach (string line in run.Error.Replace(dir + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append("  ").Append(line).Append('\n');
        }
    }

    [GeneratedRegex(@"\bAXD1\d\d\b")]
    private static partial Regex WriterCode();
}
