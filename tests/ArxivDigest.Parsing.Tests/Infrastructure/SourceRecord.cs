using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>One line of the generator's JSON-lines source (<c>*_AI_enhanced_Chinese.jsonl</c>).</summary>
internal sealed record SourceRecord(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("categories")] string[]? Categories,
    [property: JsonPropertyName("pdf")] string? Pdf,
    [property: JsonPropertyName("abs")] string? Abs,
    [property: JsonPropertyName("authors")] string[]? Authors,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("AI")] SourceAi? AI)
{
    public static IEnumerable<SourceRecord> ReadLines(string path)
    {
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize(line, SourceJsonContext.Default.SourceRecord)!;
            }
        }
    }
}

internal sealed record SourceAi(
    [property: JsonPropertyName("tldr")] string? Tldr,
    [property: JsonPropertyName("motivation")] string? Motivation,
    [property: JsonPropertyName("method")] string? Method,
    [property: JsonPropertyName("result")] string? Result,
    [property: JsonPropertyName("conclusion")] string? Conclusion);

[JsonSerializable(typeof(SourceRecord))]
internal sealed partial class SourceJsonContext : JsonSerializerContext;
