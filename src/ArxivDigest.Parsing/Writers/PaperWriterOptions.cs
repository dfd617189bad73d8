using System.Collections.Immutable;

namespace ArxivDigest.Parsing.Writers;

/// <summary>Options for writers. Immutable: change it with <see langword="with"/>.</summary>
public sealed record PaperWriterOptions
{
    /// <summary>The defaults.</summary>
    public static PaperWriterOptions Default { get; } = new();

    /// <summary>The shape of JSON output (<c>json</c>, <c>jsonl</c>).</summary>
    public JsonShape JsonShape { get; init; } = JsonShape.Native;

    /// <summary>The layout of the <c>markdown</c> format: the canonical one by default, or a fork's (built-in or from its template), each paper written as that fork's generator writes it.</summary>
    public DigestDialect? Dialect { get; init; }

    /// <summary>Whether the <c>json</c> format indents its output. On by default; JSON Lines is never indented.</summary>
    public bool Indented { get; init; } = true;

    /// <summary>Format options by name (see <see cref="PaperWriterFormat.Options"/>; the tool passes them here).</summary>
    public ImmutableDictionary<string, string> Properties { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>A text option, or <paramref name="defaultValue"/> when it was not given.</summary>
    public string? GetString(string name, string? defaultValue = null)
        => Properties.TryGetValue(name, out string? value) ? value : defaultValue;

    /// <summary>A flag: <c>true</c>, <c>false</c> (also <c>yes</c>/<c>no</c>, <c>1</c>/<c>0</c>), or <paramref name="defaultValue"/> when it was not given.</summary>
    /// <exception cref="FormatException">The value is not a truth value.</exception>
    public bool GetBoolean(string name, bool defaultValue = false)
    {
        if (!Properties.TryGetValue(name, out string? value))
        {
            return defaultValue;
        }

        return value.ToUpperInvariant() switch
        {
            "TRUE" or "YES" or "1" or "" => true,
            "FALSE" or "NO" or "0" => false,
            _ => throw new FormatException($"Option '{name}' takes true or false, not '{value}'."),
        };
    }
}
