using System.IO.Compression;
using System.Text.Json;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>
/// The tool reads the generator's JSON lines as it reads digests: <c>convert</c> to every format, <c>validate</c>,
/// <c>stats</c>, from a file, a folder (<c>--from jsonl</c>) or standard input (recognised by its content), and a
/// plug-in's input format.
/// </summary>
public sealed class JsonLinesCliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-jsonl-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Day => RepoPaths.Sample("2026-01-26_AI_enhanced_Chinese.jsonl");

    private static string PluginPath
    {
        get
        {
            string baseDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            string configuration = Path.GetFileName(Path.GetDirectoryName(baseDir))!;
            return Path.Combine(RepoPaths.Root, "tests", "ArxivDigest.Parsing.TestPlugin", "bin", configuration, "net10.0", "ArxivDigest.Parsing.TestPlugin.dll");
        }
    }

    private static List<JsonElement> Records(string path)
        => [.. JsonRecords.Lines(File.ReadAllBytes(path)).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public async Task Each_writer_converts_json_lines_and_keeps_what_its_format_holds()
    {
        List<JsonElement> records = Records(JsonRecords.ForksFixture);
        string input = Path.Combine(_temp, "2025-06-19_forks.jsonl");
        File.Copy(JsonRecords.ForksFixture, input);

        // JSON, native shape: every category, the comment, and the other keys as keyed extra fields.
        string json = Path.Combine(_temp, "papers.json");
        Assert.Equal(0, (await CliRun.RunAsync(["convert", input, "-o", json, "-q"])).ExitCode);
        using (JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(json)))
        {
            List<JsonElement> papers = [.. doc.RootElement.EnumerateArray()];
            Assert.Equal(records.Count, papers.Count);
            for (int i = 0; i < records.Count; i++)
            {
                Assert.Equal(records[i].GetProperty("title").GetString(), papers[i].GetProperty("title").GetString());
                Assert.Equal(records[i].GetProperty("comment").ValueKind == JsonValueKind.Null ? null : records[i].GetProperty("comment").GetString(), papers[i].GetProperty("comment").GetString());
                string[] categories = records[i].TryGetProperty("categories", out JsonElement c) ? [.. c.EnumerateArray().Select(e => e.GetString()!)] : [];
                Assert.Equal(categories, papers[i].GetProperty("categories").EnumerateArray().Select(e => e.GetString()));
                Assert.Equal("2025-06-19", papers[i].GetProperty("digestDate").GetString());
            }

            Assert.Contains(papers.SelectMany(p => p.GetProperty("extraFields").EnumerateArray()), f => f.GetProperty("key").GetString() == "importance_score");
        }

        // Markdown: a digest that reads back with every paper, grouped by main category.
        string markdown = Path.Combine(_temp, "digest.md");
        CliRun md = await CliRun.RunAsync(["convert", input, "-o", markdown, "-q"]);
        Assert.Equal(0, md.ExitCode);
        Digest digest = DigestParser.ParseFile(markdown);
        Assert.Equal(records.Select(r => r.GetProperty("title").GetString()).Order(StringComparer.Ordinal), digest.Papers.Select(p => p.Title).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(digest.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        // Parquet: the categories and comment columns too.
        string parquet = Path.Combine(_temp, "papers.parquet");
        Assert.Equal(0, (await CliRun.RunAsync(["convert", input, "-o", parquet, "-q"])).ExitCode);
        List<object?[]> rows = DuckDb.Query($"SELECT title, len(categories), comment, len(extra_fields) FROM {DuckDb.Literal(parquet)}");
        Assert.Equal(records.Count, rows.Count);
        for (int i = 0; i < records.Count; i++)
        {
            Assert.Equal(records[i].GetProperty("title").GetString(), rows[i][0]);
            Assert.Equal(records[i].TryGetProperty("categories", out JsonElement c) ? c.GetArrayLength() : 0, DuckDb.Int64(rows[i][1]));
            Assert.Equal(records[i].GetProperty("comment").ValueKind == JsonValueKind.Null ? null : records[i].GetProperty("comment").GetString(), rows[i][2]);
        }

        // BibTeX: one entry a paper.
        string bib = Path.Combine(_temp, "refs.bib");
        Assert.Equal(0, (await CliRun.RunAsync(["convert", input, "-o", bib, "-q"])).ExitCode);
        Assert.Equal(records.Count, File.ReadAllLines(bib).Count(l => l.StartsWith("@misc{", StringComparison.Ordinal)));

        // Word: a document that holds every title.
        string docx = Path.Combine(_temp, "list.docx");
        Assert.Equal(0, (await CliRun.RunAsync(["convert", input, "-o", docx, "-q"])).ExitCode);
        using ZipArchive zip = ZipFile.OpenRead(docx);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        string document = await reader.ReadToEndAsync();
        Assert.Contains(System.Security.SecurityElement.Escape(records[0].GetProperty("title").GetString()!), document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standard_input_of_json_lines_is_recognised_and_converted()
    {
        byte[] bytes = await File.ReadAllBytesAsync(Day);
        CliRun run = await CliRun.RunAsync(["convert", "-", "--to", "jsonl", "--json-shape", "daily-arxiv"], bytes);
        Assert.Equal(0, run.ExitCode);
        JsonRecords.AssertSame(bytes, run.StandardOutput, "<stdin>");
        Assert.Contains("<stdin>: 106 papers", run.Error, StringComparison.Ordinal);

        CliRun validate = await CliRun.RunAsync(["validate", "-"], bytes);
        Assert.Equal(0, validate.ExitCode);
        Assert.Contains("1 file(s), 106 papers: 0 error(s), 0 warning(s).", validate.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_lists_each_bad_line_with_its_file_line_and_column_and_fails()
    {
        string path = Path.Combine(_temp, "2026-01-26.jsonl");
        string[] lines = File.ReadLines(Day).Take(2).ToArray();
        File.WriteAllText(path, lines[0] + "\n{\"title\": \"no id\"}\n" + lines[1] + "\n[1]\n");
        CliRun run = await CliRun.RunAsync(["validate", path]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}:2:1: error AXD030: This line is not a record: it has no \"id\" key", run.Out, StringComparison.Ordinal);
        Assert.Contains($"{path}:4:1: error AXD030: This line is not a record: it is a list, not an object", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 file(s), 2 papers: 2 error(s), 0 warning(s).", run.Out, StringComparison.Ordinal);

        // convert goes on, keeps the records, and reports the lines it could not read.
        CliRun convert = await CliRun.RunAsync(["convert", path, "--to", "jsonl", "--json-shape", "daily-arxiv"]);
        Assert.Equal(0, convert.ExitCode);
        Assert.Equal(2, JsonRecords.Lines(convert.StandardOutput).Count);
        Assert.Contains($"{path}:2:1: error AXD030", convert.Error, StringComparison.Ordinal);
        Assert.Contains("2 papers to standard output; 2 error(s), 0 warning(s) in the input.", convert.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_counts_json_lines_inputs_by_their_format_and_their_papers_by_main_category()
    {
        CliRun run = await CliRun.RunAsync(["stats", Day, RepoPaths.Sample("2026-01-26.md"), "--json"]);
        Assert.Equal(0, run.ExitCode);
        using JsonDocument stats = JsonDocument.Parse(run.Out);
        Assert.Equal(1, stats.RootElement.GetProperty("inputFormats").GetProperty("jsonl").GetInt32());
        Assert.Equal(1, stats.RootElement.GetProperty("inputFormats").GetProperty("markdown").GetInt32());
        Assert.Equal(1, stats.RootElement.GetProperty("dialects").EnumerateObject().Sum(p => p.Value.GetInt32())); // only the Markdown digest has one
        int mainCategoryCount = Records(Day).Count(r => r.GetProperty("categories")[0].GetString() == "cs.CV");
        Digest markdown = DigestParser.ParseFile(RepoPaths.Sample("2026-01-26.md"));
        Assert.Equal(mainCategoryCount + markdown.Papers.Count(p => p.MainCategory == "cs.CV"), stats.RootElement.GetProperty("categories").GetProperty("cs.CV").GetInt32());

        CliRun table = await CliRun.RunAsync(["stats", Day]);
        Assert.Matches(@"Digests per input format\n  jsonl  1\n", table.Out);
    }

    [Fact]
    public async Task A_folder_gives_its_json_lines_files_with_from_jsonl_and_its_digests_without()
    {
        string folder = Path.Combine(_temp, "data");
        Directory.CreateDirectory(folder);
        File.Copy(Day, Path.Combine(folder, Path.GetFileName(Day)));
        File.Copy(RepoPaths.Sample("2026-03-03_AI_enhanced_Chinese.jsonl"), Path.Combine(folder, "2026-03-03_AI_enhanced_Chinese.jsonl"));
        File.Copy(RepoPaths.Sample("2026-01-26.md"), Path.Combine(folder, "2026-01-26.md"));

        CliRun jsonl = await CliRun.RunAsync(["validate", folder, "--from", "jsonl"]);
        Assert.Equal(0, jsonl.ExitCode);
        Assert.Contains("2 file(s), 234 papers", jsonl.Out, StringComparison.Ordinal);

        CliRun markdown = await CliRun.RunAsync(["validate", folder]);
        Assert.Contains("1 file(s), ", markdown.Out, StringComparison.Ordinal);

        // One output per input, named after it.
        string output = Path.Combine(_temp, "out") + "/";
        CliRun convert = await CliRun.RunAsync(["convert", folder, "--from", "jsonl", "--to", "jsonl", "--json-shape", "daily-arxiv", "-o", output, "-q"]);
        Assert.Equal(0, convert.ExitCode);
        JsonRecords.AssertSame(File.ReadAllBytes(Day), File.ReadAllBytes(Path.Combine(output, Path.GetFileName(Day))), Path.GetFileName(Day));
    }

    [Fact]
    public async Task From_names_the_format_whatever_the_input_looks_like_and_an_unknown_one_is_a_usage_error()
    {
        CliRun asMarkdown = await CliRun.RunAsync(["validate", Day, "--from", "markdown"]);
        Assert.Equal(1, asMarkdown.ExitCode);
        Assert.Contains("error AXD017: Not a digest", asMarkdown.Out, StringComparison.Ordinal);

        CliRun unknown = await CliRun.RunAsync(["validate", Day, "--from", "csv"]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unknown input format 'csv'; the input formats are markdown, jsonl.", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugins_input_format_is_read_by_extension_and_by_content_and_listed()
    {
        Assert.True(File.Exists(PluginPath), PluginPath);
        string path = Path.Combine(_temp, "2026-02-01.titles");
        File.WriteAllText(path, "TITLES\n2601.00001\tFirst\nno tab here\n2601.00002\tSecond\n");

        CliRun formats = await CliRun.RunAsync(["formats", "--plugin", PluginPath]);
        Assert.Matches(@"(?m)^titles +\.titles +Identifier and title", formats.Out[formats.Out.IndexOf("Input formats", StringComparison.Ordinal)..]);

        CliRun convert = await CliRun.RunAsync(["convert", path, "--to", "jsonl", "--plugin", PluginPath]);
        Assert.Equal(0, convert.ExitCode);
        List<string> papers = JsonRecords.Lines(convert.StandardOutput);
        Assert.Equal(["First", "Second"], papers.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("title").GetString()));
        Assert.Contains($"{path}:3:1: error TIT001", convert.Error, StringComparison.Ordinal);

        CliRun stdin = await CliRun.RunAsync(["validate", "-", "--plugin", PluginPath], File.ReadAllBytes(path));
        Assert.Contains("1 file(s), 2 papers: 1 error(s)", stdin.Out, StringComparison.Ordinal);

        CliRun without = await CliRun.RunAsync(["validate", path]);
        Assert.Equal(1, without.ExitCode);
        Assert.Contains("error AXD017", without.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_lines_file_given_as_its_own_output_is_refused()
    {
        string path = Path.Combine(_temp, "2026-01-26.jsonl");
        File.Copy(Day, path);
        CliRun run = await CliRun.RunAsync(["convert", path, "--to", "jsonl", "-o", path]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(File.ReadAllBytes(Day), File.ReadAllBytes(path));
    }
}
