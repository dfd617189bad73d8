using System.Collections.Frozen;
using System.Text;

namespace ArxivDigest.Parsing.Writers.Bibtex;

/// <summary>
/// Checks the inside of a <c>$…$</c> span and writes it back as math when it is in a small, safe subset of LaTeX math
/// that always compiles: letters, digits and harmless punctuation; groups; sub- and superscripts (one of each per
/// atom); and a fixed list of commands (Greek letters, operators, relations, arrows, fonts such as <c>\mathcal</c>,
/// <c>\frac</c>, <c>\sqrt</c>, <c>\text</c>, <c>\left…\right</c>). Greek letters and symbols typed as Unicode become
/// their commands. Anything else (an unknown command such as <c>\input</c>, a <c>^^</c> sequence, <c>#</c>,
/// <c>&amp;</c>, <c>%</c>, an unbalanced brace, a missing argument, a double superscript) rejects the whole span, which
/// the caller then writes as literal text.
/// </summary>
internal ref struct LatexMath
{
    private const int MaxDepth = 16;

    private static readonly FrozenDictionary<string, Kind> Commands = BuildCommands();

    private readonly ReadOnlySpan<char> _text;
    private readonly bool _ascii;
    private readonly StringBuilder _output;
    private int _pos;
    private bool _afterControlWord;

    private LatexMath(ReadOnlySpan<char> text, bool ascii, StringBuilder output)
    {
        _text = text;
        _ascii = ascii;
        _output = output;
    }

    private enum Kind
    {
        /// <summary>No argument: <c>\alpha</c>, <c>\times</c>, <c>\log</c>, <c>\quad</c>.</summary>
        Symbol,

        /// <summary>A delimiter, usable alone or after <c>\left</c>, <c>\right</c>, <c>\big</c>.</summary>
        Delimiter,

        /// <summary>One math argument: <c>\mathcal</c>, <c>\hat</c>, <c>\sqrt</c> (with an optional one).</summary>
        MathArgument,

        /// <summary>One text argument: <c>\text</c>, <c>\textbf</c>, <c>\mbox</c>.</summary>
        TextArgument,

        /// <summary>Two math arguments: <c>\frac</c>, <c>\binom</c>.</summary>
        TwoArguments,

        /// <summary>A delimiter size: <c>\big</c>, <c>\Bigl</c>; a delimiter must follow.</summary>
        Sizer,

        /// <summary><c>\left</c>.</summary>
        Left,

        /// <summary><c>\right</c>.</summary>
        Right,
    }

    private enum End
    {
        Input,
        Brace,
        Bracket,
        Right,
    }

    /// <summary>
    /// Appends the math of <paramref name="math"/> (the text between the dollars) to <paramref name="output"/>,
    /// without the dollars, and returns true; or leaves <paramref name="output"/> unchanged and returns false when
    /// the span is not in the accepted subset.
    /// </summary>
    /// <param name="math">The text between the dollars, white space already collapsed.</param>
    /// <param name="ascii">Whether text inside <c>\text{…}</c> is written with accent commands rather than UTF-8.</param>
    /// <param name="output">Where to write.</param>
    public static bool TryAppend(ReadOnlySpan<char> math, bool ascii, StringBuilder output)
    {
        if (math.IsWhiteSpace())
        {
            return false;
        }

        int start = output.Length;
        var parser = new LatexMath(math.Trim(' '), ascii, output);
        if (parser.ParseList(0, End.Input))
        {
            return true;
        }

        output.Length = start;
        return false;
    }

    private readonly bool AtEnd => _pos >= _text.Length;

    private readonly char Current => _text[_pos];

    /// <summary>Items until the end of input, a closing brace, a closing bracket or <c>\right</c>, which is not consumed.</summary>
    private bool ParseList(int depth, End end)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        while (true)
        {
            if (SkipSpaces())
            {
                EmitSpace();
            }

            if (AtEnd)
            {
                return end == End.Input;
            }

            char c = Current;
            if (c == '}')
            {
                return end == End.Brace;
            }

            if (c == ']' && end == End.Bracket)
            {
                return true;
            }

            if (c == '\\' && PeekCommand(out string? name, out _) && name == "right")
            {
                return end == End.Right;
            }

            if (!ParseItem(depth))
            {
                return false;
            }
        }
    }

    /// <summary>An atom (possibly empty) and its scripts: at most one superscript (primes count) and one subscript.</summary>
    private bool ParseItem(int depth)
    {
        if (Current is not ('^' or '_' or '\'') && !ParseAtom(depth))
        {
            return false;
        }

        bool superscript = false;
        bool subscript = false;
        while (true)
        {
            int mark = _pos;
            SkipSpaces();
            if (AtEnd)
            {
                return true;
            }

            switch (Current)
            {
                case '\'':
                    if (superscript)
                    {
                        return false; // primes after a superscript: a double superscript
                    }

                    while (!AtEnd && Current == '\'')
                    {
                        Emit("'");
                        _pos++;
                    }

                    superscript = true;

                    // A superscript right after the primes joins them; anything else ends the superscript.
                    if (!AtEnd && Current == '^')
                    {
                        Emit("^");
                        _pos++;
                        if (!ParseArgument(depth, allowCommandWithArgument: true))
                        {
                            return false;
                        }
                    }

                    break;
                case '^':
                    if (superscript || NextIs('^', 1))
                    {
                        return false; // double superscript, or TeX's ^^ character notation
                    }

                    superscript = true;
                    Emit("^");
                    _pos++;
                    if (!ParseArgument(depth, allowCommandWithArgument: true))
                    {
                        return false;
                    }

                    break;
                case '_':
                    if (subscript)
                    {
                        return false;
                    }

                    subscript = true;
                    Emit("_");
                    _pos++;
                    if (!ParseArgument(depth, allowCommandWithArgument: true))
                    {
                        return false;
                    }

                    break;
                default:
                    _pos = mark;
                    return true;
            }
        }
    }

    private bool ParseAtom(int depth)
    {
        char c = Current;
        if (c == '{')
        {
            return ParseGroup(depth);
        }

        if (c == '\\')
        {
            return ParseCommand(depth);
        }

        return ParseCharacter();
    }

    private bool ParseGroup(int depth)
    {
        Emit("{");
        _pos++;
        if (!ParseList(depth + 1, End.Brace) || AtEnd || Current != '}')
        {
            return false;
        }

        _output.Append('}');
        _afterControlWord = false;
        _pos++;
        return true;
    }

    /// <summary>A single letter, digit, punctuation mark or Unicode symbol.</summary>
    private bool ParseCharacter()
    {
        char c = Current;
        if (char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '*' or '/' or '=' or '<' or '>' or '(' or ')' or '[' or ']' or ',' or '.' or ';' or ':' or '!' or '?' or '|' or '@')
        {
            Emit(c.ToString());
            _pos++;
            return true;
        }

        if (c == '\u2212')
        {
            Emit("-");
            _pos++;
            return true;
        }

        if (c == '\u2032')
        {
            return false; // a prime written as a symbol: ambiguous as a superscript, so not math
        }

        char latin = LatexCharacters.LatinLookAlike(c);
        if (latin != '\0')
        {
            Emit(latin.ToString());
            _pos++;
            return true;
        }

        if (LatexCharacters.MathCommand(c) is string command)
        {
            EmitCommand(command);
            _pos++;
            return true;
        }

        return false;
    }

    private bool ParseCommand(int depth)
    {
        if (!PeekCommand(out string? name, out int length))
        {
            return false;
        }

        if (name is null)
        {
            // A control symbol.
            char symbol = _text[_pos + 1];
            _pos += length;
            switch (symbol)
            {
                case ',' or ';' or ':' or '!' or ' ' or '%' or '&' or '#' or '_' or '|':
                    Emit("\\" + symbol);
                    return true;
                case '{':
                    EmitCommand("lbrace");
                    return true;
                case '}':
                    EmitCommand("rbrace");
                    return true;
                default:
                    return false;
            }
        }

        if (!Commands.TryGetValue(name, out Kind kind))
        {
            return false;
        }

        _pos += length;
        switch (kind)
        {
            case Kind.Symbol or Kind.Delimiter:
                EmitCommand(name);
                return true;
            case Kind.MathArgument:
                EmitCommand(name);
                if (name == "sqrt")
                {
                    SkipSpaces();
                    if (!AtEnd && Current == '[')
                    {
                        Emit("[");
                        _pos++;
                        if (!ParseList(depth + 1, End.Bracket) || AtEnd || Current != ']')
                        {
                            return false;
                        }

                        Emit("]");
                        _pos++;
                    }
                }

                return ParseArgument(depth, allowCommandWithArgument: false);
            case Kind.TextArgument:
                EmitCommand(name);
                return ParseTextArgument();
            case Kind.TwoArguments:
                EmitCommand(name);
                return ParseArgument(depth, allowCommandWithArgument: false) && ParseArgument(depth, allowCommandWithArgument: false);
            case Kind.Sizer:
                EmitCommand(name);
                return ParseDelimiter();
            case Kind.Left:
                EmitCommand(name);
                if (!ParseDelimiter() || !ParseList(depth + 1, End.Right))
                {
                    return false;
                }

                if (AtEnd || !PeekCommand(out string? right, out int rightLength) || right != "right")
                {
                    return false;
                }

                _pos += rightLength;
                EmitCommand("right");
                return ParseDelimiter();
            default:
                return false; // \right without \left
        }
    }

    /// <summary>
    /// The argument of a script or a command: one character, one symbol command, or a group; after <c>^</c> and
    /// <c>_</c> also a font command with its own argument (<c>^\mathrm{T}</c>).
    /// </summary>
    private bool ParseArgument(int depth, bool allowCommandWithArgument)
    {
        SkipSpaces();
        if (AtEnd)
        {
            return false;
        }

        char c = Current;
        if (c == '{')
        {
            return ParseGroup(depth);
        }

        if (c == '\\')
        {
            if (!PeekCommand(out string? name, out _))
            {
                return false;
            }

            if (name is null)
            {
                return ParseCommand(depth);
            }

            if (!Commands.TryGetValue(name, out Kind kind))
            {
                return false;
            }

            return kind switch
            {
                Kind.Symbol or Kind.Delimiter => ParseCommand(depth),
                Kind.MathArgument or Kind.TextArgument when allowCommandWithArgument && name != "sqrt" => ParseCommand(depth),
                _ => false,
            };
        }

        return ParseCharacter();
    }

    /// <summary>A brace group of plain text: letters, digits, spaces and harmless punctuation.</summary>
    private bool ParseTextArgument()
    {
        SkipSpaces();
        if (AtEnd || Current != '{')
        {
            return false;
        }

        _pos++;
        var text = new StringBuilder();
        while (!AtEnd && Current != '}')
        {
            char c = Current;
            if (char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or ',' or ';' or ':' or '!' or '?' or '(' or ')' or '-' or '\'' or '/' or '+' or '=' or '*' or '@' or '[' or ']')
            {
                text.Append(c);
                _pos++;
            }
            else if (c > '\u007F' && (char.IsLetter(c) || char.IsDigit(c)))
            {
                int used = _ascii ? LatexCharacters.AppendText(text, _text[_pos..]) : 0;
                if (used == 0)
                {
                    text.Append(c);
                    used = 1;
                    while (_pos + used < _text.Length && LatexCharacters.IsCombiningMark(_text[_pos + used]))
                    {
                        text.Append(_text[_pos + used]);
                        used++;
                    }
                }

                _pos += used;
            }
            else
            {
                return false;
            }
        }

        if (AtEnd)
        {
            return false;
        }

        _pos++;
        _output.Append('{').Append(text).Append('}');
        _afterControlWord = false;
        return true;
    }

    /// <summary>What may follow <c>\left</c>, <c>\right</c> and <c>\big</c>.</summary>
    private bool ParseDelimiter()
    {
        SkipSpaces();
        if (AtEnd)
        {
            return false;
        }

        char c = Current;
        if (c is '(' or ')' or '[' or ']' or '/' or '|' or '.' or '<' or '>')
        {
            Emit(c.ToString());
            _pos++;
            return true;
        }

        if (c == '\\' && PeekCommand(out string? name, out int length))
        {
            if (name is null)
            {
                char symbol = _text[_pos + 1];
                _pos += length;
                switch (symbol)
                {
                    case '{':
                        EmitCommand("lbrace");
                        return true;
                    case '}':
                        EmitCommand("rbrace");
                        return true;
                    case '|':
                        Emit("\\|");
                        return true;
                    default:
                        return false;
                }
            }

            if (Commands.TryGetValue(name, out Kind kind) && kind == Kind.Delimiter)
            {
                _pos += length;
                EmitCommand(name);
                return true;
            }

            return false;
        }

        string? unicode = LatexCharacters.MathCommand(c);
        if (unicode is not null && Commands.TryGetValue(unicode, out Kind unicodeKind) && unicodeKind == Kind.Delimiter)
        {
            _pos++;
            EmitCommand(unicode);
            return true;
        }

        return false;
    }

    /// <summary>
    /// At a backslash: the command's name (letters) and length; a null name for a control symbol (backslash and one
    /// other character). False when the backslash ends the text.
    /// </summary>
    private readonly bool PeekCommand(out string? name, out int length)
    {
        name = null;
        length = 0;
        if (_pos + 1 >= _text.Length || _text[_pos] != '\\')
        {
            return false;
        }

        int end = _pos + 1;
        while (end < _text.Length && char.IsAsciiLetter(_text[end]))
        {
            end++;
        }

        if (end == _pos + 1)
        {
            length = 2;
            return true;
        }

        name = _text[(_pos + 1)..end].ToString();
        length = end - _pos;
        return true;
    }

    private readonly bool NextIs(char c, int offset) => _pos + offset < _text.Length && _text[_pos + offset] == c;

    private bool SkipSpaces()
    {
        bool skipped = false;
        while (!AtEnd && Current == ' ')
        {
            _pos++;
            skipped = true;
        }

        return skipped;
    }

    private void EmitSpace()
    {
        if (_output.Length > 0 && _output[^1] != ' ' && _output[^1] != '{')
        {
            _output.Append(' ');
            _afterControlWord = false;
        }
    }

    private void Emit(string text)
    {
        if (_afterControlWord && char.IsAsciiLetter(text[0]))
        {
            _output.Append(' ');
        }

        _output.Append(text);
        _afterControlWord = false;
    }

    private void EmitCommand(string name)
    {
        if (name is "langle" or "rangle")
        {
            // biber turns \langle into the character U+27E8 (also in math), which LaTeX then sets with a text
            // command that is invalid in math. The same command by another spelling is left alone.
            Emit("\\csname " + name + "\\endcsname");
        }
        else
        {
            Emit("\\" + name);
        }

        _afterControlWord = true;
    }

    private static FrozenDictionary<string, Kind> BuildCommands()
    {
        var commands = new Dictionary<string, Kind>(StringComparer.Ordinal);
        void Add(Kind kind, string names)
        {
            foreach (string name in names.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                commands.Add(name, kind);
            }
        }

        Add(Kind.Symbol, """
            alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho
            varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi
            Psi Omega
            ell hbar imath jmath wp Re Im aleph partial nabla infty emptyset varnothing forall exists nexists neg lnot
            top bot angle triangle prime
            times cdot div pm mp ast star circ bullet oplus ominus otimes oslash odot cap cup setminus wedge vee land lor
            sqcup sqcap uplus amalg dagger ddagger
            leq le geq ge neq ne approx sim simeq cong equiv propto ll gg subset subseteq supset supseteq in notin ni
            mid parallel perp prec succ preceq succeq models vdash dashv asymp doteq lesssim gtrsim leqslant geqslant
            to gets rightarrow leftarrow Rightarrow Leftarrow leftrightarrow Leftrightarrow mapsto longrightarrow
            longleftarrow Longrightarrow Longleftarrow longleftrightarrow implies iff hookrightarrow hookleftarrow
            nearrow searrow
            sum prod int oint coprod bigcup bigcap bigoplus bigotimes bigvee bigwedge
            log ln exp sin cos tan sec csc cot arcsin arccos arctan sinh cosh tanh min max sup inf lim liminf limsup
            arg det dim ker deg gcd Pr hom
            ldots cdots dots vdots ddots quad qquad colon
            """);
        Add(Kind.Delimiter, "langle rangle lfloor rfloor lceil rceil lbrace rbrace vert Vert uparrow downarrow Uparrow Downarrow backslash");
        Add(Kind.MathArgument, """
            mathcal mathbb mathrm mathbf mathit mathsf mathtt mathfrak boldsymbol hat bar vec tilde widetilde widehat
            overline underline dot ddot check breve acute grave operatorname sqrt pmod
            """);
        Add(Kind.TextArgument, "text textbf textit textrm textsf texttt textnormal mbox");
        Add(Kind.TwoArguments, "frac dfrac tfrac binom");
        Add(Kind.Sizer, "big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr bigm Bigm");
        Add(Kind.Left, "left");
        Add(Kind.Right, "right");
        return commands.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
