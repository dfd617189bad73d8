using System.Text;
using System.Text.Json;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>The <c>arxiv-digest</c> tool, run in-process with captured standard streams.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);


    private static Task<CliRun> RunAsync(string[] args, byte[]? stdin = null) => CliRun.RunAsync(args, stdin);

    private static string PluginPath
    {
        get
        {
            string baseDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            string configuration = Path.GetFileName(Path.GetDirectoryName(baseDir))!;
            return Path.Combine(RepoPaths.Root, "tests", "ArxivDigest.Parsing.TestPlugin", "bin", configuration, "net10.0", "ArxivDigest.Parsing.TestPlugin.dll");
        }
    }

    private string BrokenDigest()
    {
        string full = DigestText.Render(DigestText.Sample("2601.00001"), DigestText.Sample("2601.00002"));
        string path = Path.Combine(_temp, "broken.md");
        File.WriteAllText(path, full[..full.LastIndexOf("Result:", StringComparison.Ordinal)]);
        return path;
    }

    [Fact]
    public async Task Convert_writes_json_lines_to_standard_output()
    {
        CliRun run = await RunAsync(["convert", RepoPaths.Sample("2026-01-26.md"), "--to", "jsonl"]);
        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(106, lines.Length);
        Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
        Assert.Contains("106 papers", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_takes_the_format_from_the_output_extension()
    {
        string output = Path.Combine(_temp, "papers.json");
        CliRun run = await RunAsync(["convert", RepoPaths.Sample("000_c84bd109740d103c.md"), RepoPaths.Sample("001_92646d984e50acb4.md"), "-o", output]);
        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        Assert.Equal(36 + 97, doc.RootElement.GetArrayLength());
        Assert.Single(Directory.GetFiles(_temp)); // no temporary file left beside it
    }

    [Fact]
    public async Task Convert_writes_one_output_per_input_into_a_directory()
    {
        string outDir = Path.Combine(_temp, "out") + "/";
        CliRun run = await RunAsync(["convert", RepoPaths.Samples, "--to", "jsonl", "--json-shape", "daily-arxiv", "-o", outDir, "--quiet"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        string[] written = [.. Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(["000_c84bd109740d103c.jsonl", "001_92646d984e50acb4.jsonl", "2026-01-26.jsonl", "2026-03-03.jsonl"], written);
        string first = File.ReadLines(Path.Combine(outDir, "2026-01-26.jsonl")).First();
        Assert.StartsWith("{\"id\":\"2601.16272\",\"categories\":[\"cs.CV\"]", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_reads_standard_input()
    {
        byte[] input = await File.ReadAllBytesAsync(RepoPaths.Sample("000_c84bd109740d103c.md"));
        CliRun run = await RunAsync(["convert", "-", "--to", "jsonl", "--date", "2025-09-22"], input);
        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(36, lines.Length);
        Assert.Contains("\"digestDate\":\"2025-09-22\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"file\":\"<stdin>\"", lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "convert", "samples-that-do-not-exist.md", "--to", "jsonl" }, "does not exist")]
    [InlineData(new[] { "convert", "SAMPLE", "--to", "xml" }, "Unknown format 'xml'")]
    [InlineData(new[] { "convert", "SAMPLE" }, "Say which format with --to")]
    [InlineData(new[] { "convert", "SAMPLE", "-o", "out.unknown" }, "has no known extension")]
    [InlineData(new[] { "convert", "SAMPLE", "--to", "jsonl", "--json-shape", "yaml" }, "yaml")]
    [InlineData(new[] { "convert", "SAMPLE", "--to", "jsonl", "--date", "26/01/2026" }, "is not a date")]
    [InlineData(new[] { "convert", "SAMPLE", "--nonsense" }, "--nonsense")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    public async Task A_wrong_command_line_exits_with_2_and_says_why(string[] args, string message)
    {
        args = [.. args.Select(a => a == "SAMPLE" ? RepoPaths.Sample("2026-01-26.md") : a)];
        CliRun run = await RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.StandardOutput);
    }

    [Fact]
    public async Task A_strict_conversion_that_fails_leaves_no_file_behind()
    {
        string broken = BrokenDigest();
        string output = Path.Combine(_temp, "out.jsonl");
        File.WriteAllText(output, "previous content");

        CliRun run = await RunAsync(["convert", broken, "-o", output, "--strict"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("broken.md:", run.Error, StringComparison.Ordinal);
        Assert.Equal("previous content", File.ReadAllText(output)); // untouched: the new output never replaced it
        Assert.Equal(["broken.md", "out.jsonl"], Directory.GetFiles(_temp).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Many_inputs_read_ahead_convert_and_report_as_one_at_a_time()
    {
        // Inputs after the current one are parsed ahead on other threads: the output, the order of the messages and
        // the counts must be those of reading them one after the other (standard input is never read ahead).
        string[] samples = [.. Directory.GetFiles(RepoPaths.Samples, "*.md").Order(StringComparer.Ordinal)];
        string broken = BrokenDigest();
        string[] inputs = [samples[0], broken, samples[1], "-", .. samples[2..], broken];
        byte[] stdin = File.ReadAllBytes(samples[0]);

        CliRun all = await RunAsync(["convert", .. inputs, "--to", "jsonl"], stdin);
        Assert.Equal(0, all.ExitCode);

        var expectedOut = new StringBuilder();
        var expectedMessages = new List<string>();
        foreach (string input in inputs)
        {
            CliRun one = await RunAsync(["convert", input, "--to", "jsonl"], stdin);
            expectedOut.Append(one.Text);
            expectedMessages.AddRange(one.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).SkipLast(1)); // all but the summary
        }

        Assert.Equal(expectedOut.ToString(), all.Text);
        string[] messages = all.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expectedMessages, messages.SkipLast(1));
        int papers = expectedOut.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.StartsWith($"{papers} papers to standard output; 4 error(s), 4 warning(s) in the input.", messages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strict_error_in_a_later_input_stops_the_conversion_at_that_input()
    {
        string[] samples = [.. Directory.GetFiles(RepoPaths.Samples, "*.md").Order(StringComparer.Ordinal)];
        string output = Path.Combine(_temp, "out.jsonl");
        CliRun run = await RunAsync(["convert", samples[0], samples[1], BrokenDigest(), .. samples[2..], "-o", output, "--strict"]);

        Assert.Equal(1, run.ExitCode);
        Assert.False(File.Exists(output));
        // The inputs before the broken one were converted and reported; none after it was.
        Assert.Contains($"{samples[0]}: ", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{samples[1]}: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("broken.md:", run.Error, StringComparison.Ordinal);
        Assert.All(samples[2..], s => Assert.DoesNotContain($"{s}: ", run.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lenient_conversion_reports_the_problems_and_keeps_the_papers()
    {
        CliRun run = await RunAsync(["convert", BrokenDigest(), "--to", "jsonl"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("error AXD007", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_reports_no_error_on_the_seeds()
    {
        CliRun run = await RunAsync(["validate", RepoPaths.Sample("000_c84bd109740d103c.md"), RepoPaths.Sample("001_92646d984e50acb4.md")]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2 file(s), 133 papers: 0 error(s), 0 warning(s).", run.Out.Trim());
    }

    [Fact]
    public async Task Validate_names_the_file_line_and_column_of_a_broken_paper()
    {
        string broken = BrokenDigest();
        int lines = File.ReadAllText(broken).Split('\n').Length;
        int heading = File.ReadAllLines(broken).ToList().FindIndex(l => l.StartsWith("### [2]", StringComparison.Ordinal)) + 1;
        CliRun run = await RunAsync(["validate", broken]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{broken}:{lines}:1: error AXD007: The paper at line {heading} ends before its closing </details> line", run.Out, StringComparison.Ordinal);
        Assert.Contains($"{broken}:{heading}:1: error AXD004:", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("1 file(s), 2 papers: 2 error(s), 2 warning(s).", run.Out.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_in_strict_mode_stops_at_the_first_warning()
    {
        string path = Path.Combine(_temp, "toc.md");
        File.WriteAllText(path, DigestText.Render(DigestText.Sample()).Replace("[Total: 1]", "[Total: 2]", StringComparison.Ordinal));
        Assert.Equal(0, (await RunAsync(["validate", path])).ExitCode);
        CliRun strict = await RunAsync(["validate", path, "--strict"]);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains($"{path}:5:1: warning AXD003:", strict.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Formats_lists_the_writers_and_a_plugin_adds_its_own()
    {
        CliRun plain = await RunAsync(["formats"]);
        Assert.Equal(0, plain.ExitCode);
        Assert.Contains("jsonl", plain.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("tsv", plain.Out, StringComparison.Ordinal);

        Assert.True(File.Exists(PluginPath), PluginPath);
        CliRun withPlugin = await RunAsync(["formats", "--plugin", PluginPath]);
        Assert.Matches(@"(?m)^tsv +\.tsv +Tab-separated", withPlugin.Out);
    }

    [Fact]
    public async Task A_plugin_format_converts_with_its_options()
    {
        string output = Path.Combine(_temp, "list.tsv");
        CliRun run = await RunAsync(["convert", RepoPaths.Sample("2026-01-26.md"), "-o", output, "--plugin", PluginPath, "--option", "columns=id"]);
        Assert.Equal(0, run.ExitCode);
        string[] lines = File.ReadAllLines(output);
        Assert.StartsWith("# ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("2026-01-26.md 2026-01-26 id", lines[0], StringComparison.Ordinal);
        Assert.Equal("2601.16272\tGR3EN: Generative Relighting for 3D Environments", lines[1]);
        Assert.Equal(107, lines.Length);
    }

    [Fact]
    public async Task Convert_to_markdown_gives_back_the_same_bytes()
    {
        foreach (string sample in Directory.GetFiles(RepoPaths.Samples, "*.md"))
        {
            string output = Path.Combine(_temp, "again-" + Path.GetFileName(sample));
            CliRun run = await RunAsync(["convert", sample, "--to", "markdown", "-o", output, "--quiet"]);
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(await File.ReadAllBytesAsync(sample), await File.ReadAllBytesAsync(output));
        }
    }

    [Fact]
    public async Task Convert_with_dedupe_reports_the_duplicates_it_dropped()
    {
        string later = Path.Combine(_temp, "2026-02-01.md");
        File.Copy(RepoPaths.Sample("2026-01-26.md"), later);
        string output = Path.Combine(_temp, "merged.md");
        CliRun run = await RunAsync(["convert", RepoPaths.Sample("2026-01-26.md"), later, "--dedupe", "--category", "cs.CV", "-o", output]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("36 papers to " + output + ", 140 filtered out, 36 duplicate(s) dropped;", run.Error, StringComparison.Ordinal);
        Digest merged = DigestParser.ParseFile(output);
        Assert.Empty(merged.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(36, Assert.Single(merged.TableOfContents).Total);
    }

    [Fact]
    public async Task Convert_with_dedupe_reads_standard_input_twice_through_a_copy()
    {
        byte[] day = await File.ReadAllBytesAsync(RepoPaths.Sample("2026-01-26.md"));
        CliRun run = await RunAsync(["convert", "-", RepoPaths.Sample("2026-01-26.md"), "--dedupe", "--to", "jsonl"], day);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(106, run.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(run.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.DoesNotContain("<stdin>", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exclude_options_leave_out_what_they_name_and_count_it_as_filtered_out()
    {
        string day = RepoPaths.Sample("2026-01-26.md");
        var records = SourceRecord.ReadLines(RepoPaths.Sample("2026-01-26_AI_enhanced_Chinese.jsonl")).Where(r => r.AI is not null).ToList();
        static bool Mentions(string? text) => text is not null && text.Contains("diffusion", StringComparison.OrdinalIgnoreCase);
        int expected = records.Count(r => r.Categories![0] != "cs.CL" && !Mentions(r.Title) && !Mentions(r.AI!.Tldr) && !Mentions(r.Summary));
        Assert.InRange(expected, 1, records.Count - 1);

        CliRun run = await RunAsync(["convert", day, "--to", "jsonl", "--exclude-match", "Diffusion", "--exclude-category", "cs.cl"]);

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines.Length);
        Assert.All(lines, l => Assert.DoesNotContain("diffusion", l, StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"{expected} papers to standard output, {records.Count - expected} filtered out", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_regex_fails_with_a_message_not_a_hang()
    {
        string path = Path.Combine(_temp, "evil.md");
        File.WriteAllText(path, DigestText.Render(DigestText.Sample() with { Title = new string('a', 40) + "!" }));
        CliRun run = await RunAsync(["convert", path, "--to", "jsonl", "--match-regex", "^(a+)+$"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("timed out", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_prints_tables_and_json()
    {
        CliRun table = await RunAsync(["stats", RepoPaths.Sample("2026-01-26.md"), RepoPaths.Sample("2026-03-03.md")]);
        Assert.Equal(0, table.ExitCode);
        Assert.StartsWith("234 papers (234 distinct ids) in 2 digest(s)", table.Out, StringComparison.Ordinal);
        Assert.Contains("Papers per category", table.Out, StringComparison.Ordinal);

        CliRun json = await RunAsync(["stats", RepoPaths.Sample("2026-01-26.md"), "--json", "--category", "cs.CL"]);
        using JsonDocument doc = JsonDocument.Parse(json.Out);
        Assert.Equal(43, doc.RootElement.GetProperty("papers").GetInt32());
        Assert.Equal(43, doc.RootElement.GetProperty("categories").GetProperty("cs.CL").GetInt32());
        Assert.Equal(63, doc.RootElement.GetProperty("filteredOut").GetInt32());
        Assert.Equal(43, doc.RootElement.GetProperty("dates").GetProperty("2026-01-26").GetInt32());
    }

    [Fact]
    public async Task Two_inputs_with_the_same_name_cannot_overwrite_each_other()
    {
        string other = Path.Combine(_temp, "again");
        Directory.CreateDirectory(other);
        File.Copy(RepoPaths.Sample("2026-01-26.md"), Path.Combine(other, "2026-01-26.md"));
        string outDir = Path.Combine(_temp, "out") + "/";
        CliRun run = await RunAsync(["convert", RepoPaths.Sample("2026-01-26.md"), Path.Combine(other, "2026-01-26.md"), "--to", "jsonl", "-o", outDir]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Two inputs are named '2026-01-26'", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    [Fact]
    public async Task Convert_writes_a_bibliography_with_the_bibtex_options()
    {
        string output = Path.Combine(_temp, "refs.bib");
        CliRun run = await RunAsync(["convert", RepoPaths.Sample("2026-01-26.md"), "-o", output, "--bib-key", "arxiv", "--bib-note", "tldr", "--bib-ascii", "--quiet"]);
        Assert.Equal(0, run.ExitCode);
        string bib = File.ReadAllText(output);
        Assert.StartsWith("@misc{arXiv:2601.16272,\n  title = {{GR3EN}: Generative Relighting for {3D} Environments},", bib, StringComparison.Ordinal);
        Assert.Equal(106, bib.Split("\n@misc{").Length);
        Assert.Contains("  note = {", bib, StringComparison.Ordinal);
        Assert.DoesNotContain("  abstract = {", bib, StringComparison.Ordinal);
        Assert.All(bib, c => Assert.True(c < 128 || c > 0x2E80, $"U+{(int)c:X4} is neither ASCII nor CJK")); // only the Chinese TL;DRs stay UTF-8
    }

    [Fact]
    public async Task Formats_lists_bibtex_and_convert_refuses_a_wrong_bibtex_option()
    {
        CliRun formats = await RunAsync(["formats"]);
        Assert.Matches(@"(?m)^bibtex +\.bib +BibTeX", formats.Out);

        CliRun wrong = await RunAsync(["convert", RepoPaths.Sample("2026-01-26.md"), "--to", "bibtex", "--bib-key", "doi"]);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("doi", wrong.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_prints_what_the_writer_changed_and_counts_it_in_the_summary()
    {
        string input = Path.Combine(_temp, "2026-01-26.md");
        string digest = DigestText.Render(DigestText.Sample("2601.00001") with { Title = "Back\bspace" });
        await File.WriteAllTextAsync(input, digest.Replace("(https://arxiv.org/abs/2601.00001)", "(https://arxiv.org/abs/2601.00001\b)", StringComparison.Ordinal));
        string output = Path.Combine(_temp, "list.docx");

        CliRun run = await RunAsync(["convert", input, "-o", output]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{input}:12:1: warning {DiagnosticCodes.CharacterReplaced}: DOCX: 1 character of url", run.Error, StringComparison.Ordinal);
        Assert.Contains("; 2 change(s) in the output.", run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(output));

        CliRun quiet = await RunAsync(["convert", input, "-o", output, "--quiet"]);
        Assert.Equal(string.Empty, quiet.Error);
    }
}
