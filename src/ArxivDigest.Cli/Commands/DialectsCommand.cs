using System.CommandLine;
using ArxivDigest.Parsing;

namespace ArxivDigest.Cli.Commands;

/// <summary><c>arxiv-digest dialects</c>: the layouts the reader knows, with their aliases and fields.</summary>
internal static class DialectsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("dialects", "List the digest layouts (dialects) the reader knows and detects; --dialect NAME forces one, --template FILE reads a fork's own.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            int width = DigestDialect.BuiltIn.Max(d => d.Name.Length);
            foreach (DigestDialect dialect in DigestDialect.BuiltIn)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string aliases = dialect.Aliases.IsEmpty ? "" : $" (also: {string.Join(", ", dialect.Aliases)})";
                await console.Out.WriteLineAsync($"{dialect.Name.PadRight(width)}  {dialect.Description}{aliases}").ConfigureAwait(false);
                string fields = string.Join(", ", dialect.Fields.Select(f => f.Key is null ? f.Label : $"{f.Label} [{f.Key}]"));
                await console.Out.WriteLineAsync($"{new string(' ', width)}  fields: {fields}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
