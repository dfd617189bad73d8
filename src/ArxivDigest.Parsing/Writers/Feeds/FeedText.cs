using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ArxivDigest.Parsing.Writers.Feeds;

/// <summary>The text rules of the feed formats: what XML cannot hold, the content's HTML, dates and identifiers.</summary>
internal static class FeedText
{
    /// <summary>The namespace of the name-based UUIDs this library makes (RFC 9562, version 5), fixed once for all.</summary>
    private static readonly Guid UuidNamespace = new("4f0b7d2e-9c1a-4a57-8a3e-6b1d2c9e7f10");

    /// <summary>
    /// The value without what XML 1.0 cannot hold or a reader would choke on: control characters other than tab, line
    /// feed and carriage return (C0, DEL, C1), lone surrogates, U+FFFE and U+FFFF; how many were removed. The same
    /// string when there were none.
    /// </summary>
    public static string Clean(string value, out int removed)
    {
        removed = 0;
        int i = 0;
        for (; i < value.Length; i++)
        {
            if (Removable(value, i, out bool whole))
            {
                break;
            }

            i += whole ? 1 : 0; // a surrogate pair is one character: its low half is not lone
        }

        if (i == value.Length)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        sb.Append(value, 0, i);
        for (; i < value.Length; i++)
        {
            if (Removable(value, i, out bool pair))
            {
                removed++;
            }
            else if (pair)
            {
                sb.Append(value[i]).Append(value[i + 1]);
                i++;
            }
            else
            {
                sb.Append(value[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether the text is an absolute URL with a scheme (<c>https://…</c>), without spaces or control characters.</summary>
    public static bool IsAbsoluteUrl(string? text)
    {
        if (string.IsNullOrEmpty(text) || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2)
        {
            // No scheme, or a one-letter one (a Windows drive).
            return false;
        }

        foreach (char c in text.AsSpan(0, colon))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return Uri.TryCreate(text, UriKind.Absolute, out _);
    }

    /// <summary>Whether the URL is an <c>http</c> or <c>https</c> one (an RSS <c>guid</c> that is a permalink).</summary>
    public static bool IsWebUrl(string url)
        => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The date as RFC 3339 (Atom): midnight UTC, <c>2026-01-26T00:00:00Z</c>.</summary>
    public static string Rfc3339(DateOnly date) => date.ToString("yyyy'-'MM'-'dd'T00:00:00Z'", CultureInfo.InvariantCulture);

    /// <summary>The date as RFC 822 with a four-digit year (RSS): midnight UTC, <c>Mon, 26 Jan 2026 00:00:00 GMT</c>.</summary>
    public static string Rfc822(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture);

    /// <summary>Text made safe inside HTML: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>, <c>"</c> and <c>'</c> as entities, nothing else changed.</summary>
    public static void AppendHtmlEscaped(StringBuilder sb, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }
    }

    /// <summary>The text as HTML-escaped text (RSS's <c>description</c> is HTML).</summary>
    public static string HtmlEscaped(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        AppendHtmlEscaped(sb, text);
        return sb.ToString();
    }

    /// <summary>
    /// The labelled sections as an HTML fragment: each present value one or more paragraphs (a blank line starts a
    /// new one, a line break is <c>&lt;br&gt;</c>), the first led by its label in bold; <see langword="null"/> when
    /// none is present.
    /// </summary>
    public static string? SectionsHtml(IEnumerable<(string Label, string? Value)> sections)
    {
        var sb = new StringBuilder();
        foreach ((string label, string? value) in sections)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            string[] paragraphs = value.ReplaceLineEndings("\n").Trim().Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (int p = 0; p < paragraphs.Length; p++)
            {
                sb.Append("<p>");
                if (p == 0)
                {
                    sb.Append("<strong>").Append(label).Append(":</strong> ");
                }

                string[] lines = paragraphs[p].Split('\n');
                for (int l = 0; l < lines.Length; l++)
                {
                    if (l > 0)
                    {
                        sb.Append("<br>");
                    }

                    AppendHtmlEscaped(sb, lines[l]);
                }

                sb.Append("</p>\n");
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>
    /// A <c>urn:uuid:</c> made from <paramref name="name"/> (RFC 9562 version 5, in this library's namespace): the same
    /// name always gives the same identifier.
    /// </summary>
    public static string NameBasedUrn(string name) => "urn:uuid:" + NameBasedUuid(UuidNamespace, name).ToString("D", CultureInfo.InvariantCulture);

    /// <summary>The RFC 9562 version-5 UUID of <paramref name="name"/> (UTF-8) in <paramref name="space"/>.</summary>
    public static Guid NameBasedUuid(Guid space, string name)
    {
        byte[] input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        space.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
        Span<byte> hash = stackalloc byte[20];
        Sha1.Hash(input, hash);
        Span<byte> uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }

    private static bool Removable(string value, int i, out bool pair)
    {
        pair = false;
        char c = value[i];
        if (c < '\u0020')
        {
            return c is not ('\t' or '\n' or '\r');
        }

        if (c is >= '\u007F' and <= '\u009F' or '\uFFFE' or '\uFFFF')
        {
            return true;
        }

        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
        {
            pair = true;
            return false;
        }

        return char.IsSurrogate(c);
    }

    /// <summary>
    /// SHA-1 (FIPS 180-4), only for name-based UUIDs (identifiers, not security): the platform's SHA-1 needs OpenSSL at
    /// run time on Linux, which a native build of the tool must not depend on for writing a feed.
    /// </summary>
    private static class Sha1
    {
        public static void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
        {
            uint h0 = 0x67452301, h1 = 0xEFCDAB89, h2 = 0x98BADCFE, h3 = 0x10325476, h4 = 0xC3D2E1F0;
            int blocks = (message.Length + 8) / 64 + 1;
            byte[] padded = new byte[blocks * 64];
            message.CopyTo(padded);
            padded[message.Length] = 0x80;
            BinaryPrimitives.WriteUInt64BigEndian(padded.AsSpan(padded.Length - 8), (ulong)message.Length * 8);
            Span<uint> w = stackalloc uint[80];
            for (int block = 0; block < blocks; block++)
            {
                ReadOnlySpan<byte> chunk = padded.AsSpan(block * 64, 64);
                for (int t = 0; t < 16; t++)
                {
                    w[t] = BinaryPrimitives.ReadUInt32BigEndian(chunk[(t * 4)..]);
                }

                for (int t = 16; t < 80; t++)
                {
                    w[t] = uint.RotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
                }

                uint a = h0, b = h1, c = h2, d = h3, e = h4;
                for (int t = 0; t < 80; t++)
                {
                    (uint f, uint k) = t switch
                    {
                        < 20 => ((b & c) | (~b & d), 0x5A827999u),
                        < 40 => (b ^ c ^ d, 0x6ED9EBA1u),
                        < 60 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDCu),
                        _ => (b ^ c ^ d, 0xCA62C1D6u),
                    };
                    uint temp = uint.RotateLeft(a, 5) + f + e + k + w[t];
                    e = d;
                    d = c;
                    c = uint.RotateLeft(b, 30);
                    b = a;
                    a = temp;
                }

                h0 += a;
                h1 += b;
                h2 += c;
                h3 += d;
                h4 += e;
            }

            BinaryPrimitives.WriteUInt32BigEndian(digest, h0);
            BinaryPrimitives.WriteUInt32BigEndian(digest[4..], h1);
            BinaryPrimitives.WriteUInt32BigEndian(digest[8..], h2);
            BinaryPrimitives.WriteUInt32BigEndian(digest[12..], h3);
            BinaryPrimitives.WriteUInt32BigEndian(digest[16..], h4);
        }
    }
}
