using System.Buffers;
using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Parsing;

/// <summary>The low-level reader: its tokens, and resuming across buffers split anywhere.</summary>
public sealed class DigestReaderTests
{
    private static readonly string Markdown = DigestText.Render(
        DigestText.Sample("2601.00001") with { Title = "Ünïcödé 标题 [x]", Summary = "多行\n摘要" },
        DigestText.Sample("2601.00002", "cs.AI") with { Authors = ["张三", "Jörg"] });

    /// <summary>Reads all tokens, feeding the reader buffers that end at the given split points.</summary>
    private static List<string> Tokens(byte[] input, params int[] splits)
    {
        var tokens = new List<string>();
        var state = default(DigestReaderState);
        int start = 0;
        foreach (int end in splits.Append(input.Length))
        {
            bool final = end == input.Length;
            var reader = new DigestReader(input.AsSpan(start, end - start), final, state);
            while (reader.Read())
            {
                tokens.Add(Describe(ref reader));
            }

            // Keep what was not consumed for the next buffer, exactly as a caller must.
            start += reader.BytesConsumed;
            state = reader.CurrentState;
            if (final)
            {
                Assert.Equal(input.Length, start);
            }
        }

        return tokens;
    }

    private static string Describe(ref DigestReader reader) => reader.TokenType switch
    {
        DigestTokenType.PaperHeading => $"{reader.TokenLine} heading {reader.PaperIndex} {reader.GetTitle()} {reader.GetUrl()}",
        DigestTokenType.Field => $"{reader.TokenLine} field {reader.FieldKind} {reader.GetLabel()}={reader.GetString()}",
        DigestTokenType.TocEntry => $"{reader.TokenLine} toc {reader.GetString()} {reader.TocTotal}",
        DigestTokenType.PaperEnd => $"{reader.TokenLine} end {reader.IsPaperClosed}",
        _ => $"{reader.TokenLine} {reader.TokenType} {reader.GetString()}",
    };

    [Fact]
    public void Reads_the_template_as_tokens_in_order()
    {
        List<string> tokens = Tokens(Encoding.UTF8.GetBytes(Markdown));
        Assert.Equal(
        [
            "5 toc cs.CV 1",
            "6 toc cs.AI 1",
            "11 SectionHeading cs.CV",
            "13 heading 1 Ünïcödé 标题 [x] https://arxiv.org/abs/2601.00001",
            "14 Authors Ada Lovelace,Alan Turing",
            "16 field MainCategory Main category=cs.CV",
            "18 field Tldr TL;DR=tldr",
            "23 field Motivation Motivation=motivation",
            "25 field Method Method=method",
            "27 field Result Result=result",
            "29 field Conclusion Conclusion=conclusion",
            "31 field Abstract Abstract=多行\n摘要",
            "34 end True",
        ], tokens.Take(13));
        Assert.Equal(24, tokens.Count);
    }

    [Fact]
    public void Gives_the_same_tokens_for_a_buffer_split_at_every_byte()
    {
        byte[] input = Encoding.UTF8.GetBytes(Markdown);
        List<string> whole = Tokens(input);
        for (int split = 0; split <= input.Length; split++)
        {
            Assert.Equal(whole, Tokens(input, split));
        }
    }

    [Fact]
    public void Gives_the_same_tokens_when_fed_one_byte_at_a_time_in_crlf()
    {
        byte[] input = Encoding.UTF8.GetBytes(Markdown.Replace("\n", "\r\n", StringComparison.Ordinal));
        List<string> whole = Tokens(input);
        Assert.Equal(Tokens(Encoding.UTF8.GetBytes(Markdown)), whole);
        Assert.Equal(whole, Tokens(input, [.. Enumerable.Range(1, input.Length - 1)]));
    }

    [Fact]
    public void Reads_a_multi_segment_sequence()
    {
        byte[] input = Encoding.UTF8.GetBytes(Markdown);
        ReadOnlySequence<byte> sequence = Segments.Create(input, 7);
        Assert.False(sequence.IsSingleSegment);
        var reader = new DigestReader(sequence, isFinalBlock: true, default);
        var tokens = new List<string>();
        while (reader.Read())
        {
            tokens.Add(Describe(ref reader));
        }

        Assert.Equal(Tokens(input), tokens);
    }

    [Fact]
    public void Returns_false_without_consuming_a_token_the_buffer_cuts()
    {
        byte[] input = Encoding.UTF8.GetBytes("### [1] [Title](https://arxiv.org/abs/2601.00001)\n*A*\n\nMain category: cs.CV\n\nTL;DR: not finished");
        var reader = new DigestReader(input, isFinalBlock: false, default);
        Assert.True(reader.Read()); // heading
        Assert.True(reader.Read()); // authors
        Assert.True(reader.Read()); // main category is one line
        Assert.Equal(PaperFieldKind.MainCategory, reader.FieldKind);
        int consumed = reader.BytesConsumed;
        Assert.False(reader.Read()); // the TL;DR may go on in the next buffer
        Assert.Equal(consumed, reader.BytesConsumed);
    }

    private sealed class Segments : ReadOnlySequenceSegment<byte>
    {
        private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Create(byte[] data, int size)
        {
            var first = new Segments(data.AsMemory(0, Math.Min(size, data.Length)), 0);
            Segments last = first;
            for (int i = size; i < data.Length; i += size)
            {
                var next = new Segments(data.AsMemory(i, Math.Min(size, data.Length - i)), i);
                last.Next = next;
                last = next;
            }

            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }
}
