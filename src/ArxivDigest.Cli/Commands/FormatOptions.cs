using System.CommandLine;
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Cli.Commands;

/// <summary>
/// <c>convert</c>'s format options, made from the formats' option descriptors (<see cref="PaperWriterFormat.Options"/>):
/// each option of a built-in format is a command-line option <c>--NAME</c> (<c>--bib-abstract</c>), and any format's
/// (a plug-in's too) is <c>--option NAME=VALUE</c>. The values given are set on the chosen format's typed options
/// through the same descriptors; an option of another format, an unknown name or a value the option does not take
/// is a usage error.
/// </summary>
internal sealed class FormatOptions
{
    private readonly List<(WriterOption Descriptor, Option Option)> _flags = [];

    private readonly Option<string[]> _option = new("--option")
    {
        Description = "A format option NAME=VALUE, for any format (a plug-in's too; see 'arxiv-digest formats'); repeatable, the last one wins.",
        HelpName = "NAME=VALUE",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Makes the command-line options of <paramref name="builtIn"/>'s formats (an option several formats share, such as <c>json-shape</c>, once).</summary>
    public FormatOptions(PaperWriterRegistry builtIn)
    {
        foreach (IGrouping<string, (PaperWriterFormat Format, WriterOption Descriptor)> byName in builtIn.Formats
            .SelectMany(f => f.Options.Select(o => (Format: f, Descriptor: o)))
            .GroupBy(x => x.Descriptor.Name, StringComparer.OrdinalIgnoreCase))
        {
            WriterOption descriptor = byName.First().Descriptor;
            string formats = string.Join(", ", byName.Select(x => x.Format.Name));
            string values = descriptor.IsFlag ? "; true/false/yes/no/1/0, alone: true" : string.Empty;
            string? defaultValue = byName.First().Descriptor.GetValue(byName.First().Format.DefaultOptions);
            string description = $"{descriptor.Description} ({formats}{values}{(defaultValue is null ? string.Empty : "; default " + defaultValue)})";
            Option option = descriptor.IsFlag
                ? new Option<bool>("--" + descriptor.Name) { Description = description }
                : new Option<string>("--" + descriptor.Name) { Description = description, HelpName = descriptor.ValueName };
            if (descriptor.AllowedValues.Count > 0 && option is Option<string> choice)
            {
                // Completions only: a value it does not take is refused with a message naming the option (Bind).
                choice.CompletionSources.Add([.. descriptor.AllowedValues]);
            }

            _flags.Add((descriptor, option));
        }
    }

    public void AddTo(Command command)
    {
        foreach ((_, Option option) in _flags)
        {
            command.Options.Add(option);
        }

        command.Options.Add(_option);
    }

    /// <summary>The format options on the command line, in order: the <c>--NAME</c> options, then each <c>--option NAME=VALUE</c>.</summary>
    /// <exception cref="UsageException">An <c>--option</c> that is not <c>NAME=VALUE</c>.</exception>
    public IReadOnlyList<GivenOption> Given(ParseResult parse)
    {
        var given = new List<GivenOption>();
        foreach ((WriterOption descriptor, Option option) in _flags)
        {
            // A flag that is not given still has a result (implicit, false): only options on the command line count.
            if (parse.GetResult(option) is not { Implicit: false })
            {
                continue;
            }

            string? value = option switch
            {
                Option<bool> flag => parse.GetValue(flag) ? "true" : "false",
                Option<string> text => parse.GetValue(text),
                _ => null,
            };
            if (value is not null)
            {
                given.Add(new GivenOption(descriptor.Name, value, "--" + descriptor.Name, IsFlag: true));
            }
        }

        foreach (string pair in parse.GetValue(_option) ?? [])
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException($"--option '{pair}' is not of the form name=value.");
            }

            given.Add(new GivenOption(pair[..eq], pair[(eq + 1)..], $"--option {pair}", IsFlag: false));
        }

        return given;
    }

    /// <summary>The formats that take every option in <paramref name="given"/>; none when none is given.</summary>
    public static IReadOnlyList<PaperWriterFormat> Declaring(PaperWriterRegistry registry, IReadOnlyList<GivenOption> given)
        => given.Count == 0 ? [] : [.. registry.Formats.Where(f => given.All(g => f.TryGetOption(g.Name, out _)))];

    /// <summary>
    /// The options of <paramref name="format"/>: its defaults, each option given set through its descriptor, then the
    /// layout read with (<paramref name="dialect"/>), for a format that writes one.
    /// </summary>
    /// <param name="registry">Every format, to name the one an option of another format belongs to.</param>
    /// <param name="format">The format to write.</param>
    /// <param name="chosenBy">Why that format, for messages (<c>--to jsonl</c>).</param>
    /// <param name="given">The format options on the command line.</param>
    /// <param name="dialect">The layout <c>--dialect</c> or <c>--template</c> gives.</param>
    /// <exception cref="UsageException">An option the format does not take, or a value an option does not take.</exception>
    public static WriterChoice Bind(PaperWriterRegistry registry, PaperWriterFormat format, string chosenBy, IReadOnlyList<GivenOption> given, DigestDialect? dialect)
    {
        object options = format.DefaultOptions;
        foreach (GivenOption option in given)
        {
            options = Apply(registry, format, chosenBy, options, option);
        }

        if (dialect is not null)
        {
            options = format.WithDialect(options, dialect);
        }

        if (!format.WritesDirectory(options))
        {
            return new WriterChoice(format, options, DirectoryOption: null);
        }

        // Say which option made it a folder, for the message when there is no -o.
        GivenOption? cause = given.FirstOrDefault(g => format.WritesDirectory(Apply(registry, format, chosenBy, format.DefaultOptions, g)));
        return new WriterChoice(format, options, cause?.Source ?? $"the {format.Name} format");
    }

    private static object Apply(PaperWriterRegistry registry, PaperWriterFormat format, string chosenBy, object options, GivenOption given)
    {
        if (!format.TryGetOption(given.Name, out WriterOption? descriptor))
        {
            throw new UsageException(NotAnOption(registry, format, chosenBy, given));
        }

        try
        {
            return descriptor.Apply(options, given.Value);
        }
        catch (FormatException)
        {
            string what = $"{descriptor.Name} takes {descriptor.ValueDescription}, not '{given.Value}'.";
            throw new UsageException(given.IsFlag ? "--" + what : $"{given.Source}: {what}");
        }
        catch (ArgumentException e)
        {
            // The options refused the value (out of range, say).
            throw new UsageException($"{given.Source}: {e.Message}");
        }
    }

    private static string NotAnOption(PaperWriterRegistry registry, PaperWriterFormat format, string chosenBy, GivenOption given)
    {
        List<string> owners = [.. registry.Formats.Where(f => f.TryGetOption(given.Name, out _)).Select(f => f.Name)];
        string name = given.IsFlag ? given.Source : given.Name;
        string prefix = given.IsFlag ? string.Empty : given.Source + ": ";
        if (owners.Count > 0)
        {
            return $"{prefix}{name} is an option of {string.Join(" and ", owners)}; it does not go with {chosenBy}.";
        }

        string takes = format.Options.Count == 0
            ? "it takes none"
            : "it takes " + string.Join(", ", format.Options.Select(o => o.Name));
        return $"{prefix}{format.Name} has no option '{given.Name}' ({takes}; see 'arxiv-digest formats').";
    }
}

/// <summary>A format option given on the command line.</summary>
/// <param name="Name">The option's name (<c>bib-abstract</c>).</param>
/// <param name="Value">Its value as text.</param>
/// <param name="Source">How it was given, for messages: <c>--bib-abstract</c>, <c>--option bib-abstract=yes</c>.</param>
/// <param name="IsFlag">Whether it was given as <c>--NAME</c> rather than with <c>--option</c>.</param>
internal sealed record GivenOption(string Name, string Value, string Source, bool IsFlag);

/// <summary>The format to write and its options.</summary>
/// <param name="Format">The format.</param>
/// <param name="Options">Its options (of <see cref="PaperWriterFormat.OptionsType"/>).</param>
/// <param name="DirectoryOption">When the format writes a folder with these options, what made it (<c>--partition-by</c>); else null.</param>
internal sealed record WriterChoice(PaperWriterFormat Format, object Options, string? DirectoryOption);
