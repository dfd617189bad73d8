using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using ArxivDigest.Parsing.Selection;

namespace ArxivDigest.Cli.Commands;

/// <summary>The options that choose papers, shared by <c>convert</c> and <c>stats</c>.</summary>
internal sealed class SelectionOptions
{
    private readonly Option<string[]> _category = new("--category")
    {
        Description = "Keep papers whose main category or section is CATEGORY (repeatable: any).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string[]> _match = new("--match")
    {
        Description = "Keep papers whose title, TL;DR or abstract contains TEXT, ignoring case (repeatable: any).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string?> _matchRegex = new("--match-regex")
    {
        Description = "Keep papers whose title, TL;DR or abstract matches the regular expression (ignoring case; 1 s limit per match).",
    };

    private readonly Option<string[]> _excludeMatch = new("--exclude-match")
    {
        Description = "Leave out papers whose title, TL;DR or abstract contains TEXT, ignoring case (repeatable; after the filters that keep).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string[]> _excludeCategory = new("--exclude-category")
    {
        Description = "Leave out papers whose main category or section is CATEGORY (repeatable; after the filters that keep).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string?> _ids = new("--ids")
    {
        Description = "Keep papers whose arXiv id is listed in FILE (one a line; versions ignored; # comments).",
    };

    private readonly Option<string?> _since = new("--since")
    {
        Description = "Keep papers of digests dated YYYY-MM-DD or later.",
    };

    private readonly Option<string?> _until = new("--until")
    {
        Description = "Keep papers of digests dated YYYY-MM-DD or earlier.",
    };

    private readonly Option<bool> _dedupe = new("--dedupe")
    {
        Description = "Keep each arXiv id once: from the latest digest date (ties: the later input).",
    };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { _category, _match, _matchRegex, _excludeMatch, _excludeCategory, _ids, _since, _until, _dedupe })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The <c>--ids</c> file, if given (an input too: an output must not overwrite it).</summary>
    public string? IdsFile(ParseResult parse) => parse.GetValue(_ids);

    public PaperSelection Read(ParseResult parse)
    {
        string? idsFile = parse.GetValue(_ids);
        ImmutableHashSet<string>? ids = null;
        if (idsFile is not null)
        {
            if (!File.Exists(idsFile))
            {
                throw new UsageException($"--ids file '{idsFile}' does not exist.");
            }

            try
            {
                using var reader = new StreamReader(idsFile);
                ids = PaperSelection.ReadIds(reader);
            }
            catch (FormatException e)
            {
                throw new UsageException($"--ids {idsFile}: {e.Message}");
            }
        }

        var selection = new PaperSelection
        {
            Categories = [.. parse.GetValue(_category) ?? []],
            Matches = [.. parse.GetValue(_match) ?? []],
            MatchRegex = parse.GetValue(_matchRegex),
            ExcludeMatches = [.. parse.GetValue(_excludeMatch) ?? []],
            ExcludeCategories = [.. parse.GetValue(_excludeCategory) ?? []],
            Ids = ids,
            Since = ParseDate("--since", parse.GetValue(_since)),
            Until = ParseDate("--until", parse.GetValue(_until)),
            Dedupe = parse.GetValue(_dedupe),
        };

        try
        {
            _ = selection.CreatePredicate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--match-regex: {e.Message}");
        }

        return selection;
    }

    public static DateOnly? ParseDate(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
            ? date
            : throw new UsageException($"{option} '{text}' is not a date of the form YYYY-MM-DD.");
    }
}
