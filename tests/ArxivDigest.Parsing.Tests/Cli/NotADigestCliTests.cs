using System.IO.Compression;
using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>
/// The tool on inputs that are not digests (other JSON lines, README.md, compressed files): an error naming the file and
/// saying what it looks like, exit code 1, and no output made from them; the good inputs beside them still count.
/// </summary>
public sealed class NotADigestCliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-not-a-digest-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);


    private static Task<CliRun> RunAsync(string[] args, byte[]? stdin = null) => CliRun.RunAsync(args, stdin);

    /// <summary>A folder with one real day and two files that are not digests: README.md and a gzip file named .md.</summary>
    private string MixedFolder()
    {
        string dir = Path.Combine(_temp, "in");
        Directory.CreateDirectory(dir);
        File.Copy(RepoPaths.Sample("2026-01-26.md"), Path.Combine(dir, "2026-01-26.md"));
        File.WriteAllText(Path.Combine(dir, "README.md"), "# Digests\n\nOne file a day.\n");
        using (FileStream file = File.Create(Path.Combine(dir, "data.md")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(File.ReadAllBytes(RepoPaths.Sample("2026-03-03.md")));
        }

        return dir;
    }

    [Fact]
    public async Task Converting_json_lines_that_are_not_the_generators_records_fails_with_the_reason_and_writes_nothing()
    {
        string jsonl = Path.Combine(_temp, "notes.txt");
        File.WriteAllText(jsonl, "{\"name\": \"a\", \"size\": 1}\n{\"name\": \"b\", \"size\": 2}\n");
        string output = Path.Combine(_temp, "out.jsonl");

        CliRun toFile = await RunAsync(["convert", jsonl, "-o", output]);
        Assert.Equal(1, toFile.ExitCode);
        Assert.Contains($"{jsonl}:1:1: error AXD017: Not a digest: looks like JSON lines, but not the generator's records", toFile.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        CliRun toStdout = await RunAsync(["convert", "-", "--to", "jsonl"], File.ReadAllBytes(jsonl));
        Assert.Equal(1, toStdout.ExitCode);
        Assert.Contains("<stdin>:1:1: error AXD017: Not a digest: looks like JSON lines, but not the generator's records", toStdout.Error, StringComparison.Ordinal);
        Assert.Empty(toStdout.StandardOutput);
    }

    [Fact]
    public async Task Converting_an_empty_file_fails_and_says_it_is_empty()
    {
        string empty = Path.Combine(_temp, "2026-01-01.md");
        File.WriteAllBytes(empty, []);
        CliRun run = await RunAsync(["convert", empty, "--to", "jsonl"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{empty}:1:1: error AXD017: Not a digest: empty input", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Converting_a_folder_with_files_that_are_not_digests_into_one_output_fails_and_leaves_no_file()
    {
        string dir = MixedFolder();
        string output = Path.Combine(_temp, "all.jsonl");
        CliRun run = await RunAsync(["convert", dir, "-o", output]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("README.md:1:1: error AXD017: Not a digest: Markdown or text, but no paper heading", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Equal(["in"], Directory.GetFileSystemEntries(_temp).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Converting_a_folder_into_a_folder_writes_the_digests_and_names_the_files_that_are_not(bool dedupe)
    {
        string dir = MixedFolder();
        string outDir = Path.Combine(_temp, "out") + "/";
        CliRun run = await RunAsync(["convert", dir, "--to", "jsonl", "-o", outDir, .. dedupe ? new[] { "--dedupe" } : []]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["2026-01-26.jsonl"], Directory.GetFiles(outDir).Select(Path.GetFileName));
        Assert.Equal(106, File.ReadAllLines(Path.Combine(outDir, "2026-01-26.jsonl")).Length);
        Assert.Contains("README.md:1:1: error AXD017: Not a digest: Markdown or text", run.Error, StringComparison.Ordinal);
        Assert.Contains("data.md:1:1: error AXD017: Not a digest: looks like gzip-compressed data: decompress it first", run.Error, StringComparison.Ordinal);
        Assert.Contains("README.md not converted", run.Error, StringComparison.Ordinal);
        Assert.Contains("data.md not converted", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_reports_each_file_that_is_not_a_digest_and_checks_the_others()
    {
        string dir = MixedFolder();
        CliRun run = await RunAsync(["validate", dir]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("README.md:1:1: error AXD017:", run.Out, StringComparison.Ordinal);
        Assert.Contains("data.md:1:1: error AXD017:", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("3 file(s), 106 papers: 2 error(s), 0 warning(s).", run.Out.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_validation_refuses_a_readme_as_not_a_digest_and_counts_one_error()
    {
        string readme = Path.Combine(MixedFolder(), "README.md");
        CliRun run = await RunAsync(["validate", readme, "--strict"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{readme}:1:1: error AXD017: Not a digest: Markdown or text", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("1 file(s), 0 papers: 1 error(s), 0 warning(s).", run.Out.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_stop_at_a_file_that_is_not_a_digest_and_say_which()
    {
        string dir = MixedFolder();
        CliRun run = await RunAsync(["stats", dir]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("README.md:1:1: error AXD017: Not a digest:", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);

        CliRun good = await RunAsync(["stats", Path.Combine(dir, "2026-01-26.md")]);
        Assert.Equal(0, good.ExitCode);
        Assert.StartsWith("106 papers", good.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_keeps_the_diagnostics_found_before_a_field_too_large_to_read()
    {
        string path = Path.Combine(_temp, "big.md");
        string markdown = DigestText.Render(DigestText.Sample("2601.00001") with { Tldr = "Summary generation failed" }, DigestText.Sample("2601.00002"));
        int last = markdown.LastIndexOf("Abstract: summary", StringComparison.Ordinal);
        File.WriteAllText(path, string.Concat(markdown.AsSpan(0, last), "Abstract: ", new string('x', 65 * 1024 * 1024), markdown.AsSpan(last + "Abstract: summary".Length)), new UTF8Encoding(false));

        CliRun run = await RunAsync(["validate", path]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("info AXD009:", run.Out, StringComparison.Ordinal);
        Assert.Contains("error AXD016: A field or line larger than 64 MiB starts here", run.Out, StringComparison.Ordinal);
    }
}
