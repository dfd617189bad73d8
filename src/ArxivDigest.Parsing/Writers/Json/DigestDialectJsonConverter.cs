using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArxivDigest.Parsing.Writers.Json;

/// <summary>
/// Writes a <see cref="DigestDialect"/> as its name (<c>"bold-labels"</c>), or, for one made from a template, as its
/// name and template (<c>{"name": …, "template": …}</c>), and reads either back.
/// </summary>
public sealed class DigestDialectJsonConverter : JsonConverter<DigestDialect>
{
    /// <inheritdoc/>
    public override DigestDialect Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            string? name = reader.GetString();
            return name is not null && DigestDialect.TryGetBuiltIn(name, out DigestDialect? dialect)
                ? dialect
                : throw new JsonException($"'{name}' is not a built-in dialect.");
        }

        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("template", out JsonElement template) || template.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("A dialect is a built-in dialect's name or an object with its 'name' and 'template'.");
        }

        string? given = root.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        try
        {
            return DigestDialect.FromTemplate(template.GetString()!, given);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DigestDialect value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.IsBuiltIn)
        {
            writer.WriteStringValue(value.Name);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        writer.WriteString("template", value.PaperTemplate);
        writer.WriteEndObject();
    }
}
