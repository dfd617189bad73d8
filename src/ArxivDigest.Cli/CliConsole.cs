using ArxivDigest.Cli.Progress;

namespace ArxivDigest.Cli;

/// <summary>The tool's standard streams, so tests can run it in-process.</summary>
/// <param name="Out">Text standard output (help, tables, listings).</param>
/// <param name="Error">Standard error: diagnostics, progress and errors.</param>
/// <param name="OpenStandardInput">Opens standard input as bytes.</param>
/// <param name="OpenStandardOutput">Opens standard output as bytes (converted papers).</param>
/// <param name="StandardFile">
/// What standard input (0) or output (1) is, when that can be told: a regular file there may be an input or an
/// output of the same run, which would then overwrite it.
/// </param>
internal sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    Func<Stream> OpenStandardInput,
    Func<Stream> OpenStandardOutput,
    Func<int, FileStatus?>? StandardFile = null)
{
    public static CliConsole System { get; } = new(
        Console.Out,
        new StandardErrorWriter(Console.Error, () => !Console.IsErrorRedirected),
        () => new CancellableInputStream(Console.OpenStandardInput),
        StandardOutputStream.Open,
        Posix.Descriptor);
}
