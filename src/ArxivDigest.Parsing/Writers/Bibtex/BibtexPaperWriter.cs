using System.Text;

namespace ArxivDigest.Parsing.Writers.Bibtex;

/// <summary>
/// Writes papers as a BibTeX bibliography (<c>bibtex</c>, <c>.bib</c>): one <c>@misc</c> entry per paper in arXiv's
/// own style (<c>title</c>, <c>author</c>, <c>year</c>, <c>month</c>, <c>eprint</c>, <c>archivePrefix</c>,
/// <c>primaryClass</c>, <c>url</c>, <c>doi</c>; <c>abstract</c> and <c>note</c> on request) that compiles without a warning in
/// BibTeX and biber, with stable citation keys.
/// </summary>
/// <remarks>
/// <para>
/// Options (<see cref="BibtexPaperWriterOptions"/>, or the tool's <c>--bib-…</c> options): the key style, <c>bib-key</c>
/// <c>scholar</c> (default, <c>lastname2026firstword</c>) or <c>arxiv</c> (<c>arXiv:2602.10137</c>); the abstract,
/// <c>bib-abstract</c>; the note, <c>bib-note</c> <c>none</c> or <c>tldr</c>; ASCII, <c>bib-ascii</c> (accent commands
/// instead of UTF-8).
/// </para>
/// <para>
/// A paper's key is made from the paper, papers with the same key are told apart by letters in arXiv identifier
/// order, and keys pinned by the file being replaced (<see cref="BibtexPaperWriterOptions.KeyPins"/>) never move and
/// are never given to another paper; so the writer sees every paper before it writes: it keeps each entry rendered as text (a few
/// hundred bytes) and writes them all, in input order, on <see cref="CompleteAsync"/>. A paper that comes again (the
/// same identifier) is written once, with its highest version. The rules are in docs/bibtex.md.
/// </para>
/// </remarks>
public sealed class BibtexPaperWriter : PaperWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _output;
    private readonly BibtexPaperWriterOptions _settings;
    private readonly List<BibtexEntry> _entries = [];
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly StringBuilder _scratch = new();
    private bool _completed;

    /// <summary>Creates a writer.</summary>
    /// <param name="output">Where to write; not disposed by the writer.</param>
    /// <param name="options">Keys, abstract, note and ASCII; <see cref="BibtexPaperWriterOptions.Default"/> when null.</param>
    public BibtexPaperWriter(Stream output, BibtexPaperWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _settings = options ?? BibtexPaperWriterOptions.Default;
    }

    /// <summary>The <c>bibtex</c> format (<c>.bib</c>) and its options.</summary>
    /// <remarks>
    /// The format <see cref="PaperWriterFormat.ReadsExistingOutput"/>: over an existing <c>.bib</c>, its keys are
    /// pinned (<see cref="BibtexPaperWriterOptions.KeyPins"/>, read with <see cref="BibtexKeyPins.Read(Stream)"/>).
    /// </remarks>
    public static PaperWriterFormat<BibtexPaperWriterOptions> Format { get; } = new BibtexFormat();

    /// <inheritdoc/>
    public override ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ObjectDisposedException.ThrowIf(_completed, this);
        cancellationToken.ThrowIfCancellationRequested();
        paper = PaperText.Map(paper, static (_, value) => value); // default (uninitialized) arrays made empty
        ReportRemovedCharacters(paper);

        if (paper.Id is ArxivId id && _byId.TryGetValue(id.Id, out int earlier))
        {
            // The same paper again: one entry, with the highest version, where the paper first came.
            if ((id.Version ?? 0) > (_entries[earlier].Id?.Version ?? 0))
            {
                _entries[earlier] = BibtexEntry.Render(paper, _settings, _scratch);
            }

            return default;
        }

        if (paper.Id is ArxivId first)
        {
            _byId.Add(first.Id, _entries.Count);
        }

        _entries.Add(BibtexEntry.Render(paper, _settings, _scratch));
        return default;
    }

    /// <summary>
    /// The <c>@comment</c> that keeps the pinned keys of papers not written (<see cref="BibtexPaperWriterOptions.HoldKeys"/>),
    /// one <c>KEY = ID</c> a line in key order; null when there are none.
    /// </summary>
    private string? HeldKeys()
    {
        if (_settings.KeyPins.Count == 0)
        {
            return null;
        }

        List<KeyValuePair<string, string>> held = [.. _settings.KeyPins.ByPaper.Where(pin => !_byId.ContainsKey(pin.Key)).OrderBy(pin => pin.Value, StringComparer.Ordinal)];
        if (held.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder();
        sb.Append("@comment{").Append(BibtexKeyPins.HeldKeysMarker)
            .Append(": the keys of papers this file had and no longer has, kept so that no other paper gets them.\n");
        foreach ((string id, string key) in held)
        {
            sb.Append(key).Append(" = ").Append(id).Append('\n');
        }

        return sb.Append("}\n").ToString();
    }

    /// <summary>
    /// Says which written fields lose characters BibTeX cannot print (control characters, lone surrogates,
    /// noncharacters: <see cref="BibtexText.Clean"/> removes them).
    /// </summary>
    private void ReportRemovedCharacters(Paper paper)
    {
        Check("title", paper.Title);
        if (!paper.Authors.IsDefault)
        {
            foreach (string author in paper.Authors)
            {
                Check("author", author);
            }
        }

        Check("main category", paper.MainCategory);
        if (_settings.Abstract)
        {
            Check("abstract", paper.Abstract);
        }

        if (_settings.Note == BibtexNote.Tldr)
        {
            Check("TL;DR", paper.Tldr);
        }

        void Check(string field, string? value)
        {
            int removed = value is null ? 0 : BibtexText.CountRemoved(value);
            if (removed > 0)
            {
                ReportReplaced(paper, field, removed, "BibTeX", "removed (control characters, lone surrogates and noncharacters print nothing)");
            }

            int dropped = value is null || !_settings.Ascii ? 0 : BibtexText.CountDroppedInAscii(value);
            if (dropped > 0)
            {
                ReportReplaced(paper, field, dropped, "ASCII BibTeX", "removed (combining marks without a LaTeX accent and invisible format characters such as U+200B and U+202E, which pdflatex rejects)");
            }
        }
    }

    /// <inheritdoc/>
    public override async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        string[] keys = CitationKeys.Assign(_entries, _settings.KeyPins);
        var text = new StreamWriter(_output, Utf8, bufferSize: 32 * 1024, leaveOpen: true) { NewLine = "\n" };
        await using (text.ConfigureAwait(false))
        {
            for (int i = 0; i < _entries.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (i > 0)
                {
                    await text.WriteAsync('\n').ConfigureAwait(false);
                }

                await text.WriteAsync("@misc{").ConfigureAwait(false);
                await text.WriteAsync(keys[i]).ConfigureAwait(false);
                await text.WriteAsync(",\n").ConfigureAwait(false);
                await text.WriteAsync(_entries[i].Body).ConfigureAwait(false);
            }

            string? held = _settings.HoldKeys ? HeldKeys() : null;
            if (held is not null)
            {
                await text.WriteAsync(_entries.Count > 0 ? "\n" + held : held).ConfigureAwait(false);
            }

            await text.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        _entries.Clear();
    }
}

/// <summary>The <c>bibtex</c> format: it pins the keys of the <c>.bib</c> it replaces.</summary>
internal sealed class BibtexFormat() : PaperWriterFormat<BibtexPaperWriterOptions>(
    "bibtex",
    [".bib"],
    "BibTeX @misc entries in arXiv's style",
    BibtexPaperWriterOptions.Default,
    static (s, o) => new BibtexPaperWriter(s, o),
    isText: true,
    options: BibtexPaperWriterOptions.Descriptors)
{
    public override bool ReadsExistingOutput => true;

    /// <summary>The options with the keys of <paramref name="existing"/> pinned (added to any pinned already).</summary>
    public override BibtexPaperWriterOptions WithExistingOutput(BibtexPaperWriterOptions options, Stream existing)
        => options with { KeyPins = options.KeyPins.Union(BibtexKeyPins.Read(existing)) };
}
