using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ArxivDigest.Parsing.Writers.Docx;

/// <summary>
/// Turns one field's text (Markdown with LaTeX and bits of HTML) into Word paragraphs and runs: Markdig reads the
/// Markdown (emphasis, code spans, links, <c>$…$</c>, numbered and bulleted lines), AngleSharp reads the HTML tags
/// Markdig finds (<c>&lt;br&gt;</c>, <c>&lt;i&gt;</c>, <c>&lt;b&gt;</c>, <c>&lt;a href&gt;</c>, …). Nothing of the input
/// is ever passed through as XML: everything becomes text of runs.
/// </summary>
internal sealed class DocxInline
{
    /// <summary>Fields: paragraphs and lists only (no headings, quotes, code blocks or HTML blocks: a summary's <c>#</c> or indented line is text).</summary>
    private static readonly MarkdownPipeline FieldPipeline = CreatePipeline(lists: true);

    /// <summary>Titles: one paragraph of inlines (a title that starts with <c>1.</c> is not a list).</summary>
    private static readonly MarkdownPipeline TitlePipeline = CreatePipeline(lists: false);

    /// <summary>The HTML tags that mean something here; any other tag (<c>&lt;think&gt;</c> in a summary about reasoning models) stays text.</summary>
    private static readonly HashSet<string> KnownTags = new(StringComparer.Ordinal)
    {
        "b", "strong", "i", "em", "sub", "sup", "br", "a", "code", "span", "p", "div", "font", "small", "big", "u", "s", "del", "mark",
    };

    private readonly DocxLinks _links;
    private readonly DocxNumbering _numbering;
    private HtmlParser? _html; // made on the first tag: most fields have none
    private readonly Stack<OpenXmlCompositeElement> _targets = new();
    private readonly StringBuilder _pending = new();
    private RunFormat _pendingFormat;
    private HtmlState _htmlState;

    /// <summary>How deep emphasis, links and other inlines are rendered as such; deeper ones become plain text.</summary>
    internal const int MaxInlineDepth = 64;

    private readonly Action<string> _simplified;
    private int _depth;
    private bool _flattened;
    private bool _entityReplaced;

    /// <param name="links">The document's links.</param>
    /// <param name="numbering">The document's lists.</param>
    /// <param name="simplified">Told (once per field) when a field is written more plainly than its Markdown asks, and why.</param>
    public DocxInline(DocxLinks links, DocxNumbering numbering, Action<string> simplified)
    {
        _links = links;
        _numbering = numbering;
        _simplified = simplified;
    }

    /// <summary>
    /// The paragraphs of a field in <paramref name="styleId"/>, the first one opened by <paramref name="label"/> (in the
    /// field label style) when given. Numbered and bulleted lines become list paragraphs in the same style.
    /// </summary>
    public List<Paragraph> RenderField(string text, string styleId, string? label)
    {
        var paragraphs = new List<Paragraph>();
        _flattened = false;
        if (Parse(DocxText.Clean(text), FieldPipeline, label ?? "a field") is MarkdownDocument document)
        {
            RenderBlocks(document, styleId, paragraphs, level: -1, numberingId: 0);
            ReportFlattened(label ?? "a field");
        }
        else
        {
            // Markdig refuses Markdown nested beyond its limit: the field's lines as they are.
            foreach (string line in DocxText.Clean(text).Split('\n'))
            {
                paragraphs.Add(NewParagraph(styleId, DocxText.Run(line, null)));
            }
        }

        if (label is not null)
        {
            Run labelRun = DocxText.Run(label + ": ", DocxStyles.FieldLabel);
            if (paragraphs.Count > 0 && paragraphs[0].ParagraphProperties?.NumberingProperties is null)
            {
                paragraphs[0].InsertAfter(labelRun, paragraphs[0].ParagraphProperties);
            }
            else
            {
                paragraphs.Insert(0, NewParagraph(styleId, labelRun));
            }
        }

        return paragraphs;
    }

    /// <summary>A title's runs (emphasis, math, code), appended to <paramref name="target"/>; links inside it stay text when it is itself a link.</summary>
    public void RenderTitle(string text, OpenXmlCompositeElement target, bool insideLink)
    {
        _flattened = false;
        if (Parse(DocxText.Clean(text), TitlePipeline, "the title") is not MarkdownDocument document)
        {
            target.AppendChild(DocxText.Run(DocxText.Clean(text), insideLink ? DocxStyles.Hyperlink : null));
            return;
        }

        _htmlState = new HtmlState { InLink = insideLink ? 1 : 0 };
        _targets.Clear();
        _targets.Push(target);
        bool first = true;
        foreach (Block block in document.Descendants<LeafBlock>())
        {
            if (!first)
            {
                Text(" ", Format());
            }

            first = false;
            RenderLeafContent(block);
        }

        Flush();
        _targets.Clear();
        ReportFlattened("the title");
    }

    private MarkdownDocument? Parse(string text, MarkdownPipeline pipeline, string field)
    {
        if (text.Length > MaxMarkdownLength)
        {
            // Markdig's time on some hostile text (a run of unclosed links) grows with the square of its length.
            _simplified(string.Create(CultureInfo.InvariantCulture, $"{field} is longer than {MaxMarkdownLength:N0} characters, so its Markdown is not read; written as plain text"));
            return null;
        }

        if (HasDeepListPrefix(text))
        {
            _simplified($"the Markdown of {field} nests lists too deeply to read; written as plain text");
            return null;
        }

        try
        {
            return Markdig.Markdown.Parse(text, pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.Ordinal))
        {
            _simplified($"the Markdown of {field} is nested too deeply to read; written as plain text");
            return null;
        }
    }

    /// <summary>
    /// Whether a line opens lists more than <see cref="MaxListPrefix"/> characters deep (indentation and list markers
    /// such as <c>- </c> or <c>1. </c>): Markdig's time grows with the square of that depth (3,000 levels: a minute).
    /// </summary>
    private static bool HasDeepListPrefix(string text)
    {
        foreach (ReadOnlySpan<char> line in text.AsSpan().EnumerateLines())
        {
            int at = 0;
            while (at < line.Length && at <= MaxListPrefix)
            {
                int marker = at;
                while (marker < line.Length && char.IsAsciiDigit(line[marker]) && marker - at < 9)
                {
                    marker++;
                }

                if (line[at] is ' ' or '\t')
                {
                    at++;
                }
                else if (line[at] is '-' or '*' or '+' && at + 1 < line.Length && line[at + 1] is ' ' or '\t')
                {
                    at += 2;
                }
                else if (marker > at && marker + 1 < line.Length && line[marker] is '.' or ')' && line[marker + 1] is ' ' or '\t')
                {
                    at = marker + 2;
                }
                else
                {
                    break;
                }
            }

            if (at > MaxListPrefix)
            {
                return true;
            }
        }

        return false;
    }

    private const int MaxListPrefix = 256;

    /// <summary>The longest field whose Markdown is read (real summaries and abstracts are under 2,000 characters).</summary>
    internal const int MaxMarkdownLength = 32 * 1024;

    private void ReportFlattened(string field)
    {
        if (_entityReplaced)
        {
            _entityReplaced = false;
            _simplified($"an HTML entity in {field} stands for a character XML cannot hold; written as U+FFFD");
        }

        if (_flattened)
        {
            _simplified(string.Create(CultureInfo.InvariantCulture, $"the Markdown of {field} is nested more than {MaxInlineDepth} levels deep; the deeper part is written as plain text"));
        }
    }

    private static MarkdownPipeline CreatePipeline(bool lists)
    {
        var builder = new MarkdownPipelineBuilder().UseMathematics();
        builder.BlockParsers.RemoveAll(p => p is not ParagraphBlockParser && !(lists && p is ListBlockParser));
        builder.BlockParsers.Find<ParagraphBlockParser>()!.ParseSetexHeadings = false;
        return builder.Build();
    }

    private static Paragraph NewParagraph(string styleId, params OpenXmlElement[] children)
    {
        var paragraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = styleId } });
        paragraph.Append(children);
        return paragraph;
    }

    private void RenderBlocks(ContainerBlock container, string styleId, List<Paragraph> paragraphs, int level, int numberingId)
    {
        foreach (Block block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    int id = list.IsOrdered
                        ? _numbering.NewOrdered(int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out int start) ? start : 1, list.OrderedDelimiter)
                        : DocxNumbering.BulletId;
                    foreach (Block item in list)
                    {
                        if (item is ListItemBlock listItem)
                        {
                            int before = paragraphs.Count;
                            RenderBlocks(listItem, styleId, paragraphs, Math.Min(level + 1, DocxNumbering.MaxLevel), id);
                            if (paragraphs.Count == before)
                            {
                                // An empty item ("1." alone on its line) still takes its number.
                                paragraphs.Add(NewParagraph(styleId));
                                SetNumbering(paragraphs[^1], Math.Min(level + 1, DocxNumbering.MaxLevel), id);
                            }
                        }
                    }

                    break;

                case ContainerBlock inner:
                    RenderBlocks(inner, styleId, paragraphs, level, numberingId);
                    break;

                case LeafBlock leaf:
                    Paragraph paragraph = NewParagraph(styleId);
                    bool firstInItem = level >= 0 && container is ListItemBlock && ReferenceEquals(container[0], leaf);
                    if (firstInItem)
                    {
                        SetNumbering(paragraph, level, numberingId);
                    }

                    _htmlState = default;
                    _targets.Clear();
                    _targets.Push(paragraph);
                    RenderLeafContent(leaf);
                    Flush();
                    _targets.Clear();
                    paragraphs.Add(paragraph);
                    break;
            }
        }
    }

    private static void SetNumbering(Paragraph paragraph, int level, int numberingId)
        => paragraph.ParagraphProperties!.NumberingProperties = new NumberingProperties(
            new NumberingLevelReference { Val = level },
            new NumberingId { Val = numberingId });

    private void RenderLeafContent(Block leaf)
    {
        switch (leaf)
        {
            case MathBlock math:
                Text("$$" + math.Lines.ToString() + "$$", Format() with { Style = DocxStyles.Math });
                break;
            case LeafBlock { Inline: { } inline }:
                RenderInlines(inline);
                break;
            case LeafBlock other:
                Text(other.Lines.ToString(), Format());
                break;
        }
    }

    private void RenderInlines(ContainerInline container)
    {
        if (_depth >= MaxInlineDepth)
        {
            // Emphasis inside emphasis a hundred thousand times deep would overflow the stack: the text, as it is.
            _flattened = true;
            Text(PlainText(container), Format());
            return;
        }

        _depth++;
        try
        {
            foreach (Inline inline in container)
            {
                RenderInline(inline);
            }
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>The text of the inlines under <paramref name="root"/>, walked without recursion.</summary>
    private static string PlainText(ContainerInline root)
    {
        var sb = new StringBuilder();
        var pending = new Stack<Inline>();
        for (Inline? child = root.LastChild; child is not null; child = child.PreviousSibling)
        {
            pending.Push(child);
        }

        while (pending.TryPop(out Inline? inline))
        {
            switch (inline)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    sb.Append(entity.Transcoded.ToString());
                    break;
                case ContainerInline container:
                    for (Inline? child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        pending.Push(child);
                    }

                    break;
                case MathInline math:
                    sb.Append(math.Content.ToString());
                    break;
            }
        }

        return sb.ToString();
    }

    private void RenderInline(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                Text(literal.Content.ToString(), Format());
                break;

            case EmphasisInline emphasis:
                int saved = _emphasis;
                _emphasis |= emphasis.DelimiterCount >= 2 ? EmphasisBold : EmphasisItalic;
                RenderInlines(emphasis);
                _emphasis = saved;
                break;

            case CodeInline code:
                Text(code.Content, Format() with { Style = DocxStyles.Code });
                break;

            case MathInline math:
                string fence = new(math.Delimiter, math.DelimiterCount);
                Text(fence + math.Content.ToString() + fence, Format() with { Style = DocxStyles.Math });
                break;

            case AutolinkInline autolink:
                Link(autolink.IsEmail ? null : autolink.Url, () => Text(autolink.Url, Format()));
                break;

            case LinkInline { IsImage: true } image:
                RenderInlines(image); // the alternative text
                break;

            case LinkInline link:
                string label = PlainText(link);
                Link(link.GetDynamicUrl?.Invoke() ?? link.Url, () => RenderInlines(link), shownLabel: label);
                break;

            case LineBreakInline:
                Break();
                break;

            case HtmlEntityInline entity:
                Text(entity.Transcoded.ToString(), Format());
                break;

            case HtmlInline html:
                Html(html.Tag);
                break;

            case ContainerInline other:
                RenderInlines(other);
                break;

            default:
                Text(inline.ToString() ?? string.Empty, Format());
                break;
        }
    }

    private const int EmphasisBold = 1;
    private const int EmphasisItalic = 2;
    private int _emphasis;

    private RunFormat Format() => new(
        Bold: (_emphasis & EmphasisBold) != 0 || _htmlState.Bold > 0,
        Italic: (_emphasis & EmphasisItalic) != 0 || _htmlState.Italic > 0,
        Style: _htmlState.Code > 0 ? DocxStyles.Code : _htmlState.InLink > 0 ? DocxStyles.Hyperlink : null,
        VerticalAlign: _htmlState.Superscript > 0 ? 1 : _htmlState.Subscript > 0 ? -1 : 0);

    /// <summary>
    /// A hyperlink around what <paramref name="content"/> writes when the target is http or https and this is not
    /// already inside a link; otherwise the content as text, followed by the target in parentheses when there is a
    /// <paramref name="shownLabel"/> that differs from it.
    /// </summary>
    private void Link(string? url, Action content, string? shownLabel = null)
    {
        if (_htmlState.InLink == 0 && DocxLinks.IsWebUrl(url))
        {
            Flush();
            var hyperlink = new Hyperlink { Id = _links.GetId(url!), History = true };
            _targets.Push(hyperlink);
            _htmlState.InLink++;
            content();
            Flush();
            _htmlState.InLink--;
            _targets.Pop();
            if (hyperlink.HasChildren)
            {
                _targets.Peek().AppendChild(hyperlink);
            }

            return;
        }

        content();
        if (shownLabel is not null && !string.IsNullOrEmpty(url) && !string.Equals(shownLabel, url, StringComparison.Ordinal))
        {
            Text(" (" + url + ")", Format());
        }
    }

    private void Html(string tag)
    {
        if (tag.StartsWith("<!", StringComparison.Ordinal) || tag.StartsWith("<?", StringComparison.Ordinal))
        {
            return; // a comment, declaration or processing instruction: nothing to read
        }

        bool closing = tag.StartsWith("</", StringComparison.Ordinal);
        string name;
        IElement? element = null;
        if (closing)
        {
            name = tag[2..].TrimEnd('>').Trim().ToLowerInvariant();
        }
        else
        {
            element = (_html ??= new HtmlParser()).ParseDocument(tag).Body?.FirstElementChild;
            name = element?.LocalName ?? string.Empty;
        }

        if (!KnownTags.Contains(name))
        {
            Text(tag, Format()); // not HTML we read: the text as written
            return;
        }

        int step = closing ? -1 : 1;
        switch (name)
        {
            case "br":
                Break();
                break;
            case "b" or "strong":
                _htmlState.Bold = Math.Max(0, _htmlState.Bold + step);
                break;
            case "i" or "em":
                _htmlState.Italic = Math.Max(0, _htmlState.Italic + step);
                break;
            case "sup":
                _htmlState.Superscript = Math.Max(0, _htmlState.Superscript + step);
                break;
            case "sub":
                _htmlState.Subscript = Math.Max(0, _htmlState.Subscript + step);
                break;
            case "code":
                _htmlState.Code = Math.Max(0, _htmlState.Code + step);
                break;
            case "a":
                HtmlAnchor(closing, element);
                break;
            default:
                break; // span, p, div, …: their text is what counts
        }
    }

    private void HtmlAnchor(bool closing, IElement? element)
    {
        if (!closing)
        {
            string? href = element?.GetAttribute("href");
            if (_htmlState.InLink == 0 && DocxLinks.IsWebUrl(href))
            {
                Flush();
                var hyperlink = new Hyperlink { Id = _links.GetId(href!), History = true };
                _targets.Peek().AppendChild(hyperlink);
                _targets.Push(hyperlink);
                _htmlState.InLink++;
                _htmlState.Anchors++;
            }

            return;
        }

        if (_htmlState.Anchors > 0 && _targets.Count > 1 && _targets.Peek() is Hyperlink)
        {
            Flush();
            _targets.Pop();
            _htmlState.InLink--;
            _htmlState.Anchors--;
        }
    }

    private void Text(string text, RunFormat format)
    {
        if (text.Length == 0)
        {
            return;
        }

        // An HTML entity (&#x1;) can stand for a character XML cannot hold, though the field's text had none.
        text = DocxText.Clean(text, out int replaced);
        _entityReplaced |= replaced > 0;

        if (_pending.Length > 0 && format != _pendingFormat)
        {
            Flush();
        }

        _pendingFormat = format;
        _pending.Append(text);
    }

    private void Break()
    {
        Flush();
        _targets.Peek().AppendChild(DocxText.Run(null, Format(), new Break()));
    }

    private void Flush()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        _targets.Peek().AppendChild(DocxText.Run(_pending.ToString(), _pendingFormat));
        _pending.Clear();
    }

    private struct HtmlState
    {
        public int Bold;
        public int Italic;
        public int Superscript;
        public int Subscript;
        public int Code;
        public int InLink;
        public int Anchors;
    }
}

/// <summary>How a run looks: inline emphasis and a character style, nothing else.</summary>
internal readonly record struct RunFormat(bool Bold, bool Italic, string? Style, int VerticalAlign);
