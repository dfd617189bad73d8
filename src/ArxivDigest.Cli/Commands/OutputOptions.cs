using System.CommandLine;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Cli.Commands;

/// <summary><c>convert</c>'s output: <c>-o OUTPUT</c> and <c>--to FORMAT</c>, and how they choose the format.</summary>
internal sealed class OutputOptions
{
    private readonly Option<string?> _to = new("--to", "-t")
    {
        Description = ToDescription(PluginLoader.CreateBuiltInRegistry()),
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "The output file (written under a temporary name and moved into place when complete; a FIFO or character device is written through), or a directory (existing, or ending in /) for one output per input; - or absent for standard output.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_to);
        command.Options.Add(_output);
    }

    /// <summary>The format <c>--to</c> names, if given.</summary>
    public string? FormatName(ParseResult parse) => parse.GetValue(_to);

    /// <summary>The output <c>-o</c> names; <see langword="null"/> for standard output (<c>-</c> or absent).</summary>
    public string? Output(ParseResult parse) => parse.GetValue(_output) is string output and not "-" ? output : null;

    /// <summary>Whether <paramref name="output"/> is a folder that gets one output per input (an existing directory, or a path ending in a slash).</summary>
    public static bool IsFolder(string? output)
        => output is not null && (Directory.Exists(output) || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar));

    /// <summary>
    /// For <c>convert --help</c>: lists the formats of the plug-ins given (or in ARXIV_DIGEST_PLUGINS) in the
    /// description of <c>--to</c> too; a plug-in that does not load leaves the built-in list.
    /// </summary>
    public static void DescribeFormats(Command convert, string[] plugins)
    {
        try
        {
            convert.Options.First(o => o.Name == "--to").Description = ToDescription(PluginLoader.CreateRegistry(plugins));
        }
        catch (Exception)
        {
            // Help is shown whatever the plug-in does; the conversion itself reports why it cannot be used.
        }
    }

    /// <summary>
    /// The format to write: the one <c>--to</c> names; else the one <paramref name="outputFile"/>'s extension names;
    /// else (standard output, a folder, no known extension) the one format all the format options given belong to.
    /// </summary>
    /// <param name="registry">The formats, the plug-ins' included.</param>
    /// <param name="name">The value of <c>--to</c>.</param>
    /// <param name="outputFile">The output when it is one file (not standard output, not a folder of outputs).</param>
    /// <param name="byOptions">The formats that take every format option given (none when no option was given).</param>
    /// <returns>The format, and the words that say why it was chosen, for messages (<c>--to jsonl</c>).</returns>
    /// <exception cref="UsageException">An unknown format, or none chosen.</exception>
    public static (PaperWriterFormat Format, string ChosenBy) ChooseFormat(PaperWriterRegistry registry, string? name, string? outputFile, IReadOnlyList<PaperWriterFormat> byOptions)
    {
        string known = string.Join(", ", registry.Formats.Select(f => f.Name));
        if (name is not null)
        {
            return registry.TryGet(name, out PaperWriterFormat? format)
                ? (format, $"--to {name}")
                : throw new UsageException($"Unknown format '{name}'. Known: {known}.");
        }

        if (outputFile is not null && registry.TryGetByPath(outputFile, out PaperWriterFormat? byExtension))
        {
            return (byExtension, $"{byExtension.Name}, the format of '{outputFile}'");
        }

        if (byOptions.Count == 1)
        {
            return (byOptions[0], $"{byOptions[0].Name}, the format of the options given");
        }

        if (outputFile is not null)
        {
            throw new UsageException($"'{outputFile}' has no known extension; say which format with --to ({known}).");
        }

        throw new UsageException($"Say which format with --to ({known}), or give an output file whose extension names one.");
    }

    private static string ToDescription(PaperWriterRegistry registry)
        => $"The output format: {string.Join(", ", registry.Formats.Select(f => f.Name))} (details: 'arxiv-digest formats'); optional when OUTPUT's extension names one.";
}
