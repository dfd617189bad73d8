using ArxivDigest.Parsing.Writers.Bibtex;
using ArxivDigest.Parsing.Writers.Csl;
using ArxivDigest.Parsing.Writers.Feeds;
using ArxivDigest.Parsing.Writers.Json;
using ArxivDigest.Parsing.Writers.Markdown;
using ArxivDigest.Parsing.Writers.Ris;

namespace ArxivDigest.Parsing.Writers;

/// <summary>
/// The known output formats, by name and by file extension. Add your own with <see cref="Register(PaperWriterFormat)"/>,
/// or a provider's (a writer package's, a plug-in's) with <see cref="Register(IPaperWriterProvider)"/>.
/// </summary>
public sealed class PaperWriterRegistry
{
    private readonly List<PaperWriterFormat> _formats = [];

    /// <summary>An empty registry.</summary>
    public PaperWriterRegistry()
    {
    }

    /// <summary>
    /// A registry with this library's formats: <c>json</c>, <c>jsonl</c>, <c>markdown</c>, <c>bibtex</c>,
    /// <c>csl-json</c>, <c>ris</c>, <c>atom</c> and <c>rss</c>. The
    /// <c>parquet</c> and <c>docx</c> formats come in their own packages (ArxivDigest.Parsing.Parquet,
    /// ArxivDigest.Parsing.Docx): add them with <see cref="Register(IPaperWriterProvider)"/> and their providers.
    /// </summary>
    public static PaperWriterRegistry CreateDefault()
    {
        var registry = new PaperWriterRegistry();
        registry.Register(JsonPaperWriter.JsonFormat);
        registry.Register(JsonPaperWriter.JsonLinesFormat);
        registry.Register(MarkdownDigestWriter.Format);
        registry.Register(BibtexPaperWriter.Format);
        registry.Register(CslJsonPaperWriter.Format);
        registry.Register(RisPaperWriter.Format);
        registry.Register(AtomFeedWriter.Format);
        registry.Register(RssFeedWriter.Format);
        return registry;
    }

    /// <summary>The registered formats, in registration order.</summary>
    public IReadOnlyList<PaperWriterFormat> Formats => _formats;

    /// <summary>Adds a format. A format with the same name replaces the earlier one.</summary>
    public PaperWriterRegistry Register(PaperWriterFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        int existing = _formats.FindIndex(f => string.Equals(f.Name, format.Name, StringComparison.OrdinalIgnoreCase));
        if (existing >= 0)
        {
            _formats[existing] = format;
        }
        else
        {
            _formats.Add(format);
        }

        return this;
    }

    /// <summary>
    /// Adds every format <paramref name="provider"/> offers, in its order, as <see cref="Register(PaperWriterFormat)"/>
    /// does: one with the name of a registered format replaces it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider gives no list, or a null format; then none of its formats is added.</exception>
    public PaperWriterRegistry Register(IPaperWriterProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        PaperWriterFormat[] formats = [.. provider.GetFormats() ?? throw new InvalidOperationException($"{provider.GetType().FullName}.GetFormats() returned null.")];
        if (Array.Exists(formats, f => f is null))
        {
            throw new InvalidOperationException($"{provider.GetType().FullName}.GetFormats() gave a null format.");
        }

        foreach (PaperWriterFormat format in formats)
        {
            Register(format);
        }

        return this;
    }

    /// <summary>Finds a format by name (case-insensitive).</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PaperWriterFormat? format)
    {
        format = _formats.Find(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        return format is not null;
    }

    /// <summary>Finds the format a path's extension selects (case-insensitive); the longest matching extension wins.</summary>
    public bool TryGetByPath(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PaperWriterFormat? format)
    {
        ArgumentNullException.ThrowIfNull(path);
        format = null;
        int best = 0;
        foreach (PaperWriterFormat f in _formats)
        {
            foreach (string extension in f.Extensions)
            {
                if (extension.Length > best && path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    format = f;
                    best = extension.Length;
                }
            }
        }

        return format is not null;
    }
}
