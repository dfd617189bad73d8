using ArxivDigest.Cli;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Tests.Writers.Docx;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary><c>arxiv-digest convert --to docx</c>, run in-process: the format, its options, the output file.</summary>
public sealed class DocxCliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-docx-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var outText = new StringWriter();
        var errText = new StringWriter();
        var console = new CliConsole(outText, errText, () => new MemoryStream(), () => new MemoryStream());
        int code = await CliApp.RunAsync(args, console);
        return (code, outText.ToString(), errText.ToString());
    }

    [Fact]
    public async Task Convert_to_a_docx_file_by_its_extension_gives_a_valid_reading_list()
    {
        string output = Path.Combine(_temp, "list.docx");
        (int code, _, string error) = await RunAsync("convert", RepoPaths.Sample("2026-01-26.md"), "-o", output);
        Assert.True(code == 0, error);
        byte[] docx = await File.ReadAllBytesAsync(output);
        Assert.Empty(DocxTestDocument.Validate(docx));
        string text = DocxTestDocument.NormalizedText(docx);

        // Flags left out take the writer's defaults: abstracts and details are in.
        Assert.Contains("[Title] arXiv reading list — 2026-01-26\n", text, StringComparison.Ordinal);
        Assert.Contains("«FieldLabel|Motivation: »", text, StringComparison.Ordinal);
        Assert.Contains("[Abstract] ", text, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_temp)); // no temporary file left beside it
    }

    [Fact]
    public async Task Docx_options_are_command_line_options()
    {
        string output = Path.Combine(_temp, "short.docx");
        (int code, _, string error) = await RunAsync(
            "convert", RepoPaths.Sample("2026-01-26.md"), "--to", "docx", "-o", output,
            "--docx-abstracts", "false", "--docx-details", "false", "--docx-group", "flat", "--docx-title", "Short list", "--category", "cs.GT");
        Assert.True(code == 0, error);
        string text = DocxTestDocument.NormalizedText(await File.ReadAllBytesAsync(output));
        Assert.StartsWith("[Title] Short list\n[Subtitle] Generated ", text, StringComparison.Ordinal);
        Assert.Contains(" · 4 papers\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[Abstract]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Motivation:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[Heading1]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_docx_group_it_does_not_know_is_a_usage_error()
    {
        (int code, _, _) = await RunAsync("convert", RepoPaths.Sample("2026-01-26.md"), "--to", "docx", "-o", Path.Combine(_temp, "x.docx"), "--docx-group", "sideways");
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task Formats_lists_docx()
    {
        (int code, string output, _) = await RunAsync("formats");
        Assert.Equal(0, code);
        Assert.Contains("docx", output, StringComparison.Ordinal);
        Assert.Contains(".docx", output, StringComparison.Ordinal);
    }
}
