using System.Buffers;
using System.Globalization;
using System.Text;

namespace ArxivDigest.Parsing.Writers.Bibtex;

/// <summary>
/// The one place where text becomes the inside of a braced BibTeX field. Everything is literal (it prints as the
/// digest wrote it) except <c>$…$</c> spans that <see cref="LatexMath"/> accepts, which stay math. Whatever the
/// input, the result has balanced braces made only by this class, so a value can never close its field early, and
/// holds no backslash of the input, so it can never run a command. docs/bibtex.md gives every rule.
/// </summary>
internal static class BibtexText
{
    /// <summary>Corporate authors: a name ending in one of these words is kept whole, as one braced name.</summary>
    private static readonly HashSet<string> CorporateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Team", "Collaboration", "Consortium", "Group", "Lab", "Labs", "Laboratory", "Project", "Committee", "Initiative",
        "Community", "Contributors", "Organization", "Organisation", "Association", "Society", "Foundation", "Institute",
    };

    /// <summary>
    /// The value as text: white space (including line breaks) collapsed to single spaces and trimmed; control
    /// characters, lone surrogates and noncharacters removed.
    /// </summary>
    public static string Clean(string value)
    {
        var sb = new StringBuilder(value.Length);
        bool space = false;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029')
            {
                space = sb.Length > 0;
                continue;
            }

            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF')
            {
                continue;
            }

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    Flush(sb, ref space);
                    sb.Append(c).Append(value[i + 1]);
                    i++;
                }

                continue;
            }

            Flush(sb, ref space);
            sb.Append(c);
        }

        return sb.ToString();

        static void Flush(StringBuilder sb, ref bool space)
        {
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
        }
    }

    /// <summary>Every character <see cref="Clean"/> may remove (a lone surrogate's test needs its neighbour).</summary>
    private static readonly SearchValues<char> Removable = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F"
        + string.Concat(Enumerable.Range(0x80, 0x20).Where(c => c != 0x85).Select(c => (char)c))
        + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c))
        + "\uFFFE\uFFFF");

    /// <summary>How many characters <see cref="Clean"/> removes from <paramref name="value"/> (not counting white space it collapses).</summary>
    public static int CountRemoved(string value)
    {
        if (value.AsSpan().IndexOfAny(Removable) < 0)
        {
            return 0;
        }

        int removed = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or '\u0085')
            {
                continue;
            }

            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF')
            {
                removed++;
            }
            else if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                }
                else
                {
                    removed++;
                }
            }
        }

        return removed;
    }

    /// <summary>
    /// Appends a text field (<c>abstract</c>, <c>note</c>, <c>primaryClass</c>): literal text, and math where the
    /// value has an accepted <c>$…$</c> span.
    /// </summary>
    public static void AppendText(StringBuilder output, string value, bool ascii) => Append(output, Clean(value), ascii, protect: false);

    /// <summary>
    /// Appends a title: as <see cref="AppendText"/>, with what styles must not lower-case in braces and nothing more:
    /// words with inner capitals, all capitals or letters with digits, capitalized letters touching math, proper
    /// nouns (<see cref="ProperNouns"/>), and each math span on its own.
    /// </summary>
    /// <param name="output">Where to append.</param>
    /// <param name="value">The title.</param>
    /// <param name="ascii">Accent commands instead of UTF-8.</param>
    /// <param name="properNouns">Capitalized words that keep their capital (<see cref="ProperNouns.FromAbstract"/>); none when null.</param>
    public static void AppendTitle(StringBuilder output, string value, bool ascii, IReadOnlySet<string>? properNouns = null)
        => Append(output, Clean(value), ascii, protect: true, properNouns);

    /// <summary>
    /// Appends an author list, <c>First Last and First Last</c>. Empty names are left out; <c>and others</c> is never
    /// added.
    /// </summary>
    public static void AppendNames(StringBuilder output, IEnumerable<string> names, bool ascii)
    {
        bool first = true;
        foreach (string raw in names)
        {
            string name = Clean(raw);
            if (name.Length == 0)
            {
                continue;
            }

            if (!first)
            {
                output.Append(" and ");
            }

            first = false;
            AppendName(output, name, ascii);
        }
    }

    /// <summary>Whether any name of <paramref name="names"/> is left after cleaning.</summary>
    public static bool HasNames(IEnumerable<string> names) => names.Any(n => Clean(n).Length > 0);

    private static void AppendName(StringBuilder output, string name, bool ascii)
    {
        // A comma would make BibTeX read "Last, First"; a corporate name has no first and last part. Both stay whole.
        int lastSpace = name.LastIndexOf(' ');
        if (name.Contains(',', StringComparison.Ordinal) || (lastSpace > 0 && CorporateWords.Contains(name[(lastSpace + 1)..])))
        {
            output.Append('{');
            AppendLiteral(output, name, ascii, inName: true);
            output.Append('}');
            return;
        }

        // "others" alone means "et al." to BibTeX and biber; an author really called so is kept by breaking the word.
        if (name.Equals("others", StringComparison.OrdinalIgnoreCase))
        {
            output.Append(name[0]).Append("{}").Append(name.AsSpan(1));
            return;
        }

        bool firstWord = true;
        foreach (string word in name.Split(' '))
        {
            if (!firstWord)
            {
                output.Append(' ');
            }

            firstWord = false;
            if (word.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                output.Append('{').Append(word).Append('}'); // not a separator of names
            }
            else
            {
                AppendLiteral(output, word, ascii, inName: true);
            }
        }
    }

    private static void Append(StringBuilder output, string text, bool ascii, bool protect, IReadOnlySet<string>? properNouns = null)
    {
        List<Piece> pieces = Split(text, ascii);
        if (!protect)
        {
            foreach (Piece piece in pieces)
            {
                if (piece.Math is string math)
                {
                    output.Append("{$").Append(math).Append("$}");
                }
                else
                {
                    AppendLiteral(output, text.AsSpan(piece.Start, piece.Length), ascii, inName: false);
                }
            }

            return;
        }

        // A title, word by word (words are separated by spaces; a math span belongs to the word it is in).
        var word = new List<Piece>();
        foreach (Piece piece in pieces)
        {
            if (piece.Math is not null)
            {
                word.Add(piece);
                continue;
            }

            int start = piece.Start;
            int end = piece.Start + piece.Length;
            for (int i = start; i < end; i++)
            {
                if (text[i] == ' ')
                {
                    if (i > start)
                    {
                        word.Add(new Piece(start, i - start, null));
                    }

                    AppendWord(output, text, word, ascii, properNouns);
                    word.Clear();
                    output.Append(' ');
                    start = i + 1;
                }
            }

            if (end > start)
            {
                word.Add(new Piece(start, end - start, null));
            }
        }

        AppendWord(output, text, word, ascii, properNouns);
    }

    /// <summary>
    /// A word of a title. Math touching letters (<c>ChartE$^3$</c>, <c>B$^3$-Seg</c>) makes the word a name, braced
    /// whole; math standing apart (<c>$\varepsilon$-Optimal</c>) is braced alone (styles would lower-case its letters)
    /// and the rest protected as any word. Either way punctuation at the word's ends stays outside the braces, so a
    /// colon is one styles see (they keep the capital after <c>: </c>).
    /// </summary>
    private static void AppendWord(StringBuilder output, string text, List<Piece> word, bool ascii, IReadOnlySet<string>? properNouns)
    {
        if (word.Count == 0)
        {
            return;
        }

        if (!IsName(text, word))
        {
            foreach (Piece piece in word)
            {
                if (piece.Math is string math)
                {
                    output.Append("{$").Append(math).Append("$}");
                }
                else
                {
                    AppendProtected(output, text.AsSpan(piece.Start, piece.Length), ascii, properNouns);
                }
            }

            return;
        }

        // Punctuation before the first letter of a leading literal piece and after the last letter of a trailing one.
        Piece head = word[0];
        Piece tail = word[^1];
        int lead = head.Math is null ? Leading(text.AsSpan(head.Start, head.Length)) : 0;
        int trail = tail.Math is null ? Trailing(text.AsSpan(tail.Start, tail.Length)) : 0;
        if (word.Count == 1)
        {
            trail = Math.Min(trail, head.Length - lead);
        }

        AppendLiteral(output, text.AsSpan(head.Start, lead), ascii, inName: false);
        output.Append('{');
        for (int i = 0; i < word.Count; i++)
        {
            Piece piece = word[i];
            if (piece.Math is string math)
            {
                output.Append('$').Append(math).Append('$');
                continue;
            }

            int start = piece.Start + (i == 0 ? lead : 0);
            int end = piece.Start + piece.Length - (i == word.Count - 1 ? trail : 0);
            AppendLiteral(output, text.AsSpan(start, end - start), ascii, inName: false);
        }

        output.Append('}');
        AppendLiteral(output, text.AsSpan(tail.Start + tail.Length - trail, trail), ascii, inName: false);

        static int Leading(ReadOnlySpan<char> s)
        {
            int n = 0;
            while (n < s.Length && !char.IsLetterOrDigit(s[n]))
            {
                n++;
            }

            return n;
        }

        static int Trailing(ReadOnlySpan<char> s)
        {
            int n = 0;
            while (n < s.Length && !char.IsLetterOrDigit(s[s.Length - 1 - n]) && !LatexCharacters.IsCombiningMark(s[s.Length - 1 - n]))
            {
                n++;
            }

            return n;
        }
    }

    /// <summary>Whether a math span of the word touches a letter or digit of the text around it.</summary>
    private static bool IsName(string text, List<Piece> word)
    {
        for (int i = 0; i < word.Count; i++)
        {
            if (word[i].Math is null)
            {
                continue;
            }

            if (i > 0 && word[i - 1] is { Math: null } before && before.Length > 0 && char.IsLetterOrDigit(text[before.Start + before.Length - 1]))
            {
                return true;
            }

            if (i + 1 < word.Count && word[i + 1] is { Math: null } after && after.Length > 0 && char.IsLetterOrDigit(text[after.Start]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Cuts text into literal pieces and the math spans <see cref="LatexMath"/> accepts (already converted). A
    /// dollar pairs with the next one; a pair that is empty (<c>$$</c>) or not accepted stays literal text, as does a
    /// dollar with no partner.
    /// </summary>
    internal static List<Piece> Split(string text, bool ascii)
    {
        var pieces = new List<Piece>();
        var math = new StringBuilder();
        int textStart = 0;
        int pos = 0;
        while (pos < text.Length)
        {
            if (text[pos] != '$' || IsEscaped(text, pos))
            {
                pos++;
                continue;
            }

            int close = FindClosingDollar(text, pos + 1);
            if (close < 0)
            {
                break;
            }

            math.Clear();
            if (close > pos + 1 && LatexMath.TryAppend(text.AsSpan(pos + 1, close - pos - 1), ascii, math))
            {
                if (pos > textStart)
                {
                    pieces.Add(new Piece(textStart, pos - textStart, null));
                }

                pieces.Add(new Piece(pos, close + 1 - pos, math.ToString()));
                textStart = close + 1;
            }

            pos = close + 1;
        }

        if (text.Length > textStart)
        {
            pieces.Add(new Piece(textStart, text.Length - textStart, null));
        }

        return pieces;
    }

    /// <summary>
    /// Literal text without spaces, with its parts (split at hyphens, slashes and colons) braced where they need it
    /// (<see cref="NeedsProtection"/>, or a capitalized proper noun); punctuation at a part's ends stays outside.
    /// </summary>
    private static void AppendProtected(StringBuilder output, ReadOnlySpan<char> text, bool ascii, IReadOnlySet<string>? properNouns)
    {
        while (!text.IsEmpty)
        {
            int separator = text.IndexOfAny("-/:\u2013\u2014");
            ReadOnlySpan<char> part = separator < 0 ? text : text[..separator];
            int first = 0;
            while (first < part.Length && !char.IsLetterOrDigit(part[first]))
            {
                first++;
            }

            int last = part.Length - 1;
            while (last >= first && !char.IsLetterOrDigit(part[last]))
            {
                last--;
            }

            while (last + 1 < part.Length && LatexCharacters.IsCombiningMark(part[last + 1]))
            {
                last++;
            }

            if (last >= first && (NeedsProtection(part[first..(last + 1)]) || IsProperNoun(part[first..(last + 1)], properNouns)))
            {
                AppendLiteral(output, part[..first], ascii, inName: false);
                output.Append('{');
                AppendLiteral(output, part[first..(last + 1)], ascii, inName: false);
                output.Append('}');
                AppendLiteral(output, part[(last + 1)..], ascii, inName: false);
            }
            else
            {
                AppendLiteral(output, part, ascii, inName: false);
            }

            if (separator < 0)
            {
                break;
            }

            AppendLiteral(output, text.Slice(separator, 1), ascii, inName: false);
            text = text[(separator + 1)..];
        }
    }

    /// <summary>A capitalized word (<c>Gaussian</c>, <c>Gaussian's</c>) that is a proper noun: see <see cref="ProperNouns"/>.</summary>
    private static bool IsProperNoun(ReadOnlySpan<char> word, IReadOnlySet<string>? properNouns)
    {
        if (word.Length < 2 || !char.IsUpper(word[0]))
        {
            return false;
        }

        if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("\u2019s", StringComparison.Ordinal))
        {
            word = word[..^2];
        }

        string w = word.ToString();
        return ProperNouns.Known.Contains(w) || (properNouns is not null && properNouns.Contains(w));
    }

    /// <summary>A capital after the first letter (<c>NeRF</c>, <c>GAN</c>, <c>R&amp;D</c>), or letters and digits together (<c>3D</c>).</summary>
    internal static bool NeedsProtection(ReadOnlySpan<char> word)
    {
        bool letter = false;
        bool digit = false;
        bool seenLetter = false;
        foreach (char c in word)
        {
            if (char.IsLetter(c))
            {
                if (seenLetter && char.IsUpper(c))
                {
                    return true;
                }

                seenLetter = true;
                letter = true;
            }
            else if (char.IsDigit(c))
            {
                digit = true;
            }
        }

        return letter && digit;
    }

    /// <summary>
    /// Appends text so that it prints as it is. In names, special characters are written so that biber can take a
    /// name's initial from them (<c>\textbackslash{}</c>, <c>\symbol{38}</c>) rather than as BibTeX special characters.
    /// </summary>
    internal static void AppendLiteral(StringBuilder output, ReadOnlySpan<char> text, bool ascii, bool inName)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? replacement = c switch
            {
                '\\' => inName ? "\\textbackslash{}" : "{\\textbackslash}",
                '{' => inName ? "\\textbraceleft{}" : "{\\textbraceleft}",
                '}' => inName ? "\\textbraceright{}" : "{\\textbraceright}",
                '~' => inName ? "\\textasciitilde{}" : "{\\textasciitilde}",
                '^' => inName ? "\\textasciicircum{}" : "{\\textasciicircum}",
                '<' => inName ? "\\textless{}" : "{\\textless}",
                '>' => inName ? "\\textgreater{}" : "{\\textgreater}",
                '|' => inName ? "\\textbar{}" : "{\\textbar}",
                '_' => inName ? "\\textunderscore{}" : "\\_",
                '&' => inName ? "\\symbol{38}" : "\\&",
                '%' => inName ? "\\symbol{37}" : "\\%",
                '#' => inName ? "\\symbol{35}" : "\\#",
                '$' => inName ? "\\symbol{36}" : "\\$",
                _ => null,
            };
            if (replacement is not null)
            {
                output.Append(replacement);
                continue;
            }

            bool marked = i + 1 < text.Length && LatexCharacters.IsCombiningMark(text[i + 1]);
            if (!ascii || (c < '\u0080' && !marked))
            {
                output.Append(c);
                continue;
            }

            int used = LatexCharacters.AppendText(output, text[i..]);
            if (used == 0 && marked)
            {
                used = AppendWithSupportedMarks(output, text[i..]);
            }

            if (used > 0)
            {
                i += used - 1;
            }
            else if (c == '\u00AD')
            {
                output.Append("\\-"); // soft hyphen: TeX's discretionary hyphen
            }
            else if (!DroppedInAscii(c))
            {
                output.Append(c); // no LaTeX command for it (CJK, for one): kept as UTF-8
            }
        }
    }

    /// <summary>
    /// A letter with combining marks of which LaTeX has no accent for some: the letter with the marks it has accents
    /// for (the others are dropped, see <see cref="DroppedInAscii"/>); the characters used, or 0.
    /// </summary>
    private static int AppendWithSupportedMarks(StringBuilder output, ReadOnlySpan<char> text)
    {
        int end = 1;
        while (end < text.Length && LatexCharacters.IsCombiningMark(text[end]))
        {
            end++;
        }

        var kept = new StringBuilder().Append(text[0]);
        foreach (char mark in text[1..end])
        {
            if (LatexCharacters.IsSupportedMark(mark))
            {
                kept.Append(mark);
            }
        }

        if (kept.Length == 1 && text[0] < '\u0080')
        {
            output.Append(text[0]);
            return end;
        }

        int used = LatexCharacters.AppendText(output, kept.ToString());
        return used > 0 ? end : 0;
    }

    /// <summary>
    /// Whether ASCII output drops <paramref name="c"/> when LaTeX has no command for it: a combining mark (it cannot
    /// stand alone in pdflatex) or an invisible format character (zero-width space, direction marks and overrides,
    /// the byte-order mark), which pdflatex rejects and which print nothing anyway.
    /// </summary>
    internal static bool DroppedInAscii(char c) => c != '\u00AD' && CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format;

    /// <summary>
    /// How many characters ASCII output drops from <paramref name="value"/> (<see cref="DroppedInAscii"/>): combining
    /// marks LaTeX has no accent for, marks with no letter before them, and invisible format characters.
    /// </summary>
    public static int CountDroppedInAscii(string value)
    {
        int dropped = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (!DroppedInAscii(c))
            {
                continue;
            }

            if (LatexCharacters.IsCombiningMark(c) && LatexCharacters.IsSupportedMark(c) && HasBase(value, i))
            {
                continue;
            }

            dropped++;
        }

        return dropped;

        static bool HasBase(string value, int i)
        {
            int j = i - 1;
            while (j >= 0 && LatexCharacters.IsCombiningMark(value[j]))
            {
                j--;
            }

            if (j < 0)
            {
                return false;
            }

            var probe = new StringBuilder();
            return LatexCharacters.AppendText(probe, string.Concat(value[j], value[i])) > 0;
        }
    }

    /// <summary>A dollar after an odd number of backslashes is the TeX escape <c>\$</c>, not math.</summary>
    private static bool IsEscaped(string text, int pos)
    {
        int backslashes = 0;
        while (pos - backslashes - 1 >= 0 && text[pos - backslashes - 1] == '\\')
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    /// <summary>The next unescaped dollar at or after <paramref name="from"/>, or -1.</summary>
    private static int FindClosingDollar(string text, int from)
    {
        for (int i = from; i < text.Length; i++)
        {
            if (text[i] == '$' && !IsEscaped(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The invariant spelling of a number.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A run of literal text (<see cref="Math"/> null) or an accepted math span, converted, without its dollars.</summary>
    internal readonly record struct Piece(int Start, int Length, string? Math);
}
