namespace ArxivDigest.Parsing;

/// <summary>
/// What an input that is not a digest looks like, from its first bytes: so that a compressed file, other JSON
/// or a web page is refused with a message saying what it is and what to do, rather than read as "0 papers".
/// </summary>
internal static class InputKind
{
    /// <summary>How many bytes of the input's start are looked at (always the same, so any read size gives the same answer).</summary>
    public const int HeadLength = 1024;

    private static readonly (byte[] Magic, string What)[] Signatures =
    [
        ([0x1F, 0x8B], "looks like gzip-compressed data: decompress it first (gunzip)"),
        ([(byte)'P', (byte)'K', 0x03, 0x04], "looks like a zip archive: extract the digest from it first"),
        ("%PDF-"u8.ToArray(), "looks like a PDF document: give the digest's Markdown file"),
        ([0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00], "looks like xz-compressed data: decompress it first (unxz)"),
        ("BZh"u8.ToArray(), "looks like bzip2-compressed data: decompress it first (bunzip2)"),
        ([0x28, 0xB5, 0x2F, 0xFD], "looks like zstd-compressed data: decompress it first (unzstd)"),
        ([(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C], "looks like a 7z archive: extract the digest from it first"),
        ([0xFF, 0xFE], "looks like UTF-16 text: convert it to UTF-8 first"),
        ([0xFE, 0xFF], "looks like UTF-16 text: convert it to UTF-8 first"),
    ];

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// A page for a day without papers, as forks write it (<c># AI-Enhanced arXiv Daily 2025-06-18</c>, then
    /// <c>### 今日没有找到新论文。</c>): the whole input is a few headings, the first naming a date. An empty digest, not
    /// some other file.
    /// </summary>
    public static bool IsEmptyDayPage(ReadOnlySpan<byte> head, bool wholeInput)
    {
        if (!wholeInput || head.Length > 512)
        {
            return false;
        }

        bool first = true;
        string text = System.Text.Encoding.UTF8.GetString(head).Replace("\r", "", StringComparison.Ordinal);
        foreach (string line in text.Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (!line.StartsWith('#') || !line.TrimStart('#').StartsWith(' '))
            {
                return false;
            }

            if (first && !System.Text.RegularExpressions.Regex.IsMatch(line, @"\b\d{4}-\d{2}-\d{2}\b"))
            {
                return false;
            }

            first = false;
        }

        return !first;
    }

    /// <summary>
    /// What the input is when its first bytes show it cannot be text at all (compressed, an archive, a document
    /// format, UTF-16, binary data), or <see langword="null"/>. <paramref name="head"/> is the input's first
    /// <see cref="HeadLength"/> bytes, or all of it when shorter.
    /// </summary>
    public static string? DescribeBinary(ReadOnlySpan<byte> head)
    {
        foreach ((byte[] magic, string what) in Signatures)
        {
            if (head.StartsWith(magic) && (magic[0] != (byte)'B' || (head.Length > 3 && head[3] is >= (byte)'1' and <= (byte)'9')))
            {
                return what;
            }
        }

        // Text holds no NUL bytes; a few may be content, many are binary data (or UTF-16 without a byte-order mark),
        // unless the bytes already show a digest's own lines (a paper whose fields are mostly NUL bytes is still one).
        int nul = head.Count((byte)0);
        if (nul > 0 && nul * 8 >= head.Length && !ShowsDigest(head))
        {
            return nul * 3 >= head.Length ? "looks like UTF-16 text or binary data (NUL bytes): the reader takes UTF-8 text" : "binary data (NUL bytes), not text";
        }

        return null;
    }

    /// <summary>Whether <paramref name="head"/> holds a line that only a digest starts with: a paper heading or the table of contents.</summary>
    private static bool ShowsDigest(ReadOnlySpan<byte> head)
        => head.StartsWith("### ["u8) || head.IndexOf("\n### ["u8) >= 0 || head.IndexOf("<div id=toc></div>"u8) >= 0 || head.IndexOf("# Table of Contents"u8) >= 0;

    /// <summary>What a text input in which no paper heading was found looks like, and what to do.</summary>
    /// <param name="head">The input's first <see cref="HeadLength"/> bytes, or all of it when shorter.</param>
    /// <param name="wholeInput">Whether <paramref name="head"/> is all of the input.</param>
    /// <param name="firstLineIsJsonObject">Whether the first line, however long, starts with <c>{</c> and ends with <c>}</c>.</param>
    /// <param name="otherFormat">Whether the input looks like another format (JSON, HTML, XML, binary) rather than text that merely lacks papers.</param>
    public static string DescribeText(ReadOnlySpan<byte> head, bool wholeInput, bool firstLineIsJsonObject, out bool otherFormat)
    {
        otherFormat = false;
        if (head.StartsWith(Utf8Bom))
        {
            head = head[3..];
        }

        if (head.IsEmpty)
        {
            return "empty input: a digest holds at least a table of contents or one paper";
        }

        ReadOnlySpan<byte> text = head.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty && wholeInput)
        {
            return "only blank lines: a digest holds at least a table of contents or one paper";
        }

        otherFormat = true;
        if (text.StartsWith("{"u8))
        {
            return firstLineIsJsonObject
                ? "looks like JSON lines, but not the generator's records (the first line is a JSON object without their keys: id, title, authors …): this reads digests and the generator's JSON lines, not other JSON"
                : "looks like JSON (an object): this reads digests and the generator's JSON lines (one record a line), not other JSON";
        }

        if (text.StartsWith("["u8) && !text.StartsWith("[["u8) && text[1..].TrimStart(" \t\r\n"u8) is [(byte)'{' or (byte)'"' or (byte)']', ..])
        {
            return "looks like JSON (an array): this reads digests and the generator's JSON lines (one record a line), not a JSON array";
        }

        if (StartsWithIgnoreCase(text, "<!doctype html"u8) || StartsWithIgnoreCase(text, "<html"u8) || (StartsWithIgnoreCase(text, "<!doctype"u8) && Contains(text, "<html"u8)))
        {
            return "looks like an HTML page: give the digest's Markdown (.md) file, not a page that shows it";
        }

        if (StartsWithIgnoreCase(text, "<?xml"u8))
        {
            return "looks like XML: give the digest's Markdown (.md) file";
        }

        if (head.Contains((byte)0))
        {
            return "binary data (NUL bytes), not text";
        }

        otherFormat = false;
        return "Markdown or text, but no paper heading '### [N] [Title](URL)' was found, and it is not an empty digest (a table of contents with zero totals)";

        static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix)
            => text.Length >= prefix.Length && System.Text.Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);

        static bool Contains(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value)
        {
            for (int i = 0; i + value.Length <= text.Length; i++)
            {
                if (System.Text.Ascii.EqualsIgnoreCase(text.Slice(i, value.Length), value))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether the first line of <paramref name="text"/> (trimmed of spaces) starts with <c>{</c> and ends with <c>}</c>.</summary>
    public static bool FirstLineIsJsonObject(ReadOnlySpan<byte> text)
    {
        int nl = text.IndexOf((byte)'\n');
        ReadOnlySpan<byte> first = (nl < 0 ? text : text[..nl]).Trim(" \t\r"u8);
        return first.StartsWith("{"u8) && first.EndsWith("}"u8);
    }
}
