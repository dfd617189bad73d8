using System.CommandLine;
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Cli.Commands;

/// <summary><c>arxiv-digest formats</c>: the registered writers, then the input formats.</summary>
internal static class FormatsCommand
{
    public static Command Create(CliConsole console, Option<string[]> plugins)
    {
        var command = new Command("formats", "List the output formats (convert --to) and the input formats (--from), including those of --plugin assemblies.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            (PaperWriterRegistry writers, PaperInputRegistry inputs) = PluginLoader.CreateRegistries(parse.GetValue(plugins) ?? []);
            List<(string Name, IReadOnlyList<string> Extensions, string Description)> outputs = [.. writers.Formats.Select(f => (f.Name, f.Extensions, f.Description))];
            List<(string Name, IReadOnlyList<string> Extensions, string Description)> reads = [.. inputs.Formats.Select(f => (f.Name, f.Extensions, f.Description))];
            int nameWidth = outputs.Concat(reads).Max(f => f.Name.Length);
            int extensionWidth = outputs.Concat(reads).Max(f => string.Join(" ", f.Extensions).Length);
            foreach ((string name, IReadOnlyList<string> extensions, string description) in outputs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await console.Out.WriteLineAsync($"{name.PadRight(nameWidth)}  {string.Join(" ", extensions).PadRight(extensionWidth)}  {description}").ConfigureAwait(false);
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
}
