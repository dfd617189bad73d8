namespace ArxivDigest.Parsing;

/// <summary>What a line of the paper template is.</summary>
internal enum TemplateElementKind : byte
{
    Field,
    DetailsOpen,
    Summary,
    DetailsClose,
}

/// <summary>
/// One line-opening element of the paper template: a label (<c>Method: </c>) or a markup line (<c>&lt;details&gt;</c>).
/// </summary>
/// <param name="Kind">A field label or a markup line.</param>
/// <param name="Field">The field a label starts.</param>
/// <param name="Prefix">The UTF-8 bytes the line starts with.</param>
/// <param name="Order">The element's position in the template; a field's value ends at the first element after it.</param>
/// <param name="BlankLinesBefore">How many blank lines the template puts before the element; the value before it ends that many line breaks plus one earlier.</param>
/// <param name="SingleLine">Whether the value is the rest of the line (a category cannot hold a line break).</param>
/// <param name="Markup">For a markup line, the whole line as the template writes it; any other text on it is kept and reported.</param>
internal sealed record TemplateElement(
    TemplateElementKind Kind,
    PaperFieldKind Field,
    byte[] Prefix,
    int Order,
    int BlankLinesBefore,
    bool SingleLine = false,
    byte[]? Markup = null);

/// <summary>
/// The canonical daily-arXiv-ai-enhanced paper template as data: the labels, their order and the blank lines
/// around them. The parser's control flow reads this table; a dialect is another table.
/// </summary>
/// <remarks>
/// The generator writes (see README, "Format"):
/// <code>
/// ### [{idx}] [{title}]({abs})
/// *{authors joined by ","}*
///
/// Main category: {categories[0]}
///
/// TL;DR: {tldr}
///
///
/// &lt;details&gt;
///   &lt;summary&gt;Details&lt;/summary&gt;
/// Motivation: {motivation}
///
/// Method: {method}
///
/// Result: {result}
///
/// Conclusion: {conclusion}
///
/// Abstract: {summary}
///
/// &lt;/details&gt;
/// </code>
/// </remarks>
internal sealed class DigestTemplate
{
    /// <summary>The template position of the <c>*authors*</c> line, which comes before every element.</summary>
    public const int AuthorsOrder = 0;

    public static DigestTemplate Canonical { get; } = new(
    [
        new(TemplateElementKind.Field, PaperFieldKind.MainCategory, "Main category:"u8.ToArray(), 1, 1, SingleLine: true),
        new(TemplateElementKind.Field, PaperFieldKind.Tldr, "TL;DR:"u8.ToArray(), 2, 1),
        new(TemplateElementKind.DetailsOpen, PaperFieldKind.Other, "<details>"u8.ToArray(), 3, 2, Markup: "<details>"u8.ToArray()),
        new(TemplateElementKind.Summary, PaperFieldKind.Other, "  <summary>"u8.ToArray(), 4, 0, Markup: "  <summary>Details</summary>"u8.ToArray()),
        new(TemplateElementKind.Field, PaperFieldKind.Motivation, "Motivation:"u8.ToArray(), 5, 0),
        new(TemplateElementKind.Field, PaperFieldKind.Method, "Method:"u8.ToArray(), 6, 1),
        new(TemplateElementKind.Field, PaperFieldKind.Result, "Result:"u8.ToArray(), 7, 1),
        new(TemplateElementKind.Field, PaperFieldKind.Conclusion, "Conclusion:"u8.ToArray(), 8, 1),
        new(TemplateElementKind.Field, PaperFieldKind.Abstract, "Abstract:"u8.ToArray(), 9, 1),
        new(TemplateElementKind.DetailsClose, PaperFieldKind.Other, "</details>"u8.ToArray(), 10, 1, Markup: "</details>"u8.ToArray()),
    ]);

    private readonly TemplateElement[] _elements;

    // First byte of a line -> the elements it could open. Most lines of a value open none: one table load.
    private readonly TemplateElement[]?[] _byFirstByte = new TemplateElement[]?[256];

    private DigestTemplate(TemplateElement[] elements)
    {
        _elements = elements;
        foreach (IGrouping<byte, TemplateElement> group in elements.GroupBy(e => e.Prefix[0]))
        {
            _byFirstByte[group.Key] = [.. group];
        }

        foreach (PaperFieldKind kind in Enum.GetValues<PaperFieldKind>())
        {
            foreach (TemplateElement e in elements)
            {
                if (e.Kind == TemplateElementKind.Field && e.Field == kind)
                {
                    LabelText[(int)kind] = System.Text.Encoding.UTF8.GetString(e.Prefix.AsSpan(0, e.Prefix.Length - 1));
                }
            }
        }
    }

    /// <summary>The label of each field kind as written, without the colon (<c>Main category</c>).</summary>
    public string[] LabelText { get; } = new string[Enum.GetValues<PaperFieldKind>().Length];

    /// <summary>Whether <paramref name="line"/> is exactly a markup line read without a token (<c>&lt;details&gt;</c>, <c>  &lt;summary&gt;Details&lt;/summary&gt;</c>).</summary>
    public bool IsSilentMarkup(ReadOnlySpan<byte> line)
        => Match(line) is { Kind: TemplateElementKind.DetailsOpen or TemplateElementKind.Summary, Markup: byte[] markup } && line.SequenceEqual(markup);

    /// <summary>The template element that <paramref name="line"/> opens, if any. A label must be followed by a space or the line end.</summary>
    public TemplateElement? Match(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty || _byFirstByte[line[0]] is not TemplateElement[] candidates)
        {
            return null;
        }

        foreach (TemplateElement e in candidates)
        {
            if (line.StartsWith(e.Prefix))
            {
                if (e.Kind != TemplateElementKind.Field || line.Length == e.Prefix.Length || line[e.Prefix.Length] == (byte)' ')
                {
                    return e;
                }
            }
        }

        return null;
    }
}
