using System.CommandLine;
using System.Globalization;
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Cli.Commands;

/// <summary>
/// What every command that reads digests (<c>convert</c>, <c>validate</c>, <c>stats</c>) takes, the same way: the
/// inputs, and <c>--from</c>, <c>--dialect</c>, <c>--template</c>, <c>--max-field-size</c>.
/// </summary>
internal sealed class ReaderOptions
{
    private readonly Argument<string[]> _inputs = InputArgument.Create();

    private readonly Option<string?> _from = new("--from")
    {
        Description = "The input format: markdown, jsonl or a plug-in's (see 'arxiv-digest formats'); by default each input's is chosen from its first bytes, then its extension. A directory gives its files of this format (*.md without --from).",
        HelpName = "format",
    };

    private readonly Option<string?> _dialect = new("--dialect")
    {
        Description = "The layout to read: " + string.Join(", ", DigestDialect.BuiltIn.Select(d => d.Name))
            + " (see 'arxiv-digest dialects'); by default each input's is detected from its first papers.",
        HelpName = "name",
    };

    private readonly Option<string?> _template = new("--template")
    {
        Description = "Read digests written by this paper template (a fork's to_md/paper_template.md), exactly; its placeholders name the fields.",
        HelpName = "file",
    };

    private readonly Option<string?> _maxFieldSize = new("--max-field-size")
    {
        Description = string.Create(CultureInfo.InvariantCulture,
            $"The largest field or line a digest may hold (suffix K, M or G; default 64M, at most {DigestReaderOptions.MaxFieldSizeLimit >> 20}M); a larger one stops reading with AXD016."),
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(_inputs);
        command.Options.Add(_from);
        command.Options.Add(_dialect);
        command.Options.Add(_template);
        command.Options.Add(_maxFieldSize);
    }

    /// <summary>The dialect <c>--dialect</c> or <c>--template</c> gives, or <see langword="null"/> to detect it.</summary>
    /// <exception cref="UsageException">An unknown dialect, both options, or a template that cannot be read.</exception>
    public DigestDialect? ReadDialect(ParseResult parse)
    {
        string? name = parse.GetValue(_dialect);
        string? template = parse.GetValue(_template);
        if (name is not null && template is not null)
        {
            throw new UsageException("Give --dialect or --template, not both.");
        }

        if (name is not null)
        {
            return DigestDialect.TryGetBuiltIn(name, out DigestDialect? dialect)
                ? dialect
                : throw new UsageException($"Unknown dialect '{name}'; the dialects are {string.Join(", ", DigestDialect.BuiltIn.Select(d => d.Name))}.");
        }

        if (template is null)
        {
            return null;
        }

        try
        {
            return DigestDialect.FromTemplateFile(template);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read the template '{template}': {e.Message}");
        }
        catch (FormatException e)
        {
            throw new UsageException($"The template '{template}' cannot be used: {e.Message}");
        }
    }

    /// <summary>The input format <c>--from</c> names, or <see langword="null"/> to choose each input's.</summary>
    /// <exception cref="UsageException">A format <paramref name="formats"/> does not have.</exception>
    public PaperInputFormat? ReadFormat(ParseResult parse, PaperInputRegistry formats)
    {
        if (parse.GetValue(_from) is not string name)
        {
            return null;
        }

        return formats.TryGet(name, out PaperInputFormat? format)
            ? format
            : throw new UsageException($"Unknown input format '{name}'; the input formats are {string.Join(", ", formats.Formats.Select(f => f.Name))}.");
    }

    /// <summary>The inputs the command line names (directories expanded) and how to read them.</summary>
    /// <param name="parse">The command line.</param>
    /// <param name="formats">The input formats, the plug-ins' included.</param>
    /// <param name="strict">Whether the first warning stops reading (<c>--strict</c>, where the command has it).</param>
    /// <exception cref="UsageException">A missing input; a size that is not one, or out of range; an unknown format or dialect.</exception>
    public Reading Read(ParseResult parse, PaperInputRegistry formats, bool strict)
    {
        List<DigestInput> inputs = DigestInput.Resolve(parse.GetValue(_inputs) ?? [], DirectoryExtensions(parse, formats));
        return new Reading(inputs, ReadOptions(parse, strict, formats));
    }

    /// <summary>The extensions of the files a directory given as input stands for: those of <c>--from</c>'s format, else <c>.md</c>.</summary>
    private IReadOnlyList<string> DirectoryExtensions(ParseResult parse, PaperInputRegistry formats)
        => ReadFormat(parse, formats) is PaperInputFormat format && format.Extensions.Count > 0 ? format.Extensions : [".md"];

    private DigestReaderOptions ReadOptions(ParseResult parse, bool strict, PaperInputRegistry formats)
    {
        var options = new DigestReaderOptions { Strict = strict, Dialect = ReadDialect(parse), InputFormat = ReadFormat(parse, formats), InputFormats = formats };
        if (parse.GetValue(_maxFieldSize) is not string text)
        {
            return options;
        }

        if (!ByteSize.TryParse(text, out long size))
        {
            throw new UsageException($"--max-field-size takes a size such as 65536, 512K or 128M, not '{text}'.");
        }

        if (size > DigestReaderOptions.MaxFieldSizeLimit)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--max-field-size can be at most {DigestReaderOptions.MaxFieldSizeLimit >> 20}M, not '{text}'."));
        }

        return options with { MaxFieldSize = (int)size };
    }
}

/// <summary>The inputs of a command and the options to read them with.</summary>
internal sealed record Reading(List<DigestInput> Inputs, DigestReaderOptions Options);
