using System.Diagnostics;
using System.Text;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>
/// The built <c>arxiv-digest</c> tool (<c>arxiv-digest.dll</c>, copied beside the test assembly) run as a child
/// process, for what only a real process has: signals, pipes, its own environment.
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    public const string SIGINT = "INT";
    public const string SIGTERM = "TERM";

    private readonly Process _process;
    private readonly Task<string> _error;

    private ToolProcess(Process process, bool readOutput)
    {
        _process = process;
        _error = process.StandardError.ReadToEndAsync();
        Output = readOutput ? ReadAllAsync(process.StandardOutput.BaseStream) : Task.FromResult<byte[]>([]);
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "arxiv-digest.dll");

    /// <summary>Standard output, read to its end (unless the test reads it itself).</summary>
    public Task<byte[]> Output { get; }

    public Stream StandardInput => _process.StandardInput.BaseStream;

    public Stream StandardOutput => _process.StandardOutput.BaseStream;

    public int Id => _process.Id;

    /// <summary>Starts the tool with <paramref name="args"/> in <paramref name="directory"/>; standard input is a pipe left open.</summary>
    public static ToolProcess Start(IEnumerable<string> args, string directory, bool readOutput = true, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new ToolProcess(Process.Start(start)!, readOutput);
    }

    /// <summary>Sends <paramref name="signal"/> (<see cref="SIGINT"/>, <see cref="SIGTERM"/>) to the tool, with kill(1).</summary>
    public void Signal(string signal) => Shell.Must("kill", "-s", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Waits for the tool to exit (at most <paramref name="timeout"/>, then it is killed and the test fails).</summary>
    /// <returns>The exit code and standard error.</returns>
    public async Task<(int ExitCode, string Error)> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"arxiv-digest did not exit within {timeout}; standard error so far: {await _error}");
        }

        return (_process.ExitCode, await _error);
    }

    /// <summary>Polls until <paramref name="condition"/> holds (at most <paramref name="timeout"/>), or the tool has exited.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"arxiv-digest exited ({_process.ExitCode}) before {what}: {await _error}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{what} did not happen within {timeout}.");
            }

            await Task.Delay(10);
        }
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

    /// <summary>The <c>dotnet</c> running the tests: the tool's runtime.</summary>
    public static string DotnetHost
    {
        get
        {
            string? self = Environment.ProcessPath;
            if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                return self;
            }

            return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}

/// <summary>A fact about POSIX behaviour (signals, FIFOs, pipes): skipped on Windows.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "POSIX only.";
        }
    }
}

/// <summary>A theory about POSIX behaviour: skipped on Windows.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "POSIX only.";
        }
    }
}

/// <summary>
/// A fact that needs root on Linux (mknod, mount, chattr): skipped otherwise, and when a probe finds
/// the machine cannot do the probe's operation (a container without mount rights, say).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute(string? probe = null)
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            Skip = "Needs root on Linux.";
        }
        else if (probe is not null && !RootProbes.Works(probe))
        {
            Skip = $"This machine cannot '{probe}' (even as root).";
        }
    }
}

/// <summary>A theory that needs root on Linux; see <see cref="RootFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RootTheoryAttribute : TheoryAttribute
{
    public RootTheoryAttribute(string? probe = null)
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            Skip = "Needs root on Linux.";
        }
        else if (probe is not null && !RootProbes.Works(probe))
        {
            Skip = $"This machine cannot '{probe}' (even as root).";
        }
    }
}

/// <summary>Whether a privileged operation works here, tried once in a throw-away folder.</summary>
internal static class RootProbes
{
    private static readonly Dictionary<string, bool> Results = [];

    public static bool Works(string probe)
    {
        lock (Results)
        {
            if (!Results.TryGetValue(probe, out bool works))
            {
                string dir = Directory.CreateTempSubdirectory("arxiv-digest-probe-").FullName;
                try
                {
                    works = probe switch
                    {
                        "mount" => Shell.Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir) == 0 && Shell.Run("umount", dir) == 0,
                        "chattr" => Chattr(Path.Combine(dir, "f")),
                        "mknod" => Shell.Run("mknod", Path.Combine(dir, "c"), "c", "1", "3") == 0,
                        _ => false,
                    };
                }
                finally
                {
                    Directory.Delete(dir, recursive: true);
                }

                Results[probe] = works;
            }

            return works;
        }
    }

    private static bool Chattr(string file)
    {
        File.WriteAllText(file, string.Empty);
        return Shell.Run("chattr", "+i", file) == 0 && Shell.Run("chattr", "-i", file) == 0;
    }
}

/// <summary>Runs a system command (mkfifo, mknod, mount, ...) and waits for it.</summary>
internal static class Shell
{
    public static int Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using Process process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1; // not installed
        }
    }

    /// <summary>What the file is, as stat(1) says it: "regular file", "fifo", "character special file", "symbolic link".</summary>
    public static string Kind(string path)
    {
        var start = new ProcessStartInfo("stat", ["-c", "%F", path]) { RedirectStandardOutput = true, UseShellExecute = false };
        using Process stat = Process.Start(start)!;
        string kind = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return kind;
    }

    /// <summary>Runs the command; a failure fails the test.</summary>
    public static void Must(string command, params string[] args)
    {
        int code = Run(command, args);
        if (code != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} exited with {code}.");
        }
    }
}
