namespace ArxivDigest.Cli;

/// <summary>The tool's standard streams, so tests can run it in-process.</summary>
/// <param name="Out">Text standard output (help, tables, listings).</param>
/// <param name="Error">Standard error: diagnostics, progress and errors.</param>
/// <param name="OpenStandardInput">Opens standard input as bytes.</param>
/// <param name="OpenStandardOutput">Opens standard output as bytes (converted papers).</param>
internal sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    Func<Stream> OpenStandardInput,
    Func<Stream> OpenStandardOutput)
{
    public static CliConsole System { get; } = new(
        Console.Out,
        Console.Error,
        Console.OpenStandardInput,
        Console.OpenStandardOutput);
}
