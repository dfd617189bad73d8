using System.Text;
using ArxivDigest.Parsing.Writers.Bibtex;

namespace ArxivDigest.Parsing.Tests.Writers.Bibtex;

/// <summary>The escaping rules (docs/bibtex.md), one case at a time.</summary>
public sealed class BibtexTextTests
{
    private static string Title(string value, bool ascii = false)
    {
        var sb = new StringBuilder();
        BibtexText.AppendTitle(sb, value, ascii);
        return sb.ToString();
    }

    private static string Text(string value, bool ascii = false)
    {
        var sb = new StringBuilder();
        BibtexText.AppendText(sb, value, ascii);
        return sb.ToString();
    }

    private static string Names(bool ascii, params string[] names)
    {
        var sb = new StringBuilder();
        BibtexText.AppendNames(sb, names, ascii);
        return sb.ToString();
    }

    /// <summary>BibTeX's own view of a field: braces must balance and never close below the field's level.</summary>
    internal static bool BracesBalance(string value)
    {
        int depth = 0;
        foreach (char c in value)
        {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    [Theory]
    [InlineData("Fish & Chips", "Fish \\& Chips")]
    [InlineData("100% sure", "100\\% sure")]
    [InlineData("Issue #4", "Issue \\#4")]
    [InlineData("snake_case", "snake\\_case")]
    [InlineData("costs $5", "costs \\$5")]
    [InlineData("a ~ b", "a {\\textasciitilde} b")]
    [InlineData("x^y", "x{\\textasciicircum}y")]
    [InlineData("back\\slash", "back{\\textbackslash}slash")]
    [InlineData("{braced}", "{\\textbraceleft}braced{\\textbraceright}")]
    [InlineData("a < b > c | d", "a {\\textless} b {\\textgreater} c {\\textbar} d")]
    [InlineData("@ \" ' ` [ ] * ( )", "@ \" ' ` [ ] * ( )")]
    public void Special_characters_print_literally(string value, string expected)
    {
        Assert.Equal(expected, Text(value));
    }

    [Theory]
    [InlineData("unbalanced } brace")]
    [InlineData("}}}} {{{")]
    [InlineData("\\input{/etc/passwd}")]
    [InlineData("\\write18{rm -rf /}")]
    [InlineData("$\\input{/etc/passwd}$")]
    [InlineData("$^^5cinput$")]
    [InlineData("end}, author = {Mallory")]
    [InlineData("\\")]
    [InlineData("$")]
    [InlineData("$}$ and ${$")]
    [InlineData("%")]
    public void A_value_can_never_close_its_field_or_run_a_command(string value)
    {
        foreach (string written in new[] { Title(value), Text(value), Names(false, value), Title(value, ascii: true) })
        {
            Assert.True(BracesBalance(written), written);
            // Every backslash of the output starts one of the writer's own commands.
            Assert.DoesNotContain("\\input", written, StringComparison.Ordinal);
            Assert.DoesNotContain("\\write", written, StringComparison.Ordinal);
            Assert.DoesNotContain("^^", written, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Line\nbreak\r\n\r\nand\ttab", "Line break and tab")]
    [InlineData("  edges  ", "edges")]
    [InlineData("bell\u0007 null\u0000 del\u007F c1\u0085end", "bell null del c1 end")]
    [InlineData("pair \uD83D\uDE00 kept", "pair \uD83D\uDE00 kept")]
    public void White_space_is_collapsed_and_control_characters_removed(string value, string expected)
    {
        Assert.Equal(expected, BibtexText.Clean(value));
        Assert.Equal(expected, Text(value));
    }

    [Fact]
    public void Lone_surrogates_are_removed()
    {
        Assert.Equal("lone surrogate", BibtexText.Clean("lone \uD800 surrogate\uDC00"));
    }

    [Theory]
    [InlineData("GAN", "{GAN}")]
    [InlineData("NeRF", "{NeRF}")]
    [InlineData("LLaMA", "{LLaMA}")]
    [InlineData("3D", "{3D}")]
    [InlineData("R&D", "{R\\&D}")]
    [InlineData("Attention Is All You Need", "Attention Is All You Need")]
    [InlineData("HY-Motion 1.0", "{HY}-Motion 1.0")]
    [InlineData("Camera-Free, Training-Free", "Camera-Free, Training-Free")]
    [InlineData("(DiT)-based", "({DiT})-based")]
    [InlineData("GPT-4o: a Survey", "{GPT}-{4o}: a Survey")]
    [InlineData("Text2GQL-Bench:", "{Text2GQL}-Bench:")]
    [InlineData("LLM_annotate:", "{LLM\\_annotate}:")]
    [InlineData("Dr.~RTL:", "{Dr.{\\textasciitilde}RTL}:")]
    [InlineData("ÉCOLE", "{ÉCOLE}")]
    [InlineData("Über", "Über")]
    public void Words_styles_must_not_lower_case_are_braced(string title, string expected)
    {
        Assert.Equal(expected, Title(title));
    }

    [Theory]
    [InlineData("On $\\exists^*\\forall^*$ Hyperproperties", "On {$\\exists^*\\forall^*$} Hyperproperties")]
    [InlineData("B$^3$-Seg: Free", "{B$^3$-Seg}: Free")]
    [InlineData("under $(\\varepsilon,δ)$-Private", "under {$(\\varepsilon,\\delta)$}-Private")]
    [InlineData("An $ε$-Optimal", "An {$\\varepsilon$}-Optimal")]
    [InlineData("$\\mathrm{GR}(p^{n}, \\ell)$ codes", "{$\\mathrm{GR}(p^{n}, \\ell)$} codes")]
    [InlineData("$\\frac{\\mathbb{F}_{p^m}[u]}{\\langle u^t \\rangle}$", "{$\\frac{\\mathbb{F}_{p^m}[u]}{\\csname langle\\endcsname u^t \\csname rangle\\endcsname}$}")]
    [InlineData("Geo$^\\textbf{2}$:", "{Geo$^\\textbf{2}$}:")]
    [InlineData("$\\{0,1\\}^n$", "{$\\lbrace0,1\\rbrace^n$}")]
    [InlineData("$x'^2$ and $f''$", "{$x'^2$} and {$f''$}")]
    [InlineData("$\\left( \\frac12 \\right]$", "{$\\left( \\frac12 \\right]$}")]
    [InlineData("$\\sqrt[3]{x}$ $\\text{Müller}$", "{$\\sqrt[3]{x}$} {$\\text{Müller}$}")]
    [InlineData("$αβ x$", "{$\\alpha\\beta x$}")]
    public void Math_in_titles_is_kept_as_math(string title, string expected)
    {
        Assert.Equal(expected, Title(title));
    }

    [Theory]
    [InlineData("ChartE$^{3}$: A Comprehensive Benchmark", "{ChartE$^{3}$}: A Comprehensive Benchmark")]
    [InlineData("(DR$^2$Seg), and more", "({DR$^2$Seg}), and more")]
    [InlineData("$K$-Token Merging", "{$K$}-Token Merging")]
    [InlineData("The $n$-Sided PL Condition", "The {$n$}-Sided {PL} Condition")]
    public void Punctuation_stays_outside_the_braces_and_math_apart_from_letters_is_braced_alone(string title, string expected)
    {
        Assert.Equal(expected, Title(title));
    }

    [Theory]
    [InlineData("3D Gaussian Splatting for Scenes", null, "{3D} {Gaussian} Splatting for Scenes")]
    [InlineData("Bayesian-Optimal Markov Chains", null, "{Bayesian}-Optimal {Markov} Chains")]
    [InlineData("Splatting the Moon's Craters", "We splat craters on the Moon. The Moon's surface is rough.", "Splatting the {Moon's} Craters")]
    [InlineData("Learning with Experts", "Learning is hard. We ask Experts and learning experts.", "Learning with Experts")]
    public void Proper_nouns_keep_their_capital_and_nothing_else_is_braced(string title, string? summary, string expected)
    {
        var sb = new StringBuilder();
        BibtexText.AppendTitle(sb, title, ascii: false, ProperNouns.FromAbstract(summary));
        Assert.Equal(expected, sb.ToString());
    }

    [Fact]
    public void An_abstract_gives_the_words_it_capitalizes_only_in_mid_sentence()
    {
        IReadOnlySet<string> nouns = ProperNouns.FromAbstract(
            "Gaussian splats are fast. We render them on Mars, with Gaussian Splatting; splatting is cheap. $X$ Is math: Results follow. "
            + "A Cross-Scale Detector (CSD) runs in Minecraft, Terraria and Python-based tools.");
        // Terraria is next to Python across "and", Python is in a compound, Cross, Scale and Detector are a title-cased name.
        Assert.Equal(["Mars", "Minecraft"], nouns.Order(StringComparer.Ordinal));
        Assert.Empty(ProperNouns.FromAbstract(null));
    }

    [Theory]
    [InlineData("Cafe\u0301", "Caf{\\'e}")]
    [InlineData("e\u0301\u0334 mark", "{\\'e} mark")]
    [InlineData("a\u0334b", "ab")]
    [InlineData("\u0301alone", "alone")]
    [InlineData("zero\u200Bwidth\u202Eflip\u2060join\uFEFFbom\u200Fmark", "zerowidthflipjoinbommark")]
    [InlineData("soft\u00ADhyphen", "soft\\-hyphen")]
    public void Ascii_output_turns_combining_marks_and_format_characters_into_what_pdflatex_accepts(string value, string expected)
    {
        string written = Text(value, ascii: true);
        Assert.Equal(expected, written);
        Assert.All(written, c => Assert.True(c < 128, $"U+{(int)c:X4} in {written}"));
    }

    [Theory]
    [InlineData("Cafe\u0301", 0)]
    [InlineData("a\u0334b\u0301", 1)]
    [InlineData("\u0301zero\u200Bwidth\u202E", 3)]
    [InlineData("soft\u00ADhyphen", 0)]
    public void Ascii_output_counts_what_it_drops(string value, int dropped)
    {
        Assert.Equal(dropped, BibtexText.CountDroppedInAscii(value));
    }

    [Theory]
    [InlineData("$\\input{x}$", "\\${\\textbackslash}input{\\textbraceleft}x{\\textbraceright}\\$")]
    [InlineData("$x^^41$", "\\$x{\\textasciicircum}{\\textasciicircum}41\\$")]
    [InlineData("$a^b^c$", "\\$a{\\textasciicircum}b{\\textasciicircum}c\\$")]
    [InlineData("$x'^2'$", "\\$x'{\\textasciicircum}2'\\$")]
    [InlineData("$x^$", "\\$x{\\textasciicircum}\\$")]
    [InlineData("$\\frac{a}$", "\\${\\textbackslash}frac{\\textbraceleft}a{\\textbraceright}\\$")]
    [InlineData("$a & b$", "\\$a \\& b\\$")]
    [InlineData("$a # b$", "\\$a \\# b\\$")]
    [InlineData("$50%$", "\\$50\\%\\$")]
    [InlineData("${$", "\\${\\textbraceleft}\\$")]
    [InlineData("$\\left( x$", "\\${\\textbackslash}left( x\\$")]
    [InlineData("$\\right)$", "\\${\\textbackslash}right)\\$")]
    [InlineData("$\\text{a_b}$", "\\${\\textbackslash}text{\\textbraceleft}a\\_b{\\textbraceright}\\$")]
    [InlineData("$\\\\$", "\\${\\textbackslash}{\\textbackslash}\\$")]
    [InlineData("$é$", "\\$é\\$")]
    [InlineData("$ $", "\\$ \\$")]
    [InlineData("$$x$$", "\\$\\$x\\$\\$")]
    [InlineData("a $ b", "a \\$ b")]
    [InlineData("\\$5 and \\$6", "{\\textbackslash}\\$5 and {\\textbackslash}\\$6")]
    public void Math_outside_the_safe_subset_prints_literally(string value, string expected)
    {
        Assert.Equal(expected, Text(value));
    }

    [Fact]
    public void Math_nested_too_deep_prints_literally()
    {
        string deep = "$" + new string('{', 40) + "x" + new string('}', 40) + "$";
        string written = Text(deep);
        Assert.StartsWith("\\${\\textbraceleft}", written, StringComparison.Ordinal);
        Assert.True(BracesBalance(written));
    }

    [Theory]
    [InlineData("Nüwa: Résumé", "N{\\\"u}wa: R{\\'e}sum{\\'e}")]
    [InlineData("Łukasz Żółć", "{\\L}ukasz {\\.Z}{\\'o}{\\l}{\\'c}")]
    [InlineData("Şahin İsmail ğ ő ř ę", "{\\c{S}}ahin {\\.I}smail {\\u{g}} {\\H{o}} {\\v{r}} {\\k{e}}")]
    [InlineData("Íñigo í ï ǐ", "{\\'I}{\\~n}igo {\\'{\\i}} {\\\"{\\i}} {\\v{\\i}}")]
    [InlineData("ệ", "{\\^{\\d{e}}}")]
    [InlineData("e\u0301 (decomposed)", "{\\'e} (decomposed)")]
    [InlineData("ß æ Ø å Å", "{\\ss} {\\ae} {\\O} {\\aa} {\\AA}")]
    [InlineData("360° – “q” …", "360{\\textdegree} {\\textendash} {\\textquotedblleft}q{\\textquotedblright} {\\textellipsis}")]
    [InlineData("α-test", "{\\ensuremath{\\alpha}}-test")]
    [InlineData("non\u00A0breaking", "non~breaking")]
    [InlineData("张伟 ș", "张伟 ș")]
    public void Ascii_mode_writes_accent_commands_and_keeps_what_has_none(string value, string expected)
    {
        Assert.Equal(expected, Text(value, ascii: true));
        Assert.True(BracesBalance(Text(value, ascii: true)));
    }

    [Fact]
    public void Utf8_mode_keeps_non_ascii_as_it_is()
    {
        Assert.Equal("Nüwa 张伟 360° “q”", Text("Nüwa 张伟 360° “q”"));
    }

    [Theory]
    [InlineData(new[] { "Ada Lovelace", "Alan Turing" }, "Ada Lovelace and Alan Turing")]
    [InlineData(new[] { "Bob and Alice" }, "Bob {and} Alice")]
    [InlineData(new[] { "Anders AND Sons" }, "Anders {AND} Sons")]
    [InlineData(new[] { "John Smith, Jr." }, "{John Smith, Jr.}")]
    [InlineData(new[] { "Qwen Team" }, "{Qwen Team}")]
    [InlineData(new[] { "DeepSeek-AI", "Linus" }, "DeepSeek-AI and Linus")]
    [InlineData(new[] { "others" }, "o{}thers")]
    [InlineData(new[] { "Others" }, "O{}thers")]
    [InlineData(new[] { "{Odd} Name" }, "\\textbraceleft{}Odd\\textbraceright{} Name")]
    [InlineData(new[] { "&Amp %Pct #Hash $Dollar _Under" }, "\\symbol{38}Amp \\symbol{37}Pct \\symbol{35}Hash \\symbol{36}Dollar \\textunderscore{}Under")]
    [InlineData(new[] { "Jo \\input{/etc/passwd}" }, "Jo \\textbackslash{}input\\textbraceleft{}/etc/passwd\\textbraceright{}")]
    [InlineData(new[] { "Mariia Gladkova*", "Letian \"Max\" Fu" }, "Mariia Gladkova* and Letian \"Max\" Fu")]
    [InlineData(new[] { " ", "Ada\nLovelace ", "" }, "Ada Lovelace")]
    [InlineData(new[] { "Zhang 张伟" }, "Zhang 张伟")]
    public void Author_lists_are_joined_with_and_and_braced_where_needed(string[] names, string expected)
    {
        string written = Names(false, names);
        Assert.Equal(expected, written);
        Assert.True(BracesBalance(written));
    }

    [Fact]
    public void Ascii_names_use_accent_commands()
    {
        Assert.Equal("{\\\"O}zg{\\\"u}r {\\c{S}}ahin and {\\'E}mile Zola", Names(true, "Özgür Şahin", "Émile Zola"));
    }
}
