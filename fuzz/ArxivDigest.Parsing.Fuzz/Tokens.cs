using System.Buffers;
using System.Text;

namespace ArxivDigest.Parsing.Fuzz;

/// <summary>
/// One <see cref="DigestReader"/> token with the members its type defines (see docs/format.md, "Tokens"); a member
/// a token type does not define is left out, since the reader need not reset it. Byte spans are kept as Latin-1
/// strings, one char per byte.
/// </summary>
internal sealed record Token(
    DigestTokenType Type,
    int Line,
    int NextLine,
    bool CrLf,
    int? Column,
    string? Value,
    string? Label,
    string? Title,
    string? Url,
    PaperFieldKind? Kind,
    int? Index,
    bool? HeadingValid,
    int? Total,
    bool? Closed)
{
    public static Token From(ref DigestReader r)
    {
        DigestTokenType t = r.TokenType;
        bool end = t == DigestTokenType.PaperEnd;
        bool field = t == DigestTokenType.Field;
        bool heading = t == DigestTokenType.PaperHeading;
        return new Token(
            t,
            r.TokenLine,
            r.CurrentState.Line,
            r.IsCrLf,
            end ? null : r.ValueColumn,
            end ? null : Bytes(r.ValueSpan),
            field ? Bytes(r.LabelSpan) : null,
            heading ? Bytes(r.TitleSpan) : null,
            heading ? Bytes(r.UrlSpan) : null,
            field ? r.FieldKind : null,
            heading ? r.PaperIndex : null,
            heading ? r.IsHeadingValid : null,
            t == DigestTokenType.TocEntry ? r.TocTotal : null,
            end ? r.IsPaperClosed : null);
    }

    private static string Bytes(ReadOnlySpan<byte> span) => Encoding.Latin1.GetString(span);
}

/// <summary>Drives <see cref="DigestReader"/> directly, the way its documentation tells a caller to.</summary>
internal static class TokenReader
{
    /// <summary>At most this many tokens per input byte: every token but a cut-short paper end consumes a line.</summary>
    private static int MaxTokens(int length) => (2 * length) + 4;

    /// <summary>Reads the whole input as one final block; also returns the line the reader ends on.</summary>
    public static List<Token> Whole(ReadOnlySpan<byte> data, out int endLine)
    {
        var tokens = new List<Token>();
        var reader = new DigestReader(data);
        while (reader.Read())
        {
            tokens.Add(Token.From(ref reader));
            CheckProgress(tokens, data.Length, "whole span");
        }

        endLine = reader.CurrentState.Line;
        if (reader.BytesConsumed != data.Length)
        {
            Invariant.Fail("progress", $"the reader ended after {reader.BytesConsumed} of {data.Length} bytes of a final block");
        }

        return tokens;
    }

    /// <summary>
    /// Reads the input through growing buffers: each round a new reader over the bytes from the last
    /// <see cref="DigestReader.BytesConsumed"/> on plus the next split, with the previous reader's state.
    /// </summary>
    public static List<Token> Incremental(byte[] data, Splits splits)
    {
        var tokens = new List<Token>();
        int consumed = 0;
        int available = 0;
        DigestReaderState state = default;
        while (true)
        {
            bool final = available == data.Length;
            var reader = new DigestReader(data.AsSpan(consumed, available - consumed), final, state);
            while (reader.Read())
            {
                tokens.Add(Token.From(ref reader));
                CheckProgress(tokens, data.Length, "growing buffers");
            }

            consumed += reader.BytesConsumed;
            state = reader.CurrentState;
            if (final)
            {
                return tokens;
            }

            available = Math.Min(data.Length, available + splits.NextSize());
        }
    }

    /// <summary>Reads the input as a final <see cref="ReadOnlySequence{T}"/> of several segments.</summary>
    public static List<Token> Segmented(byte[] data, Splits splits)
    {
        Segment? first = null;
        Segment? last = null;
        for (int at = 0; at < data.Length || first is null;)
        {
            int n = Math.Min(splits.NextSize(), data.Length - at);
            var segment = new Segment(data.AsMemory(at, n), last);
            first ??= segment;
            last = segment;
            at += n;
        }

        var sequence = new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
        var tokens = new List<Token>();
        var reader = new DigestReader(sequence, isFinalBlock: true, default);
        while (reader.Read())
        {
            tokens.Add(Token.From(ref reader));
            CheckProgress(tokens, data.Length, "a segmented sequence");
        }

        return tokens;
    }

    private static void CheckProgress(List<Token> tokens, int length, string how)
    {
        if (tokens.Count > MaxTokens(length))
        {
            Invariant.Fail("progress", $"more than {MaxTokens(length)} tokens from {length} bytes ({how}); the last: {tokens[^1]}");
        }
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }
}

/// <summary>Checks that the reader loses no text: what it consumes without a token is blank or template markup.</summary>
internal static class Lossless
{
    /// <summary>The first line consumed without a token that holds more than markup, or <see langword="null"/>.</summary>
    public static string? FirstLostLine(ReadOnlySpan<byte> data, List<Token> tokens, int endLine)
    {
        List<string> lines = Lines(data);
        int next = 1;
        foreach (Token token in tokens)
        {
            if (Check(lines, next, token.Line) is string lost)
            {
                return $"{lost} (before the {token.Type} token at line {token.Line})";
            }

            next = Math.Max(next, token.NextLine);
        }

        return Check(lines, next, endLine);
    }

    private static string? Check(List<string> lines, int from, int to)
    {
        for (int line = from; line < to && line <= lines.Count; line++)
        {
            if (!IsMarkup(lines[line - 1]))
            {
                return $"line {line} {Compare.Quote(lines[line - 1])} was consumed without a token";
            }
        }

        return null;
    }

    /// <summary>
    /// Blank, or a markup line of the template (with trailing spaces at most): the table of contents' anchor and title,
    /// a section anchor, <c>&lt;details&gt;</c>, and <c>  &lt;summary&gt;LABEL&lt;/summary&gt;</c> (any label without markup) or its bare opening tag.
    /// </summary>
    private static bool IsMarkup(string line)
    {
        string s = line.TrimEnd(' ', '\t');
        return s.Length == 0
            || s is "<div id=toc></div>" or "<div id='toc'></div>" or "<div id=\"toc\"></div>" or "<a id='toc'></a>" or "<a id=\"toc\"></a>" or "<a id=toc></a>"
            || IsTocTitle(s) || IsRule(s)
            || s is "<details>" or "  <summary>"
            || (s.StartsWith("<a id=", StringComparison.Ordinal) && s.EndsWith("></a>", StringComparison.Ordinal) && IsAnchorId(s[6..^5]))
            || (s.StartsWith("<div id=", StringComparison.Ordinal) && s.EndsWith("></div>", StringComparison.Ordinal) && IsAnchorId(s[8..^7]))
            || (s.StartsWith("  <summary>", StringComparison.Ordinal) && s.EndsWith("</summary>", StringComparison.Ordinal) && s.Length >= 21 && !s[11..^10].AsSpan().ContainsAny('<', '>'));
    }

    /// <summary>A heading whose text is a table of contents' title: <c># Table of Contents</c>, <c>### 目录</c>.</summary>
    private static bool IsTocTitle(string s)
    {
        string text = s.TrimStart('#');
        return text.Length < s.Length && s.Length - text.Length <= 6 && text.StartsWith(' ')
            && text.Trim() is "Table of Contents" or "Table of contents" or "Contents" or "TOC" or "目录" or "目錄";
    }

    /// <summary>A thematic break: three or more of one of '-', '*', '_', spaces between allowed.</summary>
    private static bool IsRule(string s)
    {
        string t = s.Trim(' ', '\t');
        return t.Length >= 3 && t[0] is '-' or '*' or '_' && t.Replace(" ", "", StringComparison.Ordinal).All(c => c == t[0]) && t.Count(c => c == t[0]) >= 3;
    }

    /// <summary>A section anchor's id: <c>'cs.CV'</c> or <c>cs.CV</c> (a quote may be missing), and no more markup on the line.</summary>
    private static bool IsAnchorId(string id) => !id.AsSpan().ContainsAny('<', '>');

    /// <summary>The input's lines as the reader sees them (BOM skipped; CRLF when the first line ends with one), decoded for the report.</summary>
    private static List<string> Lines(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            data = data[3..];
        }

        int firstBreak = data.IndexOf((byte)'\n');
        bool crlf = firstBreak > 0 && data[firstBreak - 1] == (byte)'\r';
        var lines = new List<string>();
        while (!data.IsEmpty)
        {
            int nl = data.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = nl < 0 ? data : data[..nl];
            if (crlf && nl >= 0 && line.EndsWith((ReadOnlySpan<byte>)[(byte)'\r']))
            {
                line = line[..^1];
            }

            lines.Add(Encoding.UTF8.GetString(line));
            data = nl < 0 ? [] : data[(nl + 1)..];
        }

        return lines;
    }
}
