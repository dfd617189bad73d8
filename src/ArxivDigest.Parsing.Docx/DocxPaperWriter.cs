using System.Globalization;

namespace ArxivDigest.Parsing.Writers.Docx;

/// <summary>
/// Writes papers as a Word reading list (<c>.docx</c>): a title, a table of contents over the categories, a heading
/// per category and per paper (its title a link to the abstract page, a bookmark <c>arXiv_ID</c> to cross-reference),
/// authors, category, a PDF link, a "Read" checkbox, the TL;DR set off, the details and the abstract, with the
/// summaries' Markdown, math and HTML shown as such. Every look is a style, so the list can be restyled in Word.
/// </summary>
/// <remarks>
/// The contents (before the papers) count each section's papers, so the writer keeps the papers it is given (in
/// memory up to 16 MB, then in a temporary file) until <see cref="CompleteAsync"/>; it then streams the document,
/// one paper at a time, into the same kind of storage and copies it to the output, which may be any writable stream
/// and is not disposed. Memory is bounded by the largest paper, not by their number; temporary files are deleted
/// when the writer completes or is disposed.
/// Characters XML cannot hold are replaced (<see cref="PaperWriter.Diagnostics"/> says where). Options (<see cref="DocxPaperWriterOptions"/>): <c>docx-title</c>,
/// <c>docx-abstracts</c>, <c>docx-details</c>, <c>docx-group</c> (<c>section</c> or <c>flat</c>).
/// </remarks>
public sealed class DocxPaperWriter : PaperWriter
{
    private const string DefaultTitle = "arXiv reading list";

    private readonly Stream _output;
    private readonly HashSet<DateOnly> _dates = [];
    private readonly HashSet<string> _categories = new(StringComparer.Ordinal);
    private DocxSpill? _spill;

    /// <summary>Whether the kept papers went past <see cref="MemoryLimit"/> into a temporary file.</summary>
    internal bool SpilledToDisk => _spill?.IsOnDisk == true;
    private readonly string? _title;
    private readonly bool _abstracts;
    private readonly bool _details;
    private readonly bool _flat;
    private readonly DateTimeOffset? _generated;
    private bool _completed;

    /// <summary>Creates a writer over <paramref name="output"/> (not disposed by the writer).</summary>
    public DocxPaperWriter(Stream output, DocxPaperWriterOptions? options = null)
        : this(output, options, generated: null)
    {
    }

    /// <summary>As the public constructor, with the generation time fixed (tests).</summary>
    internal DocxPaperWriter(Stream output, DocxPaperWriterOptions? options, DateTimeOffset? generated)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= DocxPaperWriterOptions.Default;
        _output = output;
        _title = options.Title;
        _abstracts = options.Abstracts;
        _details = options.Details;
        _flat = options.Grouping == DocxGrouping.Flat;
        _generated = generated;
    }

    /// <summary>Where the temporary files go (the system's temporary folder unless set).</summary>
    internal string TemporaryDirectory { get; init; } = Path.GetTempPath();

    /// <summary>How much of the kept papers, and of the package, stays in memory before going to a temporary file.</summary>
    internal long MemoryLimit { get; init; } = 16 * 1024 * 1024;

    /// <summary>The <c>docx</c> format (<c>.docx</c>) and its options.</summary>
    public static PaperWriterFormat<DocxPaperWriterOptions> Format { get; } = new(
        "docx",
        [".docx"],
        "A Word reading list: contents, a heading per category and paper, links, TL;DR, details, a Read checkbox",
        DocxPaperWriterOptions.Default,
        static (s, o) => new DocxPaperWriter(s, o),
        isText: false,
        options: DocxPaperWriterOptions.Descriptors);

    /// <inheritdoc/>
    public override ValueTask BeginDigestAsync(DigestInfo digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (digest.Date is DateOnly date)
        {
            _dates.Add(date);
        }

        return default;
    }

    /// <inheritdoc/>
    public override ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ObjectDisposedException.ThrowIf(_completed, this);
        cancellationToken.ThrowIfCancellationRequested();
        paper = XmlText(paper);
        if (paper.DigestDate is DateOnly date)
        {
            _dates.Add(date);
        }

        if ((paper.MainCategory ?? paper.Section) is string category)
        {
            _categories.Add(category);
        }

        _spill ??= new DocxSpill(_flat, TemporaryDirectory, MemoryLimit);
        _spill.Add(paper, paper.Section ?? paper.MainCategory ?? DocxBuilder.NoSection);
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
        int replaced = 0;
        string title = _title is null ? DefaultTitleFor() : DocxText.Clean(_title, out replaced);
        if (replaced > 0)
        {
            ReportReplaced(null, "the title option", replaced, "DOCX", "replaced with U+FFFD");
        }

        var settings = new DocxSettings(title, _abstracts, _details, _flat, _generated ?? DateTimeOffset.UtcNow);
        _spill ??= new DocxSpill(_flat, TemporaryDirectory, MemoryLimit);
        var package = new TemporaryStream(TemporaryDirectory, MemoryLimit);
        await using (package.ConfigureAwait(false))
        {
            DocxBuilder.Build(package, _spill, settings, _categories, (paper, what) =>
                ReportDiagnostic(paper, DiagnosticCodes.ValueNotExact, DiagnosticSeverity.Warning, $"DOCX: {what}."));
            _spill.Dispose();
            _spill = null;
            package.Position = 0;
            await package.CopyToAsync(_output, cancellationToken).ConfigureAwait(false);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    protected override async ValueTask DisposeAsyncCore()
    {
        _spill?.Dispose();
        _spill = null;
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    /// <summary>The paper with what XML 1.0 cannot hold replaced (in its URL, percent-encoded), each change reported.</summary>
    private Paper XmlText(Paper paper) => PaperText.Map(paper, (field, value) =>
    {
        bool url = field == "url";
        string cleaned = url ? DocxText.CleanUrl(value, out int replaced) : DocxText.Clean(value, out replaced);
        if (replaced > 0)
        {
            ReportReplaced(paper, field, replaced, "DOCX", url ? "percent-encoded" : "replaced with U+FFFD");
        }

        return cleaned;
    });

    private string DefaultTitleFor()
    {
        List<DateOnly> dates = [.. _dates.Order()];
        return dates.Count switch
        {
            0 => DefaultTitle,
            1 => string.Create(CultureInfo.InvariantCulture, $"{DefaultTitle} — {dates[0]:yyyy-MM-dd}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{DefaultTitle} — {dates[0]:yyyy-MM-dd} to {dates[^1]:yyyy-MM-dd}"),
        };
    }
}

