using System.Diagnostics;
using System.Text;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>
/// The external tools of the BibTeX tests (pdflatex, bibtex, biber, pdftotext, pybtex), which
/// <c>.ci/setup.d/latex.sh</c> installs. Outside CI a test whose tools are missing is skipped, saying so; in CI
/// (<c>CI=true</c>) it runs and fails.
/// </summary>
internal static class TexTools
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of an executable on the PATH, or null.</summary>
    public static string? Find(string tool)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string path = Path.Combine(dir, tool);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>
    /// The Python interpreter that has pybtex: the one named on the first line of Debian's <c>pybtex</c> command
    /// (another <c>python3</c> may come first on the PATH), or null.
    /// </summary>
    public static string? PybtexPython()
    {
        string? script = Find("pybtex");
        if (script is null)
        {
            return null;
        }

        string first = File.ReadLines(script).FirstOrDefault() ?? string.Empty;
        return first.StartsWith("#!", StringComparison.Ordinal) ? first[2..].Trim().Split(' ')[0] : null;
    }

    /// <summary>The first of <paramref name="tools"/> that is missing, or null.</summary>
    public static string? Missing(IEnumerable<string> tools) => tools.FirstOrDefault(t => (t == "pybtex" ? PybtexPython() : Find(t)) is null);

    /// <summary>Runs a tool in a folder, with no standard input, and returns its exit code and output (standard output, then standard error).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string tool, IEnumerable<string> arguments, string directory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        (int code, string output, string error) = await RunApartAsync(tool, arguments, directory, timeout, environment);
        return (code, output + error);
    }

    /// <summary>Runs a tool in a folder, with no standard input; its exit code, standard output and standard error apart.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunApartAsync(
        string tool, IEnumerable<string> arguments, string directory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {tool}.");
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', start.ArgumentList)} took longer than {timeout}.");
        }

        return (process.ExitCode, await output, await error);
    }
}

/// <summary>A fact that needs external tools: skipped when one is missing, except in CI, where it then fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        if (!TexTools.InCi && TexTools.Missing(tools) is string missing)
        {
            Skip = $"'{missing}' is not installed (bash .ci/setup.d/latex.sh installs it); with CI=true this test runs and fails.";
        }
    }
}
