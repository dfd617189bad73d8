using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Tests.Writers.Docx;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>Flag values, help, validate's summary, and the hint for undated standard input; run in-process.</summary>
public sealed class CliOptionTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-options-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);


    private static Task<CliRun> RunAsync(string[] args, byte[]? stdin = null) => CliRun.RunAsync(args, stdin);

    private static string Sample => RepoPaths.Sample("2026-01-26.md");

    private static string PluginPath
    {
        get
        {
            string baseDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            string configuration = Path.GetFileName(Path.GetDirectoryName(baseDir))!;
            return Path.Combine(RepoPaths.Root, "tests", "ArxivDigest.Parsing.TestPlugin", "bin", configuration, "net10.0", "ArxivDigest.Parsing.TestPlugin.dll");
        }
    }

    [Theory]
    [InlineData(new[] { "--bib-abstract" }, true)]
    [InlineData(new[] { "--bib-abstract", "true" }, true)]
    [InlineData(new[] { "--bib-abstract", "yes" }, true)]
    [InlineData(new[] { "--bib-abstract", "1" }, true)]
    [InlineData(new[] { "--bib-abstract=YES" }, true)]
    [InlineData(new[] { "--bib-abstract", "no" }, false)]
    [InlineData(new[] { "--bib-abstract", "0" }, false)]
    [InlineData(new[] { "--bib-abstract", "false" }, false)]
    [InlineData(new[] { "--bib-abstract=no" }, false)]
    [InlineData(new string[0], false)]
    public async Task A_flag_takes_true_false_yes_no_1_0_as_its_value_and_alone_means_true(string[] flag, bool abstracts)
    {
        CliRun run = await RunAsync(["convert", Sample, "--to", "bibtex", .. flag, "--quiet"]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(abstracts, run.Text.Contains("  abstract = {", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_flag_before_an_input_still_leaves_the_input_to_the_inputs()
    {
        CliRun run = await RunAsync(["convert", "--bib-abstract", Sample, "--to", "bibtex", "--quiet"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  abstract = {", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_docx_flag_given_no_turns_the_abstracts_off()
    {
        string output = Path.Combine(_temp, "list.docx");
        CliRun run = await RunAsync(["convert", Sample, "-o", output, "--docx-abstracts", "no", "--category", "cs.GT", "--quiet"]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("[Abstract]", DocxTestDocument.NormalizedText(await File.ReadAllBytesAsync(output)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--docx-abstracts=maybe", "--docx-abstracts takes true, false, yes, no, 1 or 0; not 'maybe'.")]
    [InlineData("--docx-abstracts maybe", "it is not a value --docx-abstracts takes")]
    public async Task A_flag_value_it_does_not_take_is_a_usage_error_naming_the_flag(string flag, string message)
    {
        CliRun run = await RunAsync(["convert", Sample, "-o", Path.Combine(_temp, "list.docx"), .. flag.Split(' ')]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_temp));
    }

    [Fact]
    public async Task Convert_help_lists_the_formats_and_those_of_a_plugin()
    {
        CliRun help = await RunAsync(["convert", "--help"]);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("The output format: json, jsonl, markdown, parquet, bibtex, csl-json, ris, docx, atom, rss (details: 'arxiv-digest formats')", help.Out, StringComparison.Ordinal);
        Assert.Contains("true/false/yes/no/1/0", help.Out, StringComparison.Ordinal);

        CliRun withPlugin = await RunAsync(["convert", "--help", "--plugin", PluginPath]);
        Assert.Contains("The output format: json, jsonl, markdown, parquet, bibtex, csl-json, ris, docx, atom, rss, tsv (details", withPlugin.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_counts_the_info_lines_it_prints()
    {
        string path = Path.Combine(_temp, "placeholder.md");
        File.WriteAllText(path, DigestText.Render(DigestText.Sample() with { Tldr = "Summary generation failed" }, DigestText.Sample("2601.00002")));
        CliRun run = await RunAsync(["validate", path]);
        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.Contains(": info AXD", StringComparison.Ordinal));
        Assert.Equal("1 file(s), 2 papers: 0 error(s), 0 warning(s), 1 info(s).", lines[^1]);
    }

    [Fact]
    public async Task Standard_input_without_a_date_gets_a_one_line_note_suggesting_date()
    {
        byte[] day = File.ReadAllBytes(Sample);
        CliRun undated = await RunAsync(["convert", "-", "--to", "jsonl"], day);
        Assert.Equal(0, undated.ExitCode);
        Assert.Single(undated.Error.Split('\n'), l => l == "note: <stdin> gives no digest date, so its papers have none; add --date YYYY-MM-DD.");

        Assert.DoesNotContain("note:", (await RunAsync(["convert", "-", "--to", "jsonl", "--quiet"], day)).Error, StringComparison.Ordinal);
        Assert.DoesNotContain("note:", (await RunAsync(["convert", "-", "--to", "jsonl", "--date", "2026-01-26"], day)).Error, StringComparison.Ordinal);
        Assert.DoesNotContain("note:", (await RunAsync(["convert", Sample, "--to", "jsonl"])).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Max_field_size_bounds_what_every_reading_command_reads_and_is_checked()
    {
        string input = Path.Combine(_temp, "2026-01-26.md");
        await File.WriteAllTextAsync(input, DigestText.Render(DigestText.Sample() with { Summary = new string('x', 4000) }));
        string output = Path.Combine(_temp, "out.jsonl");

        foreach (string[] command in new[] { new[] { "convert", input, "-o", output }, ["validate", input], ["stats", input] })
        {
            CliRun limited = await RunAsync([.. command, "--max-field-size", "1K"]);
            Assert.Equal(1, limited.ExitCode);
            Assert.Contains($"warning AXD016", (limited.Error + limited.Out).Replace("error AXD016", "warning AXD016", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("--max-field-size", limited.Error + limited.Out, StringComparison.Ordinal);

            CliRun enough = await RunAsync([.. command, "--max-field-size", "8K"]);
            Assert.Equal(0, enough.ExitCode);
        }

        Assert.False(File.Exists(Path.Combine(_temp, "never.jsonl")));
        CliRun wrong = await RunAsync(["convert", input, "-o", Path.Combine(_temp, "never.jsonl"), "--max-field-size", "lots"]);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--max-field-size takes a size", wrong.Error, StringComparison.Ordinal);
        CliRun tooBig = await RunAsync(["validate", input, "--max-field-size", "2G"]);
        Assert.Equal(2, tooBig.ExitCode);
        Assert.False(File.Exists(Path.Combine(_temp, "never.jsonl")));
    }
}
