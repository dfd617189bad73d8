namespace ArxivDigest.Parsing.Writers.Feeds;

/// <summary>Options of the <c>atom</c> and <c>rss</c> formats. Immutable: change it with <see langword="with"/>.</summary>
public sealed record FeedWriterOptions
{
    private readonly string? _link;
    private readonly string? _selfLink;

    /// <summary>The defaults: a title made from the digests' dates, no links, each entry with its content.</summary>
    public static FeedWriterOptions Default { get; } = new();

    /// <summary>
    /// The feed's title (option <c>feed-title</c>); when <see langword="null"/> or blank, <c>arXiv digest</c> and the
    /// range of the digests' dates (<c>arXiv digest, 2026-01-08 to 2026-01-26</c>).
    /// </summary>
    public string? Title { get; init; }

    /// <summary>
    /// The web page the feed belongs to, an absolute URL (option <c>feed-link</c>): Atom's <c>link rel="alternate"</c>,
    /// RSS's channel <c>link</c>. Unset by default (then RSS, which requires one, links to arXiv).
    /// </summary>
    /// <exception cref="ArgumentException">Not an absolute URL.</exception>
    public string? Link
    {
        get => _link;
        init => _link = CheckedUrl(value, "feed-link");
    }

    /// <summary>
    /// Where the feed itself is served, an absolute URL (option <c>feed-self</c>): Atom's <c>link rel="self"</c> and the
    /// feed's <c>id</c>, RSS's <c>atom:link rel="self"</c>. Unset by default.
    /// </summary>
    /// <exception cref="ArgumentException">Not an absolute URL.</exception>
    public string? SelfLink
    {
        get => _selfLink;
        init => _selfLink = CheckedUrl(value, "feed-self");
    }

    /// <summary>
    /// Whether each entry carries the motivation, method, result and conclusion as labelled HTML sections (option
    /// <c>feed-content</c>): Atom's <c>content type="html"</c>, RSS's <c>content:encoded</c>. On by default.
    /// </summary>
    public bool Content { get; init; } = true;

    /// <summary>The options both formats take as text.</summary>
    internal static IReadOnlyList<WriterOption<FeedWriterOptions>> Descriptors { get; } =
    [
        WriterOption<FeedWriterOptions>.Text(
            "feed-title", "The feed's title (default: 'arXiv digest' and the digests' dates)", o => o.Title, (o, v) => o with { Title = v }),
        WriterOption<FeedWriterOptions>.Parsed(
            "feed-link", "The web page the feed belongs to (Atom alternate link, RSS channel link)",
            o => o.Link, (o, v) => o with { Link = v }, ParseUrl, v => v, "URL", "an absolute URL such as https://example.org/papers/"),
        WriterOption<FeedWriterOptions>.Parsed(
            "feed-self", "Where the feed itself is served (Atom self link and feed id, RSS atom:link)",
            o => o.SelfLink, (o, v) => o with { SelfLink = v }, ParseUrl, v => v, "URL", "an absolute URL such as https://example.org/papers.atom"),
        WriterOption<FeedWriterOptions>.Flag(
            "feed-content", "Add each paper's motivation, method, result and conclusion as HTML content", o => o.Content, (o, v) => o with { Content = v }),
    ];

    private static string ParseUrl(string text) => FeedText.IsAbsoluteUrl(text) ? text : throw new FormatException($"'{text}' is not an absolute URL.");

    private static string? CheckedUrl(string? value, string option)
        => value is null || FeedText.IsAbsoluteUrl(value)
            ? value
            : throw new ArgumentException($"Option '{option}' takes an absolute URL (such as https://example.org/), not '{value}'.", nameof(value));
}
