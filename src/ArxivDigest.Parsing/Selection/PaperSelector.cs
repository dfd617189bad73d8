namespace ArxivDigest.Parsing.Selection;

/// <summary>
/// Applies a <see cref="PaperSelection"/> to the papers of several inputs, in input order, then paper order: the
/// filters, and deduplication (which needs every input's identifiers first: <see cref="PlanAsync"/>). One selector
/// serves every writer of a conversion, and counts what it kept and left out.
/// </summary>
public sealed class PaperSelector
{
    private readonly Predicate<Paper> _filter;
    private readonly Dictionary<string, Winner> _winners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private bool _planned;

    /// <summary>Creates a selector.</summary>
    /// <exception cref="ArgumentException">The selection's regular expression is not valid.</exception>
    public PaperSelector(PaperSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        Selection = selection;
        _filter = selection.CreatePredicate();
    }

    /// <summary>The selection applied.</summary>
    public PaperSelection Selection { get; }

    /// <summary>Papers kept so far.</summary>
    public int Kept { get; private set; }

    /// <summary>Papers the filters left out so far.</summary>
    public int FilteredOut { get; private set; }

    /// <summary>Papers left out so far because the same identifier is kept from another digest (or earlier in the same one).</summary>
    public int Duplicates { get; private set; }

    /// <summary>
    /// With <see cref="PaperSelection.Dedupe"/>, reads every source once to find, for each identifier, the digest
    /// its paper is kept from: the latest date, ties going to the later source. Does nothing otherwise.
    /// </summary>
    public async Task PlanAsync(IReadOnlyList<DigestSource> sources, DigestReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _planned = true;
        if (!Selection.Dedupe)
        {
            return;
        }

        // Planning only looks; problems in the input are reported when the conversion reads it. A source that
        // cannot be read (not a digest, a field too large) offers no paper, so the others keep theirs.
        DigestReaderOptions lenient = (options ?? DigestReaderOptions.Default) with { Strict = false, MaxDiagnostics = 0 };
        var candidates = new List<(string Key, Winner Candidate)>();
        for (int i = 0; i < sources.Count; i++)
        {
            candidates.Clear();
            await using PaperReader reader = sources[i].CreateReader(lenient);
            try
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    Paper paper = reader.Current;
                    if (_filter(paper))
                    {
                        candidates.Add((PaperSelection.KeyOf(paper), new Winner(paper.DigestDate ?? DateOnly.MinValue, i)));
                    }
                }
            }
            catch (DigestFormatException)
            {
                continue;
            }

            foreach ((string key, Winner candidate) in candidates)
            {
                if (!_winners.TryGetValue(key, out Winner current) || candidate.CompareTo(current) >= 0)
                {
                    _winners[key] = candidate;
                }
            }
        }
    }

    /// <summary>Whether to keep <paramref name="paper"/>, read from the source at <paramref name="sourceIndex"/>; counts the answer.</summary>
    /// <exception cref="InvalidOperationException">Deduplicating without <see cref="PlanAsync"/> first.</exception>
    public bool Select(Paper paper, int sourceIndex)
    {
        ArgumentNullException.ThrowIfNull(paper);
        if (!_filter(paper))
        {
            FilteredOut++;
            return false;
        }

        if (Selection.Dedupe)
        {
            if (!_planned)
            {
                throw new InvalidOperationException("Call PlanAsync before selecting with Dedupe.");
            }

            string key = PaperSelection.KeyOf(paper);
            if (!_winners.TryGetValue(key, out Winner winner) || winner.Source != sourceIndex || !_written.Add(key))
            {
                Duplicates++;
                return false;
            }
        }

        Kept++;
        return true;
    }

    private readonly record struct Winner(DateOnly Date, int Source) : IComparable<Winner>
    {
        public int CompareTo(Winner other)
        {
            int c = Date.CompareTo(other.Date);
            return c != 0 ? c : Source.CompareTo(other.Source);
        }
    }
}
