using System.Buffers;

namespace ArxivDigest.Parsing;

/// <summary>
/// A forward-only, resumable reader of digest Markdown over UTF-8 bytes, in the manner of <c>Utf8JsonReader</c>:
/// it reads one token at a time from a buffer and, when the buffer ends inside a token, returns
/// <see langword="false"/> without consuming it; the caller then keeps the bytes from <see cref="BytesConsumed"/> on,
/// appends more input and goes on with a new reader built from <see cref="CurrentState"/>.
/// </summary>
/// <remarks>
/// A token is always whole in the buffer, so a line break or a UTF-8 sequence split across reads is never seen
/// split. A field's value ends where the next element of the template begins, so the buffer must hold a whole field
/// and the first bytes of the line after it; <see cref="PaperReader"/> grows its buffer to fit.
/// Field values are returned verbatim (<see cref="ValueSpan"/>): the template's own line breaks around a value are
/// not part of it, every other byte is.
/// </remarks>
public ref struct DigestReader
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    private readonly ReadOnlySpan<byte> _buffer;
    private readonly bool _isFinalBlock;
    private readonly DigestTemplate _template;

    private int _consumed;
    private int _linesConsumed;
    private bool _inPaper;
    private int _lastOrder;
    private LineEnding _lineEnding;
    private bool _bomChecked;
    private bool _sawToc;

    private int _valueStart;
    private int _valueLength;
    private int _labelStart;
    private int _labelLength;
    private int _titleStart;
    private int _titleLength;
    private int _urlStart;
    private int _urlLength;

    /// <summary>Creates a reader over a whole input.</summary>
    public DigestReader(ReadOnlySpan<byte> utf8)
        : this(utf8, isFinalBlock: true, default)
    {
    }

    /// <summary>Creates a reader over one buffer of a larger input.</summary>
    /// <param name="utf8">The bytes from the previous reader's <see cref="BytesConsumed"/> on, and any new ones.</param>
    /// <param name="isFinalBlock">Whether the input ends with this buffer.</param>
    /// <param name="state">The previous reader's <see cref="CurrentState"/>, or <see langword="default"/> at the start.</param>
    public DigestReader(ReadOnlySpan<byte> utf8, bool isFinalBlock, DigestReaderState state)
    {
        _buffer = utf8;
        _isFinalBlock = isFinalBlock;
        _template = DigestTemplate.Canonical;
        _linesConsumed = state.LinesConsumed;
        _inPaper = state.InPaper;
        _lastOrder = state.LastOrder;
        _lineEnding = state.LineEnding;
        _bomChecked = state.BomChecked;
        _sawToc = state.SawTableOfContents;
        TokenType = DigestTokenType.None;
    }

    /// <summary>
    /// Creates a reader over a sequence of buffers. A sequence of several segments is copied into one array first;
    /// for large inputs read with <see cref="PaperReader"/>, which keeps one growing buffer.
    /// </summary>
    public DigestReader(ReadOnlySequence<byte> utf8, bool isFinalBlock, DigestReaderState state)
        : this(utf8.IsSingleSegment ? utf8.FirstSpan : utf8.ToArray(), isFinalBlock, state)
    {
    }

    /// <summary>What was read last.</summary>
    public DigestTokenType TokenType { get; private set; }

    /// <summary>The bytes of this buffer consumed so far; keep the rest for the next reader.</summary>
    public readonly int BytesConsumed => _consumed;

    /// <summary>Whether the input ends with this buffer.</summary>
    public readonly bool IsFinalBlock => _isFinalBlock;

    /// <summary>The state to carry into the next reader.</summary>
    public readonly DigestReaderState CurrentState => new(_linesConsumed, _inPaper, _lastOrder, _lineEnding, _bomChecked, _sawToc);

    /// <summary>The raw UTF-8 value of the token (see <see cref="DigestTokenType"/> for what each holds). In CRLF input it keeps its <c>\r\n</c>; <see cref="GetString"/> turns them into <c>\n</c>.</summary>
    public readonly ReadOnlySpan<byte> ValueSpan => _buffer.Slice(_valueStart, _valueLength);

    /// <summary>The label of a <see cref="DigestTokenType.Field"/> as written, without the colon.</summary>
    public readonly ReadOnlySpan<byte> LabelSpan => _buffer.Slice(_labelStart, _labelLength);

    /// <summary>The title of a <see cref="DigestTokenType.PaperHeading"/>.</summary>
    public readonly ReadOnlySpan<byte> TitleSpan => _buffer.Slice(_titleStart, _titleLength);

    /// <summary>The link of a <see cref="DigestTokenType.PaperHeading"/>.</summary>
    public readonly ReadOnlySpan<byte> UrlSpan => _buffer.Slice(_urlStart, _urlLength);

    /// <summary>The field a <see cref="DigestTokenType.Field"/> token holds.</summary>
    public PaperFieldKind FieldKind { get; private set; }

    /// <summary>The number of a <see cref="DigestTokenType.PaperHeading"/>, when it has one.</summary>
    public int? PaperIndex { get; private set; }

    /// <summary>Whether a <see cref="DigestTokenType.PaperHeading"/> has the form <c>### [N] [Title](URL)</c> (or <c>### [Title](URL)</c>).</summary>
    public bool IsHeadingValid { get; private set; }

    /// <summary>The total of a <see cref="DigestTokenType.TocEntry"/>.</summary>
    public int TocTotal { get; private set; }

    /// <summary>Whether a <see cref="DigestTokenType.PaperEnd"/> was a <c>&lt;/details&gt;</c> line (rather than the paper being cut short).</summary>
    public bool IsPaperClosed { get; private set; }

    /// <summary>For a <see cref="DigestTokenType.Field"/> holding the text of a markup line that is not as the template writes it: that markup element.</summary>
    internal TemplateElement? Markup { get; private set; }

    /// <summary>The 1-based line the token starts on.</summary>
    public int TokenLine { get; private set; }

    /// <summary>The 1-based column (in characters) where <see cref="ValueSpan"/> starts on <see cref="TokenLine"/>.</summary>
    public int ValueColumn { get; private set; }

    /// <summary>Whether the input uses <c>\r\n</c> line breaks (decided by its first line).</summary>
    public readonly bool IsCrLf => _lineEnding == LineEnding.CrLf;

    /// <summary>The value as a string: UTF-8 decoded (invalid bytes become U+FFFD), CRLF line breaks as <c>\n</c>.</summary>
    public readonly string GetString() => Decode(ValueSpan);

    /// <summary>The label as a string.</summary>
    public readonly string GetLabel() => Decode(LabelSpan);

    /// <summary>The title as a string.</summary>
    public readonly string GetTitle() => Decode(TitleSpan);

    /// <summary>The link as a string.</summary>
    public readonly string GetUrl() => Decode(UrlSpan);

    internal readonly string Decode(ReadOnlySpan<byte> utf8) => Utf8Text.Decode(utf8, _lineEnding == LineEnding.CrLf);

    internal readonly ReadOnlySpan<char> DecodeToScratch(ReadOnlySpan<byte> utf8, ref char[] scratch, ref bool invalid)
    {
        ReadOnlySpan<char> chars = Utf8Text.DecodeToScratch(utf8, _lineEnding == LineEnding.CrLf, ref scratch, out bool bad);
        invalid |= bad;
        return chars;
    }

    internal readonly string Decode(ReadOnlySpan<byte> utf8, ref char[] scratch, ref bool invalid)
    {
        string s = Utf8Text.Decode(utf8, _lineEnding == LineEnding.CrLf, ref scratch, out bool bad);
        invalid |= bad;
        return s;
    }

    /// <summary>Reads the next token.</summary>
    /// <returns><see langword="false"/> at the end of the input, or when the buffer ends inside a token and is not the final block.</returns>
    public bool Read()
    {
        if (!_bomChecked)
        {
            int n = Math.Min(_buffer.Length - _consumed, 3);
            if (n < 3 && !_isFinalBlock && Bom.StartsWith(_buffer.Slice(_consumed, n)))
            {
                return false;
            }

            if (_buffer[_consumed..].StartsWith(Bom))
            {
                _consumed += 3;
            }

            _bomChecked = true;
        }

        if (_lineEnding == LineEnding.Unknown)
        {
            int nl = _buffer[_consumed..].IndexOf((byte)'\n');
            if (nl < 0 && !_isFinalBlock)
            {
                return false;
            }

            _lineEnding = nl > 0 && _buffer[_consumed + nl - 1] == (byte)'\r' ? LineEnding.CrLf : LineEnding.Lf;
        }

        int pos = _consumed;
        int lines = _linesConsumed;
        while (true)
        {
            if (pos >= _buffer.Length)
            {
                if (!_isFinalBlock)
                {
                    return false;
                }

                if (_inPaper)
                {
                    SetValue(pos, 0, column: 1);
                    Commit(DigestTokenType.PaperEnd, lines, pos, lines);
                    IsPaperClosed = false;
                    _inPaper = false;
                    return true;
                }

                Commit(DigestTokenType.None, lines, pos, lines);
                return false;
            }

            if (!TryGetLine(pos, out int end, out int next))
            {
                return false;
            }

            ReadOnlySpan<byte> line = _buffer[pos..end];
            if (IsBlank(line))
            {
                pos = next;
                lines++;
                continue;
            }

            if (_inPaper)
            {
                TemplateElement? element = _template.Match(line);
                if (element is { Kind: TemplateElementKind.DetailsOpen or TemplateElementKind.Summary, Markup: byte[] markup })
                {
                    _lastOrder = Math.Max(_lastOrder, element.Order);

                    // The markup lines of the template carry nothing: read without a token, when exactly as written.
                    if (line.SequenceEqual(markup))
                    {
                        pos = next;
                        lines++;
                        continue;
                    }

                    return ReadMarkupText(pos, end, next, lines, element, markup);
                }

                return ReadInPaper(pos, end, next, lines, element);
            }

            if (IsTocAnchor(line) || line.SequenceEqual("# Table of Contents"u8))
            {
                _sawToc = true;
                pos = next;
                lines++;
                continue;
            }

            // A section's anchor carries its category, which the heading after it repeats: read without a token
            // only then, else kept as text.
            if (TryParseSectionAnchor(line, out int idStart, out int idLength))
            {
                switch (AnchorNamesNextSection(next, line.Slice(idStart, idLength)))
                {
                    case null:
                        return false;
                    case true:
                        pos = next;
                        lines++;
                        continue;
                }
            }

            return ReadOutside(pos, end, next, lines);
        }
    }

    /// <summary>
    /// A markup line of the template with other text on it (<c>&lt;details&gt;X</c>, <c>  &lt;summary&gt;Other&lt;/summary&gt;</c>):
    /// the markup counts, and what differs from the template is kept as an unlabelled field (from the first byte
    /// after the markup, or the whole line when the markup itself differs).
    /// </summary>
    private bool ReadMarkupText(int pos, int end, int next, int lines, TemplateElement element, byte[] markup)
    {
        int textStart = _buffer[pos..end].StartsWith(markup) ? markup.Length : 0;
        FieldKind = PaperFieldKind.Other;
        _labelStart = pos;
        _labelLength = 0;
        SetValue(pos + textStart, end - pos - textStart, column: Utf8Text.CountChars(_buffer.Slice(pos, textStart)) + 1);
        Commit(DigestTokenType.Field, lines, next, lines + 1);
        Markup = element;
        return true;
    }

    /// <summary>
    /// Whether the first line after the blank ones from <paramref name="from"/> is the section heading of
    /// <paramref name="id"/>; <see langword="null"/> when the buffer ends before that line does.
    /// </summary>
    private readonly bool? AnchorNamesNextSection(int from, ReadOnlySpan<byte> id)
    {
        int scan = from;
        while (scan < _buffer.Length)
        {
            if (!TryGetLine(scan, out int e, out int n))
            {
                return null;
            }

            ReadOnlySpan<byte> l = _buffer[scan..e];
            if (!IsBlank(l))
            {
                return TryParseSectionHeading(l, out int start, out int length) && l.Slice(start, length).SequenceEqual(id);
            }

            scan = n;
        }

        return _isFinalBlock ? false : null;
    }

    private bool ReadOutside(int pos, int end, int next, int lines)
    {
        ReadOnlySpan<byte> line = _buffer[pos..end];
        if (line.StartsWith("### ["u8))
        {
            ReadHeading(pos, end);
            Commit(DigestTokenType.PaperHeading, lines, next, lines + 1);
            _inPaper = true;
            _lastOrder = -1;
            return true;
        }

        if (TryParseSectionHeading(line, out int catStart, out int catLength))
        {
            SetValue(pos + catStart, catLength, column: 3);
            Commit(DigestTokenType.SectionHeading, lines, next, lines + 1);
            return true;
        }

        if (TryParseTocEntry(line, out catStart, out catLength, out int total))
        {
            SetValue(pos + catStart, catLength, column: 4);
            TocTotal = total;
            Commit(DigestTokenType.TocEntry, lines, next, lines + 1);
            return true;
        }

        // Unrecognised text: this line and the ones after it, up to a blank line or a line the reader knows.
        int textEnd = end;
        int scan = next;
        int scanLines = lines + 1;
        while (scan < _buffer.Length)
        {
            if (!TryGetLine(scan, out int e, out int n))
            {
                return false;
            }

            ReadOnlySpan<byte> l = _buffer[scan..e];
            if (IsBlank(l) || StartsOutsideElement(l))
            {
                break;
            }

            textEnd = e;
            scan = n;
            scanLines++;
        }

        if (scan >= _buffer.Length && !_isFinalBlock)
        {
            return false;
        }

        SetValue(pos, textEnd - pos, column: 1);
        Commit(DigestTokenType.Text, lines, scan, scanLines);
        return true;
    }

    private bool ReadInPaper(int pos, int end, int next, int lines, TemplateElement? element)
    {
        ReadOnlySpan<byte> line = _buffer[pos..end];
        if (StartsPaperOrSection(line))
        {
            // The paper was cut short: end it here and read the line again outside.
            SetValue(pos, 0, column: 1);
            Commit(DigestTokenType.PaperEnd, lines, pos, lines);
            IsPaperClosed = false;
            _inPaper = false;
            return true;
        }

        if (element is { Kind: TemplateElementKind.DetailsClose, Markup: byte[] markup })
        {
            // Text after </details> on its line is outside the paper; the token carries it.
            SetValue(pos + markup.Length, end - pos - markup.Length, column: markup.Length + 1);
            Commit(DigestTokenType.PaperEnd, lines, next, lines + 1);
            IsPaperClosed = true;
            _inPaper = false;
            return true;
        }

        if (element is { Kind: TemplateElementKind.Field })
        {
            int valueStart = pos + element.Prefix.Length;
            if (valueStart < end)
            {
                valueStart++; // the space after the colon belongs to the template
            }

            FieldKind = element.Field;
            _labelStart = pos;
            _labelLength = element.Prefix.Length - 1;
            int order = element.Order;
            if (element.SingleLine)
            {
                SetValue(valueStart, end - valueStart, column: valueStart - pos + 1);
                Commit(DigestTokenType.Field, lines, next, lines + 1);
                _lastOrder = Math.Max(_lastOrder, order);
                return true;
            }

            if (!TryReadValue(valueStart, next, lines, order, isExtra: false, out int boundary, out int boundaryLines))
            {
                return false;
            }

            ValueColumn = valueStart - pos + 1;
            Commit(DigestTokenType.Field, lines, boundary, boundaryLines);
            _lastOrder = Math.Max(_lastOrder, order);
            return true;
        }

        if (_lastOrder < DigestTemplate.AuthorsOrder && line.Length >= 2 && line[0] == (byte)'*' && line[^1] == (byte)'*')
        {
            SetValue(pos + 1, line.Length - 2, column: 2);
            Commit(DigestTokenType.Authors, lines, next, lines + 1);
            _lastOrder = DigestTemplate.AuthorsOrder;
            return true;
        }

        // Something the template lacks: a labelled field of another generator, or plain text. Kept as an extra field.
        int labelLength = UnknownLabelLength(line);
        int start = pos;
        FieldKind = PaperFieldKind.Other;
        _labelStart = pos;
        _labelLength = Math.Max(labelLength, 0);
        if (labelLength > 0)
        {
            start = pos + labelLength + 1;
            if (start < end)
            {
                start++;
            }
        }

        if (!TryReadValue(start, next, lines, _lastOrder, isExtra: true, out int extraBoundary, out int extraLines))
        {
            return false;
        }

        ValueColumn = Utf8Text.CountChars(_buffer[pos..start]) + 1;
        Commit(DigestTokenType.Field, lines, extraBoundary, extraLines);
        _lastOrder = Math.Max(_lastOrder, DigestTemplate.AuthorsOrder);
        return true;
    }

    /// <summary>
    /// Scans the lines after a value's first line up to the element that ends it, and sets the value: the bytes
    /// from <paramref name="valueStart"/> to that element, less the line breaks the template puts before it.
    /// </summary>
    private bool TryReadValue(int valueStart, int next, int lines, int order, bool isExtra, out int boundary, out int boundaryLines)
    {
        int scan = next;
        int scanLines = lines + 1;
        bool previousBlank = false;
        int strip = int.MaxValue; // how many line breaks before the boundary belong to the template
        while (true)
        {
            if (scan >= _buffer.Length)
            {
                if (!_isFinalBlock)
                {
                    boundary = boundaryLines = 0;
                    return false;
                }

                break; // end of input: the paper was cut short, take everything but the trailing line breaks
            }

            if (!TryGetLine(scan, out int e, out int n))
            {
                boundary = boundaryLines = 0;
                return false;
            }

            ReadOnlySpan<byte> l = _buffer[scan..e];
            if (!l.IsEmpty)
            {
                if (StartsPaperOrSection(l))
                {
                    break;
                }

                TemplateElement? element = _template.Match(l);
                if (element is not null && (element.Order > order || element.Kind == TemplateElementKind.DetailsClose))
                {
                    strip = element.BlankLinesBefore + 1;
                    break;
                }

                if (isExtra && (element is not null || (previousBlank && UnknownLabelLength(l) > 0)))
                {
                    break;
                }
            }

            previousBlank = l.IsEmpty;
            scan = n;
            scanLines++;
        }

        int valueEnd = scan;
        while (strip > 0 && valueEnd > valueStart && _buffer[valueEnd - 1] == (byte)'\n')
        {
            valueEnd--;
            if (_lineEnding == LineEnding.CrLf && valueEnd > valueStart && _buffer[valueEnd - 1] == (byte)'\r')
            {
                valueEnd--;
            }

            strip--;
        }

        // A value that is empty on its own line: "Label:" then the line break the template wrote.
        valueEnd = Math.Max(valueEnd, valueStart);
        _valueStart = valueStart;
        _valueLength = valueEnd - valueStart;
        boundary = scan;
        boundaryLines = scanLines;
        return true;
    }

    private void ReadHeading(int pos, int end)
    {
        ReadOnlySpan<byte> line = _buffer[pos..end];
        int restStart = 4; // after "### "
        ReadOnlySpan<byte> rest = line[restStart..];
        PaperIndex = null;
        IsHeadingValid = false;
        _urlStart = pos;
        _urlLength = 0;
        SetValue(pos + restStart, line.Length - restStart, column: 5);

        if (rest.Length >= 4 && rest[0] == (byte)'[' && rest[^1] == (byte)')')
        {
            int titleStart = 1;
            int close = rest.IndexOf("] ["u8);
            if (close > 1 && Utf8Text.TryParseDigits(rest[1..close], out int index))
            {
                PaperIndex = index;
                titleStart = close + 3;
            }

            int link = rest.LastIndexOf("]("u8);
            if (link >= titleStart && link + 2 < rest.Length - 1)
            {
                _titleStart = pos + restStart + titleStart;
                _titleLength = link - titleStart;
                _urlStart = pos + restStart + link + 2;
                _urlLength = rest.Length - 1 - (link + 2);
                IsHeadingValid = true;
                return;
            }

            PaperIndex = null;
        }

        _titleStart = pos + restStart;
        _titleLength = line.Length - restStart;
    }

    /// <summary><c># CAT [[Back]](#toc)</c>, exactly: the category is every byte between.</summary>
    private static bool TryParseSectionHeading(ReadOnlySpan<byte> line, out int start, out int length)
    {
        start = length = 0;
        ReadOnlySpan<byte> back = " [[Back]](#toc)"u8;
        if (!line.StartsWith("# "u8) || !line.EndsWith(back) || line.Length <= 2 + back.Length)
        {
            return false;
        }

        start = 2;
        length = line.Length - back.Length - 2;
        return true;
    }

    /// <summary><c>- [CAT](#CAT) [Total: N]</c>, exactly, the link naming the category: nothing on the line goes unread.</summary>
    private static bool TryParseTocEntry(ReadOnlySpan<byte> line, out int start, out int length, out int total)
    {
        start = length = total = 0;
        if (!line.StartsWith("- ["u8) || line[^1] != (byte)']')
        {
            return false;
        }

        int close = line.IndexOf("](#"u8);
        if (close < 4)
        {
            return false;
        }

        ReadOnlySpan<byte> category = line[3..close];
        ReadOnlySpan<byte> rest = line[(close + 3)..];
        if (!rest.StartsWith(category) || !rest[category.Length..].StartsWith(") [Total: "u8)
            || !Utf8Text.TryParseDigits(rest[(category.Length + 10)..^1], out total))
        {
            return false;
        }

        start = 3;
        length = category.Length;
        return true;
    }

    /// <summary>
    /// Where the bulk of bytes a reader left unconsumed with <paramref name="state"/> starts, as a 1-based line: the
    /// last, unfinished line when it is longer than all before it (a field needs the line after it to end), else the
    /// line the next token starts on.
    /// </summary>
    internal static int LargestPartLine(ReadOnlySpan<byte> pending, DigestReaderState state)
    {
        int lastBreak = pending.LastIndexOf((byte)'\n');
        return pending.Length - lastBreak - 1 > lastBreak + 1
            ? state.Line + pending[..(lastBreak + 1)].Count((byte)'\n')
            : TokenStartLine(pending, state);
    }

    /// <summary>
    /// The 1-based line the next token starts on, for bytes a reader left unconsumed with <paramref name="state"/>:
    /// past the blank lines and the markup lines it reads without a token.
    /// </summary>
    internal static int TokenStartLine(ReadOnlySpan<byte> pending, DigestReaderState state)
    {
        int line = state.Line;
        int pos = !state.BomChecked && pending.StartsWith(Bom) ? 3 : 0;
        while (true)
        {
            int nl = pending[pos..].IndexOf((byte)'\n');
            if (nl < 0)
            {
                return line;
            }

            ReadOnlySpan<byte> l = pending.Slice(pos, nl);
            if (state.LineEnding == LineEnding.CrLf && !l.IsEmpty && l[^1] == (byte)'\r')
            {
                l = l[..^1];
            }

            bool silent = state.InPaper
                ? DigestTemplate.Canonical.IsSilentMarkup(l)
                : IsTocAnchor(l) || l.SequenceEqual("# Table of Contents"u8) || TryParseSectionAnchor(l, out _, out _);
            if (!IsBlank(l) && !silent)
            {
                return line;
            }

            pos += nl + 1;
            line++;
        }
    }

    private static bool IsTocAnchor(ReadOnlySpan<byte> line) => line.SequenceEqual("<div id=toc></div>"u8);

    /// <summary><c>&lt;div id='CAT'&gt;&lt;/div&gt;</c>, exactly, as the generator writes a section's anchor.</summary>
    private static bool TryParseSectionAnchor(ReadOnlySpan<byte> line, out int start, out int length)
    {
        start = length = 0;
        if (!line.StartsWith("<div id='"u8) || !line.EndsWith("'></div>"u8) || line.Length <= 17)
        {
            return false;
        }

        start = 9;
        length = line.Length - 17;
        return line.Slice(start, length).IndexOfAny((byte)'\'', (byte)'>') < 0;
    }

    /// <summary>Any empty element with an id (<c>&lt;div id=…&gt;&lt;/div&gt;</c>): the start of a section, which ends a paper cut short.</summary>
    private static bool IsSectionAnchor(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> trimmed = line.TrimEnd((byte)' ');
        return trimmed.StartsWith("<div id="u8) && trimmed.EndsWith("></div>"u8) && trimmed.Length > 15 && trimmed[8..^7].IndexOf((byte)'>') < 0;
    }

    private static bool StartsPaperOrSection(ReadOnlySpan<byte> line)
        => line.StartsWith("### ["u8) || IsSectionAnchor(line) || TryParseSectionHeading(line, out _, out _);

    private static bool StartsOutsideElement(ReadOnlySpan<byte> line)
        => line.StartsWith("### ["u8) || line.StartsWith("<div id="u8) || TryParseSectionHeading(line, out _, out _) || TryParseTocEntry(line, out _, out _, out _);

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IsEmpty || !line.ContainsAnyExcept((byte)' ', (byte)'\t');

    /// <summary>
    /// The length of a label the template lacks (<c>Keywords: …</c>): a capital ASCII letter, then up to 40 letters,
    /// digits, spaces, '-', '_', '/' or '&amp;', then a colon and a space or the line end. Zero when the line has none.
    /// </summary>
    internal static int UnknownLabelLength(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty || !char.IsAsciiLetterUpper((char)line[0]))
        {
            return 0;
        }

        int max = Math.Min(line.Length, 41);
        for (int i = 1; i < max; i++)
        {
            byte b = line[i];
            if (b == (byte)':')
            {
                bool spaceOrEnd = i + 1 == line.Length || line[i + 1] == (byte)' ';
                return spaceOrEnd && line[i - 1] != (byte)' ' ? i : 0;
            }

            if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)' ' or (byte)'-' or (byte)'_' or (byte)'/' or (byte)'&' or (byte)';'))
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary>Finds the line at <paramref name="from"/>: its content (without the line break) ends at <paramref name="end"/>, the next line starts at <paramref name="next"/>.</summary>
    private readonly bool TryGetLine(int from, out int end, out int next)
    {
        int nl = _buffer[from..].IndexOf((byte)'\n');
        if (nl < 0)
        {
            if (!_isFinalBlock)
            {
                end = next = 0;
                return false;
            }

            end = next = _buffer.Length;
            return true;
        }

        end = from + nl;
        next = end + 1;
        if (_lineEnding == LineEnding.CrLf && end > from && _buffer[end - 1] == (byte)'\r')
        {
            end--;
        }

        return true;
    }

    private void SetValue(int start, int length, int column)
    {
        _valueStart = start;
        _valueLength = length;
        ValueColumn = column;
    }

    private void Commit(DigestTokenType type, int tokenLines, int consumed, int linesConsumed)
    {
        TokenType = type;
        Markup = null;
        TokenLine = tokenLines + 1;
        _consumed = consumed;
        _linesConsumed = linesConsumed;
    }
}
