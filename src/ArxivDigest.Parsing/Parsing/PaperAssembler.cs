using System.Collections.Immutable;
using System.Globalization;

namespace ArxivDigest.Parsing;

/// <summary>
/// Turns the tokens of a <see cref="DigestReader"/> into <see cref="Paper"/>s, and checks what the template
/// promises (fields present, numbering, table-of-contents totals), reporting through diagnostics.
/// </summary>
internal sealed class PaperAssembler
{
    private static readonly PaperFieldKind[] SummaryFields =
    [
        PaperFieldKind.MainCategory, PaperFieldKind.Tldr, PaperFieldKind.Motivation,
        PaperFieldKind.Method, PaperFieldKind.Result, PaperFieldKind.Conclusion,
    ];

    private static readonly int FieldKinds = Enum.GetValues<PaperFieldKind>().Length;

    // The dialect of the input (known from the first token) and what it says a paper carries.
    private DigestDialect? _dialect;
    private readonly string?[] _labels = new string?[FieldKinds];
    private bool _hasCategory;

    private readonly DigestReaderOptions _options;
    private readonly string? _file;
    private readonly List<DigestDiagnostic> _diagnostics = [];
    private readonly List<TocEntry> _toc = [];
    private readonly List<DigestSection> _sections = [];
    private readonly List<UnrecognizedText> _unrecognized = [];
    private readonly Dictionary<string, int> _sectionCounts = new(StringComparer.Ordinal);

    // The paper being assembled.
    private readonly string?[] _fields = new string?[FieldKinds];
    private readonly List<PaperField> _extra = [];
    private readonly ImmutableArray<string>.Builder _authors = ImmutableArray.CreateBuilder<string>();
    private bool _inPaper;
    private bool _hasAuthors;
    private int? _index;
    private string _title = string.Empty;
    private string _url = string.Empty;
    private SourceLocation _paperLocation;
    private int? _lastIndex;
    private int _numberingGaps;

    // Whether the dialect was detected (not given), and how many papers did not fit it.
    private bool _detected;
    private bool _uncertainReported;
    private bool _paperMisfits;
    private int _misfitPapers;
    private bool _invalidUtf8;
    private int _papersStarted;
    private bool _anyToken;
    private bool _firstLineIsJsonObject;

    // Strict mode: a problem before the first paper heading is thrown at that heading, so that an input without any
    // is refused as not a digest rather than for its first line.
    private DigestFormatException? _strictBeforeFirstPaper;
    private char[] _scratch = new char[4096];

    public PaperAssembler(DigestReaderOptions options, DateOnly? digestDate)
    {
        _options = options;
        _file = options.SourceName;
        DigestDate = digestDate;
    }

    public Paper? Current { get; private set; }

    public DateOnly? DigestDate { get; }

    public string? CurrentSection { get; private set; }

    public List<TocEntry> TableOfContents => _toc;

    public List<DigestSection> Sections => _sections;

    public List<UnrecognizedText> Unrecognized => _unrecognized;

    public List<DigestDiagnostic> Diagnostics => _diagnostics;

    public int ErrorCount { get; private set; }

    public int WarningCount { get; private set; }

    /// <summary>Takes one token; true when it completed a paper (now <see cref="Current"/>).</summary>
    public bool Accept(ref DigestReader reader)
    {
        // Every string is decoded once, validating as it goes; a token with invalid bytes is reported once.
        _invalidUtf8 = false;
        if (!_anyToken)
        {
            // Says, if no paper follows, whether the input starts like JSON lines (its first line can be longer than the head kept).
            _anyToken = true;
            if (reader.TokenType == DigestTokenType.Text)
            {
                _firstLineIsJsonObject = InputKind.FirstLineIsJsonObject(reader.ValueSpan);
            }
        }

        bool completed = AcceptToken(ref reader);
        if (_invalidUtf8)
        {
            ReportInvalidUtf8(ref reader, reader.ValueSpan);
        }

        return completed;
    }

    private string Decode(ref DigestReader reader, ReadOnlySpan<byte> utf8) => reader.Decode(utf8, ref _scratch, ref _invalidUtf8);

    /// <summary>The dialect being read, once a token was read.</summary>
    public DigestDialect Dialect => _dialect ?? DigestDialect.Canonical;

    private void Learn(DigestDialect dialect)
    {
        _dialect = dialect;
        Array.Clear(_labels);
        foreach (TemplateElement e in dialect.Template.Elements)
        {
            // A label as the template writes it (Main category:, **主要类别:**), for messages.
            if (e.Placeholder is { FieldKind: not PaperFieldKind.Other } p)
            {
                _labels[(int)p.FieldKind] ??= e.ValueBelow ? p.Label : System.Text.Encoding.UTF8.GetString(e.Match);
            }

            foreach (TemplatePlaceholder q in e.Pattern?.Placeholders ?? [])
            {
                if (q.FieldKind != PaperFieldKind.Other)
                {
                    _labels[(int)q.FieldKind] ??= q.Label;
                }
            }
        }

        _hasCategory = _labels[(int)PaperFieldKind.MainCategory] is not null;
    }

    /// <summary>Picks the dialect of an input from its first bytes, and says so when it is not the canonical one or is a guess.</summary>
    public DigestDialect Detect(ReadOnlySpan<byte> sample)
    {
        DigestDialect dialect = DialectDetector.Detect(sample, DigestDialect.BuiltIn, out double score, out int seen);
        Learn(dialect);
        _detected = true;
        int elements = dialect.Template.Elements.Length + 1;
        string share = string.Create(CultureInfo.InvariantCulture, $"{seen} of the {elements} lines of its paper template");
        if (score < DialectDetector.Confident && sample.IndexOf(dialect.Template.HeadingPrefix) >= 0)
        {
            _uncertainReported = true;
            Report(DiagnosticCodes.DialectUncertain, DiagnosticSeverity.Warning, At(1, 1),
                $"No known dialect matches this digest well; read as '{dialect.Name}', the closest ({share} found in its first papers). Give the fork's paper template (--template, DigestDialect.FromTemplate) to read it exactly.");
        }
        else if (!ReferenceEquals(dialect, DigestDialect.Canonical))
        {
            Report(DiagnosticCodes.DialectDetected, DiagnosticSeverity.Info, At(1, 1),
                $"Read as the '{dialect.Name}' dialect ({share} found in its first papers).");
        }

        return dialect;
    }

    private string LabelOf(PaperFieldKind kind) => _labels[(int)kind] ?? kind.ToString();

    private bool AcceptToken(ref DigestReader reader)
    {
        if (!ReferenceEquals(_dialect, reader.Dialect))
        {
            Learn(reader.Dialect);
        }

        ReadOnlySpan<byte> value = reader.ValueSpan;
        switch (reader.TokenType)
        {
            case DigestTokenType.TocEntry:
                _toc.Add(new TocEntry(Decode(ref reader, value), reader.TocTotal, At(reader.TokenLine, 1)));
                return false;

            case DigestTokenType.SectionHeading:
                CurrentSection = Decode(ref reader, value);
                _sections.Add(new DigestSection(CurrentSection, [], At(reader.TokenLine, 1)));
                _sectionCounts.TryAdd(CurrentSection, 0);
                return false;

            case DigestTokenType.PaperHeading:
                StartPaper(ref reader);
                return false;

            case DigestTokenType.Authors:
                SplitAuthors(ref reader, value);
                return false;

            case DigestTokenType.Field:
                AcceptField(ref reader);
                return false;

            case DigestTokenType.PaperEnd:
                if (!reader.IsPaperClosed)
                {
                    string closer = Dialect.Template.Closer?.Text ?? "</details>";
                    Report(DiagnosticCodes.UnclosedPaper, DiagnosticSeverity.Error, At(reader.TokenLine, 1),
                        $"The paper at line {_paperLocation.Line} ends before its closing {closer} line (expected '{closer}' here).");
                }

                bool finished = FinishPaper();
                if (!value.IsEmpty)
                {
                    string after = Decode(ref reader, value);
                    SourceLocation afterAt = At(reader.TokenLine, reader.ValueColumn);
                    _unrecognized.Add(new UnrecognizedText(after, afterAt));
                    Report(DiagnosticCodes.UnrecognizedText, DiagnosticSeverity.Warning, afterAt,
                        $"Text after '{Dialect.Template.Closer?.Text ?? "</details>"}' on its line (kept as unrecognised text outside the paper): '{Shorten(after)}'.");
                }

                return finished;

            case DigestTokenType.Text:
                string text = Decode(ref reader, value);
                SourceLocation at = At(reader.TokenLine, reader.ValueColumn);
                _unrecognized.Add(new UnrecognizedText(text, at));
                if (DigestLayout.IsNavigation(value))
                {
                    return false; // links back to the section or the table of contents, between papers: kept, nothing to report
                }

                if (_papersStarted == 0 && _sections.Count == 0 && IsTitleBlock(text))
                {
                    // A fork's page title (# AI-Enhanced arXiv Daily 2025-06-19, **Report Date:** …) before the papers.
                    Report(DiagnosticCodes.UnrecognizedText, DiagnosticSeverity.Info, at, $"A title before the papers (kept as unrecognised text): '{Shorten(text)}'.");
                    return false;
                }

                Report(DiagnosticCodes.UnrecognizedText, DiagnosticSeverity.Warning, at,
                    $"Unrecognised text outside any paper (kept): '{Shorten(text)}'.");
                return false;

            default:
                return false;
        }
    }

    /// <summary>The end of input: an input without papers must be an empty digest; check the table of contents against the sections.</summary>
    /// <param name="state">The reader's state at the end.</param>
    /// <param name="head">The input's first bytes (see <see cref="InputKind.HeadLength"/>).</param>
    /// <param name="wholeInput">Whether <paramref name="head"/> is the whole input.</param>
    /// <exception cref="DigestFormatException">No paper heading, and not an empty digest (<see cref="DiagnosticCodes.NotADigest"/>).</exception>
    public void Finish(DigestReaderState state, ReadOnlySpan<byte> head, bool wholeInput)
    {
        if (_papersStarted == 0)
        {
            // An empty digest is a table of contents listing no paper; anything else without a paper heading is not a digest.
            TocEntry? listing = _toc.Find(e => e.Total > 0);
            if (listing is not null)
            {
                throw NotADigest(string.Create(CultureInfo.InvariantCulture,
                    $"a table of contents that lists {listing.Total} papers for '{listing.Category}', but no paper heading '### [N] [Title](URL)' was found (cut short before its first paper?)"), listing.Location.Line);
            }

            if (InputKind.IsEmptyDayPage(head, wholeInput))
            {
                // Kept as unrecognised text (information) already; say plainly that the day has no papers.
                Report(DiagnosticCodes.UnrecognizedText, DiagnosticSeverity.Info, At(1, 1), "A page for a day without papers: an empty digest.");
            }
            else if (!state.SawTableOfContents && _toc.Count == 0)
            {
                // What was found in it says nothing about a digest: the error alone stands.
                _diagnostics.Clear();
                ErrorCount = WarningCount = 0;
                throw NotADigest(InputKind.DescribeText(head, wholeInput, _firstLineIsJsonObject, out _), 1);
            }
        }

        CheckTableOfContents();
        if (_detected && !_uncertainReported && _papersStarted >= DialectDetector.MinimumEvidence && 2 * _misfitPapers >= _papersStarted)
        {
            Report(DiagnosticCodes.DialectUncertain, DiagnosticSeverity.Warning, At(1, 1), string.Create(CultureInfo.InvariantCulture,
                $"{_misfitPapers} of the {_papersStarted} papers do not fit the '{Dialect.Name}' dialect, which was detected from the first papers: the digest is probably in a layout no built-in dialect knows. Give the fork's paper template (--template, DigestDialect.FromTemplate) to read it exactly."));
        }

        // Strict mode, an empty digest: its first problem (a warning kept back while no paper had started).
        if (_strictBeforeFirstPaper is DigestFormatException first)
        {
            throw first;
        }
    }

    private void CheckTableOfContents()
    {
        if (_toc.Count == 0)
        {
            return;
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (TocEntry entry in _toc)
        {
            listed.Add(entry.Category);
            if (!_sectionCounts.TryGetValue(entry.Category, out int found))
            {
                Report(DiagnosticCodes.TocSectionMismatch, DiagnosticSeverity.Warning, entry.Location,
                    $"The table of contents lists '{entry.Category}' but the digest has no such section.");
            }
            else if (found != entry.Total)
            {
                Report(DiagnosticCodes.TocTotalMismatch, DiagnosticSeverity.Warning, entry.Location,
                    string.Create(CultureInfo.InvariantCulture, $"The table of contents gives {entry.Total} papers for '{entry.Category}' but its section has {found}."));
            }
        }

        foreach (DigestSection section in _sections)
        {
            if (!listed.Contains(section.Category))
            {
                Report(DiagnosticCodes.TocSectionMismatch, DiagnosticSeverity.Warning, section.Location,
                    $"The section '{section.Category}' is not in the table of contents.");
            }
        }
    }

    private void StartPaper(ref DigestReader reader)
    {
        if (_strictBeforeFirstPaper is DigestFormatException first)
        {
            throw first;
        }

        _papersStarted++;
        _inPaper = true;
        _hasAuthors = false;
        Array.Clear(_fields);
        _extra.Clear();
        _authors.Clear();
        _paperLocation = At(reader.TokenLine, 1);
        _index = reader.PaperIndex;

        if (!reader.IsHeadingValid)
        {
            _title = Decode(ref reader, reader.TitleSpan);
            _url = string.Empty;
            Report(DiagnosticCodes.MalformedHeading, DiagnosticSeverity.Error, _paperLocation,
                $"Expected a paper heading '### [N] [Title](URL)', found '{Shorten(_title)}'; the line is kept as the title.");
            return;
        }

        _title = Decode(ref reader, reader.TitleSpan);
        _url = Decode(ref reader, reader.UrlSpan);
        if (_index is int index)
        {
            if (_lastIndex is int last && index != last + 1)
            {
                // Some forks number papers by their place in the JSON lines, not in the file: one warning says so, the rest are info.
                _numberingGaps++;
                Report(DiagnosticCodes.UnexpectedIndex, _numberingGaps == 1 ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info, At(reader.TokenLine, 6),
                    string.Create(CultureInfo.InvariantCulture, $"Paper number {index} follows {last} (expected {last + 1})."));
            }

            _lastIndex = index;
        }
    }

    private void SplitAuthors(ref DigestReader reader, ReadOnlySpan<byte> value)
    {
        _hasAuthors = true;
        _authors.Clear();
        if (value.IsEmpty)
        {
            return;
        }

        // Decode the line once, then cut the names out of the characters: one transcoding call, not one per name.
        ReadOnlySpan<char> line = reader.DecodeToScratch(value, ref _scratch, ref _invalidUtf8);
        while (true)
        {
            int comma = line.IndexOf(',');
            ReadOnlySpan<char> name = (comma < 0 ? line : line[..comma]).Trim(' ');
            _authors.Add(name.ToString());
            if (comma < 0)
            {
                break;
            }

            line = line[(comma + 1)..];
        }
    }

    private void AcceptField(ref DigestReader reader)
    {
        PaperFieldKind kind = reader.FieldKind;
        SourceLocation at = At(reader.TokenLine, reader.Markup is null ? 1 : reader.ValueColumn);
        if (!_inPaper)
        {
            return; // the reader only makes fields inside papers
        }

        if (reader.Markup is TemplateElement markup)
        {
            string text = Decode(ref reader, reader.ValueSpan);
            _extra.Add(new PaperField(string.Empty, text, at));
            string written = markup.Text ?? string.Empty;
            Report(DiagnosticCodes.UnrecognizedText, DiagnosticSeverity.Warning, at, at.Column == 1
                ? $"A markup line other than the template's '{written}' in the paper at line {_paperLocation.Line} (kept as an extra field): '{Shorten(text)}'."
                : $"Text after '{written}' on its line in the paper at line {_paperLocation.Line} (kept as an extra field): '{Shorten(text)}'.");
            return;
        }

        if (reader.Placeholder is { Slot: TemplateSlot.Url or TemplateSlot.ArxivId } link)
        {
            // A link on its own line of the template (the heading has none): the paper's, unless the heading gave one.
            if (_url.Length == 0)
            {
                string text = Decode(ref reader, reader.ValueSpan);
                _url = link.Slot == TemplateSlot.Url ? text : "https://arxiv.org/abs/" + text;
            }

            return;
        }

        if (kind != PaperFieldKind.Other && _fields[(int)kind] is null)
        {
            _fields[(int)kind] = Decode(ref reader, reader.ValueSpan);
            return;
        }

        if (reader.Placeholder is TemplatePlaceholder { Slot: TemplateSlot.Extra } extra)
        {
            // A field of the dialect the model has no property for: kept under its key.
            _extra.Add(new PaperField(extra.Label, Decode(ref reader, reader.ValueSpan), at) { Key = extra.Key });
            return;
        }

        string label = kind == PaperFieldKind.Other || !reader.LabelSpan.IsEmpty ? Decode(ref reader, reader.LabelSpan) : LabelOf(kind);
        string value = Decode(ref reader, reader.ValueSpan);
        _extra.Add(new PaperField(label, value, at));
        if (kind != PaperFieldKind.Other)
        {
            Report(DiagnosticCodes.DuplicateField, DiagnosticSeverity.Warning, at,
                $"A second '{label.TrimEnd(':')}:' in the paper at line {_paperLocation.Line}; kept as an extra field.");
        }
        else if (label.Length == 0)
        {
            Report(DiagnosticCodes.UnrecognizedText, DiagnosticSeverity.Warning, at,
                $"Unlabelled text in the paper at line {_paperLocation.Line} (kept as an extra field): '{Shorten(value)}'.");
        }
        else
        {
            Report(DiagnosticCodes.UnknownLabel, DiagnosticSeverity.Warning, at,
                $"Unknown label '{label}:' (kept as an extra field).");
        }
    }

    private bool FinishPaper()
    {
        if (!_inPaper)
        {
            return false;
        }

        if (!_hasAuthors && Dialect.Template.Authors is not null)
        {
            Report(DiagnosticCodes.MissingAuthors, DiagnosticSeverity.Warning, _paperLocation, "The paper has no '*authors*' line after its heading.");
        }

        // What the dialect's template writes, the paper must have; what it does not write is not missing.
        foreach (PaperFieldKind kind in SummaryFields)
        {
            if (_labels[(int)kind] is null)
            {
                continue;
            }

            string? value = _fields[(int)kind];
            if (value is null)
            {
                Report(DiagnosticCodes.MissingField, DiagnosticSeverity.Warning, _paperLocation,
                    $"The paper has no '{LabelOf(kind)}' field.");
            }
            else if (PlaceholderSummaries.IsPlaceholder(value))
            {
                Report(DiagnosticCodes.PlaceholderSummary, DiagnosticSeverity.Info, _paperLocation,
                    $"'{LabelOf(kind)}' holds the placeholder '{value}'.");
            }
        }

        if (_fields[(int)PaperFieldKind.Abstract] is null && _labels[(int)PaperFieldKind.Abstract] is not null)
        {
            Report(DiagnosticCodes.MissingAbstract, DiagnosticSeverity.Error, _paperLocation,
                Dialect.Template.Closer is TemplateElement closer
                    ? $"The paper has no '{LabelOf(PaperFieldKind.Abstract)}' field (expected '{LabelOf(PaperFieldKind.Abstract)} …' before '{closer.Text}')."
                    : $"The paper has no '{LabelOf(PaperFieldKind.Abstract)}' field.");
        }

        _inPaper = false;
        if (_paperMisfits)
        {
            _misfitPapers++;
            _paperMisfits = false;
        }

        ImmutableArray<string> categories = SplitList(_fields[(int)PaperFieldKind.Categories]);
        string? mainCategory = _fields[(int)PaperFieldKind.MainCategory];
        if (mainCategory is null && !_hasCategory && categories.Length > 0)
        {
            mainCategory = categories[0]; // the generator's first category is the main one
        }

        ArxivId? id = null;
        if (ArxivId.TryParseUrl(_url, out ArxivId parsed))
        {
            id = parsed;
        }
        else if (_url.Length > 0)
        {
            Report(DiagnosticCodes.NoArxivId, DiagnosticSeverity.Warning, _paperLocation, $"The link '{_url}' names no arXiv identifier.");
        }

        Current = new Paper
        {
            Index = _index,
            Id = id,
            Title = _title,
            Url = _url,
            Authors = _authors.DrainToImmutable(),
            MainCategory = mainCategory,
            Categories = categories,
            Comment = _fields[(int)PaperFieldKind.Comment],
            Section = CurrentSection,
            Tldr = _fields[(int)PaperFieldKind.Tldr],
            Motivation = _fields[(int)PaperFieldKind.Motivation],
            Method = _fields[(int)PaperFieldKind.Method],
            Result = _fields[(int)PaperFieldKind.Result],
            Conclusion = _fields[(int)PaperFieldKind.Conclusion],
            Abstract = _fields[(int)PaperFieldKind.Abstract],
            ExtraFields = _extra.Count == 0 ? [] : [.. _extra],
            DigestDate = DigestDate,
            Location = _paperLocation,
        };

        if (CurrentSection is not null)
        {
            _sectionCounts[CurrentSection] = _sectionCounts.GetValueOrDefault(CurrentSection) + 1;
        }

        return true;
    }

    /// <summary>Lines that are each a Markdown heading or a bold label and its value: a page's title block.</summary>
    private static bool IsTitleBlock(string text)
    {
        foreach (string line in text.Split('\n'))
        {
            bool heading = line.StartsWith('#') && line.TrimStart('#').StartsWith(' ');
            bool label = line.StartsWith("**", StringComparison.Ordinal) && line.IndexOf(":**", 2, StringComparison.Ordinal) > 2;
            if (!heading && !label || line.Any(char.IsControl))
            {
                return false;
            }
        }

        return true;
    }

    private static ImmutableArray<string> SplitList(string? joined)
    {
        if (string.IsNullOrEmpty(joined))
        {
            return [];
        }

        string[] items = joined.Split(',');
        var list = ImmutableArray.CreateBuilder<string>(items.Length);
        foreach (string item in items)
        {
            list.Add(item.Trim(' '));
        }

        return list.MoveToImmutable();
    }

    /// <summary>The error for an input that is not a digest: <paramref name="what"/> it looks like, at the start of <paramref name="line"/>. Counted, like every error.</summary>
    public DigestFormatException NotADigest(string what, int line)
    {
        ErrorCount++;
        return new(new DigestDiagnostic(DiagnosticCodes.NotADigest, DiagnosticSeverity.Error, $"Not a digest: {what}.", At(line, 1)));
    }

    /// <summary>
    /// The error for a token larger than <paramref name="limit"/>, at the line it starts on: reading cannot go on
    /// past it. Before any paper or table of contents, in an input that looks like another format (a JSON-lines
    /// file is one long run of text), the error says that instead.
    /// </summary>
    public DigestFormatException TokenTooLarge(ReadOnlySpan<byte> pending, DigestReaderState state, int limit, ReadOnlySpan<byte> head, bool sawTableOfContents = false)
    {
        string size = FormatSize(limit);
        if (_papersStarted == 0 && _toc.Count == 0 && !state.SawTableOfContents && !sawTableOfContents)
        {
            // Nothing of a digest yet, and more than the limit without a blank line: some other file (a JSON-lines
            // file, a log) rather than a digest with one long field.
            bool jsonLine = _anyToken ? _firstLineIsJsonObject : InputKind.FirstLineIsJsonObject(pending);
            string what = InputKind.DescribeText(head, wholeInput: false, jsonLine, out bool otherFormat);
            _diagnostics.Clear();
            ErrorCount = WarningCount = 0;
            return NotADigest(otherFormat ? what : $"text without a paper heading '### [N] [Title](URL)' or a table of contents in its first {size}", 1);
        }

        int line = DigestReader.LargestPartLine(pending, state);
        string message = string.Create(CultureInfo.InvariantCulture,
            $"A field or line larger than {size} starts here; reading stops, since nothing after it can be read. Raise the limit to read it: DigestReaderOptions.MaxFieldSize, or arxiv-digest's --max-field-size (now {limit} bytes, at most {FormatSize(DigestReaderOptions.MaxFieldSizeLimit)}).");
        ErrorCount++;
        return new DigestFormatException(new DigestDiagnostic(DiagnosticCodes.FieldTooLarge, DiagnosticSeverity.Error, message, At(line, 1)));
    }

    private static string FormatSize(int bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB"),
        _ when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    private void ReportInvalidUtf8(ref DigestReader reader, ReadOnlySpan<byte> value)
    {
        int offset = Utf8Text.IndexOfInvalid(value);
        if (offset < 0)
        {
            return;
        }

        ReadOnlySpan<byte> before = value[..offset];
        int newlines = before.Count((byte)'\n');
        int column = newlines == 0
            ? reader.ValueColumn + Utf8Text.CountChars(before)
            : Utf8Text.CountChars(before[(before.LastIndexOf((byte)'\n') + 1)..]) + 1;
        Report(DiagnosticCodes.InvalidUtf8, DiagnosticSeverity.Error, At(reader.TokenLine + newlines, column),
            string.Create(CultureInfo.InvariantCulture, $"Invalid UTF-8 byte 0x{value[offset]:X2}; read as U+FFFD."));
    }

    private SourceLocation At(int line, int column) => new(_file, line, column);

    private void Report(string code, DiagnosticSeverity severity, SourceLocation location, string message)
    {
        // A labelled field the layout lacks is read cleanly; text it cannot place, or a field it promises and lacks, is a misfit.
        if (_inPaper && severity >= DiagnosticSeverity.Warning && code is DiagnosticCodes.UnrecognizedText
            or DiagnosticCodes.MissingField or DiagnosticCodes.MissingAbstract or DiagnosticCodes.UnclosedPaper)
        {
            _paperMisfits = true;
        }

        var diagnostic = new DigestDiagnostic(code, severity, message, location);
        if (_options.Strict && severity >= DiagnosticSeverity.Warning && _strictBeforeFirstPaper is not null)
        {
            return; // strict mode stops at an earlier problem: what follows it is not read, nor counted
        }

        switch (severity)
        {
            case DiagnosticSeverity.Error:
                ErrorCount++;
                break;
            case DiagnosticSeverity.Warning:
                WarningCount++;
                break;
        }

        if (_options.Strict && severity >= DiagnosticSeverity.Warning)
        {
            if (_papersStarted == 0)
            {
                _strictBeforeFirstPaper ??= new DigestFormatException(diagnostic);
                return;
            }

            throw new DigestFormatException(diagnostic);
        }

        if (_diagnostics.Count < _options.MaxDiagnostics)
        {
            _diagnostics.Add(diagnostic);
        }
        else if (_diagnostics.Count == _options.MaxDiagnostics)
        {
            _diagnostics.Add(new DigestDiagnostic(DiagnosticCodes.TooManyDiagnostics, DiagnosticSeverity.Info,
                string.Create(CultureInfo.InvariantCulture, $"More than {_options.MaxDiagnostics} diagnostics; the rest are counted, not kept."), location));
        }
    }

    private static string Shorten(string text)
    {
        string oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= 60 ? oneLine : string.Concat(oneLine.AsSpan(0, 57), "...");
    }
}
