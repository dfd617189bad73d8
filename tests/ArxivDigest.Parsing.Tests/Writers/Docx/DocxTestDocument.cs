using System.Collections.Immutable;
using System.Text;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Docx;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ArxivDigest.Parsing.Tests.Writers.Docx;

/// <summary>Writes reading lists for the tests and reads them back: validation, and document.xml as normalized text.</summary>
internal static class DocxTestDocument
{
    /// <summary>A fixed generation time, so the documents are the same on every run.</summary>
    public static readonly DateTimeOffset Generated = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    public static async Task<byte[]> WriteAsync(IEnumerable<Paper> papers, DocxPaperWriterOptions? options = null, DateOnly? date = null, Stream? output = null)
    {
        using var buffer = new MemoryStream();
        Stream target = output ?? buffer;
        await using (var writer = new DocxPaperWriter(target, options, Generated))
        {
            await writer.BeginDigestAsync(new DigestInfo("test.md", date, []));
            foreach (Paper paper in papers)
            {
                await writer.WritePaperAsync(paper);
            }

            await writer.CompleteAsync();
        }

        return buffer.ToArray();
    }

    public static async Task<byte[]> WriteFileAsync(string digestPath, DocxPaperWriterOptions? options = null)
    {
        Digest digest = await DigestParser.ParseFileAsync(digestPath);
        return await WriteAsync(digest.Papers, options, digest.Date);
    }

    public static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    /// <summary>Every schema and semantic error the Open XML validator finds for Office 2019.</summary>
    public static List<string> Validate(byte[] docx)
    {
        using WordprocessingDocument document = Open(docx);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        return [.. validator.Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    /// <summary>
    /// document.xml as text: one line per paragraph, <c>[Style]</c> (and <c>#numId.level</c> in a list) then its content:
    /// <c>**bold**</c>, <c>*italic*</c>, <c>«Style|text»</c> for a character style other than Hyperlink, <c>[text](target)</c>
    /// for a link (<c>#name</c> inside the document), <c>{#name}</c> for a bookmark, <c>{FIELD}</c> for a field code,
    /// <c>⏎</c> for a line break, <c>[ ]</c> for the Read checkbox.
    /// </summary>
    public static string NormalizedText(byte[] docx)
    {
        using WordprocessingDocument document = Open(docx);
        MainDocumentPart main = document.MainDocumentPart!;
        var links = main.HyperlinkRelationships.ToDictionary(r => r.Id, r => r.Uri.ToString());
        var sb = new StringBuilder();
        foreach (Paragraph paragraph in main.Document!.Body!.Elements<Paragraph>())
        {
            ParagraphProperties? properties = paragraph.ParagraphProperties;
            sb.Append('[').Append(properties?.ParagraphStyleId?.Val?.Value ?? "-").Append(']');
            if (properties?.NumberingProperties is { } numbering)
            {
                sb.Append(" #").Append(numbering.NumberingId!.Val!.Value).Append('.').Append(numbering.NumberingLevelReference!.Val!.Value);
            }

            sb.Append(' ');
            AppendContent(sb, paragraph, links);
            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The text a reader sees in a paragraph (no markers).</summary>
    public static string PlainText(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        foreach (OpenXmlElement e in paragraph.Descendants())
        {
            switch (e)
            {
                case Text t:
                    sb.Append(t.Text);
                    break;
                case Break or TabChar:
                    sb.Append(' ');
                    break;
            }
        }

        return sb.ToString();
    }

    private static void AppendContent(StringBuilder sb, OpenXmlElement parent, Dictionary<string, string> links)
    {
        foreach (OpenXmlElement child in parent.ChildElements)
        {
            switch (child)
            {
                case ParagraphProperties:
                    break;
                case BookmarkStart start:
                    sb.Append("{#").Append(start.Name).Append('}');
                    break;
                case Hyperlink link:
                    sb.Append('[');
                    AppendContent(sb, link, links);
                    sb.Append("](").Append(link.Anchor?.Value is { } anchor ? "#" + anchor : links[link.Id!.Value!]).Append(')');
                    break;
                case SdtRun sdt:
                    sb.Append(sdt.SdtProperties!.Elements<DocumentFormat.OpenXml.Office2010.Word.SdtContentCheckBox>().Any() ? "[ ]" : "[?]");
                    break;
                case Run run:
                    AppendRun(sb, run);
                    break;
                default:
                    AppendContent(sb, child, links);
                    break;
            }
        }
    }

    private static void AppendRun(StringBuilder sb, Run run)
    {
        var text = new StringBuilder();
        foreach (OpenXmlElement e in run.ChildElements)
        {
            switch (e)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case Break:
                    text.Append('⏎');
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case FieldCode code:
                    text.Append('{').Append(code.Text.Trim()).Append('}');
                    break;
            }
        }

        string s = text.ToString();
        RunProperties? p = run.RunProperties;
        if (p?.VerticalTextAlignment?.Val?.Value is { } va)
        {
            s = (va == VerticalPositionValues.Superscript ? "^" : "_") + "(" + s + ")";
        }

        if (p?.Italic is not null)
        {
            s = "*" + s + "*";
        }

        if (p?.Bold is not null)
        {
            s = "**" + s + "**";
        }

        if (p?.RunStyle?.Val?.Value is { } style && style != "Hyperlink")
        {
            s = "«" + style + "|" + s + "»";
        }

        sb.Append(s);
    }

    /// <summary>A paper with the given fields (the others plain), for the inline cases.</summary>
    public static Paper Paper(string id = "2601.00001", string title = "A title", string? tldr = "摘要。", string? method = null, string? motivation = null, string? abstractText = null, string category = "cs.CV", ImmutableArray<string>? authors = null)
        => new()
        {
            Index = 1,
            Id = ArxivId.Parse(id),
            Title = title,
            Url = "https://arxiv.org/abs/" + id,
            Authors = authors ?? ["Ada Lovelace", "Alan Turing"],
            MainCategory = category,
            Section = category,
            Tldr = tldr,
            Motivation = motivation,
            Method = method,
            Result = "结果。",
            Conclusion = "结论。",
            Abstract = abstractText ?? "An abstract.",
        };
}
