using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace ArxivDigest.Parsing;

/// <summary>
/// How a JSON value of the generator's record becomes text in the model, shared by the JSON-lines reader and the
/// <c>daily-arxiv</c> writer (which checks that a property still holds what its recorded JSON gives before writing
/// that JSON back).
/// </summary>
internal static class JsonValues
{
    /// <summary>
    /// The text form of a JSON value: a string is itself; <c>null</c> is empty; a number, <c>true</c> or
    /// <c>false</c> is its JSON text; a list of strings is its items joined by <c>", "</c> (as the forks' templates
    /// print keyword lists); anything else (an object, a list holding other values) is its JSON text.
    /// </summary>
    public static string TextOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read())
        {
            return string.Empty;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return GetString(ref reader);
            case JsonTokenType.Null:
                return string.Empty;
            case JsonTokenType.StartArray:
                return StringItems(ref reader) is string[] items ? string.Join(", ", items) : Encoding.UTF8.GetString(json.Trim(" \t\r\n"u8));
            default:
                return Encoding.UTF8.GetString(json.Trim(" \t\r\n"u8));
        }
    }

    /// <summary>
    /// A list property's strings from a JSON value that is not a list of strings: a string is one item; <c>null</c>
    /// none; a list's items are each's <see cref="TextOf"/>; anything else is one item, its text.
    /// </summary>
    public static ImmutableArray<string> StringsOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return [TextOf(json)];
        }

        ImmutableArray<string>.Builder items = ImmutableArray.CreateBuilder<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            long start = reader.TokenStartIndex;
            reader.Skip();
            items.Add(TextOf(json[(int)start..(int)reader.BytesConsumed]));
        }

        return items.ToImmutable();
    }

    /// <summary>The items of the list <paramref name="reader"/> is at the start of, when all are strings; otherwise null (the reader is then somewhere inside).</summary>
    private static string[]? StringItems(ref Utf8JsonReader reader)
    {
        var items = new List<string>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.EndArray:
                    return [.. items];
                case JsonTokenType.String:
                    items.Add(GetString(ref reader));
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The string or property name <paramref name="reader"/> is at. JSON may escape half a UTF-16 pair (<c>\ud800</c>),
    /// which <see cref="Utf8JsonReader.GetString"/> refuses to decode; it is then decoded here, the half kept as it
    /// is (a .NET string can hold it; writers that cannot report it).
    /// </summary>
    public static string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException) when (reader.ValueIsEscaped)
        {
            return Unescape(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        }
    }

    /// <summary>Decodes a JSON string's escapes (the reader has checked their syntax), lone surrogates included.</summary>
    private static string Unescape(ReadOnlySpan<byte> escaped)
    {
        var text = new StringBuilder(escaped.Length);
        while (!escaped.IsEmpty)
        {
            int slash = escaped.IndexOf((byte)'\\');
            if (slash < 0 || slash + 1 >= escaped.Length)
            {
                text.Append(Encoding.UTF8.GetString(escaped));
                break;
            }

            text.Append(Encoding.UTF8.GetString(escaped[..slash]));
            byte kind = escaped[slash + 1];
            if (kind == (byte)'u' && slash + 6 <= escaped.Length
                && int.TryParse(escaped.Slice(slash + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out int unit))
            {
                text.Append((char)unit);
                escaped = escaped[(slash + 6)..];
                continue;
            }

            text.Append(kind switch
            {
                (byte)'n' => '\n',
                (byte)'r' => '\r',
                (byte)'t' => '\t',
                (byte)'b' => '\b',
                (byte)'f' => '\f',
                _ => (char)kind, // \" \\ \/
            });
            escaped = escaped[(slash + 2)..];
        }

        return text.ToString();
    }

    /// <summary>Whether <paramref name="json"/> is exactly one JSON value (white space around it allowed).</summary>
    public static bool IsOneValue(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read())
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
