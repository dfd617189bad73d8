using System.Collections.Immutable;

namespace ArxivDigest.Parsing.Writers;

/// <summary>Options for writers. Immutable: change it with <see langword="with"/>.</summary>
public sealed record PaperWriterOptions
{
    /// <summary>The defaults.</summary>
    public static PaperWriterOptions Default { get; } = new();

    /// <summary>The shape of JSON output (<c>json</c>, <c>jsonl</c>).</summary>
    public JsonShape JsonShape { get; init; } = JsonShape.Native;

    /// <summary>Whether the <c>json</c> format indents its output. On by default; JSON Lines is never indented.</summary>
    public bool Indented { get; init; } = true;

    /// <summary>Options of third-party formats, by name (the tool passes <c>--option name=value</c> here).</summary>
    public ImmutableDictionary<string, string> Properties { get; init; } = ImmutableDictionary<string, string>.Empty;
}
