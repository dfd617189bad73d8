using System.Diagnostics;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>
/// The tool as a real process: Ctrl+C and SIGTERM clean up and exit 130, a closed output pipe stops it without a
/// claim of success, and standard streams redirected to an input are refused.
/// </summary>
public sealed class CliProcessTests : IDisposable
{
    private const string Cancelled = "Cancelled; no partial output was left behind.\n";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly byte[] Previous = "the previous output, which must survive\n"u8.ToArray();
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-process-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Sample => RepoPaths.Sample("2026-01-26.md");

    /// <summary>Everything in the temporary folder, relative, sorted: shows leftovers.</summary>
    private string[] Entries() =>
        [.. Directory.GetFileSystemEntries(_temp, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(_temp, e)).Order(StringComparer.Ordinal)];

    private bool TemporaryExists(string output, bool written)
    {
        string prefix = "." + Path.GetFileName(output) + ".";
        return Directory.EnumerateFileSystemEntries(_temp).Any(e =>
            Path.GetFileName(e).StartsWith(prefix, StringComparison.Ordinal) && e.EndsWith(".tmp", StringComparison.Ordinal)
            && (!written || new FileInfo(e).Length > 0));
    }

    public static TheoryData<string, string> FormatsAndSignals()
    {
        var data = new TheoryData<string, string>();
        foreach (string format in new[] { "jsonl", "json", "markdown", "bibtex", "parquet", "docx", "dataset" })
        {
            data.Add(format, ToolProcess.SIGINT);
            data.Add(format, ToolProcess.SIGTERM);
        }

        return data;
    }

    [UnixTheory]
    [MemberData(nameof(FormatsAndSignals))]
    public async Task A_signal_during_a_conversion_exits_130_deletes_the_temporary_output_and_keeps_the_previous_one(string format, string signal)
    {
        bool dataset = format == "dataset";
        string output = Path.Combine(_temp, dataset ? "dataset" : "out." + format);
        string previous = dataset ? Path.Combine(output, "main_category=cs.XX", "part-00000.parquet") : output;
        Directory.CreateDirectory(Path.GetDirectoryName(previous)!);
        File.WriteAllBytes(previous, Previous);
        string[] before = Entries();

        string[] args = dataset
            ? ["convert", "-", "--date", "2026-01-26", "-o", output, "--partition-by", "main_category"]
            : ["convert", "-", "--date", "2026-01-26", "--to", format, "-o", output];
        using ToolProcess tool = ToolProcess.Start(args, _temp);

        // Two thirds of a day on standard input, which stays open: the conversion is under way, its output open.
        byte[] day = File.ReadAllBytes(Sample);
        await tool.StandardInput.WriteAsync(day.AsMemory(0, day.Length * 2 / 3));
        await tool.StandardInput.FlushAsync();
        bool streams = format is "jsonl" or "json"; // these write as they go; the others write when complete
        await tool.WaitUntilAsync(() => TemporaryExists(output, written: streams), Timeout, "the temporary output");

        tool.Signal(signal);
        (int code, string error) = await tool.WaitAsync(Timeout);

        Assert.Equal(130, code);
        Assert.Equal(Cancelled, error);
        Assert.Equal(before, Entries());
        Assert.Equal(Previous, File.ReadAllBytes(previous));
    }

    [UnixFact]
    public async Task A_signal_while_inputs_are_read_ahead_stops_them_all_and_leaves_nothing_behind()
    {
        string output = Path.Combine(_temp, "all.jsonl");
        File.WriteAllBytes(output, Previous);
        string[] samples = [.. Directory.GetFiles(RepoPaths.Samples, "*.md").Order(StringComparer.Ordinal)];

        // The files are parsed ahead, in parallel, while the first is written; standard input, last, never ends.
        using ToolProcess tool = ToolProcess.Start(["convert", .. samples, "-", "--to", "jsonl", "-o", output, "--quiet"], _temp);
        byte[] day = File.ReadAllBytes(Sample);
        await tool.StandardInput.WriteAsync(day.AsMemory(0, day.Length / 2));
        await tool.StandardInput.FlushAsync();
        await tool.WaitUntilAsync(() => TemporaryExists(output, written: true), Timeout, "the temporary output");

        tool.Signal(ToolProcess.SIGINT);
        (int code, string error) = await tool.WaitAsync(Timeout);

        Assert.Equal(130, code);
        Assert.Equal(Cancelled, error);
        Assert.Equal(["all.jsonl"], Entries());
        Assert.Equal(Previous, File.ReadAllBytes(output));
    }

    [UnixTheory]
    [InlineData(2)]
    [InlineData(1)]
    public async Task A_run_stalled_on_a_fifo_nobody_reads_still_ends_on_a_signal(int signals)
    {
        // A reader opens the FIFO and never reads: the tool's writes block in the kernel, where no cancellation
        // reaches. A second signal ends the run at once; a single one, after a short grace period.
        string fifo = Path.Combine(_temp, "papers.jsonl");
        Shell.Must("mkfifo", fifo);
        using ToolProcess tool = ToolProcess.Start(["convert", RepoPaths.Samples, "--to", "jsonl", "-o", fifo, "--quiet"], _temp);
        Task<FileStream> reader = Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Read));
        try
        {
            await reader.WaitAsync(Timeout); // the tool has opened the FIFO, so its signal handlers are in place
            await Task.Delay(200);           // and fills the pipe
            for (int i = 0; i < signals; i++)
            {
                tool.Signal(ToolProcess.SIGINT);
            }

            (int code, string error) = await tool.WaitAsync(Timeout);
            Assert.Equal(130, code);
            Assert.Equal(Cancelled, error);
        }
        finally
        {
            if (reader.IsCompletedSuccessfully)
            {
                await reader.Result.DisposeAsync();
            }
            else
            {
                // Unblock the open (the tool never opened the FIFO): a writer of our own.
                await using var unblock = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            }
        }

        Assert.Equal(["papers.jsonl"], Entries());
        Assert.Equal("fifo", Shell.Kind(fifo));
    }

    [UnixFact]
    public async Task A_closed_output_pipe_stops_the_conversion_without_claiming_success()
    {
        using ToolProcess tool = ToolProcess.Start(["convert", RepoPaths.Samples, "--to", "jsonl"], _temp, readOutput: false);
        byte[] start = new byte[100];
        await tool.StandardOutput.ReadExactlyAsync(start);
        tool.StandardOutput.Close(); // as `| head -c 100` does

        (int code, string error) = await tool.WaitAsync(Timeout);
        Assert.Equal(141, code);
        Assert.DoesNotContain("papers to standard output", error, StringComparison.Ordinal);
        Assert.DoesNotContain("error", error, StringComparison.Ordinal);
        Assert.StartsWith("{\"arxivId\":", System.Text.Encoding.UTF8.GetString(start), StringComparison.Ordinal);
    }

    [UnixTheory]
    [InlineData("\"$TOOL_HOST\" \"$TOOL_DLL\" convert day.md --to jsonl >> day.md", "Standard output is the input 'day.md'")]
    [InlineData("\"$TOOL_HOST\" \"$TOOL_DLL\" convert - --to jsonl -o day.md < day.md", "The output 'day.md' is standard input")]
    public async Task A_standard_stream_redirected_to_an_input_is_refused(string script, string message)
    {
        string day = Path.Combine(_temp, "day.md");
        File.Copy(Sample, day);
        var start = new ProcessStartInfo("sh", ["-c", script])
        {
            WorkingDirectory = _temp,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TOOL_HOST"] = ToolProcess.DotnetHost;
        start.Environment["TOOL_DLL"] = ToolProcess.Dll;
        using Process shell = Process.Start(start)!;
        string error = await shell.StandardError.ReadToEndAsync();
        await shell.WaitForExitAsync().WaitAsync(Timeout);

        Assert.Equal(2, shell.ExitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Sample), File.ReadAllBytes(day));
    }
}
