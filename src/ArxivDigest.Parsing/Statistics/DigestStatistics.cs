using System.Collections.Immutable;

namespace ArxivDigest.Parsing.Statistics;

/// <summary>
/// Counts over papers (of one or many digests): per category, per digest date, per author, repeated identifiers,
/// placeholder summaries, and the readers' diagnostics. Add papers as they stream; memory grows with the number of
/// distinct categories, dates, authors and identifiers, not with the text.
/// </summary>
public sealed class DigestStatistics
{
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, int> _dates = [];
    private readonly Dictionary<string, int> _authors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dialects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _inputFormats = new(StringComparer.Ordinal);

    /// <summary>Papers counted.</summary>
    public int Papers { get; private set; }

    /// <summary>Papers of digests whose date is not known.</summary>
    public int Undated { get; private set; }

    /// <summary>Papers with at least one placeholder summary field (see <see cref="PlaceholderSummaries"/>).</summary>
    public int PlaceholderPapers { get; private set; }

    /// <summary>Errors the readers reported.</summary>
    public int Errors { get; private set; }

    /// <summary>Warnings the readers reported.</summary>
    public int Warnings { get; private set; }

    /// <summary>Digests counted (one per <see cref="AddDiagnostics"/> call).</summary>
    public int Digests { get; private set; }

    /// <summary>Counts a paper.</summary>
    public void Add(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        Papers++;
        Increment(_categories, paper.MainCategory ?? paper.Section ?? "(none)");
        if (paper.DigestDate is DateOnly date)
        {
            Increment(_dates, date);
        }
        else
        {
            Undated++;
        }

        foreach (string author in paper.Authors)
        {
            Increment(_authors, author);
        }

        Increment(_ids, Selection.PaperSelection.KeyOf(paper));
        if (PlaceholderSummaries.HasPlaceholder(paper))
        {
            PlaceholderPapers++;
        }
    }

    /// <summary>Counts one digest read in <paramref name="dialect"/> (see <see cref="ByDialect"/>).</summary>
    public void AddDialect(DigestDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        Increment(_dialects, dialect.Name);
    }

    /// <summary>Counts one digest read in <paramref name="format"/> (see <see cref="ByInputFormat"/>).</summary>
    public void AddInputFormat(PaperInputFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        Increment(_inputFormats, format.Name);
    }

    /// <summary>Digests per input format (<c>markdown</c>, <c>jsonl</c> …), most first.</summary>
    public ImmutableArray<KeyValuePair<string, int>> ByInputFormat =>
        [.. _inputFormats.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)];

    /// <summary>Digests per dialect they were read in, most first.</summary>
    public ImmutableArray<KeyValuePair<string, int>> ByDialect =>
        [.. _dialects.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)];

    /// <summary>Counts one digest's diagnostics (its reader's <see cref="PaperReader.ErrorCount"/> and <see cref="PaperReader.WarningCount"/>).</summary>
    public void AddDiagnostics(int errors, int warnings)
    {
        Digests++;
        Errors += errors;
        Warnings += warnings;
    }

    /// <summary>Papers per main category (the section when a paper has none), most first, then by name.</summary>
    public ImmutableArray<KeyValuePair<string, int>> ByCategory =>
        [.. _categories.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)];

    /// <summary>Papers per digest date, in date order.</summary>
    public ImmutableArray<KeyValuePair<DateOnly, int>> ByDate => [.. _dates.OrderBy(kv => kv.Key)];

    /// <summary>Distinct identifiers (arXiv identifiers without version).</summary>
    public int DistinctIds => _ids.Count;

    /// <summary>Identifiers that occur more than once, with how often, most first.</summary>
    public ImmutableArray<KeyValuePair<string, int>> DuplicateIds =>
        [.. _ids.Where(kv => kv.Value > 1).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)];

    /// <summary>The <paramref name="count"/> authors with the most papers (ties by name).</summary>
    public ImmutableArray<KeyValuePair<string, int>> TopAuthors(int count) =>
        [.. _authors.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(count)];

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull
        => counts[key] = counts.GetValueOrDefault(key) + 1;
}
