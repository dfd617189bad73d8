using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ArxivDigest.Parsing.Writers.Json;

/// <summary>
/// Writes papers as one JSON array (<c>json</c>) or as JSON Lines, one object a line (<c>jsonl</c>), with
/// <see cref="Utf8JsonWriter"/>: streaming, no reflection, property names encoded once.
/// </summary>
public sealed class JsonPaperWriter : PaperWriter
{
    private const int FlushThreshold = 32 * 1024;

    private static readonly JsonWriterOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // non-ASCII as is: readable, and half the size of \u escapes
        Indented = false,
    };

    private static readonly JsonWriterOptions Pretty = Compact with { Indented = true };

    private readonly Stream _output;
    private readonly bool _lines;
    private readonly JsonShape _shape;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);
    private readonly Utf8JsonWriter _json;
    private bool _started;
    private bool _completed;

    /// <summary>Creates a writer.</summary>
    /// <param name="output">Where to write; not disposed by the writer.</param>
    /// <param name="jsonLines">One object a line (JSON Lines) rather than one array.</param>
    /// <param name="options">Shape and indentation.</param>
    public JsonPaperWriter(Stream output, bool jsonLines, PaperWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= PaperWriterOptions.Default;
        _output = output;
        _lines = jsonLines;
        _shape = options.JsonShape;
        _json = new Utf8JsonWriter(_buffer, jsonLines || !options.Indented ? Compact : Pretty);
    }

    /// <summary>The <c>json</c> format: one JSON array of papers (<c>.json</c>).</summary>
    public static PaperWriterFormat JsonFormat { get; } = new(
        "json", [".json"], "One JSON array of papers (--json-shape native|daily-arxiv)", static (s, o) => new JsonPaperWriter(s, jsonLines: false, o));

    /// <summary>The <c>jsonl</c> format: JSON Lines, one paper a line (<c>.jsonl</c>, <c>.ndjson</c>).</summary>
    public static PaperWriterFormat JsonLinesFormat { get; } = new(
        "jsonl", [".jsonl", ".ndjson"], "JSON Lines, one paper a line (--json-shape native|daily-arxiv)", static (s, o) => new JsonPaperWriter(s, jsonLines: true, o));

    /// <inheritdoc/>
    public override async ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ObjectDisposedException.ThrowIf(_completed, this);
        if (!_started && !_lines)
        {
            _json.WriteStartArray();
        }

        _started = true;
        if (_shape == JsonShape.DailyArxiv)
        {
            WriteDailyArxiv(_json, paper);
        }
        else
        {
            WriteNative(_json, paper);
        }

        _json.Flush();
        if (_lines)
        {
            _buffer.Write("\n"u8);
            _json.Reset();
        }

        if (_buffer.WrittenCount >= FlushThreshold)
        {
            await FlushBufferAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed)
        {
            return;
        }

        if (!_lines)
        {
            if (!_started)
            {
                _json.WriteStartArray();
            }

            _json.WriteEndArray();
            _json.Flush();
            _buffer.Write("\n"u8);
        }

        _completed = true;
        await FlushBufferAsync(cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override async ValueTask DisposeAsyncCore()
    {
        await _json.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    private async ValueTask FlushBufferAsync(CancellationToken cancellationToken)
    {
        if (_buffer.WrittenCount > 0)
        {
            await _output.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            _buffer.ResetWrittenCount();
        }
    }

    private static void WriteNative(Utf8JsonWriter json, Paper paper)
    {
        json.WriteStartObject();
        WriteStringOrNull(json, Names.ArxivId, paper.Id?.Id);
        if (paper.Id?.Version is int version)
        {
            json.WriteNumber(Names.Version, version);
        }
        else
        {
            json.WriteNull(Names.Version);
        }

        json.WriteString(Names.Title, paper.Title);
        json.WriteString(Names.Url, paper.Url);
        WriteStrings(json, Names.Authors, paper.Authors.AsSpan());
        WriteStringOrNull(json, Names.MainCategory, paper.MainCategory);
        WriteStringOrNull(json, Names.Section, paper.Section);
        if (paper.Index is int index)
        {
            json.WriteNumber(Names.Index, index);
        }
        else
        {
            json.WriteNull(Names.Index);
        }

        WriteStringOrNull(json, Names.Tldr, paper.Tldr);
        WriteStringOrNull(json, Names.Motivation, paper.Motivation);
        WriteStringOrNull(json, Names.Method, paper.Method);
        WriteStringOrNull(json, Names.Result, paper.Result);
        WriteStringOrNull(json, Names.Conclusion, paper.Conclusion);
        WriteStringOrNull(json, Names.Abstract, paper.Abstract);
        json.WriteStartArray(Names.ExtraFields);
        foreach (PaperField field in paper.ExtraFields)
        {
            json.WriteStartObject();
            json.WriteString(Names.Label, field.Label);
            json.WriteString(Names.Value, field.Value);
            json.WriteNumber(Names.Line, field.Location.Line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (paper.DigestDate is DateOnly date)
        {
            json.WriteString(Names.DigestDate, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(Names.DigestDate);
        }

        json.WriteStartObject(Names.Source);
        WriteStringOrNull(json, Names.File, paper.Location.File);
        json.WriteNumber(Names.Line, paper.Location.Line);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDailyArxiv(Utf8JsonWriter json, Paper paper)
    {
        json.WriteStartObject();
        json.WriteString(Names.Id, paper.Id?.ToString() ?? LastSegment(paper.Url));
        json.WriteStartArray(Names.Categories);
        if ((paper.MainCategory ?? paper.Section) is string category)
        {
            json.WriteStringValue(category);
        }

        json.WriteEndArray();
        WriteStringOrNull(json, Names.Pdf, paper.PdfUrl);
        json.WriteString(Names.Abs, paper.Url);
        WriteStrings(json, Names.Authors, paper.Authors.AsSpan());
        json.WriteString(Names.Title, paper.Title);
        WriteStringOrNull(json, Names.Summary, paper.Abstract);
        json.WriteStartObject(Names.AI);
        WriteStringOrNull(json, Names.Tldr, paper.Tldr);
        WriteStringOrNull(json, Names.Motivation, paper.Motivation);
        WriteStringOrNull(json, Names.Method, paper.Method);
        WriteStringOrNull(json, Names.Result, paper.Result);
        WriteStringOrNull(json, Names.Conclusion, paper.Conclusion);
        json.WriteEndObject();
        if (paper.ExtraFields.Length > 0)
        {
            // Not part of the generator's record, but never dropped.
            json.WriteStartArray(Names.ExtraFieldsSnake);
            foreach (PaperField field in paper.ExtraFields)
            {
                json.WriteStartObject();
                json.WriteString(Names.Label, field.Label);
                json.WriteString(Names.Value, field.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static string LastSegment(string url)
    {
        string trimmed = url.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    private static void WriteStrings(Utf8JsonWriter json, JsonEncodedText name, ReadOnlySpan<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>Property names, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText ArxivId = JsonEncodedText.Encode("arxivId");
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
        public static readonly JsonEncodedText Authors = JsonEncodedText.Encode("authors");
        public static readonly JsonEncodedText MainCategory = JsonEncodedText.Encode("mainCategory");
        public static readonly JsonEncodedText Section = JsonEncodedText.Encode("section");
        public static readonly JsonEncodedText Index = JsonEncodedText.Encode("index");
        public static readonly JsonEncodedText Tldr = JsonEncodedText.Encode("tldr");
        public static readonly JsonEncodedText Motivation = JsonEncodedText.Encode("motivation");
        public static readonly JsonEncodedText Method = JsonEncodedText.Encode("method");
        public static readonly JsonEncodedText Result = JsonEncodedText.Encode("result");
        public static readonly JsonEncodedText Conclusion = JsonEncodedText.Encode("conclusion");
        public static readonly JsonEncodedText Abstract = JsonEncodedText.Encode("abstract");
        public static readonly JsonEncodedText ExtraFields = JsonEncodedText.Encode("extraFields");
        public static readonly JsonEncodedText ExtraFieldsSnake = JsonEncodedText.Encode("extra_fields");
        public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
        public static readonly JsonEncodedText DigestDate = JsonEncodedText.Encode("digestDate");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText File = JsonEncodedText.Encode("file");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Categories = JsonEncodedText.Encode("categories");
        public static readonly JsonEncodedText Pdf = JsonEncodedText.Encode("pdf");
        public static readonly JsonEncodedText Abs = JsonEncodedText.Encode("abs");
        public static readonly JsonEncodedText Summary = JsonEncodedText.Encode("summary");
        public static readonly JsonEncodedText AI = JsonEncodedText.Encode("AI");
    }
}
