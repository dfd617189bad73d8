using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
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

/// <summary>Builds the reading-list package with the Open XML SDK: every part from its typed classes.</summary>
internal sealed class DocxBuilder
{
    private const string NoSection = "Uncategorized";

    private readonly MainDocumentPart _main;
    private readonly DocxSettings _settings;
    private readonly DocxNumbering _numbering = new();
    private readonly DocxInline _inline;
    private readonly DocxLinks _links;
    private readonly HashSet<string> _bookmarks = new(StringComparer.Ordinal);
    private int _nextBookmarkId;
    private int _nextControlId = 1;

    private DocxBuilder(MainDocumentPart main, DocxSettings settings)
    {
        _main = main;
        _settings = settings;
        _links = new DocxLinks(main);
        _inline = new DocxInline(_links, _numbering);
    }

    /// <summary>Writes the document for <paramref name="papers"/> to <paramref name="stream"/> (seekable, read and write).</summary>
    public static void Build(Stream stream, IReadOnlyList<Paper> papers, DocxSettings settings)
    {
        using WordprocessingDocument document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document, autoSave: true);
        MainDocumentPart main = document.AddMainDocumentPart();
        new DocxBuilder(main, settings).Fill(document, papers);
    }

    /// <summary>
    /// The bookmark of a paper: <c>arXiv_</c> and its id with every character other than an ASCII letter or digit made
    /// <c>_</c> (<c>2602.10137</c> → <c>arXiv_2602_10137</c>, <c>math/0601001</c> → <c>arXiv_math_0601001</c>), because
    /// Word bookmark names are letters, digits and underscores, start with a letter and have at most 40 characters. A
    /// paper without an id is <c>paper_N</c>; a name already taken gets <c>_2</c>, <c>_3</c>, ….
    /// </summary>
    internal static string BookmarkName(Paper paper, int number, ISet<string> taken)
    {
        string name = paper.Id is { } id && id.Id.Length > 0
            ? "arXiv_" + string.Concat(id.Id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'))
            : "paper_" + number.ToString(CultureInfo.InvariantCulture);
        name = name.Length > 40 ? name[..40] : name;
        string candidate = name;
        for (int n = 2; !taken.Add(candidate); n++)
        {
            string suffix = "_" + n.ToString(CultureInfo.InvariantCulture);
            candidate = (name.Length + suffix.Length > 40 ? name[..(40 - suffix.Length)] : name) + suffix;
        }

        return candidate;
    }

    private void Fill(WordprocessingDocument document, IReadOnlyList<Paper> papers)
    {
        List<(string Section, List<Paper> Papers)> groups = Group(papers);

        StyleDefinitionsPart styles = _main.AddNewPart<StyleDefinitionsPart>("styles");
        styles.Styles = DocxStyles.Build();
        DocumentSettingsPart settingsPart = _main.AddNewPart<DocumentSettingsPart>("settings");
        settingsPart.Settings = new Settings(
            new DefaultTabStop { Val = 720 },
            new UpdateFieldsOnOpen { Val = true }, // Word fills the table of contents and page numbers when it opens the file
            new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }),
            new ThemeFontLanguages { Val = DocxStyles.LatinLanguage, EastAsia = DocxStyles.EastAsianLanguage });
        FooterPart footer = _main.AddNewPart<FooterPart>("footer1");
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.Footer } },
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })));

        var body = new Body();
        body.Append(Styled(DocxStyles.Title, DocxText.Run(DocxText.Clean(_settings.Title), null)));
        int count = papers.Count;
        string summary = string.Create(CultureInfo.InvariantCulture, $"Generated {_settings.Generated:yyyy-MM-dd} · {count} {(count == 1 ? "paper" : "papers")}");
        if (!_settings.Flat)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $" in {groups.Count} {(groups.Count == 1 ? "category" : "categories")}");
        }

        body.Append(Styled(DocxStyles.Subtitle, DocxText.Run(summary, null)));
        body.Append(Styled(DocxStyles.TocHeading, DocxText.Run("Contents", null)));

        // Pass 1 names the headings' bookmarks, so that the table of contents (before them) can link to them.
        var toc = new List<(string Text, string Bookmark)>();
        var paperBookmarks = new List<string>(count);
        var sectionBookmarks = new List<string>(groups.Count);
        int number = 0;
        foreach ((string section, List<Paper> list) in groups)
        {
            if (!_settings.Flat)
            {
                string bookmark = "section_" + (sectionBookmarks.Count + 1).ToString(CultureInfo.InvariantCulture);
                _bookmarks.Add(bookmark);
                sectionBookmarks.Add(bookmark);
                toc.Add((SectionHeading(section, list.Count), bookmark));
            }

            foreach (Paper paper in list)
            {
                number++;
                string bookmark = BookmarkName(paper, number, _bookmarks);
                paperBookmarks.Add(bookmark);
                if (_settings.Flat)
                {
                    toc.Add((number.ToString(CultureInfo.InvariantCulture) + ". " + DocxText.Clean(paper.Title), bookmark));
                }
            }
        }

        body.Append(TableOfContents(toc, _settings.Flat ? DocxStyles.Toc2 : DocxStyles.Toc1));

        number = 0;
        for (int g = 0; g < groups.Count; g++)
        {
            (string section, List<Paper> list) = groups[g];
            if (!_settings.Flat)
            {
                body.Append(Bookmarked(Styled(DocxStyles.Heading1, DocxText.Run(SectionHeading(section, list.Count), null)), sectionBookmarks[g]));
            }

            foreach (Paper paper in list)
            {
                AppendPaper(body, paper, ++number, paperBookmarks[number - 1]);
            }
        }

        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = _main.GetIdOfPart(footer) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Right = 1134, Bottom = 1134, Left = 1134, Header = 567, Footer = 567, Gutter = 0 }));

        var root = new Document(body);
        root.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        root.AddNamespaceDeclaration("mc", "http://schemas.openxmlformats.org/markup-compatibility/2006");
        root.AddNamespaceDeclaration("w14", "http://schemas.microsoft.com/office/word/2010/wordml");
        root.MCAttributes = new MarkupCompatibilityAttributes { Ignorable = "w14" };
        _main.Document = root;

        NumberingDefinitionsPart numbering = _main.AddNewPart<NumberingDefinitionsPart>("numbering");
        numbering.Numbering = _numbering.Build();

        string[] categories = [.. papers.Select(p => p.MainCategory ?? p.Section).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        document.PackageProperties.Title = DocxText.Clean(_settings.Title);
        document.PackageProperties.Subject = summary;
        document.PackageProperties.Keywords = DocxText.Clean(string.Join(", ", categories));
        document.PackageProperties.Creator = "ArxivDigest.Parsing";
        document.PackageProperties.Created = _settings.Generated.UtcDateTime;
        document.PackageProperties.Modified = _settings.Generated.UtcDateTime;
    }

    private List<(string Section, List<Paper> Papers)> Group(IReadOnlyList<Paper> papers)
    {
        if (_settings.Flat)
        {
            return [(string.Empty, [.. papers])];
        }

        var groups = new List<(string, List<Paper>)>();
        var bySection = new Dictionary<string, List<Paper>>(StringComparer.Ordinal);
        foreach (Paper paper in papers)
        {
            string section = paper.Section ?? paper.MainCategory ?? NoSection;
            if (!bySection.TryGetValue(section, out List<Paper>? list))
            {
                list = [];
                bySection.Add(section, list);
                groups.Add((section, list));
            }

            list.Add(paper);
        }

        return groups;
    }

    private static string SectionHeading(string section, int count)
        => string.Create(CultureInfo.InvariantCulture, $"{DocxText.Clean(section)} ({count} {(count == 1 ? "paper" : "papers")})");

    /// <summary>
    /// The TOC field over the category headings (<c>TOC \o "1-1" \h \z \u</c>; in a flat list the papers, level 2). Its
    /// result is filled in already with a link to each heading, so a reader that does not update fields still shows it;
    /// Word updates it (with page numbers) on opening, as the settings ask.
    /// </summary>
    private static IEnumerable<Paragraph> TableOfContents(List<(string Text, string Bookmark)> entries, string style)
    {
        string levels = style == DocxStyles.Toc1 ? "1-1" : "2-2";
        var begin = new OpenXmlElement[]
        {
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
            new Run(new FieldCode($" TOC \\o \"{levels}\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        };
        var end = new Run(new FieldChar { FieldCharType = FieldCharValues.End });
        if (entries.Count == 0)
        {
            Paragraph only = Styled(style, begin);
            only.Append(DocxText.Run("No papers.", null), end);
            yield return only;
            yield break;
        }

        for (int i = 0; i < entries.Count; i++)
        {
            Paragraph paragraph = Styled(style, i == 0 ? begin : []);
            paragraph.AppendChild(new Hyperlink(DocxText.Run(entries[i].Text, DocxStyles.Hyperlink)) { Anchor = entries[i].Bookmark, History = true });
            if (i == entries.Count - 1)
            {
                paragraph.AppendChild(end);
            }

            yield return paragraph;
        }
    }

    private void AppendPaper(Body body, Paper paper, int number, string bookmark)
    {
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

        body.Append(Bookmarked(heading, bookmark));

        if (!paper.Authors.IsDefaultOrEmpty)
        {
            body.Append(Styled(DocxStyles.Authors, DocxText.Run(DocxText.Clean(string.Join(", ", paper.Authors)), null)));
        }

        body.Append(InfoLine(paper));

        if (_settings.Details)
        {
            foreach (PaperField extra in paper.ExtraFields)
            {
                Field(body, extra.Value, DocxStyles.Detail, extra.Label.Length > 0 ? DocxText.Clean(extra.Label) : null);
            }
        }

        Field(body, paper.Tldr, DocxStyles.Tldr, "TL;DR");
        if (_settings.Details)
        {
            Field(body, paper.Motivation, DocxStyles.Detail, "Motivation");
            Field(body, paper.Method, DocxStyles.Detail, "Method");
            Field(body, paper.Result, DocxStyles.Detail, "Result");
            Field(body, paper.Conclusion, DocxStyles.Detail, "Conclusion");
        }

        if (_settings.Abstracts)
        {
            Field(body, paper.Abstract, DocxStyles.Abstract, "Abstract");
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

    private void Field(Body body, string? value, string style, string? label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        body.Append(_inline.RenderField(value, style, label));
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
