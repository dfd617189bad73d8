using System.Diagnostics;
using System.Text;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>
/// The built <c>arxiv-digest</c> tool run on a pseudo-terminal, as at a user's terminal: util-linux's
/// <c>script -qfec COMMAND /dev/null</c> runs the shell command with a terminal as its standard streams, and what the
/// terminal shows (standard error and, unless the command redirects it, standard output) is read back as bytes.
/// Bytes written to <see cref="SendAsync"/> are typed at the terminal: 0x03 is Ctrl+C.
/// </summary>
internal sealed class TerminalProcess : IDisposable
{
    public const byte CtrlC = 0x03;

    private readonly Process _process;
    private readonly MemoryStream _screen = new();
    private readonly Task _reading;

    private TerminalProcess(Process process)
    {
        _process = process;
        _reading = Task.Run(async () =>
        {
            byte[] buffer = new byte[16 * 1024];
            Stream output = process.StandardOutput.BaseStream;
            int read;
            while ((read = await output.ReadAsync(buffer)) > 0)
            {
                lock (_screen)
                {
                    _screen.Write(buffer, 0, read);
                }
            }
        });
    }

    /// <summary>Whether script(1) is there to make a terminal (it is on Linux, in util-linux).</summary>
    public static bool Available { get; } = OperatingSystem.IsLinux() && Shell.Run("script", "--version") == 0;

    /// <summary>What the terminal has shown so far.</summary>
    public byte[] Screen
    {
        get
        {
            lock (_screen)
            {
                return _screen.ToArray();
            }
        }
    }

    /// <summary>What the terminal has shown so far, as text.</summary>
    public string Text => Encoding.UTF8.GetString(Screen);

    /// <summary>
    /// Runs <c>arxiv-digest ARGS</c> (then <paramref name="redirections"/>, shell syntax such as <c>&gt; out.jsonl</c>) on
    /// a terminal, in <paramref name="directory"/>. The environment is the tests' with CI unset, TERM=xterm-256color and
    /// the progress display redrawn at each input and step only (deterministic), then <paramref name="environment"/>
    /// (a null value unsets a variable).
    /// </summary>
    public static TerminalProcess Start(IEnumerable<string> args, string directory, string redirections = "", IReadOnlyDictionary<string, string?>? environment = null)
    {
        // exec: the tool itself is the terminal's foreground process, which Ctrl+C reaches.
        string command = $"exec \"$TOOL_HOST\" \"$TOOL_DLL\" {string.Join(' ', args.Select(Quote))} {redirections}";
        var start = new ProcessStartInfo("script", ["-qfec", command, "/dev/null"])
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("CI");
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["ARXIV_DIGEST_PROGRESS_INTERVAL"] = "0";
        start.Environment["TOOL_HOST"] = ToolProcess.DotnetHost;
        start.Environment["TOOL_DLL"] = ToolProcess.Dll;
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return new TerminalProcess(Process.Start(start)!);
    }

    /// <summary>Types <paramref name="bytes"/> at the terminal.</summary>
    public async Task SendAsync(params byte[] bytes)
    {
        await _process.StandardInput.BaseStream.WriteAsync(bytes);
        await _process.StandardInput.BaseStream.FlushAsync();
    }

    /// <summary>Polls until <paramref name="condition"/> holds (at most <paramref name="timeout"/>); fails if the tool exits first.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"arxiv-digest exited ({_process.ExitCode}) before {what}; the terminal showed: {Text}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{what} did not happen within {timeout}; the terminal showed: {Text}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Waits until one of the tool's threads is blocked writing to a pipe or FIFO (Linux's /proc/PID/task/*/wchan), so
    /// that what follows finds it stalled in the kernel. Where the kernel does not say, it waits a moment instead.
    /// </summary>
    public async Task WaitUntilStalledOnAPipeAsync(TimeSpan timeout)
    {
        int tool = ToolId();
        bool told = false;
        await WaitUntilAsync(() =>
        {
            string[] channels = [.. Directory.GetDirectories($"/proc/{tool}/task").Select(t => ReadOrEmpty(Path.Combine(t, "wchan")))];
            told |= channels.Any(c => c.Length > 1);
            return !told || channels.Any(c => c.Contains("pipe_write", StringComparison.Ordinal));
        }, timeout, "a write blocked on the pipe");
        if (!told)
        {
            await Task.Delay(200);
        }
    }

    /// <summary>Waits for the tool to exit (at most <paramref name="timeout"/>, then it is killed and the test fails).</summary>
    /// <returns>Its exit code and what the terminal showed.</returns>
    public async Task<(int ExitCode, byte[] Screen)> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            await _reading.WaitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"arxiv-digest did not exit within {timeout}; the terminal showed: {Text}");
        }

        return (_process.ExitCode, Screen);
    }

    /// <summary>Runs the tool to its end on a terminal.</summary>
    public static async Task<(int ExitCode, byte[] Screen)> RunAsync(IEnumerable<string> args, string directory, string redirections = "", IReadOnlyDictionary<string, string?>? environment = null)
    {
        using TerminalProcess terminal = Start(args, directory, redirections, environment);
        return await terminal.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>The tool's process: script's child (the shell, which exec'd the tool).</summary>
    private int ToolId()
    {
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            // /proc/PID/stat: "PID (comm) state PPID ..."; comm may hold spaces, so read after its closing parenthesis.
            string stat = ReadOrEmpty(Path.Combine(dir, "stat"));
            string[] fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 1 && fields[1] == _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return int.Parse(Path.GetFileName(dir), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("script(1) has no child process.");
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    /// <summary>The argument as one shell word.</summary>
    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>A fact that needs a pseudo-terminal (script(1), Linux): skipped where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class TerminalFactAttribute : FactAttribute
{
    public TerminalFactAttribute()
    {
        if (!TerminalProcess.Available)
        {
            Skip = "Needs script(1) to make a pseudo-terminal (util-linux).";
        }
    }
}

/// <summary>A theory that needs a pseudo-terminal; see <see cref="TerminalFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class TerminalTheoryAttribute : TheoryAttribute
{
    public TerminalTheoryAttribute()
    {
        if (!TerminalProcess.Available)
        {
            Skip = "Needs script(1) to make a pseudo-terminal (util-linux).";
        }
    }
}
