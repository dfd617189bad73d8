using System.Text.RegularExpressions;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Docx;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W14 = DocumentFormat.OpenXml.Office2010.Word;

namespace ArxivDigest.Parsing.Tests.Writers.Docx;

/// <summary>The docx writer: the document's structure, its validity, and how the fields' Markdown and HTML are rendered.</summary>
public sealed partial class DocxPaperWriterTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (string md in Directory.GetFiles(RepoPaths.Samples, "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(md));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Document_text_of_each_sample_is_the_snapshot(string sample)
    {
        byte[] docx = await DocxTestDocument.WriteFileAsync(RepoPaths.Sample(sample));
        Snapshot.Verify(DocxTestDocument.NormalizedText(docx), Path.GetFileNameWithoutExtension(sample));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Each_sample_validates_with_no_error(string sample)
    {
        byte[] docx = await DocxTestDocument.WriteFileAsync(RepoPaths.Sample(sample));
        Assert.Empty(DocxTestDocument.Validate(docx));
    }

    [Theory]
    [InlineData("docx-group", "flat")]
    [InlineData("docx-details", "false")]
    [InlineData("docx-abstracts", "false")]
    public async Task Each_option_validates_with_no_error(string option, string value)
    {
        Assert.True(DocxPaperWriter.Format.TryGetOption(option, out WriterOption? descriptor));
        var options = (DocxPaperWriterOptions)descriptor.Apply(DocxPaperWriter.Format.DefaultOptions, value);
        byte[] docx = await DocxTestDocument.WriteFileAsync(RepoPaths.Sample("2026-03-03.md"), options);
        Assert.Empty(DocxTestDocument.Validate(docx));
    }

    [Fact]
    public async Task Every_shared_corpus_day_validates_with_no_error()
    {
        if (RepoPaths.SharedCorpus is not string corpus)
        {
            return; // the bundled samples above stand in
        }

        string[] days = Directory.GetFiles(Path.Combine(corpus, "daily-arxiv"), "*.md");
        Assert.NotEmpty(days);
        var failures = new List<string>();
        foreach (string day in days)
        {
            byte[] docx = await DocxTestDocument.WriteFileAsync(day);
            failures.AddRange(DocxTestDocument.Validate(docx).Take(3).Select(e => $"{Path.GetFileName(day)}: {e}"));
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_document_has_the_reading_list_structure()
    {
        Digest digest = await DigestParser.ParseFileAsync(RepoPaths.Sample("2026-01-26.md"));
        byte[] docx = await DocxTestDocument.WriteAsync(digest.Papers, date: digest.Date);
        using WordprocessingDocument document = DocxTestDocument.Open(docx);
        MainDocumentPart main = document.MainDocumentPart!;
        Body body = main.Document!.Body!;
        List<Paragraph> paragraphs = [.. body.Elements<Paragraph>()];
        string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? string.Empty;

        // Title, generated date and count; the properties.
        Assert.Equal("arXiv reading list — 2026-01-26", DocxTestDocument.PlainText(paragraphs[0]));
        Assert.Equal("Title", StyleOf(paragraphs[0]));
        Assert.Equal("Generated 2026-11-24 · 106 papers in 5 categories", DocxTestDocument.PlainText(paragraphs[1]));
        Assert.Equal("arXiv reading list — 2026-01-26", document.PackageProperties.Title);
        Assert.Equal("cs.AI, cs.CL, cs.CV, cs.GT, cs.IT", document.PackageProperties.Keywords);
        Assert.Equal("ArxivDigest.Parsing", document.PackageProperties.Creator);
        Assert.False(string.IsNullOrEmpty(document.PackageProperties.Subject));

        // A TOC field over the category headings, updated on opening.
        Assert.Contains(body.Descendants<FieldCode>(), f => f.Text.Trim() == "TOC \\o \"1-1\" \\h \\z \\u");
        Assert.True(main.DocumentSettingsPart!.Settings!.GetFirstChild<UpdateFieldsOnOpen>()!.Val!.Value);

        // A Heading 1 per section with its count, a Heading 2 per paper with its bookmark and link.
        Assert.Equal(["cs.CV (36 papers)", "cs.CL (43 papers)", "cs.AI (11 papers)", "cs.IT (12 papers)", "cs.GT (4 papers)"],
            paragraphs.Where(p => StyleOf(p) == "Heading1").Select(DocxTestDocument.PlainText));
        List<Paragraph> papers = [.. paragraphs.Where(p => StyleOf(p) == "Heading2")];
        Assert.Equal(106, papers.Count);
        Assert.Equal("1. GR3EN: Generative Relighting for 3D Environments", DocxTestDocument.PlainText(papers[0]));
        Assert.Equal("arXiv_2601_16272", papers[0].GetFirstChild<BookmarkStart>()!.Name!.Value);
        Hyperlink titleLink = papers[0].GetFirstChild<Hyperlink>()!;
        Assert.Equal("https://arxiv.org/abs/2601.16272", main.HyperlinkRelationships.Single(r => r.Id == titleLink.Id).Uri.ToString());

        // Every bookmark name is one Word takes, and each is unique.
        List<string> names = [.. body.Descendants<BookmarkStart>().Select(b => b.Name!.Value!)];
        Assert.All(names, n => Assert.Matches(BookmarkNameRule(), n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());

        // Per paper: a Read checkbox, a PDF link, the TL;DR in its style, labelled details, the abstract in its style.
        Assert.Equal(106, body.Descendants<W14.SdtContentCheckBox>().Count());
        Assert.Equal(106, body.Descendants<Hyperlink>().Count(h => DocxTestDocument.PlainText(new Paragraph(h.CloneNode(true))) == "PDF"));
        Assert.Equal(106, paragraphs.Count(p => StyleOf(p) == "TLDR" && DocxTestDocument.PlainText(p).StartsWith("TL;DR: ", StringComparison.Ordinal)));
        foreach (string label in new[] { "Motivation: ", "Method: ", "Result: ", "Conclusion: " })
        {
            Assert.Equal(106, paragraphs.Count(p => DocxTestDocument.PlainText(p).StartsWith(label, StringComparison.Ordinal)));
        }

        Assert.Equal(106, paragraphs.Count(p => StyleOf(p) == "Abstract" && DocxTestDocument.PlainText(p).StartsWith("Abstract: ", StringComparison.Ordinal)));

        // Page numbers in the footer.
        Assert.Contains(main.FooterParts.Single().Footer!.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
    }

    [Fact]
    public async Task Styles_are_defined_once_and_runs_carry_only_emphasis_and_a_character_style()
    {
        byte[] docx = await DocxTestDocument.WriteFileAsync(RepoPaths.Sample("2026-03-03.md"));
        using WordprocessingDocument document = DocxTestDocument.Open(docx);
        Styles styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        List<string> ids = [.. styles.Elements<Style>().Select(s => s.StyleId!.Value!)];
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("TL;DR", styles.Elements<Style>().Select(s => s.StyleName!.Val!.Value));
        Assert.Contains("Abstract", styles.Elements<Style>().Select(s => s.StyleName!.Val!.Value));
        foreach (string id in new[] { "Title", "Heading1", "Heading2", "TLDR", "Abstract", "Hyperlink", "Code", "Math" })
        {
            Assert.Contains(id, ids);
        }

        // East Asian font and language in the defaults every style inherits.
        RunPropertiesBaseStyle defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.False(string.IsNullOrEmpty(defaults.RunFonts!.EastAsia?.Value));
        Assert.Equal("zh-CN", defaults.Languages!.EastAsia!.Value);

        Body body = document.MainDocumentPart.Document!.Body!;
        Assert.All(body.Descendants<RunProperties>(), p =>
            Assert.All(p.ChildElements, e => Assert.True(e is RunStyle or Bold or Italic or VerticalTextAlignment, $"direct formatting: {e.LocalName}")));
        Assert.All(body.Descendants<RunStyle>(), s => Assert.Contains(s.Val!.Value!, ids));
        Assert.All(body.Descendants<ParagraphStyleId>(), s => Assert.Contains(s.Val!.Value!, ids));
    }

    [Fact]
    public async Task Options_leave_out_abstracts_and_details_and_flatten_the_list()
    {
        Digest digest = await DigestParser.ParseFileAsync(RepoPaths.Sample("2026-01-26.md"));
        var options = new DocxPaperWriterOptions { Abstracts = false, Details = false, Grouping = DocxGrouping.Flat, Title = "My list" };
        string text = DocxTestDocument.NormalizedText(await DocxTestDocument.WriteAsync(digest.Papers, options, digest.Date));
        Assert.StartsWith("[Title] My list\n[Subtitle] Generated 2026-11-24 · 106 papers\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[Heading1]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[Abstract]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Motivation:", text, StringComparison.Ordinal);
        Assert.Contains("{TOC \\o \"2-2\" \\h \\z \\u}", text, StringComparison.Ordinal);
        Assert.Contains("{TOC \\o \"2-2\" \\h \\z \\u}[1. GR3EN: Generative Relighting for 3D Environments](#arXiv_2601_16272)", text, StringComparison.Ordinal);
        Assert.Equal(106, Regex.Count(text, @"^\[TLDR\] ", RegexOptions.Multiline));
    }

    [Fact]
    public void A_bad_option_value_is_refused()
    {
        Assert.True(DocxPaperWriter.Format.TryGetOption("docx-group", out WriterOption? descriptor));
        FormatException e = Assert.Throws<FormatException>(() => descriptor.Apply(DocxPaperWriter.Format.DefaultOptions, "sideways"));
        Assert.Equal("Option 'docx-group' takes section or flat, not 'sideways'.", e.Message);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_gets_the_whole_document()
    {
        var sink = new MemoryStream();
        await DocxTestDocument.WriteAsync([DocxTestDocument.Paper()], output: new ForwardOnlyStream(sink));
        byte[] docx = sink.ToArray();
        Assert.Empty(DocxTestDocument.Validate(docx));
        Assert.Contains("[Heading2] {#arXiv_2601_00001}1. [A title](https://arxiv.org/abs/2601.00001)", DocxTestDocument.NormalizedText(docx), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_list_is_a_valid_document()
    {
        byte[] docx = await DocxTestDocument.WriteAsync([]);
        Assert.Empty(DocxTestDocument.Validate(docx));
        Assert.Contains("No papers.", DocxTestDocument.NormalizedText(docx), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2602.10137", "arXiv_2602_10137")]
    [InlineData("2602.10137v2", "arXiv_2602_10137")]
    [InlineData("math/0601001", "arXiv_math_0601001")]
    [InlineData("cond-mat.stat-mech/0601001v1", "arXiv_cond_mat_stat_mech_0601001")]
    public void Bookmark_names_are_ones_word_takes(string id, string expected)
    {
        var names = new DocxBookmarks();
        Paper paper = DocxTestDocument.Paper(id: id);
        Assert.Equal(expected, names.Name(paper, 1));
        Assert.Equal(expected + "_2", names.Name(paper, 2));
        Assert.Equal("paper_7", names.Name(paper with { Id = null }, 7));
    }

    [Fact]
    public void Naming_many_papers_of_one_identifier_takes_linear_work_and_gives_distinct_names()
    {
        const int Count = 20_000;
        var names = new DocxBookmarks();
        Paper paper = DocxTestDocument.Paper(id: "2602.10137");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 1; i <= Count; i++)
        {
            string name = names.Name(paper, i);
            Assert.Matches(BookmarkNameRule(), name);
            Assert.True(seen.Add(name), name);
        }

        Assert.Equal("arXiv_2602_10137_20001", names.Name(DocxTestDocument.Paper(id: "2602.10137v3"), Count + 1));
        Assert.True(names.Probes <= 2L * (Count + 1), $"{names.Probes} names tried for {Count + 1} papers");
    }

    [Fact]
    public void A_name_taken_by_another_paper_is_skipped()
    {
        var names = new DocxBookmarks();
        Paper a = DocxTestDocument.Paper(id: "2602.10137");
        Assert.Equal("arXiv_2602_10137", names.Name(a, 1));
        Assert.Equal("arXiv_2602_10137_2", names.Name(a, 2));
        names.Reserve("arXiv_2602_10137_3");
        Assert.Equal("arXiv_2602_10137_4", names.Name(a, 3));
    }

    [Theory]
    [InlineData("complete")]
    [InlineData("abandoned")]
    [InlineData("failed")]
    public async Task The_writer_leaves_no_temporary_file(string outcome)
    {
        string folder = Directory.CreateTempSubdirectory("arxiv-digest-docx-").FullName;
        try
        {
            Stream output = outcome == "failed" ? new FailingStream() : new MemoryStream();
            await using (var writer = new DocxPaperWriter(output, null, DocxTestDocument.Generated) { TemporaryDirectory = folder, MemoryLimit = 1024 })
            {
                for (int i = 0; i < 50; i++)
                {
                    await writer.WritePaperAsync(DocxTestDocument.Paper(id: $"2601.{i:00000}"));
                }

                // Past the memory limit the papers wait in a file, which on Unix has no name from the start: it
                // goes with the process however that ends, a kill included.
                Assert.True(writer.SpilledToDisk);
                Assert.Equal(OperatingSystem.IsWindows(), Directory.EnumerateFiles(folder).Any());
                if (outcome == "complete")
                {
                    await writer.CompleteAsync();
                    Assert.Empty(DocxTestDocument.Validate(((MemoryStream)output).ToArray()));
                }
                else if (outcome == "failed")
                {
                    await Assert.ThrowsAsync<IOException>(async () => await writer.CompleteAsync());
                }
            }

            Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_small_document_is_made_without_a_temporary_file()
    {
        string folder = Directory.CreateTempSubdirectory("arxiv-digest-docx-").FullName;
        try
        {
            using var output = new MemoryStream();
            await using var writer = new DocxPaperWriter(output, null, DocxTestDocument.Generated) { TemporaryDirectory = folder };
            await writer.WritePaperAsync(DocxTestDocument.Paper());
            await writer.CompleteAsync();
            Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
            Assert.Empty(DocxTestDocument.Validate(output.ToArray()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Papers_of_one_identifier_in_several_sections_are_numbered_in_document_order()
    {
        Paper cv = DocxTestDocument.Paper(id: "2601.00001", category: "cs.CV");
        Paper ai = DocxTestDocument.Paper(id: "2601.00001", category: "cs.AI");
        byte[] docx = await DocxTestDocument.WriteAsync([cv, ai, cv]);
        Assert.Empty(DocxTestDocument.Validate(docx));
        string[] headings = [.. DocxTestDocument.NormalizedText(docx).Split('\n').Where(l => l.StartsWith("[Heading2]", StringComparison.Ordinal)).Select(l => l[..l.IndexOf('}', StringComparison.Ordinal)])];
        Assert.Equal(["[Heading2] {#arXiv_2601_00001", "[Heading2] {#arXiv_2601_00001_2", "[Heading2] {#arXiv_2601_00001_3"], headings);
        Assert.Contains("[Heading1] {#section_2}cs.AI (1 paper)", DocxTestDocument.NormalizedText(docx), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> InlineCases() => new()
    {
        { "**粗体** and *斜体* and __bold__", "**粗体** and *斜体* and **bold**" },
        { "用 `torch.compile` 加速", "用 «Code|torch.compile» 加速" },
        { "损失 $\\alpha_i * \\beta_j$ 与 $$x^2$$", "损失 «Math|$\\alpha_i * \\beta_j$» 与 «Math|$$x^2$$»" },
        { "见 [项目](https://example.org/p?a=1&b=2) 与 <https://example.org/x>", "见 [项目](https://example.org/p?a=1&b=2) 与 [https://example.org/x](https://example.org/x)" },
        { "[脚本](javascript:alert(1)) [文件](file:///etc/passwd) <ftp://example.org/f>", "脚本 (javascript:alert(1)) 文件 (file:///etc/passwd) ftp://example.org/f" },
        { "文 [**粗** 与 *斜*](ftp://example.org/f) 与 [ftp://example.org/g](ftp://example.org/g)", "文 **粗** 与 *斜* (ftp://example.org/f) 与 ftp://example.org/g" },
        { "[**粗**链接](https://example.org) 与 ![图](https://example.org/i.png)", "[**粗**链接](https://example.org/) 与 图" },
        { "第一行<br>第二行<br/>第三行", "第一行⏎第二行⏎第三行" },
        { "<i>斜</i>与<b>粗</b>与<a href=\"https://example.org/?a=1&amp;b=2\">链接</a>", "*斜*与**粗**与[链接](https://example.org/?a=1&b=2)" },
        { "A &amp; B &lt;think&gt; &quot;q&quot; &#x4E2D;", "A & B <think> \"q\" 中" },
        { "冗长的<think>推理痕迹与<answer>答案", "冗长的<think>推理痕迹与<answer>答案" },
        { "H<sub>2</sub>O 与 x<sup>2</sup> <!-- note --><script>", "H_(2)O 与 x^(2) <script>" },
        { "p<0.002 且 a < b > c", "p<0.002 且 a < b > c" },
        { "# 不是标题\n> 不是引用", "# 不是标题⏎> 不是引用" },
    };

    [Theory]
    [MemberData(nameof(InlineCases))]
    public async Task Inline_markdown_html_and_math_become_runs(string tldr, string expected)
    {
        byte[] docx = await DocxTestDocument.WriteAsync([DocxTestDocument.Paper(tldr: tldr)]);
        Assert.Empty(DocxTestDocument.Validate(docx));
        string line = DocxTestDocument.NormalizedText(docx).Split('\n').Single(l => l.StartsWith("[TLDR]", StringComparison.Ordinal));
        Assert.Equal("[TLDR] «FieldLabel|TL;DR: »" + expected, line);
    }

    [Fact]
    public async Task Numbered_and_bulleted_lines_become_word_lists()
    {
        const string method = "提出框架：\n1. 第一步 **关键**\n2. 第二步\n   - 子项\n3. 第三步\n\n另起一段：\n1) 再来\n2) 一次\n- 要点甲\n- 要点乙";
        byte[] docx = await DocxTestDocument.WriteAsync([DocxTestDocument.Paper(method: method)]);
        Assert.Empty(DocxTestDocument.Validate(docx));
        string[] lines = [.. DocxTestDocument.NormalizedText(docx).Split('\n').SkipWhile(l => !l.Contains("Method: ", StringComparison.Ordinal)).Take(10)];
        Assert.Equal(
        [
            "[PaperDetail] «FieldLabel|Method: »提出框架：",
            "[PaperDetail] #2.0 第一步 **关键**",
            "[PaperDetail] #2.0 第二步",
            "[PaperDetail] #1.1 子项",
            "[PaperDetail] #2.0 第三步",
            "[PaperDetail] 另起一段：",
            "[PaperDetail] #3.0 再来",
            "[PaperDetail] #3.0 一次",
            "[PaperDetail] #1.0 要点甲",
            "[PaperDetail] #1.0 要点乙",
        ], lines);

        // Each numbered list starts again at its own first number, with its own delimiter.
        using WordprocessingDocument document = DocxTestDocument.Open(docx);
        Numbering numbering = document.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        NumberingInstance second = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == 3);
        Assert.Equal(1, second.GetFirstChild<LevelOverride>()!.StartOverrideNumberingValue!.Val!.Value);
        int definition = second.AbstractNumId!.Val!.Value;
        Assert.Equal("%1)", numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == definition).Elements<Level>().First().LevelText!.Val!.Value);
    }

    [Fact]
    public async Task A_field_that_starts_with_a_list_gets_its_label_on_a_line_of_its_own()
    {
        byte[] docx = await DocxTestDocument.WriteAsync([DocxTestDocument.Paper(method: "1. 甲\n2. 乙")]);
        string[] lines = [.. DocxTestDocument.NormalizedText(docx).Split('\n').SkipWhile(l => !l.Contains("Method: ", StringComparison.Ordinal)).Take(3)];
        Assert.Equal(["[PaperDetail] «FieldLabel|Method: »", "[PaperDetail] #2.0 甲", "[PaperDetail] #2.0 乙"], lines);
    }

    [Fact]
    public async Task Titles_render_inline_markdown_inside_their_link()
    {
        byte[] docx = await DocxTestDocument.WriteAsync([DocxTestDocument.Paper(title: "1. $O(n)$ *Fast* [Sorting](https://example.org) &amp; More")]);
        Assert.Empty(DocxTestDocument.Validate(docx));
        string heading = DocxTestDocument.NormalizedText(docx).Split('\n').Single(l => l.StartsWith("[Heading2]", StringComparison.Ordinal));
        Assert.Equal("[Heading2] {#arXiv_2601_00001}1. [1. «Math|$O(n)$» *Fast* Sorting (https://example.org) & More](https://arxiv.org/abs/2601.00001)", heading);
    }

    [Fact]
    public async Task Characters_xml_cannot_hold_become_replacement_characters()
    {
        const string bad = "公式 $\beta$ 与 \frac 与 \u0001\u001F 与 \uFFFE 与 \uD800 孤立";
        Paper paper = DocxTestDocument.Paper(title: "T\u0008itle", tldr: bad, abstractText: "A\u000Cbstract") with { Authors = ["A\u0007uthor"] };
        byte[] docx = await DocxTestDocument.WriteAsync([paper]);
        Assert.Empty(DocxTestDocument.Validate(docx));
        string text = DocxTestDocument.NormalizedText(docx);
        Assert.Contains("«FieldLabel|TL;DR: »公式 «Math|$\uFFFDeta$» 与 \uFFFDrac 与 \uFFFD\uFFFD 与 \uFFFD 与 \uFFFD 孤立", text, StringComparison.Ordinal);
        Assert.Contains("[T\uFFFDitle]", text, StringComparison.Ordinal);
        Assert.Contains("A\uFFFDuthor", text, StringComparison.Ordinal);
        Assert.Contains("A\uFFFDbstract", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_http_and_https_become_links()
    {
        Paper paper = DocxTestDocument.Paper() with { Url = "javascript:alert(1)" };
        byte[] docx = await DocxTestDocument.WriteAsync([paper]);
        using WordprocessingDocument document = DocxTestDocument.Open(docx);
        Assert.All(document.MainDocumentPart!.HyperlinkRelationships, r => Assert.Contains(r.Uri.Scheme, new[] { "http", "https" }));
        // The title falls back to the id's abstract page.
        Assert.Contains("[A title](https://arxiv.org/abs/2601.00001)", DocxTestDocument.NormalizedText(docx), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_markup_in_every_field_still_makes_a_valid_document()
    {
        // Fragments of what summaries hold, shuffled into nonsense: whatever the mix, no exception and no invalid XML.
        string[] pieces = ["**", "*", "_", "__", "`", "$", "$$", "[", "]", "(", ")", "](", "https://example.org/x", "ftp://x", "<", ">", "<br>", "<i>", "</i>",
            "<b>", "</a>", "<a href=\"https://example.org\">", "<think>", "&amp;", "&", ";", "\n", "\n\n", "\n1. ", "\n- ", "\n  - ", "1) ", "#", "> ", "    ", "!", "\\",
            "\b", "\f", "\u0000", "文", "字", "x", " ", "<!--", "-->", "|", "~~"];
        var random = new Random(20260126);
        var papers = new List<Paper>();
        for (int i = 0; i < 200; i++)
        {
            string Mess() => string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            papers.Add(DocxTestDocument.Paper(id: $"2601.{i:00000}", title: Mess(), tldr: Mess(), method: Mess(), motivation: Mess(), abstractText: Mess()) with { Result = Mess(), Conclusion = Mess() });
        }

        byte[] docx = await DocxTestDocument.WriteAsync(papers);
        Assert.Empty(DocxTestDocument.Validate(docx));
        Assert.Equal(200, Regex.Count(DocxTestDocument.NormalizedText(docx), @"^\[Heading2\] ", RegexOptions.Multiline));
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,39}$")]
    private static partial Regex BookmarkNameRule();

    /// <summary>An output that fails on the first write (a full disk).</summary>
    private sealed class FailingStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device.");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("No space left on device.");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw new IOException("No space left on device.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => throw new IOException("No space left on device.");
    }

    /// <summary>A write-only stream that cannot seek (a pipe, standard output).</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }

    public static TheoryData<string, string> DeeplyNestedMarkdown() => new()
    {
        { "emphasis", new string('*', 100_000) + "deep" + new string('*', 100_000) },
        { "brackets", new string('[', 100_000) + "deep" + string.Concat(Enumerable.Repeat("](x)", 1000)) },
        { "list", string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', 2 * i) + "- deep\n")) },
        { "unclosed links", "deep " + string.Concat(Enumerable.Repeat("[a](", 50_000)) },
    };

    [Theory]
    [MemberData(nameof(DeeplyNestedMarkdown))]
    public async Task Markdown_nested_beyond_what_can_be_rendered_is_written_as_text_and_reported(string kind, string tldr)
    {
        using var output = new MemoryStream();
        await using var writer = new DocxPaperWriter(output, options: null, DocxTestDocument.Generated);
        await writer.WritePaperAsync(DocxTestDocument.Paper(tldr: tldr, title: kind == "emphasis" ? tldr : "A title"));
        await writer.CompleteAsync();

        byte[] docx = output.ToArray();
        Assert.Empty(DocxTestDocument.Validate(docx));
        using WordprocessingDocument document = DocxTestDocument.Open(docx);
        Assert.Contains("deep", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        Assert.Contains(writer.Diagnostics, d => d.Code == DiagnosticCodes.ValueNotExact && d.Message.Contains("plain text", StringComparison.Ordinal));
        Assert.DoesNotContain(writer.Diagnostics, d => kind != "list" && d.Message.Contains("lists", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_html_entity_for_a_character_xml_cannot_hold_is_replaced_and_reported()
    {
        using var output = new MemoryStream();
        await using var writer = new DocxPaperWriter(output, options: null, DocxTestDocument.Generated);
        await writer.WritePaperAsync(DocxTestDocument.Paper(tldr: "x &#x1; &#0; [link](<http://a.example/&#x8;>) <a href=\"http://b.example/&#x7;\">y</a>"));
        await writer.CompleteAsync();

        Assert.Empty(DocxTestDocument.Validate(output.ToArray()));
        Assert.Contains(writer.Diagnostics, d => d.Code == DiagnosticCodes.ValueNotExact && d.Message.Contains("HTML entity", StringComparison.Ordinal));
    }
}
