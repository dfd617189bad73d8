using System.CommandLine;
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Cli.Commands;

/// <summary><c>arxiv-digest formats</c>: the registered writers, each with its options, then the input formats.</summary>
internal static class FormatsCommand
{
    public static Command Create(CliConsole console, Option<string[]> plugins)
    {
        var command = new Command("formats", "List the output formats (convert --to) with their options, and the input formats (--from), including those of --plugin assemblies.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            (PaperWriterRegistry writers, PaperInputRegistry inputs) = PluginLoader.CreateRegistries(parse.GetValue(plugins) ?? []);
            List<(string Name, IReadOnlyList<string> Extensions, string Description)> outputs = [.. writers.Formats.Select(f => (f.Name, f.Extensions, f.Description))];
            List<(string Name, IReadOnlyList<string> Extensions, string Description)> reads = [.. inputs.Formats.Select(f => (f.Name, f.Extensions, f.Description))];
            int nameWidth = outputs.Concat(reads).Max(f => f.Name.Length);
            int extensionWidth = outputs.Concat(reads).Max(f => string.Join(" ", f.Extensions).Length);

            // The built-in formats' options are command-line options; a plug-in's are given with --option.
            HashSet<string> flags = [.. PluginLoader.CreateBuiltInRegistry().Formats.SelectMany(f => f.Options).Select(o => o.Name)];
            List<(PaperWriterFormat Format, WriterOption Option, string Syntax)> options = [.. writers.Formats
                .SelectMany(f => f.Options.Select(o => (f, o, Syntax(o, flags.Contains(o.Name)))))];
            int syntaxWidth = options.Count == 0 ? 0 : options.Max(o => o.Syntax.Length);
            foreach (PaperWriterFormat format in writers.Formats)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await console.Out.WriteLineAsync($"{format.Name.PadRight(nameWidth)}  {string.Join(" ", format.Extensions).PadRight(extensionWidth)}  {format.Description}").ConfigureAwait(false);
                foreach ((_, WriterOption option, string syntax) in options.Where(o => o.Format == format))
                {
                    string? defaultValue = option.GetValue(format.DefaultOptions);
                    string suffix = defaultValue is null ? string.Empty : $" (default {defaultValue})";
                    await console.Out.WriteLineAsync($"    {syntax.PadRight(syntaxWidth)}  {option.Description}{suffix}").ConfigureAwait(false);
                }
            }

            await console.Out.WriteLineAsync().ConfigureAwait(false);
            await console.Out.WriteLineAsync("Input formats (--from; by default each input's is chosen from its first bytes, then its extension):").ConfigureAwait(false);
            foreach ((string name, IReadOnlyList<string> extensions, string description) in reads)
            {
                await console.Out.WriteLineAsync($"{name.PadRight(nameWidth)}  {string.Join(" ", extensions).PadRight(extensionWidth)}  {description}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>How the option is given: <c>--bib-key scholar|arxiv</c>, <c>--bib-abstract [true|false]</c>, <c>--option columns=TEXT</c>.</summary>
    private static string Syntax(WriterOption option, bool flag)
    {
        if (!flag)
        {
            return $"--option {option.Name}={option.ValueName}";
        }

        return option.IsFlag ? $"--{option.Name} [{option.ValueName}]" : $"--{option.Name} {option.ValueName}";
    }
}
