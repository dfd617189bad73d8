using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ArxivDigest.Parsing.Selection;

/// <summary>
/// Which papers to keep: by category, text, identifier and digest date, and whether to keep each arXiv identifier
/// only once. Immutable: change it with <see langword="with"/>. Every filter that is set must match; within one
/// filter any value may match. Then the exclusions (<see cref="ExcludeMatches"/>, <see cref="ExcludeCategories"/>)
/// leave out any paper one of their values matches. <see cref="PaperSelector"/> applies it, shared by every writer.
/// </summary>
public sealed record PaperSelection
{
    /// <summary>Keeps every paper.</summary>
    public static PaperSelection All { get; } = new();

    /// <summary>Categories to keep: a paper matches when its main category or its section is one of them (case-insensitive).</summary>
    public ImmutableArray<string> Categories { get; init; } = [];

    /// <summary>Texts to look for, case-insensitively, in the title, the TL;DR and the abstract; any one is enough.</summary>
    public ImmutableArray<string> Matches { get; init; } = [];

    /// <summary>A regular expression (case-insensitive) to look for in the title, the TL;DR and the abstract.</summary>
    public string? MatchRegex { get; init; }

    /// <summary>How long one regular-expression match may run before it fails with <see cref="RegexMatchTimeoutException"/>.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>arXiv identifiers to keep, without versions (<c>2602.10137</c>); <see langword="null"/> keeps all.</summary>
    public ImmutableHashSet<string>? Ids { get; init; }

    /// <summary>Keep papers of digests dated on or after this day (papers of undated digests are then left out).</summary>
    public DateOnly? Since { get; init; }

    /// <summary>Keep papers of digests dated on or before this day (papers of undated digests are then left out).</summary>
    public DateOnly? Until { get; init; }

    /// <summary>
    /// Texts that leave a paper out when its title, TL;DR or abstract contains one of them, ignoring case; applied
    /// after the filters that keep papers.
    /// </summary>
    public ImmutableArray<string> ExcludeMatches { get; init; } = [];

    /// <summary>
    /// Categories that leave a paper out when its main category or its section is one of them (case-insensitive);
    /// applied after the filters that keep papers.
    /// </summary>
    public ImmutableArray<string> ExcludeCategories { get; init; } = [];

    /// <summary>Keep each arXiv identifier once: the paper from the latest digest date, ties going to the later input.</summary>
    public bool Dedupe { get; init; }

    /// <summary>Whether any filter is set (deduplication aside).</summary>
    public bool HasFilters => !Categories.IsDefaultOrEmpty || !Matches.IsDefaultOrEmpty || MatchRegex is not null || Ids is not null || Since is not null || Until is not null
        || !ExcludeMatches.IsDefaultOrEmpty || !ExcludeCategories.IsDefaultOrEmpty;

    /// <summary>
    /// Makes the test of the filters (not of <see cref="Dedupe"/>), with the regular expression compiled once.
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="MatchRegex"/> is not a valid pattern.</exception>
    public Predicate<Paper> CreatePredicate()
    {
        Regex? regex = MatchRegex is null ? null : new Regex(MatchRegex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
        ImmutableArray<string> categories = Categories.IsDefault ? [] : Categories;
        ImmutableArray<string> matches = Matches.IsDefault ? [] : Matches;
        ImmutableArray<string> excludeMatches = ExcludeMatches.IsDefault ? [] : ExcludeMatches;
        ImmutableArray<string> excludeCategories = ExcludeCategories.IsDefault ? [] : ExcludeCategories;
        ImmutableHashSet<string>? ids = Ids;
        DateOnly? since = Since;
        DateOnly? until = Until;
        return paper =>
        {
            ArgumentNullException.ThrowIfNull(paper);
            if (categories.Length > 0 && !categories.Any(c => InCategory(paper, c)))
            {
                return false;
            }

            if ((since is not null || until is not null)
                && (paper.DigestDate is not DateOnly date || (since is DateOnly s && date < s) || (until is DateOnly u && date > u)))
            {
                return false;
            }

            if (ids is not null && !ids.Contains(KeyOf(paper)))
            {
                return false;
            }

            if (matches.Length > 0 && !matches.Any(m => Contains(paper.Title, m) || Contains(paper.Tldr, m) || Contains(paper.Abstract, m)))
            {
                return false;
            }

            if (regex is not null && !(regex.IsMatch(paper.Title) || (paper.Tldr is not null && regex.IsMatch(paper.Tldr)) || (paper.Abstract is not null && regex.IsMatch(paper.Abstract))))
            {
                return false;
            }

            return !excludeCategories.Any(c => InCategory(paper, c))
                && !excludeMatches.Any(m => Contains(paper.Title, m) || Contains(paper.Tldr, m) || Contains(paper.Abstract, m));
        };
    }

    /// <summary>
    /// Reads identifiers, one a line: versions are dropped (<c>2602.10137v2</c> → <c>2602.10137</c>), arXiv URLs are
    /// accepted, blank lines and lines starting with <c>#</c> are skipped.
    /// </summary>
    /// <exception cref="FormatException">A line is not an identifier; the message gives its number.</exception>
    public static ImmutableHashSet<string> ReadIds(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ImmutableHashSet<string>.Builder ids = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        int number = 0;
        while (reader.ReadLine() is string line)
        {
            number++;
            string text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            if (!ArxivId.TryParse(text, out ArxivId id) && !ArxivId.TryParseUrl(text, out id))
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {number}: '{text}' is not an arXiv identifier."));
            }

            ids.Add(id.Id);
        }

        return ids.ToImmutable();
    }

    /// <summary>The identifier a paper is known by for <see cref="Ids"/> and <see cref="Dedupe"/>: its arXiv identifier without version, else its URL.</summary>
    public static string KeyOf(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return paper.Id?.Id ?? paper.Url;
    }

    private static bool InCategory(Paper paper, string category)
        => string.Equals(category, paper.MainCategory, StringComparison.OrdinalIgnoreCase) || string.Equals(category, paper.Section, StringComparison.OrdinalIgnoreCase);

    private static bool Contains(string? text, string value) => text is not null && text.Contains(value, StringComparison.OrdinalIgnoreCase);
}
