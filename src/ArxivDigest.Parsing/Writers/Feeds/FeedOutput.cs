using System.Globalization;
using System.Text;
using System.Xml;

namespace ArxivDigest.Parsing.Writers.Feeds;

/// <summary>What the Atom and the RSS writer share: the feed's own title, description and id, and the XML output.</summary>
internal sealed class FeedOutput : IDisposable
{
    /// <summary>The feed's generator, as both formats name it.</summary>
    public const string Generator = "ArxivDigest.Parsing";

    private const int FlushSize = 32 * 1024;

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        // A carriage return in a value is written as &#xD; so that a reader gets it back, not a line feed.
        NewLineHandling = NewLineHandling.Entitize,
        // The values are cleaned first; should anything XML cannot hold remain, writing fails rather than the feed.
        CheckCharacters = true,
        CloseOutput = false,
    };

    private readonly Stream _output;
    private readonly MemoryStream _buffer = new();

    public FeedOutput(Stream output)
    {
        _output = output;
        Xml = XmlWriter.Create(_buffer, Settings);
    }

    /// <summary>The XML writer, over a buffer that <see cref="FlushIfFullAsync"/> empties into the output.</summary>
    public XmlWriter Xml { get; }

    /// <summary>The feed's title: the option's when set, else <c>arXiv digest</c> and the dates (cleaned either way).</summary>
    public static string Title(FeedWriterOptions options, FeedEntries entries, PaperWriter writer, string format)
    {
        if (!string.IsNullOrWhiteSpace(options.Title))
        {
            string title = FeedText.Clean(options.Title, out int removed);
            if (removed > 0)
            {
                writer.ReportReplaced(null, "the feed's title", removed, format, "removed (XML cannot hold control characters, lone surrogates, U+FFFE or U+FFFF)");
            }

            return title;
        }

        return "arXiv digest" + Range(entries, ", ");
    }

    /// <summary>One sentence about the feed: how many papers, from which digests.</summary>
    public static string Description(FeedEntries entries)
        => string.Create(CultureInfo.InvariantCulture, $"{entries.Count} {(entries.Count == 1 ? "paper" : "papers")} from the arXiv digest{Range(entries, " of ")}, each with its TL;DR.");

    /// <summary>
    /// The feed's id (Atom): the self link when given, else a name-based URN of the page link and the title option
    /// (<c>arXiv digest</c> when unset), which stays the same as the feed is made again with new papers.
    /// </summary>
    public static string FeedId(FeedWriterOptions options)
        => options.SelfLink ?? FeedText.NameBasedUrn("feed\n" + (options.Link ?? string.Empty) + "\n" + (string.IsNullOrWhiteSpace(options.Title) ? "arXiv digest" : options.Title));

    /// <summary>Writes what the buffer holds to the output once it holds enough.</summary>
    public ValueTask FlushIfFullAsync(CancellationToken cancellationToken)
    {
        Xml.Flush();
        return _buffer.Length >= FlushSize ? DrainAsync(cancellationToken) : default;
    }

    /// <summary>Ends the document and writes the rest to the output.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        Xml.WriteEndDocument();
        Xml.Flush();
        _buffer.WriteByte((byte)'\n');
        await DrainAsync(cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        Xml.Dispose();
        _buffer.Dispose();
    }

    private static string Range(FeedEntries entries, string lead)
        => entries.First is not DateOnly first || entries.Last is not DateOnly last
            ? string.Empty
            : first == last
                ? lead + first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : lead + first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " to " + last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        await _output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken).ConfigureAwait(false);
        _buffer.SetLength(0);
    }
}
