using ArxivDigest.Cli;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Parquet;

/// <summary><c>arxiv-digest convert</c> to Parquet: files, datasets, options, atomic outputs.</summary>
public sealed class ParquetCliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-parquet-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private sealed record Run(int ExitCode, string Error, byte[] StandardOutput);

    private static async Task<Run> RunAsync(string[] args, Func<Stream>? stdin = null, CancellationToken cancellationToken = default)
    {
        var stdout = new MemoryStream();
        var errText = new StringWriter();
        var console = new CliConsole(new StringWriter(), errText, stdin ?? (() => Stream.Null), () => stdout);
        int code = await CliApp.RunAsync(args, console, cancellationToken);
        return new Run(code, errText.ToString(), stdout.ToArray());
    }

    private static string Sample => RepoPaths.Sample("2026-01-26.md");

    /// <summary>Everything in the temporary folder, relative, sorted: shows leftovers.</summary>
    private string[] Entries() =>
        [.. Directory.GetFileSystemEntries(_temp, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(_temp, e).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private string BrokenDigest()
    {
        string full = DigestText.Render(DigestText.Sample("2601.00001"), DigestText.Sample("2601.00002", "cs.CL"));
        string path = Path.Combine(_temp, "broken.md");
        File.WriteAllText(path, full[..full.LastIndexOf("Result:", StringComparison.Ordinal)]);
        return path;
    }

    [Fact]
    public async Task Convert_writes_one_parquet_file_named_by_its_extension()
    {
        string output = Path.Combine(_temp, "papers.parquet");
        Run run = await RunAsync(["convert", RepoPaths.Samples, "-o", output]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, Directory.GetFiles(RepoPaths.Samples, "*.md").Length);
        Assert.Equal(36 + 97 + 106 + DigestParser.ParseFile(RepoPaths.Sample("2026-03-03.md")).Papers.Length, DuckDb.Scalar($"SELECT count(*) FROM {DuckDb.Literal(output)}"));
        Assert.Equal(["papers.parquet"], Entries());
    }

    [Fact]
    public async Task Format_options_are_command_line_options()
    {
        string output = Path.Combine(_temp, "papers.parquet");
        Run run = await RunAsync(["convert", Sample, "-o", output, "--parquet-compression", "snappy", "--parquet-row-group-size", "32K"]);
        Assert.Equal(0, run.ExitCode);
        string file = DuckDb.Literal(output);
        Assert.Equal("SNAPPY", (string)DuckDb.Query($"SELECT DISTINCT compression FROM parquet_metadata({file})").Single()[0]!);
        Assert.True(DuckDb.Scalar($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata({file})") > 3);
        Assert.Equal(106, DuckDb.Scalar($"SELECT count(*) FROM {file}"));
    }

    [Theory]
    [InlineData(new[] { "convert", "SAMPLE", "--to", "parquet" }, "binary")]
    [InlineData(new[] { "convert", "SAMPLE", "-o", "OUT/p.parquet", "--parquet-row-group-size", "huge" }, "parquet-row-group-size")]
    [InlineData(new[] { "convert", "SAMPLE", "-o", "OUT/p.parquet", "--parquet-compression", "lzma" }, "lzma")]
    [InlineData(new[] { "convert", "SAMPLE", "-o", "OUT/ds", "--partition-by", "title" }, "title")]
    [InlineData(new[] { "convert", "SAMPLE", "-o", "OUT/ds", "--partition-by", "main_category", "--to", "jsonl" }, "does not go with --to jsonl")]
    [InlineData(new[] { "convert", "SAMPLE", "--partition-by", "main_category" }, "give it with -o")]
    public async Task A_wrong_parquet_command_line_exits_with_2_and_writes_nothing(string[] args, string message)
    {
        args = [.. args.Select(a => a == "SAMPLE" ? Sample : a.Replace("OUT", _temp, StringComparison.Ordinal))];
        Run run = await RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.StandardOutput);
        Assert.Empty(Entries());
    }

    [Fact]
    public async Task A_dataset_is_moved_into_place_whole_and_replaces_the_previous_one()
    {
        string output = Path.Combine(_temp, "out", "dataset");
        Run first = await RunAsync(["convert", Sample, "-o", output + "/", "--partition-by", "main_category"]);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("out/dataset/main_category=cs.CV/part-00000.parquet", Entries());
        Assert.Contains("wrote ", first.Error, StringComparison.Ordinal);

        Run second = await RunAsync(["convert", Sample, "-o", output, "--partition-by", "digest_date"]);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(["out", "out/dataset", "out/dataset/digest_date=2026-01-26", "out/dataset/digest_date=2026-01-26/part-00000.parquet"], Entries());
    }

    [Fact]
    public async Task A_failed_dataset_leaves_the_previous_one_untouched_and_nothing_behind()
    {
        string output = Path.Combine(_temp, "dataset");
        Assert.Equal(0, (await RunAsync(["convert", Sample, "-o", output, "--partition-by", "main_category"])).ExitCode);
        string[] before = [.. Entries(), "broken.md"];
        byte[] cv = File.ReadAllBytes(Path.Combine(output, "main_category=cs.CV", "part-00000.parquet"));

        // The good sample first, so that partition files are open when the broken digest fails.
        Run run = await RunAsync(["convert", Sample, BrokenDigest(), "-o", output, "--partition-by", "arxiv_year", "--strict"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("broken.md:", run.Error, StringComparison.Ordinal);
        Assert.Equal(before.Order(StringComparer.Ordinal), Entries());
        Assert.Equal(cv, File.ReadAllBytes(Path.Combine(output, "main_category=cs.CV", "part-00000.parquet")));
    }

    [Fact]
    public async Task A_failed_parquet_file_leaves_nothing_behind()
    {
        string output = Path.Combine(_temp, "papers.parquet");
        Run run = await RunAsync(["convert", Sample, BrokenDigest(), "-o", output, "--strict"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["broken.md"], Entries());
    }

    [Fact]
    public async Task A_cancelled_dataset_leaves_nothing_behind()
    {
        string output = Path.Combine(_temp, "dataset");
        byte[] input = File.ReadAllBytes(Sample);
        using var cancel = new CancellationTokenSource();
        Run run = await RunAsync(
            ["convert", "-", "--date", "2026-01-26", "-o", output, "--partition-by", "main_category"],
            () => new CancellingStream(input, cancel),
            cancel.Token);
        Assert.Equal(130, run.ExitCode);
        Assert.Empty(Entries());
    }

    [Fact]
    public async Task A_folder_with_other_content_is_refused_not_replaced()
    {
        string output = Path.Combine(_temp, "mine");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "keep me");
        Run run = await RunAsync(["convert", Sample, "-o", output, "--partition-by", "main_category"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds files other than a Parquet dataset", run.Error, StringComparison.Ordinal);
        Assert.Equal(["mine", "mine/notes.txt"], Entries());
    }

    [Fact]
    public async Task Formats_lists_parquet()
    {
        var outText = new StringWriter();
        var console = new CliConsole(outText, new StringWriter(), () => Stream.Null, () => new MemoryStream());
        Assert.Equal(0, await CliApp.RunAsync(["formats"], console));
        Assert.Matches(@"(?m)^parquet +\.parquet +Apache Parquet", outText.ToString());
    }

    /// <summary>Standard input that hands out half the digest, then cancels the run, as Ctrl+C would.</summary>
    private sealed class CancellingStream(byte[] content, CancellationTokenSource cancel) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= Length / 2)
            {
                cancel.Cancel();
                cancel.Token.ThrowIfCancellationRequested();
            }

            return base.Read(buffer, offset, Math.Min(count, 4096));
        }

        public override int Read(Span<byte> buffer)
        {
            byte[] chunk = new byte[Math.Min(buffer.Length, 4096)];
            int read = Read(chunk, 0, chunk.Length);
            chunk.AsSpan(0, read).CopyTo(buffer);
            return read;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => Task.FromResult(Read(buffer.AsSpan(offset, count)));
    }
}
