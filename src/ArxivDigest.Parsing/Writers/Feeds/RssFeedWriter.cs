using System.Xml;

namespace ArxivDigest.Parsing.Writers.Feeds;

/// <summary>
/// Writes papers as an RSS 2.0 feed (<c>rss</c>, <c>.rss</c>): one item per distinct paper, with its abstract page,
/// title, authors (<c>dc:creator</c>, since RSS's own <c>author</c> is an e-mail address), TL;DR as the description,
/// the digest date, and (option <c>feed-content</c>, on by default) the motivation, method, result and conclusion as
/// <c>content:encoded</c>.
/// </summary>
/// <remarks>
/// An item's <c>guid</c> is the paper's abstract page without version, a permalink; a paper that comes again is one
/// item, chosen as <see cref="AtomFeedWriter"/> chooses its entry, and the writer likewise buffers every item and
/// writes on <see cref="CompleteAsync"/>, newest first. Characters XML cannot hold are removed and reported. The
/// mapping is in docs/feeds.md.
/// </remarks>
public sealed class RssFeedWriter : PaperWriter
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    /// <summary>The channel's link when none is given: RSS requires one.</summary>
    private const string DefaultLink = "https://arxiv.org/";

    private readonly Stream _output;
    private readonly FeedWriterOptions _settings;
    private readonly FeedEntries _entries;
    private bool _completed;

    /// <summary>Creates a writer.</summary>
    /// <param name="output">Where to write; not disposed by the writer.</param>
    /// <param name="options">Title, links and content; <see cref="FeedWriterOptions.Default"/> when null.</param>
    public RssFeedWriter(Stream output, FeedWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _settings = options ?? FeedWriterOptions.Default;
        _entries = new FeedEntries(this, "RSS", _settings);
    }

    /// <summary>The <c>rss</c> format (<c>.rss</c>) and its options.</summary>
    public static PaperWriterFormat<FeedWriterOptions> Format { get; } = new(
        "rss",
        [".rss"],
        "RSS 2.0 feed, one item per paper",
        FeedWriterOptions.Default,
        static (s, o) => new RssFeedWriter(s, o),
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
        using var output = new FeedOutput(_output);
        XmlWriter xml = output.Xml;
        xml.WriteStartDocument();
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
        xml.WriteAttributeString("xmlns", "content", null, ContentNamespace);
        xml.WriteAttributeString("xmlns", "dc", null, DublinCoreNamespace);
        xml.WriteStartElement("channel");
        xml.WriteElementString("title", FeedOutput.Title(_settings, _entries, this, "RSS"));
        xml.WriteElementString("link", _settings.Link ?? DefaultLink);
        xml.WriteElementString("description", FeedOutput.Description(_entries));
        if (_entries.Last is DateOnly last)
        {
            xml.WriteElementString("lastBuildDate", FeedText.Rfc822(last));
        }

        xml.WriteElementString("generator", FeedOutput.Generator);
        if (_settings.SelfLink is string self)
        {
            xml.WriteStartElement("link", AtomNamespace);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteAttributeString("href", self);
            xml.WriteEndElement();
        }

        foreach (FeedEntry entry in _entries.Ordered())
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteItem(xml, entry);
            await output.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        await output.CompleteAsync(cancellationToken).ConfigureAwait(false);
        _entries.Clear();
    }

    private static void WriteItem(XmlWriter xml, FeedEntry entry)
    {
        xml.WriteStartElement("item");
        xml.WriteElementString("title", entry.Title);
        if (entry.Link is string link)
        {
            xml.WriteElementString("link", link);
        }

        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", FeedText.IsWebUrl(entry.Id) ? "true" : "false");
        xml.WriteString(entry.Id);
        xml.WriteEndElement();
        if (entry.Date is DateOnly date)
        {
            xml.WriteElementString("pubDate", FeedText.Rfc822(date));
        }

        foreach (string author in entry.Authors)
        {
            xml.WriteElementString("creator", DublinCoreNamespace, author);
        }

        if (entry.DoiLink is string doi)
        {
            xml.WriteElementString("identifier", DublinCoreNamespace, doi);
        }

        if (entry.Category is string category)
        {
            xml.WriteElementString("category", category);
        }

        if (entry.Summary is string summary)
        {
            // RSS's description is HTML: the TL;DR is text, so it is escaped as HTML (then as XML).
            xml.WriteElementString("description", FeedText.HtmlEscaped(summary));
        }

        if (entry.ContentHtml is string content)
        {
            xml.WriteElementString("encoded", ContentNamespace, content);
        }

        xml.WriteEndElement();
    }
}
