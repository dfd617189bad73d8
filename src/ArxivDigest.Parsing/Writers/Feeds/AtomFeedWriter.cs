using System.Xml;

namespace ArxivDigest.Parsing.Writers.Feeds;

/// <summary>
/// Writes papers as an Atom 1.0 feed (RFC 4287; <c>atom</c>, <c>.atom</c>): one entry per distinct paper, with its
/// abstract page, title, authors, TL;DR as the summary, the digest date, and (option <c>feed-content</c>, on by
/// default) the motivation, method, result and conclusion as HTML content.
/// </summary>
/// <remarks>
/// <para>
/// An entry's <c>id</c> is the paper's abstract page without version (<c>https://arxiv.org/abs/2601.16217</c>), so it
/// never changes for the paper; ids are unique in a feed, so a paper that comes again (another day, another version) is
/// one entry: the appearance with the latest digest date, then the highest version, then the first. The writer
/// therefore keeps every entry (their text, a few kilobytes each) and writes the feed on <see cref="CompleteAsync"/>,
/// newest first. The feed's <c>updated</c> is the latest digest date, never the clock, so the same papers give the
/// same bytes. The mapping is in docs/feeds.md.
/// </para>
/// <para>
/// Control characters (but tab, line feed and carriage return), lone surrogates, U+FFFE and U+FFFF cannot be in XML:
/// they are removed, and each field that lost some is reported (<see cref="DiagnosticCodes.CharacterReplaced"/>).
/// </para>
/// </remarks>
public sealed class AtomFeedWriter : PaperWriter
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>The category scheme of arXiv's own Atom feeds.</summary>
    private const string ArxivCategoryScheme = "http://arxiv.org/schemas/atom";

    private readonly Stream _output;
    private readonly FeedWriterOptions _settings;
    private readonly FeedEntries _entries;
    private bool _completed;

    /// <summary>Creates a writer.</summary>
    /// <param name="output">Where to write; not disposed by the writer.</param>
    /// <param name="options">Title, links and content; <see cref="FeedWriterOptions.Default"/> when null.</param>
    public AtomFeedWriter(Stream output, FeedWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _settings = options ?? FeedWriterOptions.Default;
        _entries = new FeedEntries(this, "Atom", _settings);
    }

    /// <summary>The <c>atom</c> format (<c>.atom</c>) and its options.</summary>
    public static PaperWriterFormat<FeedWriterOptions> Format { get; } = new(
        "atom",
        [".atom"],
        "Atom 1.0 feed, one entry per paper",
        FeedWriterOptions.Default,
        static (s, o) => new AtomFeedWriter(s, o),
        isText: true,
        options: FeedWriterOptions.Descriptors);

    /// <inheritdoc/>
    public override ValueTask BeginDigestAsync(DigestInfo digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        _entries.BeginDigest(digest);
        return default;
    }

    /// <inheritdoc/>
    public override ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ObjectDisposedException.ThrowIf(_completed, this);
        cancellationToken.ThrowIfCancellationRequested();
        _entries.Add(paper);
        return default;
    }

    /// <inheritdoc/>
    public override async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        string updated;
        if (_entries.Last is DateOnly last)
        {
            updated = FeedText.Rfc3339(last);
        }
        else
        {
            // Atom requires a date; without any, a fixed one keeps the output reproducible.
            updated = FeedText.Rfc3339(new DateOnly(1970, 1, 1));
            ReportDiagnostic(null, DiagnosticCodes.ValueNotExact, DiagnosticSeverity.Warning,
                $"Atom: no paper has a digest date, so the feed and its entries are dated {updated}.");
        }

        using var output = new FeedOutput(_output);
        XmlWriter xml = output.Xml;
        xml.WriteStartDocument();
        xml.WriteStartElement("feed", AtomNamespace);
        xml.WriteElementString("id", AtomNamespace, FeedOutput.FeedId(_settings));
        Text(xml, "title", FeedOutput.Title(_settings, _entries, this, "Atom"));
        Text(xml, "subtitle", FeedOutput.Description(_entries));
        xml.WriteElementString("updated", AtomNamespace, updated);
        if (_settings.Link is string link)
        {
            Link(xml, "alternate", link, type: null);
        }

        if (_settings.SelfLink is string self)
        {
            Link(xml, "self", self, "application/atom+xml");
        }

        xml.WriteElementString("generator", AtomNamespace, FeedOutput.Generator);
        foreach (FeedEntry entry in _entries.Ordered())
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteEntry(xml, entry, updated);
            await output.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
        }

        xml.WriteEndElement();
        await output.CompleteAsync(cancellationToken).ConfigureAwait(false);
        _entries.Clear();
    }

    private static void WriteEntry(XmlWriter xml, FeedEntry entry, string feedUpdated)
    {
        xml.WriteStartElement("entry", AtomNamespace);
        xml.WriteElementString("id", AtomNamespace, entry.Id);
        Text(xml, "title", entry.Title);
        if (entry.Link is string link)
        {
            Link(xml, "alternate", link, type: null);
        }

        if (entry.PdfLink is string pdf)
        {
            xml.WriteStartElement("link", AtomNamespace);
            xml.WriteAttributeString("rel", "related");
            xml.WriteAttributeString("type", "application/pdf");
            xml.WriteAttributeString("title", "pdf");
            xml.WriteAttributeString("href", pdf);
            xml.WriteEndElement();
        }

        if (entry.DoiLink is string doi)
        {
            // As arXiv's own API writes a DOI: a related link titled "doi".
            xml.WriteStartElement("link", AtomNamespace);
            xml.WriteAttributeString("rel", "related");
            xml.WriteAttributeString("title", "doi");
            xml.WriteAttributeString("href", doi);
            xml.WriteEndElement();
        }

        if (entry.Date is DateOnly date)
        {
            xml.WriteElementString("published", AtomNamespace, FeedText.Rfc3339(date));
            xml.WriteElementString("updated", AtomNamespace, FeedText.Rfc3339(date));
        }
        else
        {
            xml.WriteElementString("updated", AtomNamespace, feedUpdated);
        }

        // Atom requires an author for each entry (none is set on the feed).
        foreach (string author in entry.Authors.IsEmpty ? ["Unknown"] : entry.Authors)
        {
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, author);
            xml.WriteEndElement();
        }

        if (entry.Category is string category)
        {
            xml.WriteStartElement("category", AtomNamespace);
            xml.WriteAttributeString("term", category);
            xml.WriteAttributeString("scheme", ArxivCategoryScheme);
            xml.WriteEndElement();
        }

        if (entry.Summary is string summary)
        {
            Text(xml, "summary", summary);
        }

        // An entry without an alternate link must have content (RFC 4287, 4.1.2): then the TL;DR, should there be no sections.
        string? content = entry.ContentHtml ?? (entry.Link is null ? FeedText.HtmlEscaped(entry.Summary ?? entry.Title) : null);
        if (content is not null)
        {
            xml.WriteStartElement("content", AtomNamespace);
            xml.WriteAttributeString("type", "html");
            xml.WriteString(content);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string element, string value)
    {
        xml.WriteStartElement(element, AtomNamespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string? type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        if (type is not null)
        {
            xml.WriteAttributeString("type", type);
        }

        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
