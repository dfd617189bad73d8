using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArxivDigest.Parsing.Writers.Bibtex;

namespace ArxivDigest.Parsing.Writers.Csl;

/// <summary>
/// Writes papers as CSL-JSON (<c>csl-json</c>, <c>.csl.json</c>), the bibliography data of citeproc processors
/// (pandoc's <c>--citeproc</c>, Zotero, citeproc-js): one JSON array, one item per paper, each an arXiv preprint as
/// Zotero describes one (<c>type</c> <c>article</c>, <c>genre</c> <c>Preprint</c>, <c>publisher</c> <c>arXiv</c>,
/// <c>number</c> <c>arXiv:ID</c>, arXiv's <c>DOI</c>, the abstract page as <c>URL</c>).
/// </summary>
/// <remarks>
/// <para>
/// Options (<see cref="CslJsonPaperWriterOptions"/>, or the tool's <c>--csl-…</c> options): the abstract,
/// <c>csl-abstract</c>; the note, <c>csl-note</c> <c>none</c> or <c>tldr</c>.
/// </para>
/// <para>
/// Each item's <c>id</c> is the paper's BibTeX citation key, the one the <c>bibtex</c> format gives with its default
/// options, so that <c>[@key]</c> cites the same paper with either file. Keys of colliding papers depend on each
/// other, so the writer keeps every item (a few hundred bytes) and writes them all, in input order, on
/// <see cref="CompleteAsync"/>. A paper that comes again (the same identifier) is written once, with its highest
/// version, where it first came. The rules are in docs/csl-json.md.
/// </para>
/// </remarks>
public sealed class CslJsonPaperWriter : PaperWriter
{
    private const int FlushThreshold = 32 * 1024;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // non-ASCII as is; quotes, backslashes and controls still escaped
        Indented = true,
    };

    private readonly Stream _output;
    private readonly CslJsonPaperWriterOptions _settings;
    private readonly DistinctPapers<(ReferenceItem Item, BibtexEntry Key)> _papers = new();
    private bool _completed;

    /// <summary>Creates a writer.</summary>
    /// <param name="output">Where to write; not disposed by the writer.</param>
    /// <param name="options">Abstract and note; <see cref="CslJsonPaperWriterOptions.Default"/> when null.</param>
    public CslJsonPaperWriter(Stream output, CslJsonPaperWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _settings = options ?? CslJsonPaperWriterOptions.Default;
    }

    /// <summary>The <c>csl-json</c> format (<c>.csl.json</c>) and its options.</summary>
    /// <remarks>
    /// The format <see cref="PaperWriterFormat.ReadsExistingOutput"/>: over an existing file, its items' ids are
    /// pinned (<see cref="CslJsonPaperWriterOptions.KeyPins"/>, read with <see cref="ReadKeyPins(Stream)"/>).
    /// </remarks>
    public static PaperWriterFormat<CslJsonPaperWriterOptions> Format { get; } = new CslJsonFormat();

    /// <summary>
    /// Reads the ids of a CSL-JSON file (an array of items): each item's <c>id</c>, pinned to the arXiv paper its
    /// <c>number</c> (<c>arXiv:ID</c>), <c>DOI</c> (<c>10.48550/arXiv.ID</c>) or <c>URL</c> names. Lenient: a file
    /// that is not CSL-JSON pins nothing, an item without an arXiv paper only takes its id, an id BibTeX could not
    /// use as a key is ignored.
    /// </summary>
    public static BibtexKeyPins ReadKeyPins(Stream existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(existing, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            return BibtexKeyPins.Empty;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return BibtexKeyPins.Empty;
            }

            var pins = new List<KeyValuePair<string, string>>();
            var others = new List<string>();
            foreach (JsonElement item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out JsonElement idElement)
                    || idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not string id || !BibtexKeyPins.IsValidKey(id))
                {
                    continue;
                }

                string? paper = PaperOf(item, "number", "arXiv:") ?? PaperOf(item, "DOI", "10.48550/arXiv.") ?? PaperOf(item, "URL", string.Empty);
                if (paper is not null)
                {
                    pins.Add(new(paper, id));
                }
                else
                {
                    others.Add(id);
                }
            }

            return new BibtexKeyPins(pins, others);
        }

        static string? PaperOf(JsonElement item, string name, string prefix)
        {
            if (!item.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.String || value.GetString() is not string text
                || !text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return BibtexKeyPins.TryNormalizeId(text[prefix.Length..], out string? bare) ? bare : null;
        }
    }

    /// <inheritdoc/>
    public override ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ObjectDisposedException.ThrowIf(_completed, this);
        cancellationToken.ThrowIfCancellationRequested();
        paper = PaperText.Map(paper, static (_, value) => value); // default (uninitialized) arrays made empty
        _papers.Add(paper, p => (
            ReferenceItem.From(p, _settings.Abstract, _settings.Note == CslNote.Tldr, (field, count) => Removed(p, field, count)),
            BibtexEntry.KeyOnly(p, BibtexPaperWriterOptions.Default)));
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
        (ReferenceItem Item, BibtexEntry Key)[] papers = [.. _papers.Values];
        string[] keys = CitationKeys.Assign([.. papers.Select(p => p.Key)], _settings.KeyPins);
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold * 2);
        await using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartArray();
            for (int i = 0; i < papers.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                WriteItem(json, keys[i], papers[i].Item);
                json.Flush();
                if (buffer.WrittenCount >= FlushThreshold)
                {
                    await _output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                    buffer.ResetWrittenCount();
                }
            }

            json.WriteEndArray();
            json.Flush();
        }

        buffer.Write("\n"u8);
        await _output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        _papers.Clear();
    }

    private static void WriteItem(Utf8JsonWriter json, string id, ReferenceItem item)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("type", "article");
        json.WriteString("genre", "Preprint");
        if (item.Title is string title)
        {
            json.WriteString("title", title);
        }

        if (item.Authors.Count > 0)
        {
            json.WriteStartArray("author");
            foreach (AuthorName name in item.Authors)
            {
                json.WriteStartObject();
                if (name.Literal is string literal)
                {
                    json.WriteString("literal", literal);
                }
                else
                {
                    json.WriteString("family", name.Family);
                    if (name.Given is string given)
                    {
                        json.WriteString("given", given);
                    }

                    if (name.Suffix is string suffix)
                    {
                        json.WriteString("suffix", suffix);
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (item.Year is int year && item.Month is int month)
        {
            json.WriteStartObject("issued");
            json.WriteStartArray("date-parts");
            json.WriteStartArray();
            json.WriteNumberValue(year);
            json.WriteNumberValue(month);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (item.Id is not null)
        {
            json.WriteString("publisher", "arXiv");
            json.WriteString("number", item.ArxivNumber);
            json.WriteString("DOI", item.Doi);
        }

        if (item.Url is string url)
        {
            json.WriteString("URL", url);
        }

        if (item.Abstract is string summary)
        {
            json.WriteString("abstract", summary);
        }

        if (item.Note is string note)
        {
            json.WriteString("note", note);
        }

        json.WriteEndObject();
    }

    private void Removed(Paper paper, string field, int count)
        => ReportReplaced(paper, field, count, "CSL-JSON", "removed (control characters, lone surrogates and noncharacters)");
}

/// <summary>The <c>csl-json</c> format: it pins the item ids of the file it replaces.</summary>
internal sealed class CslJsonFormat() : PaperWriterFormat<CslJsonPaperWriterOptions>(
    "csl-json",
    [".csl.json"],
    "CSL-JSON items (pandoc --citeproc, Zotero)",
    CslJsonPaperWriterOptions.Default,
    static (s, o) => new CslJsonPaperWriter(s, o),
    isText: true,
    options: CslJsonPaperWriterOptions.Descriptors)
{
    public override bool ReadsExistingOutput => true;

    public override CslJsonPaperWriterOptions WithExistingOutput(CslJsonPaperWriterOptions options, Stream existing)
        => options with { KeyPins = options.KeyPins.Union(CslJsonPaperWriter.ReadKeyPins(existing)) };
}
