using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArxivDigest.Cli;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Bibtex;

namespace ArxivDigest.Parsing.Tests.Writers.Bibtex;

/// <summary>
/// The .bib files go through the real tools: pdflatex with bibtex (plain style) and with biber (biblatex) must report
/// no error and no warning, pybtex must read back the titles, authors and identifiers, and the adversarial papers
/// must print literally. The tools come from Debian (.ci/setup.d/latex.sh).
/// </summary>
/// <remarks>
/// The plain-bibtex runs use <c>--bib-ascii</c> (classic bibtex is 8-bit); the biber runs use the default UTF-8.
/// Both documents load T1 and Latin Modern (every accent the writer uses exists there, and pdftotext can read the
/// text back) and amsmath/amssymb (for the math the writer keeps). A biblatex document holding 4,300 entries needs
/// more of TeX's token memory than the default, hence <c>extra_mem_top</c>.
/// </remarks>
public sealed partial class BibtexToolTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private static readonly Dictionary<string, string> BigTex = new() { ["extra_mem_top"] = "10000000" };

    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-bibtex-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>Hostile titles and authors: each must compile and come out of the PDF exactly as written.</summary>
    internal static readonly string[] AdversarialTitles =
    [
        "Unbalanced } brace and { more {{ here",
        "Backslash \\ and \\\\ double and trailing \\",
        "Percent % hash # amp & dollar $ under _ tilde ~ caret ^ at @",
        "} end of field, author = {Mallory",
        "\\input{/etc/passwd}",
        "\\write18{rm -rf /}",
        "$\\input{/etc/passwd}$ in math",
        "Control\u0007 char\u0000acters\u001B[31m and\ttabs\r\nand lines",
        "Sneaky $^^5cinput$ and $x^2$ math",
        "\\csname input\\endcsname{/etc/passwd} \\def\\x{y} \\catcode`\\@=11",
        "@misc{evil, title = {x}} @comment{ @string{x = {y}}",
        "%comment at the start",
        "{\\bf bold} and \\textbf{bold} and \\\\newline",
        "$$display$$ and $unclosed",
        "Less < greater > bar | brackets [ ]",
    ];

    internal static readonly string[][] AdversarialAuthors =
    [
        ["Ann and Bob", "Smith, John", "{Odd} Name"],
        ["Al }", "\\input{/etc/passwd} Hacker", "%Pct #Hash"],
        ["&Amp $Dollar", "_Under ~Tilde ^Caret", "others"],
        ["Back\\slash Name", "Control\u0007 Name", "Qwen Team"],
        ["Zoë Ünal-Łukasiewicz", "AND", "And Rew"],
    ];

    private static List<Paper> Adversarial() =>
    [
        .. AdversarialTitles.Select((title, i) => new Paper
        {
            Id = ArxivId.Parse($"2601.{i + 1:D5}"),
            Title = title,
            Url = $"https://arxiv.org/abs/2601.{i + 1:D5}",
            Authors = [.. AdversarialAuthors[i % AdversarialAuthors.Length]],
            MainCategory = "cs.CR",
        }),
    ];

    [ToolFact("pdflatex", "bibtex")]
    public async Task The_corpus_compiles_with_bibtex_without_an_error_or_a_warning()
    {
        await WriteAsync(CorpusPapers(), "refs.bib", ascii: true);
        string log = await CompileWithBibtexAsync();
        Assert.Empty(LatexProblems(log));
    }

    [ToolFact("pdflatex", "biber")]
    public async Task The_corpus_compiles_with_biber_without_an_error_or_a_warning()
    {
        // Exactly the command of the issue: the tool, on the whole corpus, default options.
        string input = RepoPaths.SharedCorpus is string shared ? Path.Combine(shared, "daily-arxiv") + "/" : RepoPaths.Samples + "/";
        var console = new CliConsole(new StringWriter(), new StringWriter(), () => new MemoryStream(), () => new MemoryStream());
        Assert.Equal(0, await CliApp.RunAsync(["convert", input, "--to", "bibtex", "-o", Path.Combine(_temp, "refs.bib"), "--quiet"], console));

        string log = await CompileWithBiberAsync();
        Assert.Empty(LatexProblems(log));
    }

    [ToolFact("pybtex")]
    public async Task Pybtex_reads_back_the_titles_authors_and_identifiers_of_the_corpus()
    {
        List<Paper> papers = CorpusPapers();
        foreach (bool ascii in new[] { false, true })
        {
            string bib = await WriteAsync(papers, $"refs-{ascii}.bib", ascii);
            (int code, string output) = await TexTools.RunAsync(
                TexTools.PybtexPython()!, [Path.Combine(RepoPaths.TestProject, "Writers", "Bibtex", "bib_roundtrip.py"), bib], _temp, Timeout);
            Assert.True(code == 0, output);

            var byId = papers.GroupBy(p => p.Id!.Value.Id).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Id!.Value.Version ?? 0)!);
            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(byId.Count, lines.Length);
            foreach (string line in lines)
            {
                using JsonDocument json = JsonDocument.Parse(line);
                JsonElement e = json.RootElement;
                Paper paper = byId[ArxivId.Parse(e.GetProperty("eprint").GetString()!).Id];
                Assert.Equal(paper.Id!.Value.ToString(), e.GetProperty("eprint").GetString());
                Assert.Equal(ExpectedText(paper.Title, ascii), e.GetProperty("title").GetString());
                Assert.Equal(
                    paper.Authors.Select(BibtexText.Clean).Where(a => a.Length > 0),
                    e.GetProperty("authors").EnumerateArray().Select(a => a.GetString()!));
            }
        }
    }

    [ToolFact("pdflatex", "bibtex", "biber", "pdftotext", "pybtex")]
    public async Task Adversarial_papers_compile_and_print_literally()
    {
        List<Paper> papers = Adversarial();

        await WriteAsync(papers, "refs.bib", ascii: true);
        string plainLog = await CompileWithBibtexAsync();
        Assert.Empty(LatexProblems(plainLog));
        string plainText = Squeeze(await PdfTextAsync("plain"));

        await WriteAsync(papers, "refs.bib", ascii: false);
        string biberLog = await CompileWithBiberAsync();
        Assert.Empty(LatexProblems(biberLog));
        string biberText = Squeeze(await PdfTextAsync("biber"));

        foreach (Paper paper in papers)
        {
            // Control characters cannot print and are dropped; plain lower-cases titles, biblatex prints them as they are.
            // Accepted math is typeset (x^2 prints as a superscript); the text around it must print as it is.
            string cleaned = BibtexText.Clean(paper.Title);
            foreach (BibtexText.Piece piece in BibtexText.Split(cleaned, ascii: false).Where(p => p.Math is null))
            {
                string text = Squeeze(cleaned.Substring(piece.Start, piece.Length));
                AssertPrinted(text, biberText, StringComparison.Ordinal);
                AssertPrinted(text, plainText, StringComparison.OrdinalIgnoreCase);
            }

            foreach (string author in paper.Authors)
            {
                AssertPrinted(Squeeze(BibtexText.Clean(author)), biberText, StringComparison.Ordinal);
                AssertPrinted(Squeeze(BibtexText.Clean(author)), plainText, StringComparison.Ordinal);
            }
        }

        // Nothing ran: \input would have put the password file in the PDF, \write18 is off in any case.
        Assert.DoesNotContain("root:", plainText + biberText, StringComparison.Ordinal);
    }

    [ToolFact("pdflatex", "bibtex", "biber", "pdftotext")]
    public async Task Cjk_names_and_every_ascii_command_go_through_both_tools()
    {
        // pdflatex has no CJK font here, so the document maps each CJK character to a visible stand-in, [U+XXXX]:
        // what matters is that bibtex and biber pass the characters through unharmed, without a warning.
        const string cjk = "张伟 李娜 王芳";
        string preamble = string.Concat(cjk.Where(c => c > 0x2E80).Distinct().Select(c => $"\\DeclareUnicodeCharacter{{{(int)c:X4}}}{{[U+{(int)c:X4}]}}\n"));

        // Every character the ascii tables know (plain bibtex); with biber, UTF-8 as is: the ones pdflatex's UTF-8 knows.
        const string common = "ÀÉÎÕÜ ñçşğıİłŁøØßæœåÅđðþŋ ő ř ę ° ± × ÷ · ¹²³ ¼½¾ £ € ¥ ¢ © ® ™ § ¶ † ‡ • … – — ‘ ’ “ ” ‚ „ ‹ › « » ¡ ¿ ‰ ← → ↑ ↓ ¬ ª º ¯ ´ ¨ ¦ ¤";
        const string asciiOnly = " −";
        static List<Paper> Papers(string symbols, bool ascii) =>
        [
            new() { Id = ArxivId.Parse("2601.00001"), Title = cjk + " Title", Url = "https://arxiv.org/abs/2601.00001", Authors = ["张伟", "Wei Zhang 张伟", "李娜"], MainCategory = "cs.CL" },
            new() { Id = ArxivId.Parse("2601.00002"), Title = symbols, Url = "https://arxiv.org/abs/2601.00002", Authors = ["Ann Lee"], MainCategory = "cs.CL" },

            // Two accents on one letter, and Greek in text (ascii only: pdflatex reads no Vietnamese or Greek UTF-8
            // without more fonts). pdftotext reads these back in pieces or as math letters, so they are only compiled.
            .. ascii ? [new Paper { Id = ArxivId.Parse("2601.00003"), Title = "Nguyễn Thị Thu Hà ệ ẫ α Ω", Url = "https://arxiv.org/abs/2601.00003", Authors = ["Nguyễn Văn Ệ"], MainCategory = "cs.CL" }] : Array.Empty<Paper>(),
        ];

        await WriteAsync(Papers(common + asciiOnly, ascii: true), "refs.bib", ascii: true);
        string plainLog = await CompileWithBibtexAsync(preamble);
        Assert.Empty(LatexProblems(plainLog));
        string plainText = Squeeze(await PdfTextAsync("plain"));

        await WriteAsync(Papers(common, ascii: false), "refs.bib", ascii: false);
        string biberLog = await CompileWithBiberAsync(preamble);
        Assert.Empty(LatexProblems(biberLog));
        string biberText = Squeeze(await PdfTextAsync("biber"));

        foreach (string text in new[] { plainText, biberText })
        {
            Assert.Contains("[U+5F20][U+4F1F][U+674E][U+5A1C]", text, StringComparison.Ordinal); // 张伟 李娜 (title)
            Assert.Contains("WeiZhang[U+5F20][U+4F1F]", text, StringComparison.Ordinal);
        }

        AssertPrinted(Squeeze(common), biberText, StringComparison.Ordinal);
        AssertPrinted(Squeeze(common + asciiOnly), plainText, StringComparison.OrdinalIgnoreCase);
    }

    [ToolFact("pdflatex", "bibtex", "pdftotext")]
    public async Task Ascii_output_with_combining_marks_and_invisible_characters_compiles_with_pdflatex()
    {
        // Decomposed accents (supported and not), marks with no letter, zero-width and direction characters, a BOM
        // and a soft hyphen: in UTF-8 each stops pdflatex ("not set up for use with LaTeX"); in ASCII none may.
        Paper paper = new()
        {
            Id = ArxivId.Parse("2601.00001"),
            Title = "Cafe\u0301 Nu\u0303n\u0303ez a\u0334b \u0301lone zero\u200Bwidth \u202Eflip\u202C \u2060join\uFEFFbom soft\u00ADhyphen",
            Url = "https://arxiv.org/abs/2601.00001",
            Authors = ["Jose\u0301 Nu\u0301n\u0303ez\u200B"],
            MainCategory = "cs.CL",
        };
        await WriteAsync([paper], "refs.bib", ascii: true);
        Assert.All(await File.ReadAllBytesAsync(Path.Combine(_temp, "refs.bib")), b => Assert.True(b < 128));
        string log = await CompileWithBibtexAsync();
        Assert.Empty(LatexProblems(log));
        string text = Squeeze(await PdfTextAsync("plain"));
        AssertPrinted("zerowidth", text, StringComparison.OrdinalIgnoreCase);
        AssertPrinted("softhyphen", text, StringComparison.OrdinalIgnoreCase);
    }

    private static List<Paper> CorpusPapers() => [.. CitationKeyTests.CorpusFiles().SelectMany(f => DigestParser.ParseFile(f).Papers)];

    /// <summary>A title as a LaTeX decoder reads it back: cleaned, with accepted math as the writer writes it.</summary>
    private static string ExpectedText(string value, bool ascii)
    {
        string text = BibtexText.Clean(value);
        var sb = new StringBuilder();
        foreach (BibtexText.Piece piece in BibtexText.Split(text, ascii))
        {
            sb.Append(piece.Math is string math ? "$" + math + "$" : text.Substring(piece.Start, piece.Length));
        }

        return sb.ToString();
    }

    private async Task<string> WriteAsync(IEnumerable<Paper> papers, string name, bool ascii)
    {
        string path = Path.Combine(_temp, name);
        await using FileStream file = File.Create(path);
        await using (PaperWriter writer = BibtexPaperWriter.Format.Create(file, new BibtexPaperWriterOptions { Ascii = ascii }))
        {
            foreach (Paper paper in papers)
            {
                await writer.WritePaperAsync(paper);
            }

            await writer.CompleteAsync();
        }

        return path;
    }

    /// <summary>pdflatex, bibtex (plain style), pdflatex twice; bibtex must say nothing; returns the last LaTeX log.</summary>
    private async Task<string> CompileWithBibtexAsync(string preamble = "")
    {
        await File.WriteAllTextAsync(Path.Combine(_temp, "plain.tex"), Document(preamble, "\\bibliographystyle{plain}\n\\bibliography{refs}"));
        await LatexAsync("plain");
        (int code, string output) = await TexTools.RunAsync("bibtex", ["plain"], _temp, Timeout);
        string blg = await File.ReadAllTextAsync(Path.Combine(_temp, "plain.blg"));
        Assert.True(code == 0, $"bibtex exited with {code}:\n{output}");
        Assert.DoesNotContain("Warning--", blg, StringComparison.Ordinal);
        Assert.DoesNotContain("(There w", blg, StringComparison.Ordinal); // "(There were N warnings)", "(There was 1 error message)"
        await LatexAsync("plain");
        return await LatexAsync("plain");
    }

    /// <summary>pdflatex, biber (biblatex), pdflatex twice; biber must say nothing; returns the last LaTeX log.</summary>
    private async Task<string> CompileWithBiberAsync(string preamble = "")
    {
        await File.WriteAllTextAsync(Path.Combine(_temp, "biber.tex"), Document(
            preamble + "\\usepackage[backend=biber,style=numeric,maxbibnames=999]{biblatex}\n\\addbibresource{refs.bib}\n",
            "\\printbibliography"));
        await LatexAsync("biber");
        (int code, string output) = await TexTools.RunAsync("biber", ["biber"], _temp, Timeout);
        string blg = await File.ReadAllTextAsync(Path.Combine(_temp, "biber.blg"));
        Assert.True(code == 0, $"biber exited with {code}:\n{output}");
        Assert.DoesNotMatch(@"> (WARN|ERROR) - ", blg);
        await LatexAsync("biber");
        return await LatexAsync("biber");
    }

    private static string Document(string preamble, string bibliography) => $$"""
        \documentclass{article}
        \usepackage[T1]{fontenc}
        \usepackage{lmodern}
        \usepackage{amsmath,amssymb}
        {{preamble}}
        \hyphenpenalty=10000 \exhyphenpenalty=10000 \sloppy
        \begin{document}
        \nocite{*}
        {{bibliography}}
        \end{document}
        """;

    private async Task<string> LatexAsync(string document)
    {
        (int code, string output) = await TexTools.RunAsync("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", document + ".tex"], _temp, Timeout, BigTex);
        string log = await File.ReadAllTextAsync(Path.Combine(_temp, document + ".log"), Encoding.Latin1);
        Assert.True(code == 0, $"pdflatex exited with {code}:\n{string.Join('\n', log.Split('\n').Where(l => l.StartsWith('!')).Take(10))}\n{output[^Math.Min(output.Length, 3000)..]}");
        return log;
    }

    private async Task<string> PdfTextAsync(string document)
    {
        (int code, string output) = await TexTools.RunAsync("pdftotext", ["-raw", "-enc", "UTF-8", document + ".pdf", "-"], _temp, Timeout);
        Assert.True(code == 0, output);
        return output;
    }

    /// <summary>Errors and warnings of a LaTeX log (not overfull or underfull boxes, which are typesetting).</summary>
    private static List<string> LatexProblems(string log) =>
        [.. log.Split('\n').Where(l => l.StartsWith("! ", StringComparison.Ordinal) || WarningLine().IsMatch(l) || l.Contains("Missing character", StringComparison.Ordinal))];

    /// <summary>Asserts that <paramref name="expected"/> is in the PDF's text; if not, shows where it starts to differ.</summary>
    private static void AssertPrinted(string expected, string pdfText, StringComparison comparison)
    {
        if (pdfText.Contains(expected, comparison))
        {
            return;
        }

        int best = 0;
        int at = -1;
        for (int i = 0; i < pdfText.Length; i++)
        {
            int n = 0;
            while (n < expected.Length && i + n < pdfText.Length && string.Compare(expected, n, pdfText, i + n, 1, comparison) == 0)
            {
                n++;
            }

            if (n > best)
            {
                (best, at) = (n, i);
            }
        }

        string found = at < 0 ? "nothing" : pdfText.Substring(at, Math.Min(best + 20, pdfText.Length - at));
        Assert.Fail($"Not printed: {expected}\nLongest match ({best} characters): {found}\nAll the text: {pdfText}");
    }

    /// <summary>
    /// Text as pdftotext gives it back, to compare: without white space (line breaks fall anywhere in a PDF); TeX's
    /// quote characters ` and ' (which print as ‘ and ’) as the quotes; and what pdftotext reads as other characters
    /// (the superior digits as digits, the ellipsis as three dots).
    /// </summary>
    private static string Squeeze(string text) => WhiteSpace().Replace(text, string.Empty)
        .Replace('‘', '`').Replace('’', '\'').Replace('¹', '1').Replace('²', '2').Replace('³', '3')
        .Replace("…", "...", StringComparison.Ordinal);

    [GeneratedRegex(@"warning(:| \()", RegexOptions.IgnoreCase)]
    private static partial Regex WarningLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
