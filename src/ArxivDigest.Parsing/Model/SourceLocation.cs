using System.Globalization;

namespace ArxivDigest.Parsing;

/// <summary>Where something was read: the file (when known), its 1-based line and 1-based column (in characters).</summary>
/// <param name="File">The file name or path the caller gave, or <see langword="null"/> for a stream or string.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column, counted in Unicode characters (scalar values).</param>
public readonly record struct SourceLocation(string? File, int Line, int Column)
{
    /// <summary><c>file:line:col</c>, the form compilers and editors understand.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{File ?? "<input>"}:{Line}:{Column}");
}
