namespace ArxivDigest.Parsing;

/// <summary>
/// One line of a paper template with one or more placeholders and text around them
/// (<c>*{authors}* | **Main category: {cate}**</c>), matched against a whole line of a digest.
/// </summary>
/// <remarks>
/// Values are inserted verbatim, so a value may hold the text that separates it from the next one. One placeholder
/// is free (the title, else the first): those before it end at the first occurrence of the text after them, those
/// after it start after the last occurrence of the text before them, and the free one takes what is left.
/// </remarks>
internal sealed class LinePattern
{
    private readonly byte[][] _literals; // _literals[i] comes before Placeholders[i]; the last one ends the line
    private readonly int _free;

    public LinePattern(byte[][] literals, TemplatePlaceholder[] placeholders)
    {
        _literals = literals;
        Placeholders = placeholders;
        int title = Array.FindIndex(placeholders, p => p.Slot == TemplateSlot.Title);
        _free = title >= 0 ? title : 0;
        HasLink = Array.Exists(placeholders, p => p.Slot is TemplateSlot.Url or TemplateSlot.ArxivId);
    }

    public TemplatePlaceholder[] Placeholders { get; }

    /// <summary>Whether the line holds the paper's link (<c>{url}</c> or <c>{id}</c>).</summary>
    public bool HasLink { get; }

    /// <summary>The text the line starts with.</summary>
    public ReadOnlySpan<byte> Prefix => _literals[0];

    /// <summary>The text the line ends with.</summary>
    public ReadOnlySpan<byte> Suffix => _literals[^1];

    /// <summary>The literal text before placeholder <paramref name="i"/> on the line.</summary>
    public ReadOnlySpan<byte> LiteralBefore(int i) => _literals[i];

    /// <summary>Matches a whole line; <paramref name="ranges"/> (one per placeholder) receives each value's start and length.</summary>
    public bool TryMatch(ReadOnlySpan<byte> line, Span<(int Start, int Length)> ranges)
        => Match(line, ranges, store: true);

    /// <summary>Whether a whole line matches, without taking its values (the reader asks this of most lines it scans).</summary>
    public bool IsMatch(ReadOnlySpan<byte> line) => Match(line, default, store: false);

    private bool Match(ReadOnlySpan<byte> line, Span<(int Start, int Length)> ranges, bool store)
    {
        ReadOnlySpan<byte> prefix = _literals[0];
        ReadOnlySpan<byte> suffix = _literals[^1];
        if (line.Length < prefix.Length + suffix.Length || !line.StartsWith(prefix) || !line.EndsWith(suffix))
        {
            return false;
        }

        int left = prefix.Length;
        int right = line.Length - suffix.Length;
        for (int i = 0; i < _free; i++)
        {
            ReadOnlySpan<byte> after = _literals[i + 1];
            if (after.IsEmpty)
            {
                return false; // two placeholders side by side cannot be told apart
            }

            int at = line[left..right].IndexOf(after);
            if (at < 0)
            {
                return false;
            }

            if (store)
            {
                ranges[i] = (left, at);
            }

            left += at + after.Length;
        }

        for (int i = Placeholders.Length - 1; i > _free; i--)
        {
            ReadOnlySpan<byte> before = _literals[i];
            if (before.IsEmpty)
            {
                return false;
            }

            int at = line[left..right].LastIndexOf(before);
            if (at < 0)
            {
                return false;
            }

            if (store)
            {
                ranges[i] = (left + at + before.Length, right - (left + at + before.Length));
            }

            right = left + at;
        }

        if (store)
        {
            ranges[_free] = (left, right - left);
        }

        return true;
    }
}
