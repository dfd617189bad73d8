namespace ArxivDigest.Parsing;

/// <summary>What a line of a paper template is.</summary>
internal enum TemplateElementKind : byte
{
    /// <summary>A label and a value that runs to the next element: <c>Method: {method}</c>, or a label line with the value below it.</summary>
    Field,

    /// <summary>A line of placeholders and text that is whole on one line: <c>*{authors}*</c>, <c>**Read time:** {read_time} min</c>.</summary>
    LineField,

    /// <summary>A line without placeholders: <c>&lt;details&gt;</c>, <c>---</c>, <c>#### 📘 Detailed Summary</c>.</summary>
    Markup,

    /// <summary>The markup line that ends the template (<c>&lt;/details&gt;</c>): it closes the paper.</summary>
    Closer,
}

/// <summary>How a line matched a markup element.</summary>
internal enum MarkupMatch : byte
{
    /// <summary>As the template writes it (trailing spaces aside).</summary>
    Exact,

    /// <summary>The markup, then other text on the line (<c>&lt;details&gt;X</c>): the text is kept.</summary>
    WithText,

    /// <summary>The same tag with other content (<c>  &lt;summary&gt;Other&lt;/summary&gt;</c>): the whole line is kept.</summary>
    OtherContent,
}

/// <summary>One element of a compiled paper template, in template order.</summary>
internal sealed class TemplateElement
{
    public required TemplateElementKind Kind { get; init; }

    /// <summary>The element's position (the heading is 0); a value ends at the first element after its own.</summary>
    public required int Order { get; init; }

    /// <summary>How many blank lines the template puts before the element; the value before it ends that many line breaks plus one earlier.</summary>
    public required int BlankLinesBefore { get; init; }

    /// <summary>A field's placeholder.</summary>
    public TemplatePlaceholder? Placeholder { get; init; }

    /// <summary>
    /// What a line must start with to open the element: a field's label (<c>Method:</c>, without the space after
    /// it), a field's label line, a markup line (without trailing spaces), a line field's first text.
    /// </summary>
    public required byte[] Match { get; init; }

    /// <summary>Where the label's own text starts in <see cref="Match"/> (after <c>**</c>) and how long it is (without the colon).</summary>
    public (int Start, int Length) LabelText { get; init; }

    /// <summary>For an inline field: the template puts a space between the label and the value.</summary>
    public bool SpaceAfterLabel { get; init; }

    /// <summary>For a field whose label is a line of its own: the line breaks from the label line's end to the value (1 + blank lines).</summary>
    public int ValueBreaks { get; init; }

    /// <summary>The value is the rest of the line (a category, a line field).</summary>
    public bool SingleLine { get; init; }

    /// <summary>For a line field: the pattern of the line.</summary>
    public LinePattern? Pattern { get; init; }

    /// <summary>For markup starting with a tag (<c>  &lt;summary&gt;</c>): the text up to the tag's end, which marks the same line with other content.</summary>
    public byte[]? TagPrefix { get; init; }

    /// <summary>For markup: the line as the template writes it.</summary>
    public string? Text { get; init; }

    public bool IsMarkup => Kind is TemplateElementKind.Markup or TemplateElementKind.Closer;

    public bool ValueBelow => ValueBreaks > 0;

    /// <summary>Whether <paramref name="line"/> opens this element; for markup, how.</summary>
    public bool Matches(ReadOnlySpan<byte> line, out MarkupMatch how)
    {
        how = MarkupMatch.Exact;
        switch (Kind)
        {
            case TemplateElementKind.Field when ValueBelow:
                return line.TrimEnd(" \t"u8).SequenceEqual(Match);

            case TemplateElementKind.Field:
                if (!line.StartsWith(Match))
                {
                    return false;
                }

                return !SpaceAfterLabel || line.Length == Match.Length || line[Match.Length] == (byte)' ';

            case TemplateElementKind.LineField:
                return Pattern!.IsMatch(line);

            default:
                if (line.StartsWith(Match) && !line[Match.Length..].ContainsAnyExcept((byte)' ', (byte)'\t'))
                {
                    return true;
                }

                if (TagPrefix is null || !line.StartsWith(TagPrefix))
                {
                    return false;
                }

                how = line.StartsWith(Match) ? MarkupMatch.WithText : MarkupMatch.OtherContent;
                return true;
        }
    }
}
