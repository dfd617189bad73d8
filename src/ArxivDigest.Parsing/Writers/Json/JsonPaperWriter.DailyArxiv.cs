using System.Collections.Immutable;
using System.Text;
using RecordKey = ArxivDigest.Parsing.GeneratorRecordKey;

namespace ArxivDigest.Parsing.Writers.Json;

/// <summary>
/// The <c>daily-arxiv</c> shape: the generator's own record. A paper read from JSON lines is written with its
/// record's keys (<see cref="Paper.RecordKeys"/>), in their order, each value with its JSON type, so that the record
/// comes back as it was read; any other paper in the generator's order.
/// </summary>
public sealed partial class JsonPaperWriter
{
    /// <summary>The generator's keys in its order (<c>AI</c> comes after them).</summary>
    private static readonly RecordKey[] GeneratorTopKeys =
        [RecordKey.Id, RecordKey.Categories, RecordKey.Pdf, RecordKey.Abs, RecordKey.Authors, RecordKey.Title, RecordKey.Comment, RecordKey.Summary];

    private static readonly RecordKey[] GeneratorAiKeys = [RecordKey.Tldr, RecordKey.Motivation, RecordKey.Method, RecordKey.Result, RecordKey.Conclusion];

    private async ValueTask WriteDailyArxivAsync(Paper paper, CancellationToken cancellationToken)
    {
        var record = new RecordState(paper);
        _json.WriteStartObject();
        if (paper.RecordKeys.IsDefaultOrEmpty)
        {
            await WriteGeneratorOrderAsync(record, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await WriteRecordKeysAsync(record, cancellationToken).ConfigureAwait(false);
        }

        // Fields without a key, or whose key the record already has: not part of the generator's record, but never dropped.
        if (record.Leftovers.Count > 0)
        {
            _json.WriteStartArray(Names.ExtraFieldsSnake);
            foreach (PaperField field in record.Leftovers)
            {
                _json.WriteStartObject();
                await WriteStringAsync(Names.Label, field.Label, cancellationToken).ConfigureAwait(false);
                await WriteStringAsync(Names.Value, field.Value, cancellationToken).ConfigureAwait(false);
                _json.WriteEndObject();
            }

            _json.WriteEndArray();
        }

        _json.WriteEndObject();
    }

    /// <summary>A paper read from Markdown (or built): every key of the generator's record, then its keyed extra fields where they belong.</summary>
    private async ValueTask WriteGeneratorOrderAsync(RecordState record, CancellationToken cancellationToken)
    {
        foreach (RecordKey key in GeneratorTopKeys)
        {
            record.Top.Add(NameOf(key));
            await WriteKnownAsync(record, key, json: null, cancellationToken).ConfigureAwait(false);
        }

        await WriteUnusedFieldsAsync(record, PaperFieldScope.Record, record.Top, cancellationToken).ConfigureAwait(false);
        _json.WriteStartObject(Names.AI);
        foreach (RecordKey key in GeneratorAiKeys)
        {
            record.Ai.Add(NameOf(key));
            await WriteKnownAsync(record, key, json: null, cancellationToken).ConfigureAwait(false);
        }

        await WriteUnusedFieldsAsync(record, PaperFieldScope.AI, record.Ai, cancellationToken).ConfigureAwait(false);
        _json.WriteEndObject();
    }

    /// <summary>
    /// A paper read from JSON lines: its record's keys in their order; then what the paper has that the record did
    /// not (a property set, a field added since), after them.
    /// </summary>
    private async ValueTask WriteRecordKeysAsync(RecordState record, CancellationToken cancellationToken)
    {
        Paper paper = record.Paper;
        var seen = new int[(int)RecordKey.Conclusion + 1];
        bool wroteAi = false;
        foreach (PaperRecordKey key in paper.RecordKeys)
        {
            if (key.Scope != PaperFieldScope.Record)
            {
                continue; // written inside the AI object, wherever the record had it
            }

            record.Top.Add(key.Name);
            RecordKey known = Known(key.Name, PaperFieldScope.Record);
            int occurrence = seen[(int)known]++;
            if (known == RecordKey.AI && occurrence == 0)
            {
                wroteAi = true;
                await WriteAiAsync(record, key, cancellationToken).ConfigureAwait(false);
            }
            else if (known == RecordKey.Pdf && occurrence == 0 && !record.PdfFromField)
            {
                await WriteKnownAsync(record, known, key.Json, cancellationToken).ConfigureAwait(false);
            }
            else if (known is RecordKey.Other or RecordKey.Pdf or RecordKey.AI || occurrence > 0)
            {
                // A key the model has no property for, or the same key again: its value is the next field of that key.
                await WriteFieldOfKeyAsync(record, key.Name, PaperFieldScope.Record, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await WriteKnownAsync(record, known, key.Json, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (RecordKey key in GeneratorTopKeys)
        {
            if (seen[(int)key] == 0 && HasValueBeyondAbsent(record, key))
            {
                record.Top.Add(NameOf(key));
                await WriteKnownAsync(record, key, json: null, cancellationToken).ConfigureAwait(false);
            }
        }

        await WriteUnusedFieldsAsync(record, PaperFieldScope.Record, record.Top, cancellationToken).ConfigureAwait(false);
        if (!wroteAi && record.HasAiContent && record.Top.Add("AI"))
        {
            await WriteAiAsync(record, aiKey: null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask WriteAiAsync(RecordState record, PaperRecordKey? aiKey, CancellationToken cancellationToken)
    {
        Paper paper = record.Paper;

        // The record's AI was not an object (null, a message): written back as it was while the paper has no AI field.
        if (aiKey?.Json is string json && !record.HasAiContent && Raw(json) is byte[] raw)
        {
            _json.WritePropertyName(Names.AI);
            _json.WriteRawValue(raw, skipInputValidation: true);
            return;
        }

        _json.WriteStartObject(Names.AI);
        var seen = new int[(int)RecordKey.Conclusion + 1];
        foreach (PaperRecordKey key in paper.RecordKeys)
        {
            if (key.Scope != PaperFieldScope.AI)
            {
                continue;
            }

            record.Ai.Add(key.Name);
            RecordKey known = Known(key.Name, PaperFieldScope.AI);
            if (known == RecordKey.Other || seen[(int)known]++ > 0)
            {
                await WriteFieldOfKeyAsync(record, key.Name, PaperFieldScope.AI, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await WriteKnownAsync(record, known, key.Json, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (RecordKey key in GeneratorAiKeys)
        {
            if (seen[(int)key] == 0 && AiText(paper, key) is not null && record.Ai.Add(NameOf(key)))
            {
                await WriteKnownAsync(record, key, json: null, cancellationToken).ConfigureAwait(false);
            }
        }

        await WriteUnusedFieldsAsync(record, PaperFieldScope.AI, record.Ai, cancellationToken).ConfigureAwait(false);
        _json.WriteEndObject();
    }

    /// <summary>
    /// One key the model has a property for. <paramref name="json"/> is the record's own value when the property
    /// holds it only as text: it is written back while the property still holds that text.
    /// </summary>
    private async ValueTask WriteKnownAsync(RecordState record, RecordKey key, string? json, CancellationToken cancellationToken)
    {
        Paper paper = record.Paper;
        if (json is not null && Raw(json) is byte[] raw && StillHolds(record, key, raw))
        {
            _json.WritePropertyName(NameOf(key));
            _json.WriteRawValue(raw, skipInputValidation: true);
            return;
        }

        switch (key)
        {
            case RecordKey.Id:
                await WriteStringAsync(Names.Id, record.IdText, cancellationToken).ConfigureAwait(false);
                break;
            case RecordKey.Categories:
                await WriteStringsAsync(Names.Categories, CategoriesOf(paper), cancellationToken).ConfigureAwait(false);
                break;
            case RecordKey.Pdf:
                await WriteStringOrNullAsync(Names.Pdf, record.DerivedPdf, cancellationToken).ConfigureAwait(false);
                break;
            case RecordKey.Abs:
                await WriteStringAsync(Names.Abs, paper.Url, cancellationToken).ConfigureAwait(false);
                break;
            case RecordKey.Authors:
                await WriteStringsAsync(Names.Authors, paper.Authors, cancellationToken).ConfigureAwait(false);
                break;
            case RecordKey.Title:
                await WriteStringAsync(Names.Title, paper.Title, cancellationToken).ConfigureAwait(false);
                break;
            case RecordKey.Comment:
                await WriteStringOrNullAsync(Names.Comment, paper.Comment, cancellationToken).ConfigureAwait(false);
                break;
            case RecordKey.Summary:
                await WriteStringOrNullAsync(Names.Summary, paper.Abstract, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await WriteStringOrNullAsync(AiName(key), AiText(paper, key), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Whether the paper's property still holds what the record's JSON for it gives (it was not changed since reading).</summary>
    private static bool StillHolds(RecordState record, RecordKey key, byte[] json)
    {
        Paper paper = record.Paper;
        return key switch
        {
            RecordKey.Id => (ArxivId.TryParse(JsonValues.TextOf(json), out ArxivId id) ? id : (ArxivId?)null) == paper.Id,
            RecordKey.Categories => JsonValues.StringsOf(json) is var categories && categories.SequenceEqual(OrEmpty(paper.Categories))
                && paper.MainCategory == (categories.IsEmpty ? null : categories[0]),
            RecordKey.Authors => JsonValues.StringsOf(json).SequenceEqual(OrEmpty(paper.Authors)),
            RecordKey.Abs => paper.Url == record.AbsentUrl,
            RecordKey.Title => paper.Title == JsonValues.TextOf(json),
            RecordKey.Comment => paper.Comment == JsonValues.TextOf(json),
            RecordKey.Summary => paper.Abstract == JsonValues.TextOf(json),
            >= RecordKey.Tldr => AiText(paper, key) == JsonValues.TextOf(json),
            _ => true,
        };
    }

    /// <summary>Whether the paper has a value for a key its record lacked, other than the one the reader gives an absent key.</summary>
    private static bool HasValueBeyondAbsent(RecordState record, RecordKey key)
    {
        Paper paper = record.Paper;
        return key switch
        {
            RecordKey.Id => paper.Id is not null,
            RecordKey.Categories => !CategoriesOf(paper).IsEmpty,
            RecordKey.Abs => paper.Url != record.AbsentUrl,
            RecordKey.Authors => !paper.Authors.IsDefaultOrEmpty,
            RecordKey.Title => paper.Title.Length > 0,
            RecordKey.Comment => paper.Comment is not null,
            RecordKey.Summary => paper.Abstract is not null,
            _ => false,
        };
    }

    /// <summary>The next unused field of a key (a key given twice has one field for each time after the first); nothing when the paper has none left.</summary>
    private async ValueTask WriteFieldOfKeyAsync(RecordState record, string name, PaperFieldScope scope, CancellationToken cancellationToken)
    {
        int i = record.NextField(name, scope);
        if (i >= 0)
        {
            await WriteFieldAsync(record, record.Fields[i], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The keyed fields of <paramref name="scope"/> the record's keys did not name, unless the object already has their key.</summary>
    private async ValueTask WriteUnusedFieldsAsync(RecordState record, PaperFieldScope scope, HashSet<string> written, CancellationToken cancellationToken)
    {
        for (int i = 0; i < record.Fields.Length; i++)
        {
            PaperField field = record.Fields[i];
            if (record.Used[i] || field.Key is not string key || field.Scope != scope)
            {
                continue;
            }

            record.Used[i] = true;
            if (written.Add(key))
            {
                await WriteFieldAsync(record, field, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                record.Leftovers.Add(field);
            }
        }
    }

    /// <summary>A field under its key, with its JSON type when it has one.</summary>
    private async ValueTask WriteFieldAsync(RecordState record, PaperField field, CancellationToken cancellationToken)
    {
        string name = field.Key!;
        if (field.Json is string json)
        {
            if (Raw(json) is byte[] raw && JsonValues.TextOf(raw) == field.Value)
            {
                _json.WritePropertyName(name);
                _json.WriteRawValue(raw, skipInputValidation: true);
                return;
            }

            if (Raw(json) is null)
            {
                ReportDiagnostic(record.Paper, DiagnosticCodes.ValueNotExact, DiagnosticSeverity.Warning,
                    $"JSON: the field \"{PaperText.Short(name)}\" holds JSON that is not one value; written as its text.");
            }
        }

        _json.WritePropertyName(name);
        await WriteStringValueAsync(field.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The categories to write: all of them, main first; or the main one (or the section) for a paper that has only that.</summary>
    private static ImmutableArray<string> CategoriesOf(Paper paper)
    {
        ImmutableArray<string> all = OrEmpty(paper.Categories);
        if (all.IsEmpty)
        {
            return (paper.MainCategory ?? paper.Section) is string one ? [one] : [];
        }

        return paper.MainCategory is string main && main != all[0] ? [main, .. all.Where(c => c != main)] : all;
    }

    private static ImmutableArray<string> OrEmpty(ImmutableArray<string> values) => values.IsDefault ? [] : values;

    /// <summary>UTF-8 JSON that is exactly one value, or null.</summary>
    private static byte[]? Raw(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        return JsonValues.IsOneValue(bytes) ? bytes : null;
    }

    private static RecordKey Known(string name, PaperFieldScope scope) => GeneratorRecordKeys.Of(name, scope);

    private static string NameOf(RecordKey key) => GeneratorRecordKeys.NameOf(key);

    private static System.Text.Json.JsonEncodedText AiName(RecordKey key) => key switch
    {
        RecordKey.Tldr => Names.Tldr,
        RecordKey.Motivation => Names.Motivation,
        RecordKey.Method => Names.Method,
        RecordKey.Result => Names.Result,
        _ => Names.Conclusion,
    };

    private static string? AiText(Paper paper, RecordKey key) => key switch
    {
        RecordKey.Tldr => paper.Tldr,
        RecordKey.Motivation => paper.Motivation,
        RecordKey.Method => paper.Method,
        RecordKey.Result => paper.Result,
        RecordKey.Conclusion => paper.Conclusion,
        _ => null,
    };

    /// <summary>One paper's record as it is written: which of its fields are used, and what it derives from its id.</summary>
    private sealed class RecordState
    {
        public RecordState(Paper paper)
        {
            Paper = paper;
            Fields = paper.ExtraFields.IsDefault ? [] : paper.ExtraFields;
            Used = new bool[Fields.Length];
            foreach (PaperField field in Fields)
            {
                if (field.Key is null)
                {
                    Leftovers.Add(field);
                }
            }

            for (int i = 0; i < Fields.Length; i++)
            {
                Used[i] = Fields[i].Key is null;
            }

            // The id as the record had it, when the paper's Id does not give it back (not an arXiv identifier, say).
            string? idJson = null;
            int pdfKeys = 0;
            foreach (PaperRecordKey key in paper.RecordKeys.IsDefault ? [] : paper.RecordKeys)
            {
                if (key.Scope == PaperFieldScope.Record && key.Name == "id" && idJson is null)
                {
                    idJson = key.Json ?? string.Empty;
                }

                pdfKeys += key.Scope == PaperFieldScope.Record && key.Name == "pdf" ? 1 : 0;
            }

            IdText = idJson is { Length: > 0 } && Raw(idJson) is byte[] raw && StillHolds(this, RecordKey.Id, raw)
                ? JsonValues.TextOf(raw)
                : paper.Id?.ToString() ?? LastSegment(paper.Url);
            AbsentUrl = "https://arxiv.org/abs/" + IdText;
            DerivedPdf = paper.Id is not null || !paper.RecordKeys.IsDefaultOrEmpty ? "https://arxiv.org/pdf/" + IdText : null;
            int pdfFields = Fields.Count(f => f is { Key: "pdf", Scope: PaperFieldScope.Record });
            PdfFromField = pdfKeys > 0 && pdfFields >= pdfKeys;
        }

        public Paper Paper { get; }

        public ImmutableArray<PaperField> Fields { get; }

        public bool[] Used { get; }

        /// <summary>Fields that go under <c>extra_fields</c>: those without a key, and those whose key was already written.</summary>
        public List<PaperField> Leftovers { get; } = [];

        public HashSet<string> Top { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Ai { get; } = new(StringComparer.Ordinal);

        /// <summary>The id written: the paper's, or the record's own text of it.</summary>
        public string IdText { get; }

        /// <summary>The abstract page a record without <c>abs</c> is read with.</summary>
        public string AbsentUrl { get; }

        /// <summary>The pdf link derived from the id (null for a paper read from Markdown without one).</summary>
        public string? DerivedPdf { get; }

        /// <summary>Whether the record's first <c>pdf</c> is a field too (it was not the derived link).</summary>
        public bool PdfFromField { get; }

        public bool HasAiContent
        {
            get
            {
                if (Paper.Tldr is not null || Paper.Motivation is not null || Paper.Method is not null || Paper.Result is not null || Paper.Conclusion is not null)
                {
                    return true;
                }

                for (int i = 0; i < Fields.Length; i++)
                {
                    if (!Used[i] && Fields[i].Scope == PaperFieldScope.AI)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public int NextField(string name, PaperFieldScope scope)
        {
            for (int i = 0; i < Fields.Length; i++)
            {
                if (!Used[i] && Fields[i].Scope == scope && string.Equals(Fields[i].Key, name, StringComparison.Ordinal))
                {
                    Used[i] = true;
                    return i;
                }
            }

            return -1;
        }
    }
}
