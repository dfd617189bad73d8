using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>
/// Progress on standard error (<c>--progress auto|always|never</c>): a live display on a terminal (run on a
/// pseudo-terminal), plain lines without escape codes when redirected and asked for, nothing otherwise; standard
/// output the same in every case; Ctrl+C and a signal that ends the process leave the terminal as it was.
/// </summary>
public sealed class ProgressTests(ProgressTests.Days days) : IClassFixture<ProgressTests.Days>, IDisposable
{
    private const byte Escape = 0x1B;
    private const string Cancelled = "Cancelled; no partial output was left behind.";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-progress-").FullName;
    private readonly string _inputs = days.Folder;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>The last cursor-visibility escape in <paramref name="screen"/>: 'l' hidden, 'h' shown, or none.</summary>
    private static char? CursorAtEnd(string screen)
    {
        int hide = screen.LastIndexOf("\e[?25l", StringComparison.Ordinal);
        int show = screen.LastIndexOf("\e[?25h", StringComparison.Ordinal);
        return hide < 0 && show < 0 ? null : show > hide ? 'h' : 'l';
    }

    private Task<byte[]> ReferenceJsonLinesAsync() => days.JsonLines.Value;

    /// <summary>Twenty inputs (the bundled days, five times over), and their papers as JSON lines written with no progress.</summary>
    public sealed class Days : IDisposable
    {
        public Days()
        {
            Folder = Directory.CreateTempSubdirectory("arxiv-digest-progress-days-").FullName;
            foreach (string sample in Directory.GetFiles(RepoPaths.Samples, "*.md"))
            {
                for (int i = 0; i < 5; i++)
                {
                    File.Copy(sample, Path.Combine(Folder, $"{i}-{Path.GetFileName(sample)}"));
                }
            }

            JsonLines = new Lazy<Task<byte[]>>(async () =>
            {
                CliRun run = await CliRun.RunAsync(["convert", Folder, "--to", "jsonl", "--progress", "never"]);
                Assert.Equal(0, run.ExitCode);
                return run.StandardOutput;
            });
        }

        public string Folder { get; }

        public Lazy<Task<byte[]>> JsonLines { get; }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    [TerminalFact]
    public async Task A_conversion_on_a_terminal_shows_a_live_display_and_prints_every_message_above_it_whole()
    {
        (int code, byte[] screen) = await TerminalProcess.RunAsync(["convert", _inputs, "-o", "papers.jsonl"], _temp);
        string text = Text(screen);

        Assert.Equal(0, code);
        Assert.Contains(Escape, screen);
        Assert.Contains("converting", text, StringComparison.Ordinal);
        Assert.Contains("20/20 inputs", text, StringComparison.Ordinal);
        Assert.Matches(@"\d+/20 inputs  \d+ papers  \d+\.\d MB/s  …?[^\e]*\.md", text);
        Assert.Equal('h', CursorAtEnd(text));

        // Every message is a line of its own, the rest of the display erased after it ("\e[K").
        int papers = (36 + 97 + 106 + 128) * 5;
        Assert.Contains($"{papers} papers to papers.jsonl; 0 error(s), 0 warning(s) in the input.\e[K\r\n", text, StringComparison.Ordinal);
        Assert.Contains("wrote papers.jsonl\e[K\r\n", text, StringComparison.Ordinal);
        Assert.Contains(": 128 papers\e[K\r\n", text, StringComparison.Ordinal);
        Assert.Equal(await ReferenceJsonLinesAsync(), File.ReadAllBytes(Path.Combine(_temp, "papers.jsonl")));
    }

    [TerminalFact]
    public async Task The_slow_end_of_a_Word_document_is_shown_as_its_own_step()
    {
        (int code, byte[] screen) = await TerminalProcess.RunAsync(["convert", RepoPaths.Sample("2026-01-26.md"), "-o", "list.docx"], _temp);

        Assert.Equal(0, code);
        Assert.Contains("1/1 inputs  106 papers", Text(screen), StringComparison.Ordinal);
        Assert.Contains("writing the Word document", Text(screen), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_temp, "list.docx")));
    }

    [TerminalFact]
    public async Task Standard_output_redirected_from_a_terminal_is_the_same_with_the_live_display()
    {
        (int code, byte[] screen) = await TerminalProcess.RunAsync(["convert", _inputs, "--to", "jsonl"], _temp, "> out.jsonl");

        Assert.Equal(0, code);
        Assert.Contains("20/20 inputs", Text(screen), StringComparison.Ordinal);
        byte[] output = File.ReadAllBytes(Path.Combine(_temp, "out.jsonl"));
        Assert.DoesNotContain(Escape, output);
        Assert.Equal(await ReferenceJsonLinesAsync(), output);
    }

    [TerminalTheory]
    [InlineData("--quiet")]
    [InlineData("--progress never")]
    public async Task Quiet_or_never_shows_no_display_on_a_terminal(string options)
    {
        (int code, byte[] screen) = await TerminalProcess.RunAsync(["convert", _inputs, "-o", "papers.jsonl", .. options.Split(' ')], _temp);
        string text = Text(screen);

        Assert.Equal(0, code);
        Assert.DoesNotContain("inputs", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\e[?25l", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\e[K", text, StringComparison.Ordinal);
    }

    [TerminalTheory]
    [InlineData("CI", "true", "auto", false)]
    [InlineData("CI", "true", "always", true)]
    [InlineData("TERM", "dumb", "auto", false)]
    public async Task CI_or_a_dumb_terminal_has_no_live_display_unless_asked_for(string variable, string value, string mode, bool live)
    {
        var environment = new Dictionary<string, string?> { [variable] = value };
        (int code, byte[] screen) = await TerminalProcess.RunAsync(["convert", _inputs, "-o", "papers.jsonl", "--progress", mode], _temp, environment: environment);
        string text = Text(screen);

        Assert.Equal(0, code);
        Assert.Equal(live, text.Contains("\e[?25l", StringComparison.Ordinal));
        Assert.Equal(live, text.Contains("20/20 inputs  1835 papers", StringComparison.Ordinal));
        Assert.Equal(!live && mode == "always", text.Contains("progress: converting, 20/20 inputs", StringComparison.Ordinal));
    }

    [UnixTheory]
    [InlineData("auto")]
    [InlineData("always")]
    public async Task Redirected_standard_error_holds_no_escape_code(string mode)
    {
        // What would allow a display on a terminal: no CI, a capable TERM.
        var environment = new Dictionary<string, string> { ["CI"] = "", ["TERM"] = "xterm-256color", ["ARXIV_DIGEST_PROGRESS_INTERVAL"] = "0" };
        using ToolProcess tool = ToolProcess.Start(["convert", _inputs, "--to", "jsonl", "--progress", mode], _temp, environment: environment);
        (int code, string error) = await tool.WaitAsync(Timeout);

        Assert.Equal(0, code);
        Assert.DoesNotContain('\e', error);
        string[] progress = [.. error.Split('\n').Where(l => l.StartsWith("progress: ", StringComparison.Ordinal))];
        if (mode == "always")
        {
            // A plain line as each input is finished, and one as the writer completes.
            Assert.Equal(21, progress.Length);
            Assert.Matches(@"^progress: converting, 1/20 inputs, 36 papers, \d+\.\d MB read \(\d+\.\d MB/s\)$", progress[0]);
            Assert.StartsWith("progress: converting, 20/20 inputs, 1835 papers", progress[^2], StringComparison.Ordinal);
            Assert.Matches(@"^progress: converting, 20/20 inputs, 1835 papers, .*: finishing JSON Lines$", progress[^1]);
        }
        else
        {
            Assert.Empty(progress);
        }

        Assert.Equal(await ReferenceJsonLinesAsync(), await tool.Output);
    }

    [UnixFact]
    public async Task Quiet_prints_no_progress_even_when_always_is_asked_for()
    {
        var environment = new Dictionary<string, string> { ["ARXIV_DIGEST_PROGRESS_INTERVAL"] = "0" };
        using ToolProcess tool = ToolProcess.Start(["convert", _inputs, "--to", "jsonl", "--quiet", "--progress", "always"], _temp, environment: environment);
        (int code, string error) = await tool.WaitAsync(Timeout);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
    }

    [UnixTheory]
    [InlineData("validate", "validating")]
    [InlineData("stats", "reading")]
    public async Task Validate_and_stats_print_progress_lines_when_asked_and_the_same_output(string command, string activity)
    {
        var environment = new Dictionary<string, string> { ["ARXIV_DIGEST_PROGRESS_INTERVAL"] = "0" };
        using ToolProcess plain = ToolProcess.Start([command, _inputs, "--progress", "always"], _temp, environment: environment);
        (int code, string error) = await plain.WaitAsync(Timeout);
        CliRun none = await CliRun.RunAsync([command, _inputs, "--progress", "never"]);

        Assert.Equal(0, code);
        Assert.Equal(0, none.ExitCode);
        Assert.DoesNotContain('\e', error);
        Assert.Contains($"progress: {activity}, 20/20 inputs, 1835 papers", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, none.Error);
        Assert.Equal(none.Out, Encoding.UTF8.GetString(await plain.Output));
    }

    [TerminalFact]
    public async Task Ctrl_C_during_the_live_display_cleans_up_as_always_and_shows_the_cursor()
    {
        // Standard input never ends, so the conversion is surely under way (its output open) when Ctrl+C comes.
        string output = Path.Combine(_temp, "list.docx");
        File.WriteAllText(output, "the previous list\n");
        string fifo = Path.Combine(_temp, "day.md");
        Shell.Must("mkfifo", fifo);
        using TerminalProcess terminal = TerminalProcess.Start(["convert", fifo, "-o", output], _temp);
        await using FileStream writer = await Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write)).WaitAsync(Timeout);
        byte[] day = File.ReadAllBytes(RepoPaths.Sample("2026-01-26.md"));
        await writer.WriteAsync(day.AsMemory(0, day.Length / 2));
        await writer.FlushAsync();
        await terminal.WaitUntilAsync(() => terminal.Text.Contains("0/1 inputs", StringComparison.Ordinal)
            && Directory.GetFiles(_temp, ".list.docx.*.tmp").Length > 0, Timeout, "the display and the temporary output");

        await terminal.SendAsync(TerminalProcess.CtrlC);
        (int code, byte[] screen) = await terminal.WaitAsync(Timeout);
        string text = Text(screen);

        Assert.Equal(130, code);
        Assert.Contains(Cancelled, text, StringComparison.Ordinal);
        Assert.Equal('h', CursorAtEnd(text));
        Assert.Equal("the previous list\n", File.ReadAllText(output));
        Assert.Empty(Directory.GetFiles(_temp, "*.tmp"));
    }

    [TerminalFact]
    public async Task A_run_stalled_on_its_output_and_ended_by_a_second_Ctrl_C_still_erases_the_display_and_shows_the_cursor()
    {
        // The output is a FIFO opened by a reader that never reads: the tool blocks in the kernel, where cancellation
        // does not reach, and the second Ctrl+C ends the process (CliSignals) with the display still up.
        string fifo = Path.Combine(_temp, "papers.jsonl");
        Shell.Must("mkfifo", fifo);
        using TerminalProcess terminal = TerminalProcess.Start(["convert", _inputs, "--to", "jsonl", "-o", fifo], _temp);
        await using FileStream reader = await Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Read)).WaitAsync(Timeout);
        await terminal.WaitUntilAsync(() => terminal.Text.Contains("inputs", StringComparison.Ordinal), Timeout, "the display");
        await terminal.WaitUntilStalledOnAPipeAsync(Timeout);

        await terminal.SendAsync(TerminalProcess.CtrlC);
        await terminal.SendAsync(TerminalProcess.CtrlC);
        (int code, byte[] screen) = await terminal.WaitAsync(Timeout);
        string text = Text(screen);

        Assert.Equal(130, code);
        Assert.Contains(Cancelled, text, StringComparison.Ordinal);
        Assert.Equal('h', CursorAtEnd(text));
        Assert.EndsWith(Cancelled + "\r\n", text, StringComparison.Ordinal);
    }
}
