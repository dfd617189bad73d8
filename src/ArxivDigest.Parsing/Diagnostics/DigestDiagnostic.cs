using System.Globalization;

namespace ArxivDigest.Parsing;

/// <summary>Something the parser noticed, with where it was.</summary>
/// <param name="Code">A stable code, one of <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What happened and what was expected.</param>
/// <param name="Location">Where it was.</param>
public sealed record DigestDiagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    /// <summary><c>file:line:col: severity CODE: message</c>.</summary>
    public override string ToString()
        => Printable(string.Create(CultureInfo.InvariantCulture, $"{Location}: {SeverityName(Severity)} {Code}: {Message}"));

    /// <summary>
    /// The text with control characters (C0, DEL, C1) and bidirectional overrides shown as escapes (<c>\r</c>,
    /// <c>\u001B</c>): a message quotes the input, and a hostile digest must not drive the terminal it is printed on.
    /// </summary>
    private static string Printable(string text)
    {
        if (!text.AsSpan().ContainsAny(Unprintable))
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            _ = c switch
            {
                '\r' => sb.Append("\\r"),
                '\n' => sb.Append("\\n"),
                '\t' => sb.Append("\\t"),
                _ when Unprintable.Contains(c) => sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Unprintable = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Concat(Enumerable.Range(0x202A, 5)).Concat(Enumerable.Range(0x2066, 4)).Select(i => (char)i)));

    private static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
