namespace ArxivDigest.Parsing.Selection;

/// <summary>One input digest of a conversion: a name, how to open it, and the date of its papers when known.</summary>
/// <remarks>
/// <see cref="PaperSelector.PlanAsync"/> reads every source once before the conversion reads it again, so
/// <see cref="Open"/> must give the same bytes each time it is called.
/// </remarks>
public sealed class DigestSource
{
    private readonly Func<Stream> _open;

    /// <summary>A source read with <paramref name="open"/>.</summary>
    /// <param name="name">The name used in locations and messages (a path, or <c>&lt;stdin&gt;</c>).</param>
    /// <param name="open">Opens the digest; the caller disposes the stream.</param>
    /// <param name="date">The digest's date; <see langword="null"/> takes it from a <c>YYYY-MM-DD</c> name.</param>
    public DigestSource(string name, Func<Stream> open, DateOnly? date = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(open);
        Name = name;
        _open = open;
        Date = date ?? DigestParser.DateFromFileName(name);
    }

    /// <summary>A digest file.</summary>
    public static DigestSource FromFile(string path, DateOnly? date = null)
        => new(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous), date);

    /// <summary>The name used in locations and messages.</summary>
    public string Name { get; }

    /// <summary>The digest's date, when known.</summary>
    public DateOnly? Date { get; }

    /// <summary>Opens the digest.</summary>
    public Stream Open() => _open();

    /// <summary>A reader of this source with <paramref name="options"/> (its name and date filled in).</summary>
    public PaperReader CreateReader(DigestReaderOptions? options = null)
    {
        options ??= DigestReaderOptions.Default;
        return PaperReader.Create(Open(), options with { SourceName = Name, DigestDate = options.DigestDate ?? Date }, leaveOpen: false);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
