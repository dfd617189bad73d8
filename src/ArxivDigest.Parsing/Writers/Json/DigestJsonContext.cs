using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ArxivDigest.Parsing.Writers.Json;

/// <summary>
/// Source-generated System.Text.Json metadata for the whole object model (camelCase, enums as names, identifiers as
/// text; no reflection, so trimming- and AOT-safe).
/// </summary>
/// <example>
/// <code>
/// string json = JsonSerializer.Serialize(digest, DigestJson.Digest);
/// Digest again = JsonSerializer.Deserialize(json, DigestJson.Digest)!;
/// </code>
/// </example>
public static class DigestJson
{
    /// <summary>Metadata for a whole <see cref="Parsing.Digest"/> (table of contents, sections, papers, diagnostics).</summary>
    public static JsonTypeInfo<Digest> Digest => DigestJsonContext.Default.Digest;

    /// <summary>Metadata for one <see cref="Parsing.Paper"/>.</summary>
    public static JsonTypeInfo<Paper> Paper => DigestJsonContext.Default.Paper;
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    Converters = [typeof(ArxivIdJsonConverter), typeof(DigestDialectJsonConverter)])]
[JsonSerializable(typeof(Digest))]
[JsonSerializable(typeof(Paper))]
internal sealed partial class DigestJsonContext : JsonSerializerContext;
