using System.Globalization;
using DocumentFormat.OpenXml;
using System.IO.Compression;
using DocumentFormat.OpenXml.Wordprocessing;
using W14 = DocumentFormat.OpenXml.Office2010.Word;

namespace ArxivDigest.Parsing.Writers.Docx;

/// <summary>What the document holds and how it is grouped.</summary>
/// <param name="Title">The title.</param>
/// <param name="Abstracts">Whether each paper's abstract is included.</param>
/// <param name="Details">Whether Motivation, Method, Result, Conclusion (and any extra fields) are included.</param>
/// <param name="Flat">Papers in input order without category headings (the table of contents then lists papers).</param>
/// <param name="Generated">The date and time the document says it was generated.</param>
internal sealed record DocxSettings(string Title, bool Abstracts, bool Details, bool Flat, DateTimeOffset Generated);

/// <summary>
/// Builds the reading-list package with the Open XML SDK: the small parts from their typed classes, the document body
/// streamed with <see cref="OpenXmlWriter"/> one paper at a time, so memory is bounded by the largest paper.
/// </summary>
internal sealed class DocxBuilder
{
    internal const string NoSection = "Uncategorized";

    private readonly DocxSettings _settings;
    private readonly DocxNumbering _numbering = new();
    private readonly DocxInline _inline;
    private readonly DocxLinks _links;
    private readonly List<OpenXmlElement> _elements = [];
    private int _nextBookmarkId;
    private int _nextControlId = 1;

    private readonly Action<Paper, string> _simplified;
    private Paper? _paper;

    private DocxBuilder(DocxSettings settings, Action<Paper, string> simplified)
    {
        _settings = settings;
        _simplified = simplified;
        _links = new DocxLinks();
        _inline = new DocxInline(_links, _numbering, what => _simplified(_paper!, what));
    }

    /// <summary>
    /// Writes the package for the papers of <paramref name="papers"/> to <paramref name="stream"/> as a zip stream,
    /// part after part (the Open XML SDK's own package would hold every part in memory until it is closed); the body
    /// is written with <see cref="OpenXmlWriter"/> paper by paper.
    /// </summary>
    /// <param name="stream">Where the package goes.</param>
    /// <param name="papers">The papers, grouped.</param>
    /// <param name="settings">What the document holds.</param>
    /// <param name="categories">The categories, for the document's keywords.</param>
    /// <param name="simplified">Told when a paper's field is written more plainly than its Markdown asks (nested too deeply to render), and why.</param>
    public static void Build(Stream stream, DocxSpill papers, DocxSettings settings, IReadOnlyCollection<string> categories, Action<Paper, string> simplified)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        new DocxBuilder(settings, simplified).Fill(zip, papers, categories);
    }

    /// <summary>
    /// The bookmark a paper asks for: <c>arXiv_</c> and its id with every character other than an ASCII letter or
    /// digit made <c>_</c> (<c>2602.10137</c> → <c>arXiv_2602_10137</c>, <c>math/0601001</c> →
    /// <c>arXiv_math_0601001</c>), because Word bookmark names are letters, digits and underscores, start with a letter
    /// and have at most 40 characters. A paper without an id is <c>paper_N</c>. <see cref="DocxBookmarks"/> makes it
    /// unique.
    /// </summary>
    internal static string BaseBookmarkName(Paper paper, int number)
    {
        string name = paper.Id is { } id && id.Id.Length > 0
            ? "arXiv_" + string.Concat(id.Id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'))
            : "paper_" + number.ToString(CultureInfo.InvariantCulture);
        return name.Length > 40 ? name[..40] : name;
    }

    private void Fill(ZipArchive zip, DocxSpill papers, IReadOnlyCollection<string> categories)
    {
        IReadOnlyList<DocxGroup> groups = papers.Groups;
        int count = papers.Count;
        string summary = string.Create(CultureInfo.InvariantCulture, $"Generated {_settings.Generated:yyyy-MM-dd} · {count} {(count == 1 ? "paper" : "papers")}");
        if (!_settings.Flat)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $" in {groups.Count} {(groups.Count == 1 ? "category" : "categories")}");
        }

        DocxPackage.WriteContentTypes(zip);
        DocxPackage.WritePackageRelationships(zip);
        DocxPackage.WriteCoreProperties(zip, DocxText.Clean(_settings.Title), summary,
            DocxText.Clean(string.Join(", ", categories.Order(StringComparer.Ordinal))), _settings.Generated.UtcDateTime);
        DocxPackage.WritePart(zip, DocxPackage.StylesPath, DocxStyles.Build());
        DocxPackage.WritePart(zip, DocxPackage.SettingsPath, new Settings(
            new DefaultTabStop { Val = 720 },
            new UpdateFieldsOnOpen { Val = true }, // Word fills the table of contents and page numbers when it opens the file
            new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }),
            new ThemeFontLanguages { Val = DocxStyles.LatinLanguage, EastAsia = DocxStyles.EastAsianLanguage }));
        DocxPackage.WritePart(zip, DocxPackage.FooterPath, new Footer(new Paragraph(
            new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.Footer } },
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }))));

        using (Stream part = DocxPackage.CreateEntry(zip, DocxPackage.DocumentPath))
        using (OpenXmlWriter writer = OpenXmlWriter.Create(part))
        {
            WriteDocument(writer, papers, groups, summary);
        }

        // Known only now: the numbering instances and the links the papers made.
        DocxPackage.WritePart(zip, DocxPackage.NumberingPath, _numbering.Build());
        DocxPackage.WriteDocumentRelationships(zip, _links.Relationships);
    }

    private void WriteDocument(OpenXmlWriter writer, DocxSpill papers, IReadOnlyList<DocxGroup> groups, string summary)
    {
        int count = papers.Count;
        writer.WriteStartDocument();
        writer.WriteStartElement(
            new Document(),
            [new OpenXmlAttribute("mc", "Ignorable", "http://schemas.openxmlformats.org/markup-compatibility/2006", "w14")],
            [
                new KeyValuePair<string, string>("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
                new KeyValuePair<string, string>("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
                new KeyValuePair<string, string>("mc", "http://schemas.openxmlformats.org/markup-compatibility/2006"),
                new KeyValuePair<string, string>("w14", "http://schemas.microsoft.com/office/word/2010/wordml"),
            ]);
        writer.WriteStartElement(new Body());
        writer.WriteElement(Styled(DocxStyles.Title, DocxText.Run(DocxText.Clean(_settings.Title), null)));
        writer.WriteElement(Styled(DocxStyles.Subtitle, DocxText.Run(summary, null)));
        writer.WriteElement(Styled(DocxStyles.TocHeading, DocxText.Run("Contents", null)));

        // The contents come first and link to headings named later: in a flat list the paper bookmarks are named
        // here, in document order, and named again the same way for the body.
        if (_settings.Flat)
        {
            var names = new DocxBookmarks();
            int n = 0;
            IEnumerable<(string, string)> entries = groups.SelectMany(g => g.Offsets).Select(offset =>
            {
                Paper paper = papers.Read(offset);
                n++;
                return (n.ToString(CultureInfo.InvariantCulture) + ". " + DocxText.Clean(paper.Title), names.Name(paper, n));
            });
            WriteAll(writer, TableOfContents(entries, count, DocxStyles.Toc2));
        }
        else
        {
            WriteAll(writer, TableOfContents(
                groups.Select((g, i) => (SectionHeading(g.Section, g.Offsets.Count), SectionBookmark(i))), groups.Count, DocxStyles.Toc1));
        }

        var bookmarks = new DocxBookmarks();
        for (int g = 0; !_settings.Flat && g < groups.Count; g++)
        {
            bookmarks.Reserve(SectionBookmark(g));
        }

        int number = 0;
        for (int g = 0; g < groups.Count; g++)
        {
            DocxGroup group = groups[g];
            if (!_settings.Flat)
            {
                writer.WriteElement(Bookmarked(Styled(DocxStyles.Heading1, DocxText.Run(SectionHeading(group.Section, group.Offsets.Count), null)), SectionBookmark(g)));
            }

            foreach (long offset in group.Offsets)
            {
                Paper paper = papers.Read(offset);
                number++;
                AppendPaper(paper, number, bookmarks.Name(paper, number));
                WriteAll(writer, _elements);
                _elements.Clear();
            }
        }

        writer.WriteElement(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = DocxPackage.FooterId },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Right = 1134, Bottom = 1134, Left = 1134, Header = 567, Footer = 567, Gutter = 0 }));
        writer.WriteEndElement(); // body
        writer.WriteEndElement(); // document
    }

    private static string SectionBookmark(int index) => "section_" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static void WriteAll(OpenXmlWriter writer, IEnumerable<OpenXmlElement> elements)
    {
        foreach (OpenXmlElement element in elements)
        {
            writer.WriteElement(element);
        }
    }

    private static string SectionHeading(string section, int count)
        => string.Create(CultureInfo.InvariantCulture, $"{DocxText.Clean(section)} ({count} {(count == 1 ? "paper" : "papers")})");

    /// <summary>
    /// The TOC field over the category headings (<c>TOC \o "1-1" \h \z \u</c>; in a flat list the papers, level 2). Its
    /// result is filled in already with a link to each heading, so a reader that does not update fields still shows it;
    /// Word updates it (with page numbers) on opening, as the settings ask.
    /// </summary>
    private static IEnumerable<Paragraph> TableOfContents(IEnumerable<(string Text, string Bookmark)> entries, int count, string style)
    {
        string levels = style == DocxStyles.Toc1 ? "1-1" : "2-2";
        var begin = new OpenXmlElement[]
        {
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
            new Run(new FieldCode($" TOC \\o \"{levels}\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        };
        var end = new Run(new FieldChar { FieldCharType = FieldCharValues.End });
        if (count == 0)
        {
            Paragraph only = Styled(style, begin);
            only.Append(DocxText.Run("No papers.", null), end);
            yield return only;
            yield break;
        }

        int i = 0;
        foreach ((string text, string bookmark) in entries)
        {
            Paragraph paragraph = Styled(style, i == 0 ? begin : []);
            paragraph.AppendChild(new Hyperlink(DocxText.Run(text, DocxStyles.Hyperlink)) { Anchor = bookmark, History = true });
            if (++i == count)
            {
                paragraph.AppendChild(end);
            }

            yield return paragraph;
        }
    }

    private void AppendPaper(Paper paper, int number, string bookmark)
    {
        _paper = paper;
        // Heading 2: the number, then the title as a link to the abstract page.
        Paragraph heading = Styled(DocxStyles.Heading2, DocxText.Run(number.ToString(CultureInfo.InvariantCulture) + ". ", null));
        string? abs = DocxLinks.IsWebUrl(paper.Url) ? paper.Url : paper.Id?.AbsUrl;
        if (DocxLinks.IsWebUrl(abs))
        {
            var link = new Hyperlink { Id = _links.GetId(abs!), History = true };
            _inline.RenderTitle(paper.Title, link, insideLink: true);
            heading.AppendChild(link);
        }
        else
        {
            _inline.RenderTitle(paper.Title, heading, insideLink: false);
        }

        _elements.Add(Bookmarked(heading, bookmark));

        if (!paper.Authors.IsDefaultOrEmpty)
        {
            _elements.Add(Styled(DocxStyles.Authors, DocxText.Run(DocxText.Clean(string.Join(", ", paper.Authors)), null)));
        }

        _elements.Add(InfoLine(paper));

        if (_settings.Details)
        {
            foreach (PaperField extra in paper.ExtraFields)
            {
                Field(extra.Value, DocxStyles.Detail, extra.Label.Length > 0 ? DocxText.Clean(extra.Label) : null);
            }
        }

        Field(paper.Tldr, DocxStyles.Tldr, "TL;DR");
        if (_settings.Details)
        {
            Field(paper.Motivation, DocxStyles.Detail, "Motivation");
            Field(paper.Method, DocxStyles.Detail, "Method");
            Field(paper.Result, DocxStyles.Detail, "Result");
            Field(paper.Conclusion, DocxStyles.Detail, "Conclusion");
        }

        if (_settings.Abstracts)
        {
            Field(paper.Abstract, DocxStyles.Abstract, "Abstract");
        }
    }

    /// <summary>The "Read" checkbox, the main category, the arXiv id and a PDF link.</summary>
    private Paragraph InfoLine(Paper paper)
    {
        Paragraph info = Styled(DocxStyles.PaperInfo);
        info.AppendChild(new SdtRun(
            new SdtProperties(
                new SdtAlias { Val = "Read" },
                new Tag { Val = "read" },
                new SdtId { Val = _nextControlId++ },
                new W14.SdtContentCheckBox(
                    new W14.Checked { Val = W14.OnOffValues.Zero },
                    new W14.CheckedState { Font = "MS Gothic", Val = "2612" },
                    new W14.UncheckedState { Font = "MS Gothic", Val = "2610" })),
            new SdtContentRun(DocxText.Run("\u2610", DocxStyles.Checkbox))));
        info.AppendChild(DocxText.Run(" Read", null));
        if ((paper.MainCategory ?? paper.Section) is { } category)
        {
            info.AppendChild(DocxText.Run("   ·   ", null));
            info.AppendChild(DocxText.Run("Main category: ", DocxStyles.FieldLabel));
            info.AppendChild(DocxText.Run(DocxText.Clean(category), null));
        }

        if (paper.Id is { } id)
        {
            info.AppendChild(DocxText.Run("   ·   arXiv:" + DocxText.Clean(id.ToString()), null));
        }

        if (DocxLinks.IsWebUrl(paper.PdfUrl))
        {
            info.AppendChild(DocxText.Run("   ·   ", null));
            info.AppendChild(new Hyperlink(DocxText.Run("PDF", DocxStyles.Hyperlink)) { Id = _links.GetId(paper.PdfUrl!), History = true });
        }

        return info;
    }

    private void Field(string? value, string style, string? label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        _elements.AddRange(_inline.RenderField(value, style, label));
    }

    private Paragraph Bookmarked(Paragraph paragraph, string name)
    {
        string id = (_nextBookmarkId++).ToString(CultureInfo.InvariantCulture);
        paragraph.InsertAfter(new BookmarkStart { Name = name, Id = id }, paragraph.ParagraphProperties);
        paragraph.AppendChild(new BookmarkEnd { Id = id });
        return paragraph;
    }

    private static Paragraph Styled(string style, params OpenXmlElement[] children)
    {
        var paragraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } });
        paragraph.Append(children);
        return paragraph;
    }
}
