using System.Globalization;
using System.Text;

namespace ArxivDigest.Parsing.Writers.Ris;

/// <summary>
/// Writes papers as RIS (<c>ris</c>, <c>.ris</c>), the tagged format reference managers import (Zotero, EndNote,
/// Mendeley, bibutils): one record per paper, <c>TY  - UNPB</c> (unpublished work, the preprint type that every
/// reader knows), title, one <c>AU</c> per author, year and date, <c>arXiv</c> as publisher, the abstract page, arXiv's
/// DOI, <c>arXiv:ID</c> and the main category; the abstract and the TL;DR on request.
/// </summary>
/// <remarks>
/// <para>
/// Options (<see cref="RisPaperWriterOptions"/>, or the tool's <c>--ris-…</c> options): the abstract,
/// <c>ris-abstract</c>; the note, <c>ris-note</c> <c>none</c> or <c>tldr</c>.
/// </para>
/// <para>
/// A tag holds one line, so every value is folded to one line (line breaks and runs of white space become one
/// space). Lines end with CRLF, as the specification asks; the text is UTF-8 without a byte order mark. A paper that
/// comes again (the same identifier) is written once, with its highest version, where it first came, so records
/// wait (as text) until <see cref="CompleteAsync"/>. The rules are in docs/ris.md.
/// </para>
/// </remarks>
public sealed class RisPaperWriter : PaperWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _output;
    private readonly RisPaperWriterOptions _settings;
    private readonly DistinctPapers<string> _records = new();
    private readonly StringBuilder _scratch = new();
    private bool _completed;

    /// <summary>Creates a writer.</summary>
    /// <param name="output">Where to write; not disposed by the writer.</param>
    /// <param name="options">Abstract and note; <see cref="RisPaperWriterOptions.Default"/> when null.</param>
    public RisPaperWriter(Stream output, RisPaperWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _settings = options ?? RisPaperWriterOptions.Default;
    }

    /// <summary>The <c>ris</c> format (<c>.ris</c>) and its options.</summary>
    public static PaperWriterFormat<RisPaperWriterOptions> Format { get; } = new(
        "ris",
        [".ris"],
        "RIS records for reference managers (Zotero, EndNote)",
        RisPaperWriterOptions.Default,
        static (s, o) => new RisPaperWriter(s, o),
        isText: true,
        options: RisPaperWriterOptions.Descriptors);

    /// <inheritdoc/>
    public override ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ObjectDisposedException.ThrowIf(_completed, this);
        cancellationToken.ThrowIfCancellationRequested();
        paper = PaperText.Map(paper, static (_, value) => value); // default (uninitialized) arrays made empty
        _records.Add(paper, p => Render(ReferenceItem.From(p, _settings.Abstract, _settings.Note == RisNote.Tldr, (field, count) => Removed(p, field, count))));
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
        var text = new StreamWriter(_output, Utf8, bufferSize: 32 * 1024, leaveOpen: true);
        await using (text.ConfigureAwait(false))
        {
            bool first = true;
            foreach (string record in _records.Values)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!first)
                {
                    await text.WriteAsync("\r\n").ConfigureAwait(false);
                }

                first = false;
                await text.WriteAsync(record).ConfigureAwait(false);
            }

            await text.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        _records.Clear();
    }

    /// <summary>A record's lines, each <c>TAG  - value</c> and CRLF, from <c>TY</c> to <c>ER</c>.</summary>
    private string Render(ReferenceItem item)
    {
        StringBuilder sb = _scratch.Clear();
        Tag("TY", "UNPB");
        Tag("TI", item.Title);
        foreach (AuthorName name in item.Authors)
        {
            Tag("AU", name.Inverted());
        }

        if (item.Year is int year && item.Month is int month)
        {
            Tag("PY", year.ToString("D4", CultureInfo.InvariantCulture));
            Tag("DA", string.Create(CultureInfo.InvariantCulture, $"{year:D4}/{month:D2}//"));
        }

        if (item.Id is not null)
        {
            Tag("PB", "arXiv");
        }

        Tag("UR", item.Url);
        Tag("DO", item.Doi);
        Tag("M1", item.ArxivNumber);
        Tag("KW", item.Category);
        Tag("AB", item.Abstract);
        Tag("N1", item.Note);
        sb.Append("ER  - \r\n");
        return sb.ToString();

        void Tag(string tag, string? value)
        {
            if (value is not null)
            {
                // Values are cleaned (ReferenceText): one line, no control characters, so no value can end its tag early.
                sb.Append(tag).Append("  - ").Append(value).Append("\r\n");
            }
        }
    }

    private void Removed(Paper paper, string field, int count)
        => ReportReplaced(paper, field, count, "RIS", "removed (control characters, lone surrogates and noncharacters)");
}
