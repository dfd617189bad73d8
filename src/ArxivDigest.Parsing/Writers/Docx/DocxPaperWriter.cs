using System.Globalization;

namespace ArxivDigest.Parsing.Writers.Docx;

/// <summary>
/// Writes papers as a Word reading list (<c>.docx</c>): a title, a table of contents over the categories, a heading
/// per category and per paper (its title a link to the abstract page, a bookmark <c>arXiv_ID</c> to cross-reference),
/// authors, category, a PDF link, a "Read" checkbox, the TL;DR set off, the details and the abstract, with the
/// summaries' Markdown, math and HTML shown as such. Every look is a style, so the list can be restyled in Word.
/// </summary>
/// <remarks>
/// A document is built whole, so the writer keeps the papers it is given until <see cref="CompleteAsync"/>, then builds
/// the package in memory (the Open XML package needs a seekable stream) and copies it to the output, which may be any
/// writable stream and is not disposed. Options (<see cref="PaperWriterOptions.Properties"/>): <c>docx-title</c>,
/// <c>docx-abstracts</c>, <c>docx-details</c>, <c>docx-group</c> (<c>section</c> or <c>flat</c>).
/// </remarks>
public sealed class DocxPaperWriter : PaperWriter
{
    private const string DefaultTitle = "arXiv reading list";

    private readonly Stream _output;
    private readonly List<Paper> _papers = [];
    private readonly List<DateOnly> _digestDates = [];
    private readonly string? _title;
    private readonly bool _abstracts;
    private readonly bool _details;
    private readonly bool _flat;
    private readonly DateTimeOffset? _generated;
    private bool _completed;

    /// <summary>Creates a writer over <paramref name="output"/> (not disposed by the writer).</summary>
    /// <exception cref="FormatException">An option has a value it does not take.</exception>
    public DocxPaperWriter(Stream output, PaperWriterOptions? options = null)
        : this(output, options, generated: null)
    {
    }

    /// <summary>As the public constructor, with the generation time fixed (tests).</summary>
    internal DocxPaperWriter(Stream output, PaperWriterOptions? options, DateTimeOffset? generated)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= PaperWriterOptions.Default;
        _output = output;
        _title = options.GetString("docx-title");
        _abstracts = options.GetBoolean("docx-abstracts", defaultValue: true);
        _details = options.GetBoolean("docx-details", defaultValue: true);
        _flat = options.GetString("docx-group", "section") switch
        {
            "section" => false,
            "flat" => true,
            string other => throw new FormatException($"Option 'docx-group' takes section or flat, not '{other}'."),
            null => false,
        };
        _generated = generated;
    }

    /// <summary>The <c>docx</c> format (<c>.docx</c>) and its options.</summary>
    public static PaperWriterFormat Format { get; } = new(
        "docx",
        [".docx"],
        "A Word reading list: contents, a heading per category and paper, links, TL;DR, details, a Read checkbox",
        static (s, o) => new DocxPaperWriter(s, o),
        isText: false,
        options:
        [
            WriterOption.Text("docx-title", "The document's title (default: \"arXiv reading list\" and the digest date)"),
            WriterOption.Flag("docx-abstracts", "Include each paper's abstract", defaultValue: true),
            WriterOption.Flag("docx-details", "Include Motivation, Method, Result and Conclusion (false: the TL;DR only)", defaultValue: true),
            WriterOption.Choice("docx-group", "Group papers under a heading per category, or list them flat in input order", "section", "section", "flat"),
        ]);

    /// <inheritdoc/>
    public override ValueTask BeginDigestAsync(DigestInfo digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (digest.Date is DateOnly date)
        {
            _digestDates.Add(date);
        }

        return default;
    }

    /// <inheritdoc/>
    public override ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ObjectDisposedException.ThrowIf(_completed, this);
        _papers.Add(paper);
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
        var settings = new DocxSettings(_title ?? DefaultTitleFor(), _abstracts, _details, _flat, _generated ?? DateTimeOffset.UtcNow);
        var buffer = new MemoryStream();
        await using (buffer.ConfigureAwait(false))
        {
            DocxBuilder.Build(buffer, _papers, settings);
            buffer.Position = 0;
            await buffer.CopyToAsync(_output, cancellationToken).ConfigureAwait(false);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        _papers.Clear();
    }

    private string DefaultTitleFor()
    {
        List<DateOnly> dates = [.. _papers.Select(p => p.DigestDate).OfType<DateOnly>().Concat(_digestDates).Distinct().Order()];
        return dates.Count switch
        {
            0 => DefaultTitle,
            1 => string.Create(CultureInfo.InvariantCulture, $"{DefaultTitle} — {dates[0]:yyyy-MM-dd}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{DefaultTitle} — {dates[0]:yyyy-MM-dd} to {dates[^1]:yyyy-MM-dd}"),
        };
    }
}
