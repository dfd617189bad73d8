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
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        int i = 0;
        while (i < text.Length && IsValid(text, i))
        {
            i += char.IsHighSurrogate(text[i]) ? 2 : 1;
        }

        if (i >= text.Length)
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
                i++;
            }
        }

        return sb.ToString();
    }

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
internal sealed class DocxLinks(DocumentFormat.OpenXml.Packaging.MainDocumentPart part)
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="url"/> is an absolute http or https address (only those become links).</summary>
    public static bool IsWebUrl(string? url)
        => !string.IsNullOrWhiteSpace(url)
            && Uri.TryCreate(url.Trim(), UriKind.Absolute, out Uri? uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The relationship id of a web address (see <see cref="IsWebUrl"/>).</summary>
    public string GetId(string url)
    {
        url = url.Trim();
        if (!_ids.TryGetValue(url, out string? id))
        {
            id = "link" + (_ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            part.AddHyperlinkRelationship(new Uri(url, UriKind.Absolute), isExternal: true, id);
            _ids.Add(url, id);
        }

        return id;
    }
}
