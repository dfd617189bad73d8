using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ArxivDigest.Parsing.Writers.Bibtex;

/// <summary>
/// Citation keys that must not move: the keys an existing bibliography gave to its papers, by arXiv identifier
/// (without version), and every key it holds. The <c>bibtex</c> writer gives each pinned paper its key and gives no
/// other paper any of these keys (<see cref="BibtexPaperWriterOptions.KeyPins"/>). Immutable.
/// </summary>
public sealed class BibtexKeyPins
{
    /// <summary>The first line of the <c>@comment</c> in which the writer keeps the keys of papers a file no longer holds.</summary>
    internal const string HeldKeysMarker = "arxiv-digest held keys";

    private readonly FrozenDictionary<string, string> _byPaper;
    private readonly FrozenSet<string> _keys;

    /// <summary>Pins keys to papers.</summary>
    /// <param name="byPaper">arXiv identifier (a version is ignored) → key. The first key given for an identifier wins; the others are still <see cref="Keys"/>.</param>
    /// <param name="otherKeys">Keys taken by entries without an arXiv identifier: given to no paper.</param>
    /// <exception cref="ArgumentException">An identifier is not an arXiv identifier, or a key is empty or holds white space, a comma or a brace.</exception>
    public BibtexKeyPins(IEnumerable<KeyValuePair<string, string>> byPaper, IEnumerable<string>? otherKeys = null)
    {
        ArgumentNullException.ThrowIfNull(byPaper);
        var pins = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string id, string key) in byPaper)
        {
            if (!TryNormalizeId(id, out string? bare))
            {
                throw new ArgumentException($"'{id}' is not an arXiv identifier.", nameof(byPaper));
            }

            CheckKey(key, nameof(byPaper));
            keys.Add(key);
            pins.TryAdd(bare, key);
        }

        foreach (string key in otherKeys ?? [])
        {
            CheckKey(key, nameof(otherKeys));
            keys.Add(key);
        }

        _byPaper = pins.ToFrozenDictionary(StringComparer.Ordinal);
        _keys = keys.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>No pins: keys are made from the papers alone.</summary>
    public static BibtexKeyPins Empty { get; } = new([]);

    /// <summary>The papers with a pinned key: arXiv identifier without version → key.</summary>
    public IReadOnlyDictionary<string, string> ByPaper => _byPaper;

    /// <summary>Every key the bibliography holds (compared ignoring case, as BibTeX does): no new paper gets one of them.</summary>
    public IReadOnlySet<string> Keys => _keys;

    /// <summary>The number of papers with a pinned key.</summary>
    public int Count => _byPaper.Count;

    /// <summary>The key pinned to a paper, by its arXiv identifier (a version is ignored).</summary>
    public bool TryGetKey(string arxivId, [NotNullWhen(true)] out string? key)
    {
        ArgumentNullException.ThrowIfNull(arxivId);
        key = null;
        return TryNormalizeId(arxivId, out string? bare) && _byPaper.TryGetValue(bare, out key);
    }

    /// <summary>These pins and <paramref name="other"/>'s: a paper pinned by both keeps the key these give it.</summary>
    internal BibtexKeyPins Union(BibtexKeyPins other)
        => other.Keys.Count == 0 ? this : Keys.Count == 0 ? other : new BibtexKeyPins(ByPaper.Concat(other.ByPaper), Keys.Concat(other.Keys));

    /// <summary>Reads the keys of a <c>.bib</c> file as UTF-8; see <see cref="Read(TextReader)"/>.</summary>
    public static BibtexKeyPins Read(Stream bib)
    {
        ArgumentNullException.ThrowIfNull(bib);
        using var reader = new StreamReader(bib, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        return Read(reader);
    }

    /// <summary>
    /// Reads the keys of a bibliography: each entry's key, pinned to the paper its <c>eprint</c> field names (an
    /// arXiv identifier, with or without version or <c>arXiv:</c>), and the keys the writer held in its
    /// <c>@comment</c> for papers the file no longer has. Lenient: what is not an entry is skipped, so a hand-edited
    /// file or one from another tool gives the keys it has; <c>@string</c>, <c>@preamble</c> and other comments are
    /// ignored.
    /// </summary>
    public static BibtexKeyPins Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string text = reader.ReadToEnd();
        var pins = new List<KeyValuePair<string, string>>();
        var others = new List<string>();
        new BibScanner(text, pins, others).Scan();
        return new BibtexKeyPins(pins, others);
    }

    internal static bool TryNormalizeId(string value, [NotNullWhen(true)] out string? bare)
    {
        string s = value.Trim();
        if (s.StartsWith("arXiv:", StringComparison.OrdinalIgnoreCase))
        {
            s = s[6..];
        }

        bare = ArxivId.TryParse(s, out ArxivId id) || ArxivId.TryParseUrl(s, out id) ? id.Id : null;
        return bare is not null;
    }

    internal static bool IsValidKey(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        foreach (char c in key)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or '{' or '}' or '(' or ')' or '"' or '#' or '%' or '\'' or '=' or '\\')
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckKey(string key, string parameter)
    {
        ArgumentNullException.ThrowIfNull(key, parameter);
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"'{key}' is not a citation key (empty, or white space, a comma, brace, quote or other character BibTeX does not take in a key).", parameter);
        }
    }

    /// <summary>
    /// Finds entries in BibTeX text the way BibTeX does (an <c>@</c>, a type, <c>{</c> or <c>(</c>, the key up to a
    /// comma, then <c>name = value</c> fields); always moves forward, so malformed text ends the scan, never hangs it.
    /// </summary>
    private struct BibScanner(string text, List<KeyValuePair<string, string>> pins, List<string> others)
    {
        private readonly string _text = text;
        private int _pos;

        public void Scan()
        {
            while (_pos < _text.Length)
            {
                int at = _text.IndexOf('@', _pos);
                if (at < 0)
                {
                    return;
                }

                _pos = at + 1;
                int start = _pos;
                while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
                {
                    _pos++;
                }

                string type = _text[start.._pos];
                SkipSpace();
                if (type.Length == 0 || _pos >= _text.Length || _text[_pos] is not ('{' or '('))
                {
                    continue;
                }

                char close = _text[_pos] == '{' ? '}' : ')';
                _pos++;
                if (type.Equals("comment", StringComparison.OrdinalIgnoreCase))
                {
                    int end = BalancedEnd(close);
                    ReadHeldKeys(_text.AsSpan(_pos, end - _pos));
                    _pos = Math.Min(end + 1, _text.Length);
                }
                else if (type.Equals("string", StringComparison.OrdinalIgnoreCase) || type.Equals("preamble", StringComparison.OrdinalIgnoreCase))
                {
                    _pos = Math.Min(BalancedEnd(close) + 1, _text.Length);
                }
                else
                {
                    ReadEntry(close);
                }
            }
        }

        private void ReadEntry(char close)
        {
            SkipSpace();
            int start = _pos;
            while (_pos < _text.Length && _text[_pos] != ',' && _text[_pos] != close && _text[_pos] != '\n' && _text[_pos] != '@')
            {
                _pos++;
            }

            string key = _text[start.._pos].Trim();
            if (_pos >= _text.Length || _text[_pos] != ',' || !IsValidKey(key))
            {
                return;
            }

            _pos++;
            string? eprint = null;
            while (true)
            {
                SkipSpaceAndCommas();
                if (_pos >= _text.Length || _text[_pos] == close)
                {
                    _pos++;
                    break;
                }

                int nameStart = _pos;
                while (_pos < _text.Length && !char.IsWhiteSpace(_text[_pos]) && _text[_pos] is not ('=' or ',' or '{' or '}' or '(' or ')' or '"' or '@'))
                {
                    _pos++;
                }

                string name = _text[nameStart.._pos];
                SkipSpace();
                if (name.Length == 0 || _pos >= _text.Length || _text[_pos] != '=')
                {
                    break; // not a field: the entry ends here as far as keys go
                }

                _pos++;
                string? value = ReadValue(close);
                if (value is null)
                {
                    break;
                }

                if (name.Equals("eprint", StringComparison.OrdinalIgnoreCase))
                {
                    eprint ??= value;
                }
            }

            if (eprint is not null && TryNormalizeId(eprint, out string? bare))
            {
                pins.Add(new(bare, key));
            }
            else
            {
                others.Add(key);
            }
        }

        /// <summary>A field's value: braced, quoted or a bare word, parts joined by <c>#</c>; null when it does not end.</summary>
        private string? ReadValue(char close)
        {
            var value = new StringBuilder();
            while (true)
            {
                SkipSpace();
                if (_pos >= _text.Length)
                {
                    return null;
                }

                char c = _text[_pos];
                if (c == '{')
                {
                    _pos++;
                    int end = BalancedEnd('}');
                    if (end >= _text.Length)
                    {
                        return null;
                    }

                    value.Append(_text, _pos, end - _pos);
                    _pos = end + 1;
                }
                else if (c == '"')
                {
                    int end = QuotedEnd(_pos + 1);
                    if (end >= _text.Length)
                    {
                        return null;
                    }

                    value.Append(_text, _pos + 1, end - _pos - 1);
                    _pos = end + 1;
                }
                else
                {
                    int start = _pos;
                    while (_pos < _text.Length && !char.IsWhiteSpace(_text[_pos]) && _text[_pos] != ',' && _text[_pos] != close && _text[_pos] != '#')
                    {
                        _pos++;
                    }

                    if (_pos == start)
                    {
                        return null;
                    }

                    value.Append(_text, start, _pos - start);
                }

                SkipSpace();
                if (_pos < _text.Length && _text[_pos] == '#')
                {
                    _pos++;
                    continue;
                }

                return value.ToString();
            }
        }

        /// <summary>The index of the <paramref name="close"/> that ends the group opened just before <see cref="_pos"/> (braces nest); the text's length when none.</summary>
        private readonly int BalancedEnd(char close)
        {
            int depth = 0;
            for (int i = _pos; i < _text.Length; i++)
            {
                char c = _text[i];
                if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && depth > 0)
                {
                    depth--;
                }
                else if (c == close && depth == 0)
                {
                    return i;
                }
            }

            return _text.Length;
        }

        private readonly int QuotedEnd(int from)
        {
            int depth = 0;
            for (int i = from; i < _text.Length; i++)
            {
                char c = _text[i];
                if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && depth > 0)
                {
                    depth--;
                }
                else if (c == '"' && depth == 0)
                {
                    return i;
                }
            }

            return _text.Length;
        }

        /// <summary>Lines <c>KEY = ID</c> of the writer's held-keys comment.</summary>
        private readonly void ReadHeldKeys(ReadOnlySpan<char> body)
        {
            if (!body.TrimStart().StartsWith(HeldKeysMarker, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            while (body.Length > 0)
            {
                int newline = body.IndexOf('\n');
                ReadOnlySpan<char> line = (newline < 0 ? body : body[..newline]).Trim();
                body = newline < 0 ? [] : body[(newline + 1)..];
                int eq = line.IndexOf('=');
                if (eq <= 0)
                {
                    continue;
                }

                string key = line[..eq].Trim().ToString();
                string id = line[(eq + 1)..].Trim().ToString();
                if (IsValidKey(key) && TryNormalizeId(id, out string? bare))
                {
                    pins.Add(new(bare, key));
                }
            }
        }

        private void SkipSpace()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }
        }

        private void SkipSpaceAndCommas()
        {
            while (_pos < _text.Length && (char.IsWhiteSpace(_text[_pos]) || _text[_pos] == ','))
            {
                _pos++;
            }
        }
    }
}
