namespace ArxivDigest.Parsing;

/// <summary>
/// The lines around the papers, which forks' scripts (not their paper templates) write: the table of contents,
/// section anchors and headings, back links and rules. Recognised in their common shapes for every dialect; any
/// other line is kept as unrecognised text.
/// </summary>
internal static class DigestLayout
{
    /// <summary>A table-of-contents anchor: <c>&lt;div id=toc&gt;&lt;/div&gt;</c>, <c>&lt;a id='toc'&gt;&lt;/a&gt;</c> and their kin.</summary>
    public static bool IsTocAnchor(ReadOnlySpan<byte> line)
        => TryParseAnchor(line, out int start, out int length) && line.Slice(start, length).SequenceEqual("toc"u8);

    /// <summary>
    /// An empty element with an id, as generators mark a section: <c>&lt;div id='CAT'&gt;&lt;/div&gt;</c> or
    /// <c>&lt;a id="slug"&gt;&lt;/a&gt;</c>, the id quoted or not.
    /// </summary>
    public static bool TryParseAnchor(ReadOnlySpan<byte> line, out int start, out int length)
    {
        start = length = 0;
        ReadOnlySpan<byte> l = line.TrimEnd(" \t"u8);
        ReadOnlySpan<byte> close;
        int open;
        if (l.StartsWith("<div id="u8))
        {
            open = 8;
            close = "></div>"u8;
        }
        else if (l.StartsWith("<a id="u8) || l.StartsWith("<a name="u8))
        {
            open = l[3] == (byte)'i' ? 6 : 8;
            close = "></a>"u8;
        }
        else
        {
            return false;
        }

        if (!l.EndsWith(close) || l.Length < open + close.Length + 1)
        {
            return false;
        }

        ReadOnlySpan<byte> id = l[open..^close.Length];
        if (id.Length >= 2 && (id[0] == (byte)'\'' || id[0] == (byte)'"') && id[^1] == id[0])
        {
            start = open + 1;
            length = id.Length - 2;
        }
        else
        {
            start = open;
            length = id.Length;
        }

        ReadOnlySpan<byte> value = line.Slice(start, length);
        return length > 0 && value.IndexOfAny("'\"<> "u8) < 0;
    }

    /// <summary>A heading of the table of contents: <c># Table of Contents</c>, <c>### 目录</c> and their kin.</summary>
    public static bool IsTocTitle(ReadOnlySpan<byte> line)
    {
        if (!TryHeadingText(line, maxLevel: 6, out ReadOnlySpan<byte> text))
        {
            return false;
        }

        return text.SequenceEqual("Table of Contents"u8) || text.SequenceEqual("Contents"u8) || text.SequenceEqual("TOC"u8)
            || text.SequenceEqual("目录"u8) || text.SequenceEqual("目錄"u8) || text.SequenceEqual("Table of contents"u8);
    }

    /// <summary>
    /// A section heading with a back link to the table of contents: <c># CAT [[Back]](#toc)</c> (any link text);
    /// the category is what comes before the link, without the space.
    /// </summary>
    public static bool TryParseSectionHeading(ReadOnlySpan<byte> line, out int start, out int length)
    {
        start = length = 0;
        ReadOnlySpan<byte> l = line.TrimEnd(" \t"u8);
        if (!l.EndsWith("](#toc)"u8) || !TryHeadingStart(l, maxLevel: 2, out int textStart))
        {
            return false;
        }

        int link = l.LastIndexOf(" [["u8);
        if (link <= textStart || l[..^7].LastIndexOf((byte)']') < link)
        {
            return false;
        }

        start = textStart;
        length = link - textStart;
        return length > 0;
    }

    /// <summary>A heading of level 1 or 2 (<c>## cs.CV </c>): a section's, when an anchor comes before it. The text is trimmed.</summary>
    public static bool TryParsePlainSectionHeading(ReadOnlySpan<byte> line, out int start, out int length)
    {
        start = length = 0;
        if (TryParseSectionHeading(line, out start, out length))
        {
            return true;
        }

        if (!TryHeadingStart(line, maxLevel: 2, out int textStart))
        {
            return false;
        }

        ReadOnlySpan<byte> text = line[textStart..].TrimEnd(" \t"u8);
        start = textStart;
        length = text.Length;
        return length > 0 && text.IndexOfAnyInRange((byte)0, (byte)0x1F) < 0 && text.IndexOf("](#toc)"u8) < 0;
    }

    /// <summary>
    /// A table-of-contents entry: <c>- [CAT](#anchor)</c> then the count in brackets or parentheses
    /// (<c>[Total: 12]</c>, <c>[总数: 12]</c>, <c>(12 篇)</c>).
    /// </summary>
    public static bool TryParseTocEntry(ReadOnlySpan<byte> line, out int start, out int length, out int total)
    {
        start = length = total = 0;
        ReadOnlySpan<byte> l = line.TrimEnd(" \t"u8);
        if (!l.StartsWith("- ["u8) || l.Length < 8)
        {
            return false;
        }

        int close = l.IndexOf("](#"u8);
        if (close < 4)
        {
            return false;
        }

        int linkEnd = l[(close + 3)..].IndexOf((byte)')');
        if (linkEnd <= 0)
        {
            return false;
        }

        ReadOnlySpan<byte> anchor = l.Slice(close + 3, linkEnd);
        ReadOnlySpan<byte> rest = l[(close + 3 + linkEnd + 1)..];
        if (anchor.IndexOfAny(" ()[]"u8) >= 0 || rest.Length < 3 || rest[0] != (byte)' '
            || !((rest[1] == (byte)'[' && rest[^1] == (byte)']') || (rest[1] == (byte)'(' && rest[^1] == (byte)')')))
        {
            return false;
        }

        // Exactly one number inside the brackets.
        ReadOnlySpan<byte> inside = rest[2..^1];
        int digits = inside.IndexOfAnyInRange((byte)'0', (byte)'9');
        if (digits < 0)
        {
            return false;
        }

        int end = digits;
        while (end < inside.Length && inside[end] is >= (byte)'0' and <= (byte)'9')
        {
            end++;
        }

        if (inside[end..].IndexOfAnyInRange((byte)'0', (byte)'9') >= 0 || !Utf8Text.TryParseDigits(inside[digits..end], out total))
        {
            return false;
        }

        start = 3;
        length = close - 3;
        return true;
    }

    /// <summary>A line of links to anchors in the page (<c>[⬆️ Back](#cscr) | [⬆️ Top](#toc)</c>): navigation, no content.</summary>
    public static bool IsNavigation(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> l = line.Trim(" \t"u8);
        if (l.IsEmpty || l[0] != (byte)'[')
        {
            return false;
        }

        int links = 0;
        while (!l.IsEmpty)
        {
            if (l[0] != (byte)'[')
            {
                return false;
            }

            int mid = l.IndexOf("](#"u8);
            if (mid < 0)
            {
                return false;
            }

            int end = l[mid..].IndexOf((byte)')');
            if (end < 0 || l[(mid + 3)..(mid + end)].IndexOfAny(" ()"u8) >= 0)
            {
                return false;
            }

            links++;
            l = l[(mid + end + 1)..].TrimStart(" \t|·"u8);
        }

        return links > 0;
    }

    /// <summary>A thematic break: <c>---</c>, <c>***</c>, <c>___</c> (three or more, spaces allowed).</summary>
    public static bool IsThematicBreak(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> l = line.Trim(" \t"u8);
        if (l.Length < 3 || l[0] is not ((byte)'-' or (byte)'*' or (byte)'_'))
        {
            return false;
        }

        byte c = l[0];
        int count = 0;
        foreach (byte b in l)
        {
            if (b == c)
            {
                count++;
            }
            else if (b != (byte)' ')
            {
                return false;
            }
        }

        return count >= 3;
    }

    /// <summary>A Markdown heading of any level (<c># AI-Enhanced arXiv Daily 2025-06-19</c>).</summary>
    public static bool IsHeading(ReadOnlySpan<byte> line) => TryHeadingStart(line, maxLevel: 6, out _);

    private static bool TryHeadingText(ReadOnlySpan<byte> line, int maxLevel, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (!TryHeadingStart(line, maxLevel, out int start))
        {
            return false;
        }

        text = line[start..].Trim(" \t"u8);
        return true;
    }

    private static bool TryHeadingStart(ReadOnlySpan<byte> line, int maxLevel, out int textStart)
    {
        textStart = 0;
        int level = 0;
        while (level < line.Length && line[level] == (byte)'#')
        {
            level++;
        }

        if (level == 0 || level > maxLevel || level >= line.Length || line[level] != (byte)' ')
        {
            return false;
        }

        textStart = level + 1;
        return true;
    }
}
