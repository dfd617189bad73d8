using System.Text;

namespace ArxivDigest.Parsing;

/// <summary>
/// A paper template compiled for reading: the heading's pattern and every later line as an element, in order. The
/// reader's control flow reads this table; nothing about a layout is written in the reader itself.
/// </summary>
internal sealed class PaperTemplate
{
    // First byte of a line -> the elements it could open (in order). Most lines of a value open none: one table load.
    private readonly TemplateElement[]?[] _byFirstByte = new TemplateElement[]?[256];
    private readonly TemplateElement[] _anyFirstByte;

    private PaperTemplate(LinePattern heading, TemplateElement[] elements)
    {
        Heading = heading;
        Elements = elements;
        HeadingPrefix = heading.Prefix.ToArray();
        foreach (IGrouping<byte, TemplateElement> group in elements.Where(e => e.Match.Length > 0).GroupBy(e => e.Match[0]))
        {
            _byFirstByte[group.Key] = [.. group];
        }

        _anyFirstByte = [.. elements.Where(e => e.Match.Length == 0)];
        Closer = elements.Length > 0 && elements[^1].Kind == TemplateElementKind.Closer ? elements[^1] : null;
        Authors = Array.Find(elements, e => e.Placeholder?.Slot == TemplateSlot.Authors || e.Pattern?.Placeholders.Any(p => p.Slot == TemplateSlot.Authors) == true);
        Placeholders = [.. heading.Placeholders, .. elements.SelectMany(e => e.Pattern?.Placeholders ?? (e.Placeholder is null ? [] : [e.Placeholder]))];
        LastIsValue = elements.Length > 0 && elements[^1].Kind == TemplateElementKind.Field;

        // What the template's own labels look like around their text (**Label:**, > **Label:**): an unknown label looks the same.
        _labelFrames = [.. elements
            .Where(e => e.Kind == TemplateElementKind.Field && !e.ValueBelow && e.Match.Length > 0)
            .Select(e => LabelFrame.Of(e.Match))
            .Where(f => f is not null)
            .Select(f => f!.Value)
            .Distinct()];
        if (_labelFrames.Length == 0)
        {
            _labelFrames = [new LabelFrame([], ":"u8.ToArray())];
        }
    }

    private readonly LabelFrame[] _labelFrames;

    /// <summary>The paper heading (<c>### [{idx}] [{title}]({url})</c>).</summary>
    public LinePattern Heading { get; }

    /// <summary>What a paper heading starts with (<c>### [</c>).</summary>
    public byte[] HeadingPrefix { get; }

    /// <summary>The elements after the heading, in template order (element i has order i + 1).</summary>
    public TemplateElement[] Elements { get; }

    /// <summary>The markup line that ends the template, or <see langword="null"/> when it ends with a value (the paper then ends where the next begins).</summary>
    public TemplateElement? Closer { get; }

    /// <summary>The line that holds the authors, if the template has one.</summary>
    public TemplateElement? Authors { get; }

    /// <summary>Every placeholder, in template order.</summary>
    public TemplatePlaceholder[] Placeholders { get; }

    /// <summary>Whether the template ends with a value (no closing markup).</summary>
    public bool LastIsValue { get; }

    /// <summary>The first element after order <paramref name="after"/> (or the closer) that <paramref name="line"/> opens.</summary>
    public TemplateElement? Match(ReadOnlySpan<byte> line, int after, out MarkupMatch how)
    {
        how = MarkupMatch.Exact;
        if (line.IsEmpty)
        {
            return null;
        }

        if (_byFirstByte[line[0]] is TemplateElement[] candidates)
        {
            foreach (TemplateElement e in candidates)
            {
                if ((e.Order > after || e.Kind == TemplateElementKind.Closer) && e.Matches(line, out how))
                {
                    return e;
                }
            }
        }

        foreach (TemplateElement e in _anyFirstByte)
        {
            if (e.Order > after && e.Matches(line, out how))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>
    /// The length of a label the template lacks, framed as the template's labels are (<c>Keywords: …</c>,
    /// <c>**Keywords:** …</c>): zero when the line has none. <paramref name="labelStart"/> is where the label's text
    /// starts, <paramref name="valueStart"/> where the value does.
    /// </summary>
    public int UnknownLabel(ReadOnlySpan<byte> line, out int labelStart, out int valueStart)
    {
        foreach (LabelFrame frame in _labelFrames)
        {
            int length = frame.Match(line, out labelStart, out valueStart);
            if (length > 0)
            {
                return length;
            }
        }

        labelStart = valueStart = 0;
        return 0;
    }

    /// <summary>How a label the template lacks is written so that a reader of this layout finds it (<c>**Keywords:** </c>).</summary>
    public string LabelPrefix(string label)
        => Encoding.UTF8.GetString(_labelFrames[0].Before) + label + Encoding.UTF8.GetString(_labelFrames[0].After) + " ";

    /// <summary>Whether <paramref name="line"/> is a markup line of the template exactly as written (read without a token).</summary>
    public bool IsSilentMarkup(ReadOnlySpan<byte> line)
        => Match(line, 0, out MarkupMatch how) is { Kind: TemplateElementKind.Markup } && how == MarkupMatch.Exact;

    /// <summary>Compiles a Python <c>str.format</c> paper template.</summary>
    /// <param name="template">The template text.</param>
    /// <param name="keys">Renames of extra fields' keys (placeholder name to key).</param>
    /// <exception cref="FormatException">The template has no line with a <c>{title}</c> placeholder, or a brace is unbalanced.</exception>
    public static PaperTemplate Compile(string template, IReadOnlyDictionary<string, string>? keys)
    {
        string[] lines = template.ReplaceLineEndings("\n").Split('\n');
        int count = lines.Length;
        while (count > 0 && lines[count - 1].Length == 0)
        {
            count--;
        }

        var parsed = new List<(List<string> Literals, List<string> Names)>();
        for (int i = 0; i < count; i++)
        {
            parsed.Add(Tokenize(lines[i], i + 1));
        }

        int headingLine = parsed.FindIndex(l => l.Names.Any(n => TemplatePlaceholder.SlotOf(LastName(n)) == TemplateSlot.Title));
        if (headingLine < 0)
        {
            throw new FormatException("The paper template has no line with a {title} placeholder, so no paper heading can be recognised.");
        }

        LinePattern heading = Pattern(parsed[headingLine], keys);
        if (heading.Prefix.IsEmpty)
        {
            throw new FormatException($"The paper template's heading (line {headingLine + 1}) starts with a placeholder; a heading must start with text such as '### ['.");
        }

        var elements = new List<TemplateElement>();
        int blanks = 0;
        for (int i = headingLine + 1; i < count; i++)
        {
            (List<string> literals, List<string> names) = parsed[i];
            string line = lines[i];
            if (names.Count == 0 && string.IsNullOrWhiteSpace(literals[0]))
            {
                blanks++;
                continue;
            }

            int order = elements.Count + 1;
            if (names.Count == 0)
            {
                // A label line with the value below it (#### TL;DR, then {tldr}), or markup.
                int next = i + 1;
                while (next < count && parsed[next].Names.Count == 0 && string.IsNullOrWhiteSpace(parsed[next].Literals[0]))
                {
                    next++;
                }

                string text = literals[0].TrimEnd(' ', '\t');
                if (next < count && parsed[next].Names.Count == 1 && parsed[next].Literals[0].Length == 0 && parsed[next].Literals[1].Length == 0)
                {
                    string name = parsed[next].Names[0];
                    elements.Add(new TemplateElement
                    {
                        Kind = TemplateElementKind.Field,
                        Order = order,
                        BlankLinesBefore = blanks,
                        Placeholder = Placeholder(name, text, keys),
                        Match = Encoding.UTF8.GetBytes(text),
                        ValueBreaks = next - i,
                        SingleLine = false,
                    });
                    i = next;
                }
                else
                {
                    string trimmed = text.TrimStart(' ', '\t');
                    int tagEnd = trimmed.StartsWith('<') ? text.IndexOf('>', StringComparison.Ordinal) : -1;
                    elements.Add(new TemplateElement
                    {
                        Kind = TemplateElementKind.Markup,
                        Order = order,
                        BlankLinesBefore = blanks,
                        Match = Encoding.UTF8.GetBytes(text),
                        TagPrefix = tagEnd > 0 ? Encoding.UTF8.GetBytes(text[..(tagEnd + 1)]) : null,
                        Text = text,
                    });
                }
            }
            else if (names.Count == 1 && literals[1].Length == 0 && literals[0].Length > 0)
            {
                // Label: {value}, the value running to the next element.
                string prefix = literals[0];
                string label = prefix.TrimEnd(' ');
                TemplatePlaceholder placeholder = Placeholder(names[0], label, keys);
                elements.Add(new TemplateElement
                {
                    Kind = TemplateElementKind.Field,
                    Order = order,
                    BlankLinesBefore = blanks,
                    Placeholder = placeholder,
                    Match = Encoding.UTF8.GetBytes(label),
                    LabelText = LabelFrame.TextOf(Encoding.UTF8.GetBytes(label)),
                    SpaceAfterLabel = label.Length < prefix.Length,
                    SingleLine = placeholder.Slot is TemplateSlot.MainCategory or TemplateSlot.Categories or TemplateSlot.Index or TemplateSlot.Url or TemplateSlot.ArxivId or TemplateSlot.Authors,
                });
            }
            else
            {
                LinePattern pattern = Pattern(parsed[i], keys);
                elements.Add(new TemplateElement
                {
                    Kind = TemplateElementKind.LineField,
                    Order = order,
                    BlankLinesBefore = blanks,
                    Pattern = pattern,
                    Match = pattern.Prefix.ToArray(),
                    SingleLine = true,
                    Text = line,
                });
            }

            blanks = 0;
        }

        if (elements.Count > 0 && elements[^1].Kind == TemplateElementKind.Markup)
        {
            TemplateElement last = elements[^1];
            elements[^1] = new TemplateElement
            {
                Kind = TemplateElementKind.Closer,
                Order = last.Order,
                BlankLinesBefore = last.BlankLinesBefore,
                Match = last.Match,
                TagPrefix = last.TagPrefix ?? last.Match,
                Text = last.Text,
            };
        }

        return new PaperTemplate(heading, [.. elements]);
    }

    private static LinePattern Pattern((List<string> Literals, List<string> Names) line, IReadOnlyDictionary<string, string>? keys)
    {
        var placeholders = new TemplatePlaceholder[line.Names.Count];
        for (int i = 0; i < placeholders.Length; i++)
        {
            placeholders[i] = Placeholder(line.Names[i], line.Literals[i], keys);
        }

        return new LinePattern([.. line.Literals.Select(Encoding.UTF8.GetBytes)], placeholders);
    }

    private static TemplatePlaceholder Placeholder(string name, string textBefore, IReadOnlyDictionary<string, string>? keys)
    {
        string last = LastName(name);
        TemplateSlot slot = TemplatePlaceholder.SlotOf(last);
        string? key = slot == TemplateSlot.Extra ? (keys is not null && keys.TryGetValue(name, out string? renamed) ? renamed : name) : null;
        string label = LabelOf(textBefore);
        return new TemplatePlaceholder(name, slot, key, label.Length > 0 ? label : name);
    }

    /// <summary>The last part of a placeholder's name: <c>tldr</c> for <c>paper.AI.tldr</c> or <c>AI[tldr]</c>.</summary>
    private static string LastName(string name)
    {
        string n = name.TrimEnd(']');
        int cut = n.LastIndexOfAny(['.', '[']);
        return cut < 0 ? n : n[(cut + 1)..].Trim('\'', '"');
    }

    /// <summary>A label as a reader sees it: the text before a value without markup, emphasis, colon or tags (<c>**Main category:** </c> → <c>Main category</c>).</summary>
    internal static string LabelOf(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool inTag = false;
        foreach (char c in text)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                sb.Append(c);
            }
        }

        // After a separator between values on one line (' | '), only what follows is this value's label.
        string s = sb.ToString();
        int bar = s.LastIndexOf('|');
        if (bar >= 0)
        {
            s = s[(bar + 1)..];
        }

        return s.Trim(' ', '\t', '>', '*', '#', '-', '_', ':', '：', '[', '(');
    }

    /// <summary>Splits one template line into literal text and placeholder names (<c>{{</c> and <c>}}</c> are braces).</summary>
    private static (List<string> Literals, List<string> Names) Tokenize(string line, int lineNumber)
    {
        var literals = new List<string>();
        var names = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '{' && i + 1 < line.Length && line[i + 1] == '{')
            {
                current.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < line.Length && line[i + 1] == '}')
            {
                current.Append('}');
                i++;
            }
            else if (c == '{')
            {
                int close = line.IndexOf('}', i + 1);
                if (close < 0)
                {
                    throw new FormatException($"Template line {lineNumber}: '{{' at column {i + 1} is not closed (write '{{{{' for a brace).");
                }

                string field = line[(i + 1)..close];
                int cut = field.IndexOfAny(['!', ':']);
                literals.Add(current.ToString());
                current.Clear();
                names.Add((cut < 0 ? field : field[..cut]).Trim());
                i = close;
            }
            else
            {
                current.Append(c);
            }
        }

        literals.Add(current.ToString());
        return (literals, names);
    }

    /// <summary>The text around a label's own text: <c>**</c> and <c>:**</c> for <c>**Method:**</c>.</summary>
    private readonly record struct LabelFrame(byte[] Before, byte[] After)
    {
        public static LabelFrame? Of(byte[] label)
        {
            int before = 0;
            while (before < label.Length && label[before] is (byte)'>' or (byte)' ' or (byte)'*' or (byte)'-' or (byte)'_')
            {
                before++;
            }

            int after = label.Length;
            while (after > before && label[after - 1] is (byte)':' or (byte)'*' or (byte)'_' or (byte)' ')
            {
                after--;
            }

            // A full-width colon (U+FF1A, EF BC 9A) ends a label as well.
            if (after == label.Length && after - before >= 3 && label.AsSpan(after - 3).SequenceEqual("："u8))
            {
                after -= 3;
            }

            if (after == label.Length || after <= before)
            {
                return null; // not a label with a colon
            }

            return new LabelFrame(label[..before], label[after..]);
        }

        /// <summary>Where a label's own text is in it: <c>Method</c> in <c>**Method:**</c>.</summary>
        public static (int Start, int Length) TextOf(byte[] label)
            => Of(label) is LabelFrame f ? (f.Before.Length, label.Length - f.Before.Length - f.After.Length) : (0, label.Length);

        public bool Equals(LabelFrame other) => Before.AsSpan().SequenceEqual(other.Before) && After.AsSpan().SequenceEqual(other.After);

        public override int GetHashCode() => HashCode.Combine(Before.Length, After.Length, After.Length > 0 ? After[0] : 0);

        /// <summary>The label's length, or zero: plain labels must look like words (a capital letter, then up to 40 letters, digits, spaces, '-', '_', '/', '&amp;' or ';'); framed ones may be any text up to 60 bytes without '*' or ':'.</summary>
        public int Match(ReadOnlySpan<byte> line, out int labelStart, out int valueStart)
        {
            labelStart = valueStart = 0;
            if (!line.StartsWith(Before))
            {
                return 0;
            }

            ReadOnlySpan<byte> rest = line[Before.Length..];
            int colon = rest.IndexOf(After);
            if (colon <= 0)
            {
                return 0;
            }

            ReadOnlySpan<byte> text = rest[..colon];
            if (Before.Length == 0)
            {
                if (colon > 40 || !char.IsAsciiLetterUpper((char)text[0]) || text[^1] == (byte)' ')
                {
                    return 0;
                }

                foreach (byte b in text)
                {
                    if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)' ' or (byte)'-' or (byte)'_' or (byte)'/' or (byte)'&' or (byte)';'))
                    {
                        return 0;
                    }
                }
            }
            else if (colon > 60 || text.IndexOfAny("*:\t"u8) >= 0 || text[0] == (byte)' ')
            {
                return 0;
            }

            int end = Before.Length + colon + After.Length;
            if (end < line.Length && line[end] != (byte)' ')
            {
                return 0;
            }

            labelStart = Before.Length;
            valueStart = end < line.Length ? end + 1 : end;
            return colon;
        }
    }
}
