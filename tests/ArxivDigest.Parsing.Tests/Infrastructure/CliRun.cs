using System.Text;
using ArxivDigest.Cli;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>One in-process run of the <c>arxiv-digest</c> tool with captured standard streams.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Out">What it printed on standard output as text (help, tables).</param>
/// <param name="Error">What it printed on standard error.</param>
/// <param name="StandardOutput">The bytes it wrote to standard output (converted papers).</param>
internal sealed record CliRun(int ExitCode, string Out, string Error, byte[] StandardOutput)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Standard output's bytes as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(StandardOutput);

    /// <summary>Runs the tool with <paramref name="args"/>, standard input holding <paramref name="stdin"/>.</summary>
    public static async Task<CliRun> RunAsync(string[] args, byte[]? stdin = null)
    {
        var stdout = new MemoryStream();
        var outText = new StringWriter();
        var errText = new StringWriter();
        var console = new CliConsole(outText, errText, () => new MemoryStream(stdin ?? []), () => stdout);
        int code = await CliApp.RunAsync(args, console).WaitAsync(Timeout);
        return new CliRun(code, outText.ToString(), errText.ToString(), stdout.ToArray());
    }
}
