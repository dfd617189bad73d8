using System.CommandLine;

namespace ArxivDigest.Cli;

/// <summary>
/// Values of on/off options (<c>--docx-abstracts no</c>). System.CommandLine takes only <c>true</c> and
/// <c>false</c> after a flag and leaves any other word to the inputs, so <c>no</c> became "Input 'no' does not
/// exist". Before parsing, a flag followed by (or joined with <c>=</c> to) <c>true</c>, <c>false</c>, <c>yes</c>,
/// <c>no</c>, <c>1</c> or <c>0</c> gets that value as <c>true</c>/<c>false</c>; a flag given
/// alone still means true. Any other word after a flag must be an existing input, or it is refused as a value the
/// flag does not take.
/// </summary>
internal static class FlagValues
{
    public const string Accepted = "true, false, yes, no, 1 or 0";

    /// <summary>The command line with flag values spelled <c>true</c>/<c>false</c>.</summary>
    /// <exception cref="UsageException">A flag joined to a value it does not take (<c>--bib-abstract=maybe</c>).</exception>
    public static string[] Normalize(string[] args, Command root)
    {
        HashSet<string> flags = Flags(root);
        var result = new List<string>(args.Length);
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                result.AddRange(args[i..]);
                break;
            }

            int join = arg.StartsWith('-') ? arg.IndexOfAny(['=', ':']) : -1;
            if (join > 0 && flags.Contains(arg[..join]))
            {
                string value = arg[(join + 1)..];
                bool on = Parse(value) ?? throw new UsageException($"{arg[..join]} takes {Accepted}; not '{value}'.");
                result.Add(arg[..join]);
                result.Add(on ? "true" : "false");
                continue;
            }

            result.Add(arg);
            if (flags.Contains(arg) && i + 1 < args.Length)
            {
                string following = args[i + 1];
                if (Parse(following) is bool next)
                {
                    result.Add(next ? "true" : "false");
                    i++;
                }
                else if (!following.StartsWith('-') && !File.Exists(following) && !Directory.Exists(following))
                {
                    // Only an input can follow a flag here: a word that names none was a mistyped input or a value the flag does not take.
                    throw new UsageException($"Input '{following}' does not exist, and it is not a value {arg} takes ({Accepted}; alone, true).");
                }
            }
        }

        return [.. result];
    }

    /// <summary>A flag's value, or null when the word is not one.</summary>
    public static bool? Parse(string value) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => null,
    };

    private static HashSet<string> Flags(Command root)
    {
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var commands = new Stack<Command>();
        commands.Push(root);
        while (commands.Count > 0)
        {
            Command command = commands.Pop();
            foreach (Option option in command.Options)
            {
                if (option is Option<bool>)
                {
                    flags.Add(option.Name);
                    flags.UnionWith(option.Aliases);
                }
            }

            foreach (Command sub in command.Subcommands)
            {
                commands.Push(sub);
            }
        }

        return flags;
    }
}
