using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Cli.Help;

/// <summary>
/// What the tool tells about itself beyond System.CommandLine's own text: examples and the output formats in the help
/// of the tool and of <c>convert</c>, <c>--version</c> as the package version, and the completions of values that
/// only the registries know (<c>--to</c>, <c>--from</c>, <c>--dialect</c>).
/// </summary>
internal static class CliHelp
{
    /// <summary>The examples, as (what it does, the command line).</summary>
    public static readonly IReadOnlyList<(string What, string Command)> Examples =
    [
        ("A day's digest to JSON Lines, on standard output:", "arxiv-digest convert 2026-01-26.md --to jsonl"),
        ("A folder of digests to one Parquet file:", "arxiv-digest convert digests/ -o papers.parquet"),
        ("A BibTeX file of a day's papers:", "arxiv-digest convert 2026-01-26.md -o refs.bib"),
        ("A Word reading list of the cs.CV papers, each once:", "arxiv-digest convert digests/ --category cs.CV --dedupe -o reading-list.docx"),
        ("Check digests; count their papers:", "arxiv-digest validate digests/ && arxiv-digest stats digests/"),
    ];

    /// <summary>The package version: the informational version without the commit a release build appends (<c>+sha</c>).</summary>
    public static string Version { get; } = PackageVersion(typeof(CliHelp).Assembly);

    /// <summary>Adds the examples, formats, version and completions to <paramref name="root"/>'s commands.</summary>
    /// <param name="root">The tool.</param>
    /// <param name="convert">Its <c>convert</c> command.</param>
    /// <param name="plugins">The <c>--plugin</c> option, whose formats are listed and completed too.</param>
    public static void Configure(RootCommand root, Command convert, Option<string[]> plugins)
    {
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersion();
        HelpOption help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction standard)
        {
            help.Action = new HelpWithExamples(standard, root, convert, plugins);
        }

        if (convert.Options.FirstOrDefault(o => o.Name == "--to") is Option to)
        {
            to.CompletionSources.Add(context => Matching(context, WriterFormats(context.ParseResult, plugins).Formats.Select(f => f.Name)));
        }

        foreach (Command command in root.Subcommands)
        {
            if (command.Options.FirstOrDefault(o => o.Name == "--from") is Option from)
            {
                from.CompletionSources.Add(context => Matching(context, InputFormats(context.ParseResult, plugins).Formats.Select(f => f.Name)));
            }

            if (command.Options.FirstOrDefault(o => o.Name == "--dialect") is Option dialect)
            {
                dialect.CompletionSources.Add(context => Matching(context, DigestDialect.BuiltIn.SelectMany(d => d.Aliases.Prepend(d.Name))));
            }
        }
    }

    /// <summary>Whether <paramref name="action"/> shows help.</summary>
    public static bool IsHelp(CommandLineAction? action) => action is HelpWithExamples or HelpAction;

    internal static string PackageVersion(Assembly assembly)
    {
        string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private static void WriteExamples(TextWriter output)
    {
        output.WriteLine("Examples:");
        foreach ((string what, string command) in Examples)
        {
            output.WriteLine($"  {what}");
            output.WriteLine($"    {command}");
        }
    }

    private static void WriteFormats(TextWriter output, PaperWriterRegistry registry)
    {
        output.WriteLine("Output formats (convert --to, optional when the output's extension names one; details: 'arxiv-digest formats'):");
        List<PaperWriterFormat> formats = [.. registry.Formats];
        int nameWidth = formats.Max(f => f.Name.Length);
        int extensionWidth = formats.Max(f => string.Join(" ", f.Extensions).Length);
        foreach (PaperWriterFormat format in formats)
        {
            output.WriteLine($"  {format.Name.PadRight(nameWidth)}  {string.Join(" ", format.Extensions).PadRight(extensionWidth)}  {format.Description}");
        }
    }

    /// <summary>The names that start with the word being completed.</summary>
    private static IEnumerable<CompletionItem> Matching(CompletionContext context, IEnumerable<string> names)
        => names.Where(n => n.StartsWith(context.WordToComplete, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).Select(n => new CompletionItem(n));

    private static PaperWriterRegistry WriterFormats(ParseResult parse, Option<string[]> plugins)
    {
        try
        {
            return PluginLoader.CreateRegistry(parse.GetValue(plugins) ?? []);
        }
        catch (Exception)
        {
            // A plug-in that does not load completes nothing of its own; the conversion says why.
            return PluginLoader.CreateBuiltInRegistry();
        }
    }

    private static PaperInputRegistry InputFormats(ParseResult parse, Option<string[]> plugins)
    {
        try
        {
            return PluginLoader.CreateRegistries(parse.GetValue(plugins) ?? []).Inputs;
        }
        catch (Exception)
        {
            return PaperInputRegistry.CreateDefault();
        }
    }

    /// <summary>
    /// <c>--help</c>: System.CommandLine's help, then, for the tool and for <c>convert</c>, the examples and the output
    /// formats (with the plug-ins' when they load).
    /// </summary>
    private sealed class HelpWithExamples(HelpAction standard, Command root, Command convert, Option<string[]> plugins) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => standard.ClearsParseErrors;

        public override int Invoke(ParseResult parseResult)
        {
            int code = standard.Invoke(parseResult);
            Command command = parseResult.CommandResult.Command;
            if (command == root || command == convert)
            {
                TextWriter output = parseResult.InvocationConfiguration.Output;
                WriteExamples(output);
                output.WriteLine();
                WriteFormats(output, WriterFormats(parseResult, plugins));
                output.WriteLine();
            }

            return code;
        }
    }

    /// <summary><c>--version</c>: <see cref="Version"/> alone, on standard output.</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Success;
        }
    }
}
