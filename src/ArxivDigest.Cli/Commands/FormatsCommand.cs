using System.CommandLine;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Cli.Commands;

/// <summary><c>arxiv-digest formats</c>: the registered writers.</summary>
internal static class FormatsCommand
{
    public static Command Create(CliConsole console, Option<string[]> plugins)
    {
        var command = new Command("formats", "List the output formats (including those of --plugin assemblies).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            PaperWriterRegistry registry = PluginLoader.CreateRegistry(parse.GetValue(plugins) ?? []);
            int nameWidth = registry.Formats.Max(f => f.Name.Length);
            int extensionWidth = registry.Formats.Max(f => string.Join(" ", f.Extensions).Length);
            foreach (PaperWriterFormat format in registry.Formats)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string extensions = string.Join(" ", format.Extensions);
                await console.Out.WriteLineAsync($"{format.Name.PadRight(nameWidth)}  {extensions.PadRight(extensionWidth)}  {format.Description}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
