using System.Collections.Immutable;

namespace ArxivDigest.Parsing.Writers.Feeds;

/// <summary>One entry of a feed: a paper's values as written, already without what XML cannot hold.</summary>
internal sealed record FeedEntry
{
    /// <summary>The feed's entry id: the abstract page without version, the paper's own URL, or a name-based URN.</summary>
    public required string Id { get; init; }

    /// <summary>The link to the paper (the abstract page), or <see langword="null"/> when it has no usable URL.</summary>
    public string? Link { get; init; }

    /// <summary>The PDF, for an arXiv paper.</summary>
    public string? PdfLink { get; init; }

    /// <summary>The arXiv DOI as a URL, <c>https://doi.org/10.48550/arXiv.ID</c>; null without an arXiv identifier.</summary>
    public string? DoiLink { get; init; }

    public required string Title { get; init; }

    public ImmutableArray<string> Authors { get; init; } = [];

    public string? Category { get; init; }

    public string? Summary { get; init; }

    /// <summary>The labelled sections as HTML, when the content is written and the paper has any.</summary>
    public string? ContentHtml { get; init; }

    /// <summary>The digest date of the appearance written, when known.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The arXiv version of the appearance written (0 without one).</summary>
    public int Version { get; init; }
}

/// <summary>
/// The entries of a feed, one per distinct paper (its arXiv identifier without version; else its URL; else its
/// title), keeping the appearance with the latest digest date, then the highest version, then the first written.
/// Shared by the Atom and the RSS writer, which both buffer every entry: a feed's entry ids must be unique.
/// </summary>
internal sealed class FeedEntries
{
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
    private readonly List<FeedEntry> _entries = [];
    private readonly PaperWriter _writer;
    private readonly string _format;
    private readonly bool _content;
    private DateOnly? _digestDate;

    public FeedEntries(PaperWriter writer, string format, FeedWriterOptions options)
    {
        _writer = writer;
        _format = format;
        _content = options.Content;
    }

    /// <summary>How many distinct papers there are.</summary>
    public int Count => _entries.Count;

    /// <summary>The earliest and latest dates among the entries and the digests announced.</summary>
    public DateOnly? First { get; private set; }

    /// <summary>The latest date among the entries and the digests announced: the feed's own date.</summary>
    public DateOnly? Last { get; private set; }

    /// <summary>Notes the date of the digest whose papers come next (for papers that do not carry one).</summary>
    public void BeginDigest(DigestInfo digest)
    {
        _digestDate = digest.Date;
        Include(digest.Date);
    }

    /// <summary>Adds a paper, or replaces the earlier appearance of the same paper when this one wins.</summary>
    public void Add(Paper paper)
    {
        FeedEntry entry = Entry(paper);
        Include(entry.Date);
        string key = paper.Id is ArxivId id ? "arxiv:" + id.Id : paper.Url.Length > 0 ? "url:" + paper.Url : "title:" + paper.Title;
        if (_byKey.TryGetValue(key, out int earlier))
        {
            if (Wins(entry, _entries[earlier]))
            {
                _entries[earlier] = entry;
            }

            return;
        }

        _byKey.Add(key, _entries.Count);
        _entries.Add(entry);
    }

    /// <summary>The entries newest first (by digest date; undated ones last), in the order written within a date.</summary>
    public IEnumerable<FeedEntry> Ordered()
        => _entries.Select((e, i) => (Entry: e, Order: i))
            .OrderByDescending(x => x.Entry.Date ?? DateOnly.MinValue)
            .ThenBy(x => x.Order)
            .Select(x => x.Entry);

    /// <summary>Empties the buffer once the feed is written.</summary>
    public void Clear()
    {
        _entries.Clear();
        _byKey.Clear();
    }

    private static bool Wins(FeedEntry candidate, FeedEntry current)
    {
        int byDate = Nullable.Compare(candidate.Date, current.Date);
        return byDate > 0 || (byDate == 0 && candidate.Version > current.Version);
    }

    private void Include(DateOnly? date)
    {
        if (date is DateOnly d)
        {
            First = First is DateOnly f && f <= d ? f : d;
            Last = Last is DateOnly l && l >= d ? l : d;
        }
    }

    private FeedEntry Entry(Paper paper)
    {
        string title = Clean(paper, "title", paper.Title)!;
        ImmutableArray<string> authors = paper.Authors.IsDefaultOrEmpty
            ? []
            : [.. paper.Authors.Select(a => Clean(paper, "author", a)!.Trim()).Where(a => a.Length > 0)];
        string? category = Clean(paper, "main category", paper.MainCategory)?.Trim();
        string? summary = Clean(paper, "TL;DR", paper.Tldr);
        string? content = _content
            ? FeedText.SectionsHtml(
            [
                ("Motivation", Clean(paper, "motivation", paper.Motivation)),
                ("Method", Clean(paper, "method", paper.Method)),
                ("Result", Clean(paper, "result", paper.Result)),
                ("Conclusion", Clean(paper, "conclusion", paper.Conclusion)),
            ])
            : null;

        string id;
        string? link;
        string? pdf = null;
        if (paper.Id is ArxivId arxiv)
        {
            id = arxiv.WithoutVersion.AbsUrl;
            link = arxiv.AbsUrl;
            pdf = arxiv.PdfUrl;
        }
        else
        {
            string url = Clean(paper, "url", paper.Url)!.Trim();
            link = url.Length > 0 ? url : null;
            id = FeedText.IsAbsoluteUrl(url) ? url : FeedText.NameBasedUrn("paper\n" + (url.Length > 0 ? url : title));
        }

        return new FeedEntry
        {
            Id = id,
            Link = link,
            PdfLink = pdf,
            DoiLink = paper.Id is ArxivId withDoi ? "https://doi.org/" + withDoi.Doi : null,
            Title = title,
            Authors = authors,
            Category = string.IsNullOrEmpty(category) ? null : category,
            Summary = string.IsNullOrWhiteSpace(summary) ? null : summary,
            ContentHtml = content,
            Date = paper.DigestDate ?? _digestDate,
            Version = paper.Id?.Version ?? 0,
        };
    }

    private string? Clean(Paper paper, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        string clean = FeedText.Clean(value, out int removed);
        if (removed > 0)
        {
            _writer.ReportReplaced(paper, field, removed, _format, "removed (XML cannot hold control characters, lone surrogates, U+FFFE or U+FFFF)");
        }

        return clean;
    }
}
