using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ArxivDigest.Parsing.Writers.Json;

/// <summary>
/// Writes papers as one JSON array (<c>json</c>) or as JSON Lines, one object a line (<c>jsonl</c>), with
/// <see cref="Utf8JsonWriter"/>: streaming, no reflection, property names encoded once.
/// </summary>
public sealed partial class JsonPaperWriter : PaperWriter
{
    private const int FlushThreshold = 32 * 1024;

    /// <summary>Values longer than this (in characters) are written in segments.</summary>
    internal const int SegmentChars = 1 << 20;

    private static readonly System.Text.Json.JsonWriterOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // non-ASCII as is: readable, and half the size of \u escapes
        Indented = false,
    };

    private static readonly System.Text.Json.JsonWriterOptions Pretty = Compact with { Indented = true };

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
    /// <param name="options">Shape and indentation; <see cref="JsonPaperWriterOptions.Default"/> when null.</param>
    public JsonPaperWriter(Stream output, bool jsonLines, JsonPaperWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= JsonPaperWriterOptions.Default;
        _output = output;
        _lines = jsonLines;
        _shape = options.Shape;
        _json = new Utf8JsonWriter(_buffer, jsonLines || !options.Indented ? Compact : Pretty);
    }

    /// <summary>The <c>json</c> format: one JSON array of papers (<c>.json</c>), with its option <c>json-shape</c>.</summary>
    public static PaperWriterFormat<JsonPaperWriterOptions> JsonFormat { get; } = new(
        "json", [".json"], "One JSON array of papers", JsonPaperWriterOptions.Default, static (s, o) => new JsonPaperWriter(s, jsonLines: false, o), options: JsonPaperWriterOptions.Descriptors);

    /// <summary>The <c>jsonl</c> format: JSON Lines, one paper a line (<c>.jsonl</c>, <c>.ndjson</c>), with its option <c>json-shape</c>.</summary>
    public static PaperWriterFormat<JsonPaperWriterOptions> JsonLinesFormat { get; } = new(
        "jsonl", [".jsonl", ".ndjson"], "JSON Lines, one paper a line", JsonPaperWriterOptions.Default, static (s, o) => new JsonPaperWriter(s, jsonLines: true, o), options: JsonPaperWriterOptions.Descriptors);

    /// <inheritdoc/>
    public override async ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ObjectDisposedException.ThrowIf(_completed, this);
        // Utf8JsonWriter would write a lone surrogate as \uFFFD without a word: the same change, reported.
        paper = WithoutLoneSurrogates(paper, "JSON");
        if (!_started && !_lines)
        {
            _json.WriteStartArray();
        }

        _started = true;
        if (_shape == JsonShape.DailyArxiv)
        {
            await WriteDailyArxivAsync(paper, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await WriteNativeAsync(paper, cancellationToken).ConfigureAwait(false);
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

    private async ValueTask WriteNativeAsync(Paper paper, CancellationToken cancellationToken)
    {
        _json.WriteStartObject();
        await WriteStringOrNullAsync(Names.ArxivId, paper.Id?.Id, cancellationToken).ConfigureAwait(false);
        if (paper.Id?.Version is int version)
        {
            _json.WriteNumber(Names.Version, version);
        }
        else
        {
            _json.WriteNull(Names.Version);
        }

        await WriteStringAsync(Names.Title, paper.Title, cancellationToken).ConfigureAwait(false);
        await WriteStringAsync(Names.Url, paper.Url, cancellationToken).ConfigureAwait(false);
        await WriteStringsAsync(Names.Authors, paper.Authors, cancellationToken).ConfigureAwait(false);
        await WriteStringOrNullAsync(Names.MainCategory, paper.MainCategory, cancellationToken).ConfigureAwait(false);
        await WriteStringsAsync(Names.Categories, paper.Categories, cancellationToken).ConfigureAwait(false);
        await WriteStringOrNullAsync(Names.Section, paper.Section, cancellationToken).ConfigureAwait(false);
        if (paper.Index is int index)
        {
            _json.WriteNumber(Names.Index, index);
        }
        else
        {
            _json.WriteNull(Names.Index);
        }

        await WriteStringOrNullAsync(Names.Tldr, paper.Tldr, cancellationToken).ConfigureAwait(false);
        await WriteStringOrNullAsync(Names.Motivation, paper.Motivation, cancellationToken).ConfigureAwait(false);
        await WriteStringOrNullAsync(Names.Method, paper.Method, cancellationToken).ConfigureAwait(false);
        await WriteStringOrNullAsync(Names.Result, paper.Result, cancellationToken).ConfigureAwait(false);
        await WriteStringOrNullAsync(Names.Conclusion, paper.Conclusion, cancellationToken).ConfigureAwait(false);
        await WriteStringOrNullAsync(Names.Abstract, paper.Abstract, cancellationToken).ConfigureAwait(false);
        await WriteStringOrNullAsync(Names.Comment, paper.Comment, cancellationToken).ConfigureAwait(false);
        _json.WriteStartArray(Names.ExtraFields);
        foreach (PaperField field in paper.ExtraFields)
        {
            _json.WriteStartObject();
            await WriteStringAsync(Names.Label, field.Label, cancellationToken).ConfigureAwait(false);
            await WriteStringOrNullAsync(Names.Key, field.Key, cancellationToken).ConfigureAwait(false);
            await WriteStringAsync(Names.Value, field.Value, cancellationToken).ConfigureAwait(false);
            _json.WriteNumber(Names.Line, field.Location.Line);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        if (paper.DigestDate is DateOnly date)
        {
            _json.WriteString(Names.DigestDate, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            _json.WriteNull(Names.DigestDate);
        }

        _json.WriteStartObject(Names.Source);
        await WriteStringOrNullAsync(Names.File, paper.Location.File, cancellationToken).ConfigureAwait(false);
        _json.WriteNumber(Names.Line, paper.Location.Line);
        _json.WriteEndObject();
        _json.WriteEndObject();
    }

    private static string LastSegment(string url)
    {
        string trimmed = url.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    private async ValueTask WriteStringsAsync(JsonEncodedText name, ImmutableArray<string> values, CancellationToken cancellationToken)
    {
        _json.WriteStartArray(name);
        if (!values.IsDefault)
        {
            foreach (string value in values)
            {
                await WriteStringValueAsync(value, cancellationToken).ConfigureAwait(false);
            }
        }

        _json.WriteEndArray();
    }

    private ValueTask WriteStringOrNullAsync(JsonEncodedText name, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            _json.WriteNull(name);
            return default;
        }

        return WriteStringAsync(name, value, cancellationToken);
    }

    private ValueTask WriteStringAsync(JsonEncodedText name, string value, CancellationToken cancellationToken)
    {
        if (value.Length <= SegmentChars)
        {
            _json.WriteString(name, value);
            return default;
        }

        _json.WritePropertyName(name);
        return WriteSegmentsAsync(value, cancellationToken);
    }

    private ValueTask WriteStringValueAsync(string value, CancellationToken cancellationToken)
    {
        if (value.Length <= SegmentChars)
        {
            _json.WriteStringValue(value);
            return default;
        }

        return WriteSegmentsAsync(value, cancellationToken);
    }

    /// <summary>
    /// A long value in segments, the buffer written out after each: one JSON token may not exceed about 166 million
    /// characters, and the buffer stays small whatever the value's length.
    /// </summary>
    private async ValueTask WriteSegmentsAsync(string value, CancellationToken cancellationToken)
    {
        int start = 0;
        while (start < value.Length)
        {
            int length = Math.Min(SegmentChars, value.Length - start);
            if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1]))
            {
                length--; // never split a surrogate pair
            }

            bool last = start + length == value.Length;
            _json.WriteStringValueSegment(value.AsSpan(start, length), last);
            start += length;
            _json.Flush();
            await FlushBufferAsync(cancellationToken).ConfigureAwait(false);
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
        public static readonly JsonEncodedText Key = JsonEncodedText.Encode("key");
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
        public static readonly JsonEncodedText Comment = JsonEncodedText.Encode("comment");
    }
}
