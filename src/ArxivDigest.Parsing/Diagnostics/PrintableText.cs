using System.Buffers;
using System.Globalization;
using System.Text;

namespace ArxivDigest.Parsing;

/// <summary>Text made safe to print on a terminal.</summary>
internal static class PrintableText
{
    private static readonly SearchValues<char> Unprintable = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Concat(Enumerable.Range(0x202A, 5)).Concat(Enumerable.Range(0x2066, 4)).Select(i => (char)i)));

    /// <summary>
    /// The text with control characters (C0, DEL, C1) and bidirectional overrides shown as escapes (<c>\r</c>,
    /// <c>\u001B</c>): a message quotes the input, and a hostile digest must not drive the terminal it is printed on.
    /// </summary>
    public static string Escape(string text)
    {
        if (!text.AsSpan().ContainsAny(Unprintable))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
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
}
