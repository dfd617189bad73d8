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
    private readonly PaperTemplate _template;
    private readonly DigestDialect _dialect;

    private int _consumed;
    private int _linesConsumed;
    private bool _inPaper;
    private int _lastOrder;
    private int _linePart;
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
    private int _column;
    private int _columnLineStart;

    // The line a value scan stopped at, as it was found and matched then: the next token starts there, so it is
    // neither scanned for its end nor matched twice.
    private int _boundaryAt;
    private int _boundaryEnd;
    private int _boundaryNext;
    private int _boundaryAfter;
    private bool _boundaryStartsPaper;
    private TemplateElement? _boundaryElement;
    private MarkupMatch _boundaryHow;

    /// <summary>Creates a reader over a whole input in the canonical layout.</summary>
    public DigestReader(ReadOnlySpan<byte> utf8)
        : this(utf8, isFinalBlock: true, default)
    {
    }

    /// <summary>Creates a reader over a whole input in <paramref name="dialect"/>.</summary>
    public DigestReader(ReadOnlySpan<byte> utf8, DigestDialect dialect)
        : this(utf8, isFinalBlock: true, new DigestReaderState(dialect))
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
        _dialect = state.Dialect;
        _template = _dialect.Template;
        _linePart = state.LinePart;
        _linesConsumed = state.LinesConsumed;
        _inPaper = state.InPaper;
        _lastOrder = state.LastOrder;
        _lineEnding = state.LineEnding;
        _bomChecked = state.BomChecked;
        _sawToc = state.SawTableOfContents;
        _boundaryAt = -1;
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
    public readonly DigestReaderState CurrentState => new(_dialect, _linesConsumed, _inPaper, _lastOrder, _linePart, _lineEnding, _bomChecked, _sawToc);

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

    /// <summary>For a <see cref="DigestTokenType.Field"/> or <see cref="DigestTokenType.Authors"/> token of the template: its placeholder.</summary>
    internal TemplatePlaceholder? Placeholder { get; private set; }

    /// <summary>
    /// For a <see cref="DigestTokenType.Field"/> the dialect names but the model has no property for: its
    /// <see cref="PaperField.Key"/> (<c>keywords</c>); otherwise <see langword="null"/>.
    /// </summary>
    public readonly string? FieldKey => Placeholder?.Key;

    /// <summary>The dialect the reader reads.</summary>
    public readonly DigestDialect Dialect => _dialect;

    /// <summary>The 1-based line the token starts on.</summary>
    public int TokenLine { get; private set; }

    /// <summary>The 1-based column (in characters) where <see cref="ValueSpan"/> starts on <see cref="TokenLine"/>.</summary>
    public readonly int ValueColumn => _columnLineStart < 0 ? _column : Utf8Text.CountChars(_buffer[_columnLineStart.._valueStart]) + 1;

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
        // Markup lines read without a token move the template position; if the buffer then ends inside the next
        // token, nothing was consumed and the next reader reads those lines again, from the same position.
        int order = _lastOrder;
        int consumed = _consumed;
        if (ReadToken())
        {
            return true;
        }

        if (_consumed == consumed)
        {
            _lastOrder = order;
        }

        return false;
    }

    private bool ReadToken()
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
                    EndPaperHere(pos, lines);
                    return true;
                }

                Commit(DigestTokenType.None, lines, pos, lines);
                return false;
            }

            int end, next;
            if (pos == _boundaryAt)
            {
                (end, next) = (_boundaryEnd, _boundaryNext);
            }
            else if (!TryGetLine(pos, out end, out next))
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
                MarkupMatch how = MarkupMatch.Exact;
                TemplateElement? element = null;
                bool boundary;
                if (pos == _boundaryAt && _lastOrder == _boundaryAfter && _boundaryAfter >= 0)
                {
                    boundary = _boundaryStartsPaper;
                    element = _boundaryElement;
                    how = _boundaryHow;
                }
                else if (!(boundary = StartsPaperOrSection(line)))
                {
                    // An element out of order (a second label, a second <details>) is still the template's: a duplicate.
                    element = _template.Match(line, _lastOrder, out how)
                        ?? (_template.Match(line, 0, out how) is { Kind: TemplateElementKind.Field or TemplateElementKind.Markup } again ? again : null);
                }
                if (element is { Kind: TemplateElementKind.Markup })
                {
                    _lastOrder = Math.Max(_lastOrder, element.Order);

                    // The markup lines of the template carry nothing: read without a token, when exactly as written.
                    if (how == MarkupMatch.Exact)
                    {
                        pos = next;
                        lines++;
                        continue;
                    }

                    return ReadMarkupText(pos, end, next, lines, element, how);
                }

                if (boundary)
                {
                    EndPaperHere(pos, lines);
                    return true;
                }

                return ReadInPaper(pos, end, next, lines, element, how);
            }

            if (DigestLayout.IsTocAnchor(line) || DigestLayout.IsTocTitle(line))
            {
                _sawToc = true;
                pos = next;
                lines++;
                continue;
            }

            // Rules between papers carry nothing (navigation links are kept, as text the assembler knows).
            if (DigestLayout.IsThematicBreak(line))
            {
                pos = next;
                lines++;
                continue;
            }

            return ReadOutside(pos, end, next, lines);
        }
    }

    /// <summary>
    /// A markup line of the template with other text on it (<c>&lt;details&gt;X</c>, <c>  &lt;summary&gt;Other&lt;/summary&gt;</c>):
    /// the markup counts, and what differs from the template is kept as an unlabelled field (from the first byte
    /// after the markup, or the whole line when the markup itself differs).
    /// </summary>
    private bool ReadMarkupText(int pos, int end, int next, int lines, TemplateElement element, MarkupMatch how)
    {
        int textStart = how == MarkupMatch.WithText ? element.Match.Length : 0;
        FieldKind = PaperFieldKind.Other;
        Placeholder = null;
        _labelStart = pos;
        _labelLength = 0;
        SetValueOnLine(pos + textStart, end - pos - textStart, lineStart: pos);
        Commit(DigestTokenType.Field, lines, next, lines + 1);
        Markup = element;
        return true;
    }

    private bool ReadOutside(int pos, int end, int next, int lines)
    {
        ReadOnlySpan<byte> line = _buffer[pos..end];
        if (line.StartsWith(_template.HeadingPrefix))
        {
            ReadHeading(pos, end);
            Commit(DigestTokenType.PaperHeading, lines, next, lines + 1);
            _inPaper = true;
            _lastOrder = 0;
            return true;
        }

        if (DigestLayout.TryParseSectionHeading(line, out int catStart, out int catLength))
        {
            SetValue(pos + catStart, catLength, column: catStart + 1);
            Commit(DigestTokenType.SectionHeading, lines, next, lines + 1);
            return true;
        }

        // A section's anchor, then its heading (which may name it otherwise: a slug, or the category itself).
        if (DigestLayout.TryParseAnchor(line, out _, out _))
        {
            switch (HeadingAfterAnchor(next, lines + 1, out int headingPos, out int headingEnd, out int headingNext, out int headingLines))
            {
                case null:
                    return false;
                case true:
                    ReadOnlySpan<byte> heading = _buffer[headingPos..headingEnd];
                    _ = DigestLayout.TryParsePlainSectionHeading(heading, out catStart, out catLength);
                    SetValue(headingPos + catStart, catLength, column: catStart + 1);
                    Commit(DigestTokenType.SectionHeading, headingLines, headingNext, headingLines + 1);
                    return true;
            }
        }

        if (DigestLayout.TryParseTocEntry(line, out catStart, out catLength, out int total))
        {
            SetValue(pos + catStart, catLength, column: 4);
            TocTotal = total;
            Commit(DigestTokenType.TocEntry, lines, next, lines + 1);
            return true;
        }

        if (DigestLayout.IsNavigation(line))
        {
            SetValue(pos, end - pos, column: 1);
            Commit(DigestTokenType.Text, lines, next, lines + 1);
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

    /// <summary>
    /// Whether the first line after the blank ones from <paramref name="from"/> is a section heading (level 1 or 2);
    /// <see langword="null"/> when the buffer ends before that line does.
    /// </summary>
    private readonly bool? HeadingAfterAnchor(int from, int fromLines, out int pos, out int end, out int next, out int lines)
    {
        pos = end = next = 0;
        lines = fromLines;
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
                pos = scan;
                end = e;
                next = n;
                return !l.StartsWith(_template.HeadingPrefix) && DigestLayout.TryParsePlainSectionHeading(l, out _, out _);
            }

            scan = n;
            lines++;
        }

        return _isFinalBlock ? false : null;
    }

    private void EndPaperHere(int pos, int lines)
    {
        // The paper was cut short (or, in a template that ends with a value, simply ended): end it here and read the line again outside.
        SetValue(pos, 0, column: 1);
        Commit(DigestTokenType.PaperEnd, lines, pos, lines);
        IsPaperClosed = _template.Closer is null;
        _inPaper = false;
    }

    private bool ReadInPaper(int pos, int end, int next, int lines, TemplateElement? element, MarkupMatch how)
    {
        ReadOnlySpan<byte> line = _buffer[pos..end];
        if (element is { Kind: TemplateElementKind.Closer })
        {
            // Text after </details> on its line is outside the paper; the token carries it. Other text in the tag too.
            int after = how == MarkupMatch.OtherContent ? element.TagPrefix!.Length : element.Match.Length;
            SetValueOnLine(pos + after, end - pos - after, lineStart: pos);
            Commit(DigestTokenType.PaperEnd, lines, next, lines + 1);
            IsPaperClosed = true;
            _inPaper = false;
            return true;
        }

        if (element is { Kind: TemplateElementKind.LineField, Pattern: LinePattern pattern })
        {
            return ReadLineField(pos, end, next, lines, element, pattern);
        }

        if (element is { Kind: TemplateElementKind.Field, Placeholder: TemplatePlaceholder placeholder })
        {
            FieldKind = placeholder.FieldKind;
            Placeholder = placeholder;
            _labelStart = pos + (element.ValueBelow ? 0 : element.LabelText.Start);
            _labelLength = element.ValueBelow ? element.Match.Length : element.LabelText.Length;
            int order = element.Order;
            int valueStart;
            int scanFrom;
            int scanLines;
            if (element.ValueBelow)
            {
                // The label is a line of its own; the value starts after the template's blank lines below it.
                if (!TryValueBelow(next, lines + 1, element.ValueBreaks - 1, out valueStart, out scanLines))
                {
                    return false;
                }

                scanFrom = valueStart;
            }
            else
            {
                valueStart = pos + element.Match.Length;
                if (element.SpaceAfterLabel && valueStart < end)
                {
                    valueStart++; // the space after the label belongs to the template
                }

                if (element.SingleLine)
                {
                    SetValueOnLine(valueStart, end - valueStart, lineStart: pos);
                    Commit(placeholder.Slot == TemplateSlot.Authors ? DigestTokenType.Authors : DigestTokenType.Field, lines, next, lines + 1);
                    _lastOrder = Math.Max(_lastOrder, order);
                    return true;
                }

                scanFrom = next;
                scanLines = lines + 1;
            }

            if (!TryReadValue(valueStart, scanFrom, scanLines, order, isExtra: false, out int boundary, out int boundaryLines))
            {
                return false;
            }

            _column = 1;
            _columnLineStart = element.ValueBelow ? -1 : pos;
            Commit(DigestTokenType.Field, element.ValueBelow ? lines + element.ValueBreaks : lines, boundary, boundaryLines);
            _lastOrder = Math.Max(_lastOrder, order);
            return true;
        }

        // Something the template lacks: a labelled field of another generator, or plain text. Kept as an extra field.
        int labelLength = _template.UnknownLabel(line, out int labelStart, out int valueOffset);
        int start = pos;
        FieldKind = PaperFieldKind.Other;
        Placeholder = null;
        _labelStart = pos + labelStart;
        _labelLength = Math.Max(labelLength, 0);
        if (labelLength > 0)
        {
            start = pos + valueOffset;
        }

        if (!TryReadValue(start, next, lines + 1, _lastOrder, isExtra: true, out int extraBoundary, out int extraLines))
        {
            return false;
        }

        _columnLineStart = pos;
        Commit(DigestTokenType.Field, lines, extraBoundary, extraLines);
        return true;
    }

    /// <summary>
    /// A line of values and text (<c>*{authors}* | **Main category: {cate}**</c>): one token per value, in order; the
    /// line is consumed with its last value (<see cref="DigestReaderState.LinePart"/> counts those read).
    /// </summary>
    private bool ReadLineField(int pos, int end, int next, int lines, TemplateElement element, LinePattern pattern)
    {
        ReadOnlySpan<byte> line = _buffer[pos..end];
        Span<(int Start, int Length)> ranges = stackalloc (int, int)[pattern.Placeholders.Length];
        pattern.TryMatch(line, ranges);
        int part = _linePart;
        while (part < pattern.Placeholders.Length && IsHeadingSlot(pattern.Placeholders[part].Slot))
        {
            part++; // a title or link repeated on a later line is the heading's
        }

        if (part >= pattern.Placeholders.Length)
        {
            _linePart = 0;
            _lastOrder = Math.Max(_lastOrder, element.Order);
            _consumed = next;
            _linesConsumed = lines + 1;
            return Read();
        }

        TemplatePlaceholder placeholder = pattern.Placeholders[part];
        (int valueStart, int valueLength) = ranges[part];
        SetValueOnLine(pos + valueStart, valueLength, lineStart: pos);
        _labelStart = pos;
        _labelLength = 0;
        Placeholder = placeholder;
        FieldKind = placeholder.FieldKind;
        DigestTokenType type = placeholder.Slot == TemplateSlot.Authors ? DigestTokenType.Authors : DigestTokenType.Field;

        int remaining = part + 1;
        while (remaining < pattern.Placeholders.Length && IsHeadingSlot(pattern.Placeholders[remaining].Slot))
        {
            remaining++;
        }

        if (remaining < pattern.Placeholders.Length)
        {
            // More values on this line: stay on it.
            Commit(type, lines, pos, lines);
            _linePart = part + 1;
            return true;
        }

        Commit(type, lines, next, lines + 1);
        _linePart = 0;
        _lastOrder = Math.Max(_lastOrder, element.Order);
        return true;
    }

    // The heading's own values, repeated on a later line, are the heading's; a link there is the paper's when its heading has none.
    private static bool IsHeadingSlot(TemplateSlot slot) => slot is TemplateSlot.Title or TemplateSlot.Index;

    /// <summary>Skips up to <paramref name="blankLines"/> blank lines from <paramref name="from"/>: where a value below its label starts.</summary>
    private readonly bool TryValueBelow(int from, int fromLines, int blankLines, out int valueStart, out int valueLines)
    {
        valueStart = from;
        valueLines = fromLines;
        for (int i = 0; i < blankLines && valueStart < _buffer.Length; i++)
        {
            if (!TryGetLine(valueStart, out int e, out int n))
            {
                return false;
            }

            if (!IsBlank(_buffer[valueStart..e]))
            {
                break;
            }

            valueStart = n;
            valueLines++;
        }

        return true;
    }

    /// <summary>
    /// Scans the lines from <paramref name="scanFrom"/> up to the element that ends a value, and sets the value: the
    /// bytes from <paramref name="valueStart"/> to that element, less the line breaks the template puts before it.
    /// </summary>
    private bool TryReadValue(int valueStart, int scanFrom, int scanLines, int order, bool isExtra, out int boundary, out int boundaryLines)
    {
        int scan = scanFrom;
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

                break; // end of input: take everything but the trailing line breaks
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
                    RememberBoundary(scan, e, n, order, startsPaper: true, null, MarkupMatch.Exact);
                    break;
                }

                TemplateElement? element = _template.Match(l, order, out MarkupMatch how);
                if (element is not null)
                {
                    RememberBoundary(scan, e, n, order, startsPaper: false, element, how);
                    strip = element.BlankLinesBefore + 1;
                    break;
                }

                if (isExtra && previousBlank && _template.UnknownLabel(l, out _, out _) > 0)
                {
                    RememberBoundary(scan, e, n, after: -1, startsPaper: false, null, MarkupMatch.Exact); // the line only
                    break;
                }
            }

            previousBlank = isExtra && IsBlank(l); // only an extra field ends at a label after a blank line: the scan stays one pass otherwise
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

    private void RememberBoundary(int at, int end, int next, int after, bool startsPaper, TemplateElement? element, MarkupMatch how)
    {
        _boundaryAt = at;
        _boundaryEnd = end;
        _boundaryNext = next;
        _boundaryAfter = after;
        _boundaryStartsPaper = startsPaper;
        _boundaryElement = element;
        _boundaryHow = how;
    }

    private void ReadHeading(int pos, int end)
    {
        ReadOnlySpan<byte> line = _buffer[pos..end];
        PaperIndex = null;
        IsHeadingValid = false;
        _urlStart = pos;
        _urlLength = 0;

        // The template's own heading first, then the generator's two shapes.
        LinePattern pattern = _template.Heading;
        Span<(int Start, int Length)> ranges = stackalloc (int, int)[pattern.Placeholders.Length];
        if (pattern.TryMatch(line, ranges) && TakeHeading(pos, line, pattern, ranges))
        {
            return;
        }

        int restStart = line.IndexOf((byte)' ') + 1; // after "### "
        ReadOnlySpan<byte> rest = line[restStart..];
        SetValue(pos + restStart, line.Length - restStart, column: restStart + 1);

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

    /// <summary>Takes the values of a heading that matched the template's: the number must be digits, the link not empty.</summary>
    private bool TakeHeading(int pos, scoped ReadOnlySpan<byte> line, LinePattern pattern, scoped ReadOnlySpan<(int Start, int Length)> ranges)
    {
        int? index = null;
        int titleStart = -1, titleLength = 0, urlStart = -1, urlLength = 0;
        for (int i = 0; i < ranges.Length; i++)
        {
            (int start, int length) = ranges[i];
            switch (pattern.Placeholders[i].Slot)
            {
                case TemplateSlot.Index:
                    if (!Utf8Text.TryParseDigits(line.Slice(start, length), out int n))
                    {
                        return false;
                    }

                    index = n;
                    break;
                case TemplateSlot.Title:
                    titleStart = start;
                    titleLength = length;
                    break;
                case TemplateSlot.Url:
                    urlStart = start;
                    urlLength = length;
                    break;
                case TemplateSlot.ArxivId when urlStart < 0:
                    // https://arxiv.org/abs/{id}: the link is the whole text in the parentheses.
                    ReadOnlySpan<byte> before = pattern.LiteralBefore(i);
                    int paren = before.LastIndexOf((byte)'(');
                    int fixedPart = paren < 0 ? 0 : before.Length - paren - 1;
                    urlStart = start - fixedPart;
                    urlLength = length + fixedPart;
                    break;
            }
        }

        bool hasLink = pattern.HasLink;
        if (titleStart < 0 || (hasLink && urlLength == 0))
        {
            return false;
        }

        if (!hasLink)
        {
            urlStart = titleStart;
            urlLength = 0; // the link is on a later line of the template
        }

        PaperIndex = index;
        _titleStart = pos + titleStart;
        _titleLength = titleLength;
        _urlStart = pos + urlStart;
        _urlLength = urlLength;
        SetValueOnLine(pos + titleStart, titleLength, lineStart: pos);
        IsHeadingValid = true;
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
                ? state.Dialect.Template.IsSilentMarkup(l)
                : DigestLayout.IsTocAnchor(l) || DigestLayout.IsTocTitle(l) || DigestLayout.IsThematicBreak(l);
            if (!IsBlank(l) && !silent)
            {
                return line;
            }

            pos += nl + 1;
            line++;
        }
    }

    /// <summary>A paper heading, a section's anchor or a section heading with a back link: where a paper cut short (or one without closing markup) ends.</summary>
    private readonly bool StartsPaperOrSection(ReadOnlySpan<byte> line)
    {
        // Most lines of a value start with neither: one comparison.
        byte first = line.IsEmpty ? (byte)0 : line[0];
        if (first != _template.HeadingPrefix[0] && first != (byte)'<' && first != (byte)'#')
        {
            return false;
        }

        return line.StartsWith(_template.HeadingPrefix) || DigestLayout.TryParseAnchor(line, out _, out _) || DigestLayout.TryParseSectionHeading(line, out _, out _);
    }

    private readonly bool StartsOutsideElement(ReadOnlySpan<byte> line)
        => StartsPaperOrSection(line) || DigestLayout.TryParseTocEntry(line, out _, out _, out _) || DigestLayout.IsNavigation(line) || DigestLayout.IsThematicBreak(line);

    // Most lines start with text: one comparison before the vectorised search.
    private static bool IsBlank(ReadOnlySpan<byte> line)
        => line.IsEmpty || ((line[0] == (byte)' ' || line[0] == (byte)'\t') && !line.ContainsAnyExcept((byte)' ', (byte)'\t'));

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
        _column = column;
        _columnLineStart = -1;
    }

    // The column is counted (in characters, from the line's start) only when asked for: rarely, for a diagnostic.
    private void SetValueOnLine(int start, int length, int lineStart)
    {
        _valueStart = start;
        _valueLength = length;
        _columnLineStart = lineStart;
    }

    private void Commit(DigestTokenType type, int tokenLines, int consumed, int linesConsumed)
    {
        TokenType = type;
        Markup = null;
        if (type is not (DigestTokenType.Field or DigestTokenType.Authors))
        {
            Placeholder = null;
        }

        TokenLine = tokenLines + 1;
        _consumed = consumed;
        _linesConsumed = linesConsumed;
    }
}
