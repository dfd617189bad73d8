using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArxivDigest.Parsing.Writers.Json;

/// <summary>Writes an <see cref="ArxivId"/> as its text (<c>"2602.10137v2"</c>) and reads it back.</summary>
public sealed class ArxivIdJsonConverter : JsonConverter<ArxivId>
{
    /// <inheritdoc/>
    public override ArxivId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.GetString();
        return ArxivId.TryParse(text, out ArxivId id) ? id : throw new JsonException($"'{text}' is not an arXiv identifier.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ArxivId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
