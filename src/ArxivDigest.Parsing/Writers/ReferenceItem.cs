namespace ArxivDigest.Parsing.Writers;

/// <summary>
/// What the plain-text bibliography formats (CSL-JSON, RIS) write of a paper, cleaned (<see cref="ReferenceText"/>);
/// a value that is empty after cleaning is null. The rules are in docs/csl-json.md and docs/ris.md.
/// </summary>
/// <param name="Id">The arXiv identifier, with its version.</param>
/// <param name="Title">The title.</param>
/// <param name="Authors">The authors whose names are not empty, in order.</param>
/// <param name="Year">The year: the arXiv identifier's, else the digest date's.</param>
/// <param name="Month">The month, from the same source as <paramref name="Year"/>.</param>
/// <param name="Url">The arXiv abstract page (with the version), else the paper's URL when it is an absolute http(s) URL.</param>
/// <param name="Category">The main category.</param>
/// <param name="Abstract">The abstract, when asked for.</param>
/// <param name="Note">The TL;DR, when asked for.</param>
internal sealed record ReferenceItem(
    ArxivId? Id,
    string? Title,
    IReadOnlyList<AuthorName> Authors,
    int? Year,
    int? Month,
    string? Url,
    string? Category,
    string? Abstract,
    string? Note)
{
    /// <summary>arXiv's DOI for the paper, <c>10.48550/arXiv.ID</c> (the identifier without its version), or null.</summary>
    public string? Doi => Id?.Doi;

    /// <summary>arXiv's report number for the paper, <c>arXiv:ID</c> (without its version), or null.</summary>
    public string? ArxivNumber => Id is ArxivId id ? "arXiv:" + id.Id : null;

    /// <summary>The paper's item; <paramref name="removed"/> hears of each field that lost characters (field name, count).</summary>
    public static ReferenceItem From(Paper paper, bool withAbstract, bool withTldr, Action<string, int> removed)
    {
        List<AuthorName> authors = [];
        if (!paper.Authors.IsDefault)
        {
            foreach (string author in paper.Authors)
            {
                Text("author", author);
                if (AuthorName.Parse(author) is AuthorName name)
                {
                    authors.Add(name);
                }
            }
        }

        (int Year, int Month)? date = paper.Id is ArxivId issued ? (issued.Year, issued.Month)
            : paper.DigestDate is DateOnly day ? (day.Year, day.Month)
            : null;
        string? url = paper.Id is ArxivId id ? id.AbsUrl : WebUrl(paper.Url);
        return new ReferenceItem(
            paper.Id,
            Text("title", paper.Title),
            authors,
            date?.Year,
            date?.Month,
            url,
            Text("main category", paper.MainCategory),
            withAbstract ? Text("abstract", paper.Abstract) : null,
            withTldr ? Text("TL;DR", paper.Tldr) : null);

        string? Text(string field, string? value)
        {
            if (value is null)
            {
                return null;
            }

            string cleaned = ReferenceText.Clean(value, out int count);
            if (count > 0)
            {
                removed(field, count);
            }

            return cleaned.Length > 0 ? cleaned : null;
        }
    }

    /// <summary>The URL when it is an absolute http or https URL without white space or control characters; otherwise null.</summary>
    private static string? WebUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c))
            || !Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        return url;
    }
}

/// <summary>
/// The papers of an output once each: a paper that comes again (the same arXiv identifier) keeps the place where it
/// first came and the value made from its highest version. Papers without an identifier are all kept.
/// </summary>
/// <typeparam name="T">What a writer keeps of a paper.</typeparam>
internal sealed class DistinctPapers<T>
{
    private readonly List<(int Version, T Value)> _items = [];
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);

    /// <summary>The values, in the order their papers first came.</summary>
    public IEnumerable<T> Values => _items.Select(i => i.Value);

    /// <summary>How many distinct papers there are.</summary>
    public int Count => _items.Count;

    /// <summary>Adds a paper; <paramref name="make"/> is called only when its value is kept (new, or a higher version).</summary>
    public void Add(Paper paper, Func<Paper, T> make)
    {
        int version = paper.Id?.Version ?? 0;
        if (paper.Id is ArxivId id)
        {
            if (_byId.TryGetValue(id.Id, out int earlier))
            {
                if (version > _items[earlier].Version)
                {
                    _items[earlier] = (version, make(paper));
                }

                return;
            }

            _byId.Add(id.Id, _items.Count);
        }

        _items.Add((version, make(paper)));
    }

    /// <summary>Forgets every paper.</summary>
    public void Clear()
    {
        _items.Clear();
        _byId.Clear();
    }
}
