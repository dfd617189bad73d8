using System.Collections.Frozen;
using System.Globalization;

namespace ArxivDigest.Parsing.Writers.Bibtex;

/// <summary>
/// What LaTeX calls the characters BibTeX output meets: accent commands and special letters for non-ASCII text
/// (<c>--bib-ascii</c>), math commands for Greek letters and symbols inside <c>$…$</c>, and the ASCII letters a
/// citation key is spelled with. Only commands of the LaTeX kernel (with the T1 font encoding and textcomp, both part
/// of every LaTeX since 2020) are used in text; math may use amsmath and amssymb.
/// </summary>
internal static class LatexCharacters
{
    /// <summary>Letters LaTeX writes as a command of their own, and their ASCII spelling in citation keys.</summary>
    private static readonly FrozenDictionary<char, (string Command, string Ascii)> SpecialLetters = new Dictionary<char, (string, string)>
    {
        ['ß'] = ("\\ss", "ss"),
        ['æ'] = ("\\ae", "ae"),
        ['Æ'] = ("\\AE", "ae"),
        ['œ'] = ("\\oe", "oe"),
        ['Œ'] = ("\\OE", "oe"),
        ['ø'] = ("\\o", "o"),
        ['Ø'] = ("\\O", "o"),
        ['ł'] = ("\\l", "l"),
        ['Ł'] = ("\\L", "l"),
        ['ı'] = ("\\i", "i"),
        ['ȷ'] = ("\\j", "j"),
        ['å'] = ("\\aa", "a"),
        ['Å'] = ("\\AA", "a"),
        ['đ'] = ("\\dj", "d"),
        ['Đ'] = ("\\DJ", "d"),
        ['ð'] = ("\\dh", "d"),
        ['Ð'] = ("\\DH", "d"),
        ['þ'] = ("\\th", "th"),
        ['Þ'] = ("\\TH", "th"),
        ['ŋ'] = ("\\ng", "ng"),
        ['Ŋ'] = ("\\NG", "ng"),
    }.ToFrozenDictionary();

    /// <summary>Text symbols and punctuation (for <c>--bib-ascii</c>): a command, or plain ASCII where LaTeX has it.</summary>
    private static readonly FrozenDictionary<char, string> TextSymbols = new Dictionary<char, string>
    {
        ['\u00A0'] = "~",
        ['\u00AD'] = "\\-",
        ['\u2009'] = "\\,",
        ['\u202F'] = "\\,",
        ['\u2010'] = "-",
        ['\u2011'] = "-",
        ['\u2012'] = "\\textendash",
        ['\u2013'] = "\\textendash",
        ['\u2014'] = "\\textemdash",
        ['\u2015'] = "\\textemdash",
        ['\u2018'] = "\\textquoteleft",
        ['\u2019'] = "\\textquoteright",
        ['\u201A'] = "\\quotesinglbase",
        ['\u201C'] = "\\textquotedblleft",
        ['\u201D'] = "\\textquotedblright",
        ['\u201E'] = "\\quotedblbase",
        ['\u2039'] = "\\guilsinglleft",
        ['\u203A'] = "\\guilsinglright",
        ['«'] = "\\guillemotleft",
        ['»'] = "\\guillemotright",
        ['…'] = "\\textellipsis",
        ['•'] = "\\textbullet",
        ['†'] = "\\textdagger",
        ['‡'] = "\\textdaggerdbl",
        ['§'] = "\\textsection",
        ['¶'] = "\\textparagraph",
        ['©'] = "\\textcopyright",
        ['®'] = "\\textregistered",
        ['™'] = "\\texttrademark",
        ['°'] = "\\textdegree",
        ['±'] = "\\textpm",
        ['×'] = "\\texttimes",
        ['÷'] = "\\textdiv",
        ['·'] = "\\textperiodcentered",
        ['µ'] = "\\textmu",
        ['¹'] = "\\textonesuperior",
        ['²'] = "\\texttwosuperior",
        ['³'] = "\\textthreesuperior",
        ['¼'] = "\\textonequarter",
        ['½'] = "\\textonehalf",
        ['¾'] = "\\textthreequarters",
        ['£'] = "\\textsterling",
        ['€'] = "\\texteuro",
        ['¥'] = "\\textyen",
        ['¢'] = "\\textcent",
        ['¤'] = "\\textcurrency",
        ['¦'] = "\\textbrokenbar",
        ['¬'] = "\\textlnot",
        ['ª'] = "\\textordfeminine",
        ['º'] = "\\textordmasculine",
        ['¡'] = "\\textexclamdown",
        ['¿'] = "\\textquestiondown",
        ['‰'] = "\\textperthousand",
        ['←'] = "\\textleftarrow",
        ['→'] = "\\textrightarrow",
        ['↑'] = "\\textuparrow",
        ['↓'] = "\\textdownarrow",
        ['−'] = "\\textminus",
        ['¯'] = "\\textasciimacron",
        ['´'] = "\\textasciiacute",
        ['¨'] = "\\textasciidieresis",
    }.ToFrozenDictionary();

    /// <summary>Greek letters and mathematical symbols, by the math command that writes them (without the backslash).</summary>
    private static readonly FrozenDictionary<char, string> MathSymbols = new Dictionary<char, string>
    {
        ['α'] = "alpha",
        ['β'] = "beta",
        ['γ'] = "gamma",
        ['δ'] = "delta",
        ['ε'] = "varepsilon",
        ['ϵ'] = "epsilon",
        ['ζ'] = "zeta",
        ['η'] = "eta",
        ['θ'] = "theta",
        ['ϑ'] = "vartheta",
        ['ι'] = "iota",
        ['κ'] = "kappa",
        ['λ'] = "lambda",
        ['μ'] = "mu",
        ['ν'] = "nu",
        ['ξ'] = "xi",
        ['π'] = "pi",
        ['ϖ'] = "varpi",
        ['ρ'] = "rho",
        ['ϱ'] = "varrho",
        ['σ'] = "sigma",
        ['ς'] = "varsigma",
        ['τ'] = "tau",
        ['υ'] = "upsilon",
        ['φ'] = "varphi",
        ['ϕ'] = "phi",
        ['χ'] = "chi",
        ['ψ'] = "psi",
        ['ω'] = "omega",
        ['Γ'] = "Gamma",
        ['Δ'] = "Delta",
        ['Θ'] = "Theta",
        ['Λ'] = "Lambda",
        ['Ξ'] = "Xi",
        ['Π'] = "Pi",
        ['Σ'] = "Sigma",
        ['Υ'] = "Upsilon",
        ['Φ'] = "Phi",
        ['Ψ'] = "Psi",
        ['Ω'] = "Omega",
        ['×'] = "times",
        ['·'] = "cdot",
        ['⋅'] = "cdot",
        ['÷'] = "div",
        ['±'] = "pm",
        ['∓'] = "mp",
        ['∗'] = "ast",
        ['∘'] = "circ",
        ['∙'] = "bullet",
        ['⊕'] = "oplus",
        ['⊗'] = "otimes",
        ['⊙'] = "odot",
        ['∩'] = "cap",
        ['∪'] = "cup",
        ['∧'] = "wedge",
        ['∨'] = "vee",
        ['∖'] = "setminus",
        ['≤'] = "leq",
        ['≥'] = "geq",
        ['≠'] = "neq",
        ['≈'] = "approx",
        ['∼'] = "sim",
        ['≃'] = "simeq",
        ['≅'] = "cong",
        ['≡'] = "equiv",
        ['∝'] = "propto",
        ['≪'] = "ll",
        ['≫'] = "gg",
        ['⊂'] = "subset",
        ['⊆'] = "subseteq",
        ['⊃'] = "supset",
        ['⊇'] = "supseteq",
        ['∈'] = "in",
        ['∉'] = "notin",
        ['∋'] = "ni",
        ['∣'] = "mid",
        ['∥'] = "parallel",
        ['⊥'] = "perp",
        ['≺'] = "prec",
        ['≻'] = "succ",
        ['⊢'] = "vdash",
        ['→'] = "to",
        ['←'] = "gets",
        ['↔'] = "leftrightarrow",
        ['⇒'] = "Rightarrow",
        ['⇐'] = "Leftarrow",
        ['⇔'] = "Leftrightarrow",
        ['↦'] = "mapsto",
        ['↑'] = "uparrow",
        ['↓'] = "downarrow",
        ['⟶'] = "longrightarrow",
        ['∑'] = "sum",
        ['∏'] = "prod",
        ['∫'] = "int",
        ['∮'] = "oint",
        ['∂'] = "partial",
        ['∇'] = "nabla",
        ['∞'] = "infty",
        ['∅'] = "emptyset",
        ['∀'] = "forall",
        ['∃'] = "exists",
        ['¬'] = "neg",
        ['ℓ'] = "ell",
        ['ℏ'] = "hbar",
        ['ℵ'] = "aleph",
        ['…'] = "ldots",
        ['⋯'] = "cdots",
        ['⟨'] = "langle",
        ['⟩'] = "rangle",
        ['⌊'] = "lfloor",
        ['⌋'] = "rfloor",
        ['⌈'] = "lceil",
        ['⌉'] = "rceil",
        ['‖'] = "Vert",
        ['†'] = "dagger",
    }.ToFrozenDictionary();

    /// <summary>Greek capitals written like Latin ones, which LaTeX has no command for.</summary>
    private const string GreekLikeLatin = "ΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΧXοo";

    /// <summary>Whether <paramref name="c"/> is a combining mark that LaTeX has an accent command for.</summary>
    public static bool IsSupportedMark(char c) => AccentCommand(c) is not null;

    /// <summary>Whether <paramref name="c"/> is a combining diacritical mark (U+0300–U+036F).</summary>
    public static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    /// <summary>
    /// Appends the LaTeX for the letter at <paramref name="text"/>[0] with the combining marks that follow it (a
    /// precomposed letter, or a letter followed by combining marks), or a text symbol; returns how many characters
    /// it used, or 0 when LaTeX has no command for it (the caller keeps the character as it is).
    /// </summary>
    /// <remarks>The result is one BibTeX "special character" (<c>{\'e}</c>, <c>{\ss}</c>), which case changes leave alone.</remarks>
    public static int AppendText(System.Text.StringBuilder output, ReadOnlySpan<char> text)
    {
        char c = text[0];
        int marksEnd = 1;
        while (marksEnd < text.Length && IsCombiningMark(text[marksEnd]))
        {
            marksEnd++;
        }

        ReadOnlySpan<char> trailingMarks = text[1..marksEnd];
        string? letter = null;
        ReadOnlySpan<char> marks = trailingMarks;
        string? precomposed = null;
        if (char.IsAsciiLetter(c))
        {
            if (trailingMarks.IsEmpty)
            {
                return 0;
            }

            letter = c.ToString();
        }
        else if (SpecialLetters.TryGetValue(c, out (string Command, string Ascii) special))
        {
            letter = special.Command;
        }
        else if (LatinLetters.Decompositions.TryGetValue(c, out precomposed))
        {
            letter = precomposed[..1];
            marks = precomposed.AsSpan(1);
        }

        if (letter is not null)
        {
            string combined = precomposed is not null && !trailingMarks.IsEmpty ? string.Concat(marks, trailingMarks) : marks.ToString();
            if (!AllSupported(combined))
            {
                return 0;
            }

            output.Append('{').Append(Accented(letter, combined)).Append('}');
            return marksEnd;
        }

        if (TextSymbols.TryGetValue(c, out string? symbol))
        {
            if (symbol[0] == '\\' && char.IsAsciiLetter(symbol[1]))
            {
                output.Append('{').Append(symbol).Append('}');
            }
            else
            {
                output.Append(symbol);
            }

            return 1;
        }

        if (MathSymbols.TryGetValue(c, out string? math))
        {
            output.Append("{\\ensuremath{\\").Append(math).Append("}}");
            return 1;
        }

        return 0;
    }

    /// <summary>The math command (without backslash) for a Greek letter or mathematical symbol, or null.</summary>
    public static string? MathCommand(char c) => MathSymbols.TryGetValue(c, out string? name) ? name : null;

    /// <summary>The Latin letter a Greek capital looks like (Α → A), or <c>'\0'</c>.</summary>
    public static char LatinLookAlike(char c)
    {
        int at = GreekLikeLatin.IndexOf(c, StringComparison.Ordinal);
        return at >= 0 && at % 2 == 0 ? GreekLikeLatin[at + 1] : '\0';
    }

    /// <summary>
    /// The lower-case ASCII letters and digits of <paramref name="c"/> for a citation key: accents removed
    /// (<c>é</c> → <c>e</c>), special letters spelled out (<c>ß</c> → <c>ss</c>), anything else empty.
    /// </summary>
    public static string Ascii(char c)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            return char.ToLowerInvariant(c).ToString();
        }

        if (LatinLetters.Decompositions.TryGetValue(c, out string? decomposition))
        {
            return char.ToLowerInvariant(decomposition[0]).ToString();
        }

        return SpecialLetters.TryGetValue(c, out (string Command, string Ascii) special) ? special.Ascii : string.Empty;
    }

    private static bool AllSupported(string marks)
    {
        foreach (char m in marks)
        {
            if (!IsSupportedMark(m))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>\'e</c>, <c>\'{\i}</c>, <c>\c{c}</c>, <c>\^{\d{e}}</c>: the marks applied innermost first.</summary>
    private static string Accented(string letter, string marks)
    {
        if (marks.Length == 0)
        {
            return letter;
        }

        // An accent above i or j goes on the dotless letter.
        if (letter is "i" or "j" && marks.Any(IsAbove))
        {
            letter = letter == "i" ? "\\i" : "\\j";
        }

        string result = letter;
        foreach (char mark in marks)
        {
            string command = AccentCommand(mark)!;
            bool symbolic = !char.IsAsciiLetter(command[0]);
            result = symbolic && result.Length == 1
                ? string.Create(CultureInfo.InvariantCulture, $"\\{command}{result}")
                : string.Create(CultureInfo.InvariantCulture, $"\\{command}{{{result}}}");
        }

        return result;
    }

    private static bool IsAbove(char mark) => mark is not ('\u0323' or '\u0327' or '\u0328' or '\u0331');

    /// <summary>The LaTeX accent command (without backslash) for a combining mark, or null.</summary>
    private static string? AccentCommand(char mark) => mark switch
    {
        '\u0300' => "`",
        '\u0301' => "'",
        '\u0302' => "^",
        '\u0303' => "~",
        '\u0304' => "=",
        '\u0306' => "u",
        '\u0307' => ".",
        '\u0308' => "\"",
        '\u030A' => "r",
        '\u030B' => "H",
        '\u030C' => "v",
        '\u0323' => "d",
        '\u0327' => "c",
        '\u0328' => "k",
        '\u0331' => "b",
        _ => null,
    };
}
