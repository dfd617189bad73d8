using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Key = ArxivDigest.Parsing.GeneratorRecordKey;

namespace ArxivDigest.Parsing;

/// <summary>
/// Reads the generator's JSON-lines records, one paper a line, in bounded memory: one line at a time is buffered
/// and parsed with <see cref="Utf8JsonReader"/>. Every key of a record is kept: those the model has properties for
/// in them, every other one as a <see cref="PaperField"/> with its key, scope and JSON type, and the record's layout
/// (order, absent and null keys, values the properties hold only as text) in <see cref="Paper.RecordKeys"/>.
/// </summary>
/// <remarks>
/// A line that is not a record (not JSON, not an object, no string <c>id</c>) is an error at its line and column,
/// kept as unrecognised text; the other lines are read. An empty line is skipped. See docs/jsonl-input.md.
/// </remarks>
internal sealed class JsonLinesPaperReader : PaperInputReader
{
    private static readonly JsonReaderOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    private readonly Stream _stream;
    private readonly string? _file;
    private readonly RecordBuilder _record;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _searched; // bytes after _start already searched for a line break
    private bool _eof;
    private bool _disposed;
    private int _nextLine = 1;

    public JsonLinesPaperReader(Stream stream, DigestReaderOptions options)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _file = options.SourceName;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(options.BufferSize, 16, DigestReaderOptions.MaxFieldSizeLimit));
        _record = new RecordBuilder(this);
    }

    /// <summary>
    /// Whether an input's first bytes are the generator's JSON lines: the first line that is not blank is a JSON
    /// object (on one line, not indented JSON) with one of the record's keys at its top level.
    /// </summary>
    public static bool Recognizes(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\xEF\xBB\xBF"u8))
        {
            head = head[3..];
        }

        head = head.TrimStart(" \t\r\n"u8);
        if (head.IsEmpty || head[0] != (byte)'{')
        {
            return false;
        }

        int nl = head.IndexOf((byte)'\n');
        ReadOnlySpan<byte> line = nl < 0 ? head : head[..nl];
        var reader = new Utf8JsonReader(line, isFinalBlock: false, default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            // The line may be cut by the head's end: look at the keys that are whole in it.
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (RecordBuilder.Known(ref reader, inAi: false) != Key.Other)
                {
                    return true;
                }

                if (!reader.Read() || !reader.TrySkip())
                {
                    return false;
                }
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    public override Paper? Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            if (TakeLine(out int from, out int length, out int line))
            {
                if (_record.Parse(_buffer.AsSpan(from, length), line) is Paper paper)
                {
                    return paper;
                }

                continue;
            }

            if (_eof)
            {
                return null;
            }

            Memory<byte> target = PrepareFill();
            int read = _stream.Read(target.Span);
            _end += read;
            _eof = read == 0;
        }
    }

    public override async ValueTask<Paper?> ReadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TakeLine(out int from, out int length, out int line))
            {
                if (_record.Parse(_buffer.AsSpan(from, length), line) is Paper paper)
                {
                    return paper;
                }

                continue;
            }

            if (_eof)
            {
                return null;
            }

            Memory<byte> target = PrepareFill();
            int read = await _stream.ReadAsync(target, cancellationToken).ConfigureAwait(false);
            _end += read;
            _eof = read == 0;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        byte[] buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    /// <summary>The next whole line in the buffer (without its <c>\n</c>), or the rest of the input at its end; false when more must be read.</summary>
    private bool TakeLine(out int from, out int length, out int line)
    {
        from = _start;
        line = _nextLine;
        int pending = _end - _start;
        int nl = _buffer.AsSpan(_start + _searched, pending - _searched).IndexOf((byte)'\n');
        if (nl >= 0)
        {
            length = _searched + nl;
            _start += length + 1;
        }
        else if (_eof && pending > 0)
        {
            length = pending;
            _start = _end;
        }
        else
        {
            _searched = pending;
            length = 0;
            if (pending > Options.MaxFieldSize)
            {
                throw LineTooLarge(line);
            }

            return false;
        }

        _searched = 0;
        _nextLine++;
        if (length > Options.MaxFieldSize)
        {
            throw LineTooLarge(line);
        }

        return true;
    }

    private DigestFormatException LineTooLarge(int line)
    {
        string size = Options.MaxFieldSize % (1024 * 1024) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Options.MaxFieldSize / (1024 * 1024)} MiB")
            : string.Create(CultureInfo.InvariantCulture, $"{Options.MaxFieldSize} bytes");
        return Fatal(new DigestDiagnostic(DiagnosticCodes.FieldTooLarge, DiagnosticSeverity.Error, string.Create(CultureInfo.InvariantCulture,
            $"A line larger than {size} starts here; reading stops. Raise the limit to read it: DigestReaderOptions.MaxFieldSize, or arxiv-digest's --max-field-size (now {Options.MaxFieldSize} bytes, at most {DigestReaderOptions.MaxFieldSizeLimit / (1024 * 1024)} MiB)."),
            new SourceLocation(_file, line, 1)));
    }

    /// <summary>Makes room for more input: moves the unread bytes to the front, or doubles the buffer when they fill it.</summary>
    private Memory<byte> PrepareFill()
    {
        int pending = _end - _start;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            ReadBuffer.Grow(ref _buffer, _end);
        }

        return _buffer.AsMemory(_end, Math.Min(_buffer.Length - _end, Options.BufferSize));
    }


    /// <summary>Turns one line into a paper, reporting what is wrong with it; reused from line to line.</summary>
    private sealed class RecordBuilder(JsonLinesPaperReader owner)
    {
        private const int KeyCount = GeneratorRecordKeys.Count;

        private static readonly PaperRecordKey[] KnownKeys =
        [
            null!,
            new("id", PaperFieldScope.Record),
            new("categories", PaperFieldScope.Record),
            new("pdf", PaperFieldScope.Record),
            new("abs", PaperFieldScope.Record),
            new("authors", PaperFieldScope.Record),
            new("title", PaperFieldScope.Record),
            new("comment", PaperFieldScope.Record),
            new("summary", PaperFieldScope.Record),
            new("AI", PaperFieldScope.Record),
            new("tldr", PaperFieldScope.AI),
            new("motivation", PaperFieldScope.AI),
            new("method", PaperFieldScope.AI),
            new("result", PaperFieldScope.AI),
            new("conclusion", PaperFieldScope.AI),
        ];

        private readonly JsonLinesPaperReader _owner = owner;
        private readonly List<PaperRecordKey> _keys = [];
        private readonly List<PaperField> _extras = [];
        private readonly List<(PaperRecordKey Top, PaperRecordKey Ai)> _names = [];
        private readonly List<(byte[] Utf8, string Name)> _nameStrings = [];
        private readonly List<(string Name, PaperFieldScope Scope)> _seenOther = [];
        private readonly bool[] _seen = new bool[KeyCount];
        private readonly string?[] _text = new string?[KeyCount];
        private readonly Range[] _raw = new Range[KeyCount]; // where a value is in the line, while the line is parsed
        private readonly JsonTokenType[] _type = new JsonTokenType[KeyCount];
        private readonly int[] _keyAt = new int[KeyCount];
        private ImmutableArray<string> _authors;
        private ImmutableArray<string> _categories;
        private ImmutableArray<PaperRecordKey> _lastLayout = [];
        private bool _firstLine = true;
        private int _line;

        /// <summary>The key <paramref name="reader"/> (at a property name) names, in the record or in its <c>AI</c> object.</summary>
        public static Key Known(ref Utf8JsonReader reader, bool inAi)
        {
            if (reader.ValueIsEscaped)
            {
                return Known(Encoding.UTF8.GetBytes(JsonValues.GetString(ref reader)), inAi);
            }

            return Known(reader.ValueSpan, inAi);
        }

        private static Key Known(ReadOnlySpan<byte> name, bool inAi) => GeneratorRecordKeys.Of(name, inAi);

        /// <summary>The paper of one line, or null for a blank line and for a line that is not a record (reported and kept).</summary>
        public Paper? Parse(ReadOnlySpan<byte> line, int lineNumber)
        {
            _line = lineNumber;
            if (_firstLine)
            {
                _firstLine = false;
                if (line.StartsWith("\xEF\xBB\xBF"u8))
                {
                    line = line[3..];
                }
            }

            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (line.Trim(" \t\r"u8).IsEmpty)
            {
                return null;
            }

            byte[]? repaired = null;
            int invalid = Utf8Text.IndexOfInvalid(line);
            if (invalid >= 0)
            {
                Report(DiagnosticCodes.InvalidUtf8, DiagnosticSeverity.Error, Column(line, invalid),
                    string.Create(CultureInfo.InvariantCulture, $"Invalid UTF-8 byte 0x{line[invalid]:X2}; read as U+FFFD."));
                repaired = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line));
                line = repaired;
            }

            Reset();
            try
            {
                return ReadRecord(line);
            }
            catch (JsonException e)
            {
                int at = (int)Math.Clamp(e.BytePositionInLine ?? 0, 0, line.Length);
                return NotARecord(line, at, "it is not valid JSON (" + JsonMessage(e) + ")");
            }
        }

        private void Reset()
        {
            _keys.Clear();
            _extras.Clear();
            _seenOther.Clear();
            Array.Clear(_seen);
            Array.Clear(_text);
            Array.Clear(_raw);
            Array.Clear(_type);
            _authors = default;
            _categories = default;
        }

        private Paper? ReadRecord(ReadOnlySpan<byte> line)
        {
            var reader = new Utf8JsonReader(line, JsonOptions);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                JsonTokenType first = reader.TokenType;
                int at = (int)reader.TokenStartIndex;
                reader.Skip();
                reader.Read(); // a second value on the line is reported as invalid JSON
                return NotARecord(line, at, $"it is {Describe(first)}, not an object {{…}}");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int keyAt = (int)reader.TokenStartIndex;
                Key key = Known(ref reader, inAi: false);
                string? otherName = key == Key.Other ? NameOf(ref reader) : null;
                reader.Read();
                if (key == Key.AI && !_seen[(int)Key.AI] && reader.TokenType == JsonTokenType.StartObject)
                {
                    _seen[(int)Key.AI] = true;
                    _keys.Add(KnownKeys[(int)Key.AI]);
                    ReadAi(ref reader, line);
                    continue;
                }

                Value(ref reader, line, key, otherName, keyAt, PaperFieldScope.Record);
            }

            // Anything after the object (a second one, text) makes the line invalid JSON.
            reader.Read();

            if (!_seen[(int)Key.Id])
            {
                return NotARecord(line, 0, "it has no \"id\" key: a record is {\"id\": \"2601.01234\", …}");
            }

            if (_type[(int)Key.Id] != JsonTokenType.String)
            {
                return NotARecord(line, _keyAt[(int)Key.Id], $"its \"id\" is {Describe(_type[(int)Key.Id])}, not a string");
            }

            return Build(line);
        }

        private void ReadAi(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int keyAt = (int)reader.TokenStartIndex;
                Key key = Known(ref reader, inAi: true);
                string? otherName = key == Key.Other ? NameOf(ref reader) : null;
                reader.Read();
                Value(ref reader, line, key, otherName, keyAt, PaperFieldScope.AI);
            }
        }

        /// <summary>Takes the value <paramref name="reader"/> is at, for <paramref name="key"/> (or the other key <paramref name="otherName"/>).</summary>
        private void Value(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, Key key, string? otherName, int keyAt, PaperFieldScope scope)
        {
            JsonTokenType type = reader.TokenType;
            int start = (int)reader.TokenStartIndex;
            string? text = null;
            ImmutableArray<string> strings = default;
            bool listOfStrings = false;
            if (type == JsonTokenType.String)
            {
                text = JsonValues.GetString(ref reader);
            }
            else if (type == JsonTokenType.StartArray && key is Key.Authors or Key.Categories)
            {
                strings = ReadStrings(ref reader, out listOfStrings);
            }
            else
            {
                reader.Skip();
            }

            ReadOnlySpan<byte> raw = line[start..(int)reader.BytesConsumed];
            bool first = key != Key.Other && !_seen[(int)key];
            if (!first)
            {
                string name = otherName ?? KnownKeys[(int)key].Name;
                if (key != Key.Other || _seenOther.Contains((name, scope)))
                {
                    Report(DiagnosticCodes.DuplicateField, DiagnosticSeverity.Warning, Column(line, keyAt),
                        $"The key \"{PaperTextShort(name)}\" is given twice in this record; the first is the paper's, the second is kept as an extra field.");
                }
                else
                {
                    _seenOther.Add((name, scope));
                }

                _keys.Add(NameKey(name, scope));
                AddExtra(name, scope, type, text, raw, line, keyAt);
                return;
            }

            int k = (int)key;
            _seen[k] = true;
            _keyAt[k] = keyAt;
            _type[k] = type;
            _text[k] = text;
            if (key is Key.Authors or Key.Categories)
            {
                if (listOfStrings)
                {
                    if (key == Key.Authors)
                    {
                        _authors = strings;
                    }
                    else
                    {
                        _categories = strings;
                    }

                    _keys.Add(KnownKeys[k]);
                    return;
                }

                ImmutableArray<string> fallback = JsonValues.StringsOf(raw);
                if (key == Key.Authors)
                {
                    _authors = fallback;
                }
                else
                {
                    _categories = fallback;
                }

                Unexpected(line, keyAt, key, type, "a list of strings");
                _keys.Add(KnownKeys[k] with { Json = Encoding.UTF8.GetString(raw) });
                return;
            }

            if (type == JsonTokenType.String && key != Key.AI)
            {
                if (key is Key.Id or Key.Pdf)
                {
                    _raw[k] = start..(int)reader.BytesConsumed; // the id as written, and a pdf to compare with the id's once both are known
                }

                _keys.Add(KnownKeys[k]);
                return;
            }

            // Not a string: the property holds its text form, the key its JSON.
            _raw[k] = start..(int)reader.BytesConsumed;
            if (key == Key.Id)
            {
                _keys.Add(KnownKeys[k]); // not a record: reported by the caller
                return;
            }

            if (key == Key.Pdf)
            {
                _keys.Add(KnownKeys[k]);
                return; // kept as an extra field (the model derives the pdf link) once the id is known
            }

            bool nullable = key is Key.Comment or Key.Summary or Key.AI or >= Key.Tldr;
            if (type != JsonTokenType.Null || !nullable)
            {
                Unexpected(line, keyAt, key, type, key == Key.AI ? "an object" : nullable ? "a string or null" : "a string");
            }

            _text[k] = type == JsonTokenType.Null && nullable ? null : JsonValues.TextOf(raw);
            _keys.Add(type == JsonTokenType.Null && nullable && key != Key.AI ? KnownKeys[k] : KnownKeys[k] with { Json = Encoding.UTF8.GetString(raw) });
        }

        /// <summary>A list's strings; when it holds something else, every item's text and <paramref name="allStrings"/> false.</summary>
        private static ImmutableArray<string> ReadStrings(ref Utf8JsonReader reader, out bool allStrings)
        {
            allStrings = true;
            ImmutableArray<string>.Builder items = ImmutableArray.CreateBuilder<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.String)
                {
                    items.Add(JsonValues.GetString(ref reader));
                    continue;
                }

                allStrings = false;
                reader.Skip();
            }

            return allStrings ? items.DrainToImmutable() : default;
        }

        private void AddExtra(string name, PaperFieldScope scope, JsonTokenType type, string? text, ReadOnlySpan<byte> raw, ReadOnlySpan<byte> line, int keyAt)
        {
            bool isString = type == JsonTokenType.String;
            _extras.Add(new PaperField(name, isString ? text! : JsonValues.TextOf(raw), Location(line, keyAt))
            {
                Key = name,
                Scope = scope,
                Json = isString ? null : Encoding.UTF8.GetString(raw),
            });
        }

        private Paper Build(ReadOnlySpan<byte> line)
        {
            string idText = _text[(int)Key.Id]!;
            ArxivId? id = null;
            if (ArxivId.TryParse(idText, out ArxivId parsed))
            {
                id = parsed;
            }
            else
            {
                Report(DiagnosticCodes.NoArxivId, DiagnosticSeverity.Warning, Column(line, _keyAt[(int)Key.Id]),
                    $"The id \"{PaperTextShort(idText)}\" is not an arXiv identifier (e.g. 2602.10137, 2602.10137v2 or math/0601001); the paper has no Id.");
            }

            if (id?.ToString() != idText)
            {
                int at = _keys.FindIndex(k => ReferenceEquals(k, KnownKeys[(int)Key.Id]));
                _keys[at] = KnownKeys[(int)Key.Id] with { Json = Encoding.UTF8.GetString(line[_raw[(int)Key.Id]]) };
            }

            // The pdf link is derived from the id; one that is not the derived one is kept as it is.
            if (_seen[(int)Key.Pdf] && !(_type[(int)Key.Pdf] == JsonTokenType.String && IsDerived(_text[(int)Key.Pdf]!, "https://arxiv.org/pdf/", idText)))
            {
                if (_type[(int)Key.Pdf] != JsonTokenType.String)
                {
                    Unexpected(line, _keyAt[(int)Key.Pdf], Key.Pdf, _type[(int)Key.Pdf], "a string");
                }

                ReadOnlySpan<byte> raw = line[_raw[(int)Key.Pdf]];
                int position = _extras.FindIndex(f => f is { Key: "pdf", Scope: PaperFieldScope.Record });
                var pdf = new PaperField("pdf", _type[(int)Key.Pdf] == JsonTokenType.String ? _text[(int)Key.Pdf]! : JsonValues.TextOf(raw), Location(line, _keyAt[(int)Key.Pdf]))
                {
                    Key = "pdf",
                    Scope = PaperFieldScope.Record,
                    Json = _type[(int)Key.Pdf] == JsonTokenType.String ? null : Encoding.UTF8.GetString(raw),
                };
                _extras.Insert(position < 0 ? _extras.Count : position, pdf);
            }

            string url = _seen[(int)Key.Abs] && _type[(int)Key.Abs] == JsonTokenType.String ? _text[(int)Key.Abs]! : "https://arxiv.org/abs/" + idText;
            if (_seen[(int)Key.Abs] && _type[(int)Key.Abs] != JsonTokenType.String)
            {
                // Not a link: the paper's URL is the one built from the id, the key keeps the JSON.
                _text[(int)Key.Abs] = null;
            }

            ImmutableArray<string> categories = _categories.IsDefault ? [] : _categories;
            return new Paper
            {
                Id = id,
                Title = _text[(int)Key.Title] ?? string.Empty,
                Url = url,
                Authors = _authors.IsDefault ? [] : _authors,
                MainCategory = categories.IsEmpty ? null : categories[0],
                Categories = categories,
                Comment = _text[(int)Key.Comment],
                Tldr = _text[(int)Key.Tldr],
                Motivation = _text[(int)Key.Motivation],
                Method = _text[(int)Key.Method],
                Result = _text[(int)Key.Result],
                Conclusion = _text[(int)Key.Conclusion],
                Abstract = _text[(int)Key.Summary],
                ExtraFields = _extras.Count == 0 ? [] : [.. _extras],
                RecordKeys = Layout(),
                DigestDate = _owner.Options.DigestDate,
                Location = new SourceLocation(_owner._file, _line, 1),
            };
        }

        /// <summary>The record's keys; the same array as the previous record's when they are the same keys (most records of a file).</summary>
        private ImmutableArray<PaperRecordKey> Layout()
        {
            ImmutableArray<PaperRecordKey> last = _lastLayout;
            if (last.Length == _keys.Count)
            {
                bool same = true;
                for (int i = 0; i < _keys.Count && same; i++)
                {
                    same = ReferenceEquals(last[i], _keys[i]);
                }

                if (same)
                {
                    return last;
                }
            }

            _lastLayout = [.. _keys];
            return _lastLayout;
        }

        /// <summary>The name of the key <paramref name="reader"/> is at; the same string for the same name (a file's records share their few names).</summary>
        private string NameOf(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped)
            {
                return JsonValues.GetString(ref reader);
            }

            ReadOnlySpan<byte> utf8 = reader.ValueSpan;
            foreach ((byte[] bytes, string known) in _nameStrings)
            {
                if (utf8.SequenceEqual(bytes))
                {
                    return known;
                }
            }

            string name = JsonValues.GetString(ref reader);
            if (_nameStrings.Count < 64)
            {
                _nameStrings.Add((utf8.ToArray(), name));
            }

            return name;
        }

        /// <summary>The key object for a name, one per name and scope (so that layouts compare by reference).</summary>
        private PaperRecordKey NameKey(string name, PaperFieldScope scope)
        {
            foreach ((PaperRecordKey top, PaperRecordKey ai) in _names)
            {
                if (string.Equals(top.Name, name, StringComparison.Ordinal))
                {
                    return scope == PaperFieldScope.AI ? ai : top;
                }
            }

            (PaperRecordKey Top, PaperRecordKey Ai) entry = (new PaperRecordKey(name, PaperFieldScope.Record), new PaperRecordKey(name, PaperFieldScope.AI));
            if (_names.Count < 256)
            {
                _names.Add(entry); // a file's records share their few names; a file of ever new names gets new objects
            }

            return scope == PaperFieldScope.AI ? entry.Ai : entry.Top;
        }

        private Paper? NotARecord(ReadOnlySpan<byte> line, int at, string why)
        {
            Report(DiagnosticCodes.InvalidRecord, DiagnosticSeverity.Error, Column(line, at), $"This line is not a record: {why}. It is kept as unrecognised text; the other lines are read.");
            _owner.AddUnrecognizedText(new UnrecognizedText(Encoding.UTF8.GetString(line), new SourceLocation(_owner._file, _line, 1)));
            return null;
        }

        private void Unexpected(ReadOnlySpan<byte> line, int keyAt, Key key, JsonTokenType type, string expected)
            => Report(DiagnosticCodes.UnexpectedJsonType, DiagnosticSeverity.Warning, Column(line, keyAt),
                $"\"{KnownKeys[(int)key].Name}\" is {Describe(type)}, not {expected} as the generator writes it; the paper holds it as text and it is written back as it is.");

        private void Report(string code, DiagnosticSeverity severity, int column, string message)
            => _owner.Report(new DigestDiagnostic(code, severity, message, new SourceLocation(_owner._file, _line, column)));

        private SourceLocation Location(ReadOnlySpan<byte> line, int at) => new(_owner._file, _line, Column(line, at));

        private static int Column(ReadOnlySpan<byte> line, int at) => Utf8Text.CountChars(line[..Math.Min(at, line.Length)]) + 1;

        /// <summary>Whether <paramref name="link"/> is <paramref name="prefix"/> followed by <paramref name="id"/>.</summary>
        private static bool IsDerived(string link, string prefix, string id)
            => link.Length == prefix.Length + id.Length && link.StartsWith(prefix, StringComparison.Ordinal) && link.AsSpan(prefix.Length).SequenceEqual(id);

        private static string PaperTextShort(string text)
        {
            string oneLine = text.ReplaceLineEndings(" ");
            return oneLine.Length <= 60 ? oneLine : string.Concat(oneLine.AsSpan(0, 57), "...");
        }

        private static string Describe(JsonTokenType type) => type switch
        {
            JsonTokenType.StartArray => "a list",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "true or false",
            JsonTokenType.Null => "null",
            _ => "not a value",
        };

        /// <summary>The reader's message without its position (the diagnostic has it, in characters).</summary>
        private static string JsonMessage(JsonException e)
        {
            string message = e.Message;
            int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return (at > 0 ? message[..at] : message).TrimEnd('.', ' ');
        }
    }
}
