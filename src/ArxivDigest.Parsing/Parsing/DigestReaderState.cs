namespace ArxivDigest.Parsing;

/// <summary>
/// Where a <see cref="DigestReader"/> is, so that reading can go on in a new reader over the next buffer
/// (after an <see langword="await"/>, say). A plain value: copy it freely.
/// </summary>
public readonly struct DigestReaderState
{
    private readonly DigestDialect? _dialect;

    /// <summary>The state at the start of an input to be read in <paramref name="dialect"/>.</summary>
    public DigestReaderState(DigestDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        _dialect = dialect;
    }

    internal DigestReaderState(DigestDialect dialect, int linesConsumed, bool inPaper, int lastOrder, int linePart, LineEnding lineEnding, bool bomChecked, bool sawTableOfContents)
    {
        _dialect = dialect;
        LinePart = linePart;
        LinesConsumed = linesConsumed;
        InPaper = inPaper;
        LastOrder = lastOrder;
        LineEnding = lineEnding;
        BomChecked = bomChecked;
        SawTableOfContents = sawTableOfContents;
    }

    /// <summary>The layout being read (the canonical one in a <see langword="default"/> state).</summary>
    public DigestDialect Dialect => _dialect ?? DigestDialect.Canonical;

    /// <summary>The 1-based line of the first byte not yet consumed.</summary>
    public int Line => LinesConsumed + 1;

    internal int LinesConsumed { get; }

    internal bool InPaper { get; }

    internal int LastOrder { get; }

    /// <summary>On a line of several values (<c>*{authors}* | **Main category: {cate}**</c>), how many were read.</summary>
    internal int LinePart { get; }

    internal LineEnding LineEnding { get; }

    internal bool BomChecked { get; }

    /// <summary>Whether a <c>&lt;div id=toc&gt;&lt;/div&gt;</c> or <c># Table of Contents</c> line was read: an input without papers is then an empty digest.</summary>
    internal bool SawTableOfContents { get; }
}

/// <summary>The input's line breaks, decided by its first line: in CRLF input a <c>\r\n</c> is one line break; a bare <c>\r</c> is always content.</summary>
internal enum LineEnding : byte
{
    Unknown = 0,
    Lf,
    CrLf,
}
