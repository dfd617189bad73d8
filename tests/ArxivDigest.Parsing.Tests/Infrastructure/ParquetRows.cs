using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using ArxivDigest.Parsing.Writers.Parquet;
using Parquet;
using Parquet.Serialization;
using Parquet.Serialization.Attributes;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>
/// One row of the Parquet table as a plain class, read back with Parquet.Net's class serializer (a different code path
/// from the writer's low-level column API), and the row a paper should become according to docs/parquet.md.
/// </summary>
internal sealed class ParquetRow
{
    [JsonPropertyName("arxiv_id")] public string? ArxivId { get; set; }
    [JsonPropertyName("version")] public int? Version { get; set; }
    [JsonPropertyName("title")][ParquetRequired] public string? Title { get; set; }
    [JsonPropertyName("url")][ParquetRequired] public string? Url { get; set; }
    [JsonPropertyName("pdf_url")] public string? PdfUrl { get; set; }
    [JsonPropertyName("authors")][ParquetListElementRequired] public List<string>? Authors { get; set; }
    [JsonPropertyName("author_count")] public int AuthorCount { get; set; }
    [JsonPropertyName("main_category")] public string? MainCategory { get; set; }
    [JsonPropertyName("section")] public string? Section { get; set; }
    [JsonPropertyName("index")] public int? Index { get; set; }
    [JsonPropertyName("tldr")] public string? Tldr { get; set; }
    [JsonPropertyName("motivation")] public string? Motivation { get; set; }
    [JsonPropertyName("method")] public string? Method { get; set; }
    [JsonPropertyName("result")] public string? Result { get; set; }
    [JsonPropertyName("conclusion")] public string? Conclusion { get; set; }
    [JsonPropertyName("abstract")] public string? Abstract { get; set; }
    [JsonPropertyName("extra_fields")] public List<ParquetExtraField>? ExtraFields { get; set; }
    [JsonPropertyName("digest_date")] public DateOnly? DigestDate { get; set; }
    [JsonPropertyName("arxiv_year")] public int? ArxivYear { get; set; }
    [JsonPropertyName("arxiv_month")] public int? ArxivMonth { get; set; }
    [JsonPropertyName("source_file")] public string? SourceFile { get; set; }
    [JsonPropertyName("source_line")] public int SourceLine { get; set; }

    /// <summary>The row the schema promises for a paper, mapped here independently of the writer.</summary>
    public static ParquetRow Expected(Paper paper) => new()
    {
        ArxivId = paper.Id?.Id,
        Version = paper.Id?.Version,
        Title = paper.Title,
        Url = paper.Url,
        PdfUrl = paper.Id is { } id ? "https://arxiv.org/pdf/" + id : null,
        Authors = [.. paper.Authors],
        AuthorCount = paper.Authors.Length,
        MainCategory = paper.MainCategory,
        Section = paper.Section,
        Index = paper.Index,
        Tldr = paper.Tldr,
        Motivation = paper.Motivation,
        Method = paper.Method,
        Result = paper.Result,
        Conclusion = paper.Conclusion,
        Abstract = paper.Abstract,
        ExtraFields = [.. paper.ExtraFields.Select(f => new ParquetExtraField { Label = f.Label, Value = f.Value, Key = f.Key })],
        DigestDate = paper.DigestDate,
        ArxivYear = paper.Id?.Year,
        ArxivMonth = paper.Id?.Month,
        SourceFile = paper.Location.File,
        SourceLine = paper.Location.Line,
    };

    /// <summary>Every column, one a line, values JSON-escaped so that line breaks and spaces show.</summary>
    public string Describe(int maxText = int.MaxValue)
    {
        var text = new StringBuilder();
        void Line(string name, object? value) => text.Append(name).Append(": ").AppendLine(Show(value, maxText));
        Line("arxiv_id", ArxivId);
        Line("version", Version);
        Line("title", Title);
        Line("url", Url);
        Line("pdf_url", PdfUrl);
        Line("authors", Authors is null ? null : new Raw("[" + string.Join(", ", Authors.Select(a => Show(a, maxText))) + "]"));
        Line("author_count", AuthorCount);
        Line("main_category", MainCategory);
        Line("section", Section);
        Line("index", Index);
        Line("tldr", Tldr);
        Line("motivation", Motivation);
        Line("method", Method);
        Line("result", Result);
        Line("conclusion", Conclusion);
        Line("abstract", Abstract);
        Line("extra_fields", ExtraFields is null ? null : new Raw("[" + string.Join(", ", ExtraFields.Select(f => $"{{label: {Show(f.Label, maxText)}, value: {Show(f.Value, maxText)}{(f.Key is null ? "" : $", key: {Show(f.Key, maxText)}")}}}")) + "]"));
        Line("digest_date", DigestDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Line("arxiv_year", ArxivYear);
        Line("arxiv_month", ArxivMonth);
        Line("source_file", SourceFile);
        Line("source_line", SourceLine);
        return text.ToString();
    }

    public static async Task<byte[]> WriteAsync(IEnumerable<Paper> papers, ParquetPaperWriterOptions? options = null)
    {
        using var output = new MemoryStream();
        await using (var writer = new ParquetPaperWriter(output, options))
        {
            foreach (Paper paper in papers)
            {
                await writer.WritePaperAsync(paper);
            }

            await writer.CompleteAsync();
        }

        return output.ToArray();
    }

    public static async Task<List<ParquetRow>> ReadAsync(byte[] parquet)
    {
        using var input = new MemoryStream(parquet);
        return await ReadAsync(input);
    }

    public static async Task<List<ParquetRow>> ReadAsync(Stream parquet)
    {
        var options = new ParquetOptions { UseDateOnlyTypeForDates = true };
        return [.. (await ParquetSerializer.DeserializeAsync<ParquetRow>(parquet, options)).Data];
    }

    private sealed record Raw(string Text);

    private static string Show(object? value, int maxText) => value switch
    {
        null => "null",
        Raw raw => raw.Text,
        string s => System.Text.Json.JsonSerializer.Serialize(s.Length > maxText ? s[..maxText] + "…" : s, ShowOptions),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static readonly System.Text.Json.JsonSerializerOptions ShowOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

internal sealed class ParquetExtraField
{
    [JsonPropertyName("label")][ParquetRequired] public string? Label { get; set; }
    [JsonPropertyName("value")][ParquetRequired] public string? Value { get; set; }
    [JsonPropertyName("key")] public string? Key { get; set; }
}
