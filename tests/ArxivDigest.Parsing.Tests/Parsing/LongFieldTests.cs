using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Parsing;

/// <summary>
/// Very long fields and lines: read in work that grows linearly with their size, however small the reads, and
/// stopped with a clear error past <see cref="DigestReaderOptions.MaxFieldSize"/>.
/// </summary>
public sealed class LongFieldTests
{
    private static byte[] DigestWithAbstract(string summary, int papers = 1)
    {
        PaperSource[] sources = [.. Enumerable.Range(1, papers).Select(i => DigestText.Sample($"2601.{i:00000}"))];
        sources[^1] = sources[^1] with { Summary = summary };
        return Encoding.UTF8.GetBytes(DigestText.Render(sources));
    }

    [Fact]
    public async Task A_20_MB_line_read_in_4_KB_reads_is_scanned_a_bounded_number_of_times()
    {
        string summary = new('a', 20_000_000);
        byte[] input = DigestWithAbstract(summary);

        await using PaperReader reader = PaperReader.Create(new ChunkedStream(input, 4096));
        Assert.True(await reader.ReadAsync());
        Assert.Equal(summary.Length, reader.Current.Abstract!.Length);
        Assert.True(reader.Current.Abstract.AsSpan().IndexOfAnyExcept('a') < 0);
        Assert.False(await reader.ReadAsync());
        Assert.Empty(reader.Diagnostics);

        // Rescanning the field from its start after every 4 KB read would hand the reader about 50 GB.
        Assert.InRange(reader.BytesScanned, input.Length, 4L * input.Length);
    }

    [Fact]
    public void A_long_multi_line_field_in_one_byte_reads_is_scanned_a_bounded_number_of_times()
    {
        string summary = string.Join('\n', Enumerable.Range(0, 2_000).Select(i => $"Line {i} of a long abstract, with Method: and Result: inside."));
        byte[] input = DigestWithAbstract(summary, papers: 2);

        using PaperReader reader = PaperReader.Create(new ChunkedStream(input, 1), new DigestReaderOptions { BufferSize = 1 });
        var papers = reader.ReadAll().ToList();
        Assert.Equal(2, papers.Count);
        Assert.Equal(summary, papers[1].Abstract);
        Assert.InRange(reader.BytesScanned, input.Length, 8L * input.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task A_field_larger_than_MaxFieldSize_stops_reading_at_its_line_even_when_lenient(int readSize)
    {
        byte[] input = DigestWithAbstract(new string('x', 10_000), papers: 2);
        int abstractLine = Encoding.UTF8.GetString(input).Split('\n').ToList().FindLastIndex(l => l.StartsWith("Abstract:", StringComparison.Ordinal)) + 1;
        var options = new DigestReaderOptions { BufferSize = readSize, MaxFieldSize = 4096, SourceName = "big.md" };

        await using PaperReader reader = PaperReader.Create(new ChunkedStream(input, readSize), options);
        Assert.True(await reader.ReadAsync()); // the first paper is whole
        DigestFormatException e = await Assert.ThrowsAsync<DigestFormatException>(async () => await reader.ReadAsync());

        Assert.Equal(DiagnosticCodes.FieldTooLarge, e.Code);
        Assert.Equal(DiagnosticSeverity.Error, e.Diagnostic.Severity);
        Assert.Equal(new SourceLocation("big.md", abstractLine, 1), e.Location);
        Assert.Contains("4 KiB", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxFieldSize", e.Message, StringComparison.Ordinal);
        // The buffer holds the largest field allowed, or the first papers the dialect is detected from, and one read.
        Assert.InRange(reader.BufferCapacity, 1, 2 * (Math.Max(4096, DialectDetector.SampleLength) + readSize) + 16);
    }

    [Fact]
    public void Input_in_memory_is_held_to_MaxFieldSize_like_a_stream()
    {
        byte[] input = DigestWithAbstract(new string('x', 10_000), papers: 2);
        int abstractLine = Encoding.UTF8.GetString(input).Split('\n').ToList().FindLastIndex(l => l.StartsWith("Abstract:", StringComparison.Ordinal)) + 1;
        var options = new DigestReaderOptions { MaxFieldSize = 4096, SourceName = "big.md" };

        DigestFormatException e = Assert.Throws<DigestFormatException>(() => DigestParser.Parse(input, options));
        Assert.Equal(DiagnosticCodes.FieldTooLarge, e.Code);
        Assert.Equal(new SourceLocation("big.md", abstractLine, 1), e.Location);
        Assert.Equal(2, DigestParser.Parse(input, options with { MaxFieldSize = 16_384 }).Papers.Length);
    }

    [Fact]
    public void A_long_field_of_short_lines_is_reported_at_its_label()
    {
        byte[] input = DigestWithAbstract(string.Join('\n', Enumerable.Repeat("a short line of the abstract", 400)));
        int abstractLine = Encoding.UTF8.GetString(input).Split('\n').ToList().FindIndex(l => l.StartsWith("Abstract:", StringComparison.Ordinal)) + 1;
        using PaperReader reader = PaperReader.Create(new ChunkedStream(input, 100), new DigestReaderOptions { MaxFieldSize = 4096 });
        DigestFormatException e = Assert.Throws<DigestFormatException>(() => reader.Read());
        Assert.Equal(new SourceLocation(null, abstractLine, 1), e.Location);
    }

    [Fact]
    public void A_field_just_under_MaxFieldSize_is_read_whole()
    {
        string summary = new('x', 3000);
        byte[] input = DigestWithAbstract(summary);
        using PaperReader reader = PaperReader.Create(new ChunkedStream(input, 5), new DigestReaderOptions { BufferSize = 5, MaxFieldSize = 4096 });
        Assert.Equal(summary, Assert.Single(reader.ReadAll()).Abstract);
    }

    [Fact]
    public void A_line_longer_than_MaxFieldSize_before_anything_of_a_digest_means_it_is_not_one()
    {
        // A log or a JSON-lines file is one long run of text without a blank line: not a digest with a long field.
        byte[] input = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("2026-01-01 INFO something happened\n", 200)));
        using PaperReader reader = PaperReader.Create(new MemoryStream(input), new DigestReaderOptions { MaxFieldSize = 1000 });
        DigestFormatException e = Assert.Throws<DigestFormatException>(() => reader.Read());
        Assert.Equal(DiagnosticCodes.NotADigest, e.Code);
        Assert.Equal(new SourceLocation(null, 1, 1), e.Location);
        Assert.Contains("in its first 1000 bytes", e.Message, StringComparison.Ordinal);

        // After a table of contents, the same line is a field too large, at its line.
        byte[] digest = Encoding.UTF8.GetBytes("<div id=toc></div>\n\n# Table of Contents\n\n" + new string('#', 5000) + "\n");
        using PaperReader after = PaperReader.Create(new MemoryStream(digest), new DigestReaderOptions { MaxFieldSize = 1000 });
        e = Assert.Throws<DigestFormatException>(() => after.Read());
        Assert.Equal(DiagnosticCodes.FieldTooLarge, e.Code);
        Assert.Equal(new SourceLocation(null, 5, 1), e.Location);
    }

    [Fact]
    public async Task A_pipe_holding_a_huge_write_fills_the_buffer_only_up_to_the_limit()
    {
        byte[] input = DigestWithAbstract(new string('x', 1_000_000));
        var pipe = new System.IO.Pipelines.Pipe(new System.IO.Pipelines.PipeOptions(pauseWriterThreshold: 0));
        await pipe.Writer.WriteAsync(input); // one write: the whole input is in the pipe at once
        await pipe.Writer.CompleteAsync();

        await using PaperReader reader = PaperReader.Create(pipe.Reader, new DigestReaderOptions { BufferSize = 1024, MaxFieldSize = 10_000 });
        DigestFormatException e = await Assert.ThrowsAsync<DigestFormatException>(async () => await reader.ReadAsync());
        Assert.Equal(DiagnosticCodes.FieldTooLarge, e.Code);
        Assert.InRange(reader.BufferCapacity, 1, 2 * (DialectDetector.SampleLength + 1024) + 16);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(DigestReaderOptions.MaxFieldSizeLimit + 1)]
    public void MaxFieldSize_and_BufferSize_outside_their_range_are_refused(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PaperReader.Create(new MemoryStream(), new DigestReaderOptions { MaxFieldSize = size }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PaperReader.Create(new MemoryStream(), new DigestReaderOptions { BufferSize = size }));
    }
}
