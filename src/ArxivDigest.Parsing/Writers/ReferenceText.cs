using System.Text;

namespace ArxivDigest.Parsing.Writers;

/// <summary>
/// Plain text for the bibliography formats that hold Unicode as it is (CSL-JSON, RIS): white space collapsed, and
/// the characters no reader can use (control characters, lone surrogates, noncharacters) removed and counted.
/// </summary>
internal static class ReferenceText
{
    /// <summary>
    /// The value with every run of white space (line breaks included) made one space and the ends trimmed; control
    /// characters, lone surrogates and the noncharacters U+FFFE and U+FFFF removed. <paramref name="removed"/> counts
    /// the characters removed (not the white space collapsed).
    /// </summary>
    public static string Clean(string value, out int removed)
    {
        removed = 0;
        var sb = new StringBuilder(value.Length);
        bool space = false;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (IsSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                Flush(sb, ref space);
                sb.Append(c).Append(value[++i]);
                continue;
            }

            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                removed++;
                continue;
            }

            Flush(sb, ref space);
            sb.Append(c);
        }

        return sb.ToString();

        static void Flush(StringBuilder sb, ref bool space)
        {
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
        }
    }

    /// <summary>The value cleaned (<see cref="Clean(string, out int)"/>), without the count.</summary>
    public static string Clean(string value) => Clean(value, out _);

    /// <summary>White space that a one-line value folds into a single space: ASCII spaces, tabs and line breaks, NEL, U+2028, U+2029, and the other Unicode spaces.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029' or '\u00A0'
        || (c > '\u00FF' && char.IsWhiteSpace(c));
}
