using DocumentFormat.OpenXml.Wordprocessing;

namespace ArxivDigest.Parsing.Writers.Docx;

/// <summary>
/// The styles part: every look of the document is a style defined here once (built-in names where Word has one, so a
/// user restyles the whole list by changing a style), and runs carry only inline emphasis and a character style.
/// Latin text is set in Calibri, East Asian text in Microsoft YaHei with the zh-CN language (an office suite without
/// that font substitutes a CJK font it has).
/// </summary>
internal static class DocxStyles
{
    public const string Normal = "Normal";
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string TocHeading = "TOCHeading";
    public const string Toc1 = "TOC1";
    public const string Toc2 = "TOC2";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string Authors = "Authors";
    public const string PaperInfo = "PaperInfo";
    public const string Tldr = "TLDR";
    public const string Detail = "PaperDetail";
    public const string Abstract = "Abstract";
    public const string Footer = "Footer";

    public const string Hyperlink = "Hyperlink";
    public const string FieldLabel = "FieldLabel";
    public const string Code = "Code";
    public const string Math = "Math";
    public const string Checkbox = "Checkbox";

    public const string LatinFont = "Calibri";
    public const string EastAsianFont = "Microsoft YaHei";
    public const string LatinLanguage = "en-US";
    public const string EastAsianLanguage = "zh-CN";

    public static Styles Build()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle
                {
                    RunFonts = Fonts(LatinFont, EastAsianFont),
                    FontSize = new FontSize { Val = "21" },
                    FontSizeComplexScript = new FontSizeComplexScript { Val = "21" },
                    Languages = new Languages { Val = LatinLanguage, EastAsia = EastAsianLanguage, Bidi = "ar-SA" },
                }),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
                {
                    SpacingBetweenLines = new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto },
                })));

        styles.Append(
            Paragraph(Normal, "Normal", basedOn: null, isDefault: true, primary: true),
            new Style(new StyleName { Val = "Default Paragraph Font" }, new UIPriority { Val = 1 }, new SemiHidden(), new UnhideWhenUsed())
            {
                Type = StyleValues.Character,
                StyleId = "DefaultParagraphFont",
                Default = true,
            },
            Paragraph(Title, "Title", primary: true,
                paragraph: new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "60" } },
                run: new StyleRunProperties { Bold = new Bold(), Color = new Color { Val = "1F3864" }, FontSize = new FontSize { Val = "44" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "44" } }),
            Paragraph(Subtitle, "Subtitle", primary: true,
                paragraph: new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "360" } },
                run: new StyleRunProperties { Color = new Color { Val = "595959" }, FontSize = new FontSize { Val = "24" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "24" } }),
            Paragraph(TocHeading, "TOC Heading", next: Normal,
                paragraph: new StyleParagraphProperties { KeepNext = new KeepNext(), SpacingBetweenLines = new SpacingBetweenLines { Before = "240", After = "120" } },
                run: new StyleRunProperties { Bold = new Bold(), Color = new Color { Val = "1F3864" }, FontSize = new FontSize { Val = "28" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "28" } }),
            Paragraph(Toc1, "toc 1", next: Normal,
                paragraph: new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "60" } }),
            Paragraph(Toc2, "toc 2", next: Normal,
                paragraph: new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "40" }, Indentation = new Indentation { Left = "220" } }),
            Paragraph(Heading1, "heading 1", next: Normal, primary: true,
                paragraph: new StyleParagraphProperties
                {
                    KeepNext = new KeepNext(),
                    KeepLines = new KeepLines(),
                    ParagraphBorders = new ParagraphBorders { BottomBorder = new BottomBorder { Val = BorderValues.Single, Size = 8, Space = 1, Color = "1F3864" } },
                    SpacingBetweenLines = new SpacingBetweenLines { Before = "480", After = "240" },
                    OutlineLevel = new OutlineLevel { Val = 0 },
                },
                run: new StyleRunProperties { Bold = new Bold(), Color = new Color { Val = "1F3864" }, FontSize = new FontSize { Val = "32" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "32" } }),
            Paragraph(Heading2, "heading 2", next: Normal, primary: true,
                paragraph: new StyleParagraphProperties
                {
                    KeepNext = new KeepNext(),
                    KeepLines = new KeepLines(),
                    SpacingBetweenLines = new SpacingBetweenLines { Before = "360", After = "60" },
                    OutlineLevel = new OutlineLevel { Val = 1 },
                },
                run: new StyleRunProperties { Bold = new Bold(), Color = new Color { Val = "2E74B5" }, FontSize = new FontSize { Val = "26" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "26" } }),
            Paragraph(Authors, "Authors", next: PaperInfo, custom: true,
                paragraph: new StyleParagraphProperties { KeepNext = new KeepNext(), SpacingBetweenLines = new SpacingBetweenLines { After = "40" } },
                run: new StyleRunProperties { Italic = new Italic(), Color = new Color { Val = "404040" }, FontSize = new FontSize { Val = "19" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "19" } }),
            Paragraph(PaperInfo, "Paper Info", next: Tldr, custom: true,
                paragraph: new StyleParagraphProperties { KeepNext = new KeepNext(), SpacingBetweenLines = new SpacingBetweenLines { After = "120" } },
                run: new StyleRunProperties { Color = new Color { Val = "595959" }, FontSize = new FontSize { Val = "18" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "18" } }),
            Paragraph(Tldr, "TL;DR", next: Detail, custom: true, primary: true,
                paragraph: new StyleParagraphProperties
                {
                    KeepLines = new KeepLines(), // the TL;DR is read at a glance: never split across pages
                    ParagraphBorders = new ParagraphBorders { LeftBorder = new LeftBorder { Val = BorderValues.Single, Size = 24, Space = 6, Color = "2E74B5" } },
                    Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "EAF1FB" },
                    SpacingBetweenLines = new SpacingBetweenLines { Before = "60", After = "160" },
                    Indentation = new Indentation { Left = "170", Right = "170" },
                },
                run: new StyleRunProperties { FontSize = new FontSize { Val = "22" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "22" } }),
            Paragraph(Detail, "Paper Detail", next: Detail, custom: true, primary: true,
                paragraph: new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "80" } }),
            Paragraph(Abstract, "Abstract", next: Normal, custom: true, primary: true,
                paragraph: new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { Before = "80", After = "200" }, Justification = new Justification { Val = JustificationValues.Both } },
                run: new StyleRunProperties { Color = new Color { Val = "404040" }, FontSize = new FontSize { Val = "18" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "18" } }),
            Paragraph(Footer, "footer",
                paragraph: new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "0" }, Justification = new Justification { Val = JustificationValues.Center } },
                run: new StyleRunProperties { Color = new Color { Val = "595959" }, FontSize = new FontSize { Val = "18" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "18" } }),
            Character(Hyperlink, "Hyperlink", custom: false,
                new StyleRunProperties { Color = new Color { Val = "0563C1" }, Underline = new Underline { Val = UnderlineValues.Single } }),
            Character(FieldLabel, "Field Label", custom: true,
                new StyleRunProperties { Bold = new Bold(), Color = new Color { Val = "1F3864" } }),
            Character(Code, "Code", custom: true,
                new StyleRunProperties { RunFonts = Fonts("Consolas", EastAsianFont), FontSize = new FontSize { Val = "19" }, Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F2F2F2" } }),
            Character(Math, "Math", custom: true,
                new StyleRunProperties { RunFonts = Fonts("Cambria Math", EastAsianFont), Color = new Color { Val = "7030A0" } }),
            Character(Checkbox, "Checkbox", custom: true,
                new StyleRunProperties { RunFonts = Fonts("MS Gothic", "MS Gothic"), FontSize = new FontSize { Val = "22" } }));
        return styles;
    }

    private static RunFonts Fonts(string latin, string eastAsian)
        => new() { Ascii = latin, HighAnsi = latin, EastAsia = eastAsian, ComplexScript = latin };

    private static Style Paragraph(
        string id,
        string name,
        string? basedOn = Normal,
        string? next = null,
        bool isDefault = false,
        bool primary = false,
        bool custom = false,
        StyleParagraphProperties? paragraph = null,
        StyleRunProperties? run = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, StyleName = new StyleName { Val = name } };
        if (isDefault)
        {
            style.Default = true;
        }

        if (custom)
        {
            style.CustomStyle = true;
        }

        if (basedOn is not null)
        {
            style.BasedOn = new BasedOn { Val = basedOn };
        }

        if (next is not null)
        {
            style.NextParagraphStyle = new NextParagraphStyle { Val = next };
        }

        if (primary)
        {
            style.PrimaryStyle = new PrimaryStyle();
        }

        style.StyleParagraphProperties = paragraph;
        style.StyleRunProperties = run;
        return style;
    }

    private static Style Character(string id, string name, bool custom, StyleRunProperties run)
    {
        var style = new Style
        {
            Type = StyleValues.Character,
            StyleId = id,
            StyleName = new StyleName { Val = name },
            BasedOn = new BasedOn { Val = "DefaultParagraphFont" },
            StyleRunProperties = run,
        };
        if (custom)
        {
            style.CustomStyle = true;
        }

        return style;
    }
}
