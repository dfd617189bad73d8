using System.Text.Json.Nodes;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>
/// <c>--dialect</c>, <c>--template</c>, the <c>dialects</c> command and the dialect in <c>stats</c>; run in-process on
/// the dialect fixtures (the first papers of a day, so their tables of contents overstate the totals: AXD003).
/// </summary>
public sealed class DialectCliTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(RepoPaths.TestProject, "Dialects", "Fixtures");
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-dialects-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Bold => Path.Combine(Fixtures, "bold-labels", "2025-05-15.md");

    [Fact]
    public async Task A_forks_digest_is_detected_and_its_fields_come_out_keyed()
    {
        string output = Path.Combine(_temp, "out.json");
        CliRun run = await CliRun.RunAsync(["convert", Bold, "--to", "json", "-o", output]);
        Assert.True(run.ExitCode == 0, run.Error);

        CliRun validate = await CliRun.RunAsync(["validate", Bold]);
        Assert.Contains("AXD018", validate.Out + validate.Error, StringComparison.Ordinal);
        Assert.Contains("'bold-labels'", validate.Out + validate.Error, StringComparison.Ordinal);
        JsonArray papers = JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsArray();
        Assert.All(papers, p => Assert.False(string.IsNullOrEmpty((string?)p!["tldr"])));
        Assert.All(papers, p => Assert.Contains(p!["extraFields"]!.AsArray(), f => (string?)f!["label"] == "Keywords"));
    }

    [Fact]
    public async Task The_forks_own_template_reads_its_digest_with_no_unknown_text()
    {
        CliRun run = await CliRun.RunAsync(["validate", Bold, "--template", Path.Combine(Fixtures, "bold-labels", "paper_template.md")]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("AXD005", run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("warning AXD006", run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("AXD018", run.Out + run.Error, StringComparison.Ordinal); // given, not detected
    }

    [Fact]
    public async Task A_digest_forced_into_the_wrong_dialect_is_reported_not_silently_misread()
    {
        CliRun run = await CliRun.RunAsync(["validate", Bold, "--dialect", "daily-arxiv"]);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("AXD004", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--dialect", "no-such-fork" }, "Unknown dialect 'no-such-fork'")]
    [InlineData(new[] { "--dialect", "headings", "--template", "x.md" }, "not both")]
    [InlineData(new[] { "--template", "missing-template.md" }, "Cannot read the template")]
    public async Task A_dialect_option_that_cannot_be_used_is_a_usage_error(string[] options, string message)
    {
        CliRun run = await CliRun.RunAsync(["validate", Bold, .. options]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_without_a_title_line_is_a_usage_error_naming_the_file()
    {
        string template = Path.Combine(_temp, "paper_template.md");
        await File.WriteAllTextAsync(template, "*{authors}*\n\nTL;DR: {tldr}\n");
        CliRun run = await CliRun.RunAsync(["validate", Bold, "--template", template]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(template, run.Error, StringComparison.Ordinal);
        Assert.Contains("{title}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dialects_command_lists_every_built_in_dialect_and_stats_counts_them()
    {
        CliRun list = await CliRun.RunAsync(["dialects"]);
        Assert.Equal(0, list.ExitCode);
        Assert.All(DigestDialect.BuiltIn, d => Assert.Contains(d.Name, list.Out, StringComparison.Ordinal));

        string[] digests = [.. CorpusFiles.DialectDigests.Where(f => f.StartsWith(Fixtures, StringComparison.Ordinal))];
        CliRun stats = await CliRun.RunAsync(["stats", .. digests, "--json"]);
        Assert.True(stats.ExitCode == 0, stats.Error);
        JsonObject dialects = JsonNode.Parse(stats.Out)!["dialects"]!.AsObject();
        Assert.Equal(3, (int)dialects["blockquote-extended-a"]! + (int)dialects["blockquote-extended-b"]! + (int)dialects["blockquote-extended"]!);
        Assert.Equal(1, (int)dialects["headings"]!);
    }

    [Fact]
    public async Task Markdown_in_a_given_dialect_is_written_in_that_layout()
    {
        string output = Path.Combine(_temp, "out.md");
        CliRun run = await CliRun.RunAsync(["convert", Bold, "--dialect", "bold-labels", "--to", "markdown", "-o", output]);

        Assert.True(run.ExitCode == 0, run.Error);
        string written = await File.ReadAllTextAsync(output);
        Assert.Contains("**Relevance Score:** ", written, StringComparison.Ordinal);
        Digest again = DigestParser.Parse(written);
        Assert.Equal("bold-labels", again.Dialect.Name);
    }
}
