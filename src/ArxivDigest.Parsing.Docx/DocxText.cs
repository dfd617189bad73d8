using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ArxivDigest.Parsing.Writers.Docx;

/// <summary>Text and runs: what XML can hold, and runs that carry only emphasis and a character style.</summary>
internal static class DocxText
{
    /// <summary>
    /// Replaces each character XML 1.0 cannot hold (C0 controls other than tab, line feed and carriage return, such as the
    /// backspace and form feed a JSON <c>\b</c> or <c>\f</c> leaves where <c>\beta</c> or <c>\frac</c> was meant;
    /// U+FFFE, U+FFFF; unpaired surrogates) with U+FFFD, so the reader sees that something was there.
    /// </summary>
    public static string Clean(string? text) => Clean(text, out _);

    /// <summary>As <see cref="Clean(string?)"/>, counting the characters replaced.</summary>
    public static string Clean(string? text, out int replaced)
    {
        replaced = 0;
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        int i = FirstInvalid(text);
        if (i < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, i);
        while (i < text.Length)
        {
            if (IsValid(text, i))
            {
                int length = char.IsHighSurrogate(text[i]) ? 2 : 1;
                sb.Append(text, i, length);
                i += length;
            }
            else
            {
                sb.Append('\uFFFD');
                replaced++;
                i++;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// A link target with each character XML cannot hold percent-encoded as UTF-8 (a lone surrogate as U+FFFD's
    /// bytes), as a browser would send it; the count of characters changed.
    /// </summary>
    public static string CleanUrl(string text, out int replaced)
    {
        replaced = 0;
        int i = FirstInvalid(text);
        if (i < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, i);
        Span<byte> utf8 = stackalloc byte[4];
        while (i < text.Length)
        {
            if (IsValid(text, i))
            {
                int length = char.IsHighSurrogate(text[i]) ? 2 : 1;
                sb.Append(text, i, length);
                i += length;
                continue;
            }

            char c = text[i];
            int count = char.IsSurrogate(c) ? Encoding.UTF8.GetBytes("\uFFFD", utf8) : Encoding.UTF8.GetBytes([c], utf8);
            foreach (byte b in utf8[..count])
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            replaced++;
            i++;
        }

        return sb.ToString();
    }

    /// <summary>The index of the first character XML cannot hold, or -1.</summary>
    private static int FirstInvalid(string text)
    {
        // Most text has none of them: look for candidates with a vectorized search first.
        int i = text.AsSpan().IndexOfAny(Candidates);
        if (i < 0)
        {
            return -1;
        }

        while (i < text.Length)
        {
            if (!IsValid(text, i))
            {
                return i;
            }

            i += char.IsHighSurrogate(text[i]) ? 2 : 1;
        }

        return -1;
    }

    private static readonly System.Buffers.SearchValues<char> Candidates = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c))
        + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c))
        + "\uFFFE\uFFFF");

    private static bool IsValid(string text, int i)
    {
        char c = text[i];
        if (c < 0x20)
        {
            return c is '\t' or '\n' or '\r';
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        }

        return !char.IsLowSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }

    /// <summary>A run of <paramref name="text"/> (tabs become tab characters) in a character style, or none.</summary>
    public static Run Run(string text, string? style) => Run(text, new RunFormat(false, false, style, 0));

    /// <summary>A run of <paramref name="text"/> (may be null) and then <paramref name="extra"/>, formatted as <paramref name="format"/> says.</summary>
    public static Run Run(string? text, RunFormat format, OpenXmlElement? extra = null)
    {
        var run = new Run();
        if (format != default)
        {
            var properties = new RunProperties();
            if (format.Style is not null)
            {
                properties.RunStyle = new RunStyle { Val = format.Style };
            }

            if (format.Bold)
            {
                properties.Bold = new Bold();
            }

            if (format.Italic)
            {
                properties.Italic = new Italic();
            }

            if (format.VerticalAlign != 0)
            {
                properties.VerticalTextAlignment = new VerticalTextAlignment
                {
                    Val = format.VerticalAlign > 0 ? VerticalPositionValues.Superscript : VerticalPositionValues.Subscript,
                };
            }

            run.RunProperties = properties;
        }

        if (!string.IsNullOrEmpty(text))
        {
            int start = 0;
            for (int tab = text.IndexOf('\t', StringComparison.Ordinal); ; tab = text.IndexOf('\t', start))
            {
                int end = tab < 0 ? text.Length : tab;
                if (end > start)
                {
                    run.AppendChild(new Text(text[start..end]) { Space = SpaceProcessingModeValues.Preserve });
                }

                if (tab < 0)
                {
                    break;
                }

                run.AppendChild(new TabChar());
                start = tab + 1;
            }
        }

        if (extra is not null)
        {
            run.AppendChild(extra);
        }

        return run;
    }
}

/// <summary>The document's external links: one relationship per distinct http or https address.</summary>
internal sealed class DocxLinks
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly List<(string Id, Uri Target)> _relationships = [];

    /// <summary>The relationships, in the order they were made.</summary>
    public IReadOnlyList<(string Id, Uri Target)> Relationships => _relationships;

    /// <summary>Whether <paramref name="url"/> is an absolute http or https address (only those become links).</summary>
    public static bool IsWebUrl(string? url)
        => !string.IsNullOrWhiteSpace(url)
            && Uri.TryCreate(url.Trim(), UriKind.Absolute, out Uri? uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The relationship id of a web address (see <see cref="IsWebUrl"/>).</summary>
    public string GetId(string url)
    {
        // A link's entities are decoded by the Markdown reader: a control character may come back here.
        url = DocxText.CleanUrl(url.Trim(), out _);
        if (!_ids.TryGetValue(url, out string? id))
        {
            id = "link" + (_ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _relationships.Add((id, new Uri(url, UriKind.Absolute)));
            _ids.Add(url, id);
        }

        return id;
    }
}
