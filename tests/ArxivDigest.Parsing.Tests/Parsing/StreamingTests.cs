using System.IO.Pipelines;
using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Parsing;

/// <summary>Streaming: any read size gives the same papers, memory does not grow with the input, cancellation works.</summary>
public sealed class StreamingTests
{
    public static TheoryData<int> ReadSizes() => [1, 2, 3, 7, 64, 4096];

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task Every_read_size_gives_the_same_parse(int readSize)
    {
        foreach (string path in CorpusFiles.AllDigests)
        {
            byte[] bytes = await File.ReadAllBytesAsync(path);
            string expected = ModelText.Describe(DigestParser.Parse(bytes));
            var options = new DigestReaderOptions { BufferSize = readSize };
            Digest chunked = await DigestParser.ParseAsync(new ChunkedStream(bytes, readSize), options);
            Assert.Equal(expected, ModelText.Describe(chunked));
        }
    }

    [Fact]
    public async Task A_pipe_reader_gives_the_same_papers_as_a_stream()
    {
        byte[] bytes = await File.ReadAllBytesAsync(RepoPaths.Sample("2026-01-26.md"));
        var pipe = new Pipe();
        Task writing = Task.Run(async () =>
        {
            for (int i = 0; i < bytes.Length; i += 1000)
            {
                await pipe.Writer.WriteAsync(bytes.AsMemory(i, Math.Min(1000, bytes.Length - i)));
            }

            await pipe.Writer.CompleteAsync();
        });

        var fromPipe = new List<Paper>();
        await foreach (Paper paper in DigestParser.ReadPapersAsync(pipe.Reader))
        {
            fromPipe.Add(paper);
        }

        await writing;
        Digest whole = DigestParser.Parse(bytes);
        Assert.Equal(whole.Papers.Select(ModelText.Describe), fromPipe.Select(ModelText.Describe));
    }

    [Fact]
    public async Task Memory_does_not_grow_with_the_input()
    {
        // 40 copies of a real day (about 11 MB) streamed through: the read buffer stays the size of one field.
        byte[] day = await File.ReadAllBytesAsync(RepoPaths.Sample("2026-01-26.md"));
        using var input = new RepeatingStream(day, 40);
        await using PaperReader reader = PaperReader.Create(input);
        int papers = 0;
        int largestBuffer = 0;
        while (await reader.ReadAsync())
        {
            papers++;
            largestBuffer = Math.Max(largestBuffer, reader.BufferCapacity);
        }

        Assert.Equal(40 * DigestParser.Parse(day).Papers.Length, papers);
        Assert.InRange(largestBuffer, 1, 128 * 1024);
    }

    [Fact]
    public async Task Reading_stops_when_cancelled()
    {
        byte[] bytes = await File.ReadAllBytesAsync(RepoPaths.Sample("2026-01-26.md"));
        using var cts = new CancellationTokenSource();
        int read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Paper paper in DigestParser.ReadPapersAsync(new MemoryStream(bytes), cancellationToken: cts.Token))
            {
                if (++read == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.Equal(3, read);
    }

    [Fact]
    public async Task Synchronous_and_asynchronous_reading_agree()
    {
        string path = RepoPaths.Sample("000_c84bd109740d103c.md");
        Assert.Equal(ModelText.Describe(DigestParser.ParseFile(path)), ModelText.Describe(await DigestParser.ParseFileAsync(path)));
        Assert.Equal(ModelText.Describe(DigestParser.ParseFile(path)), ModelText.Describe(DigestParser.Parse(File.ReadAllText(path, Encoding.UTF8))));
    }

    /// <summary>The same bytes, <c>count</c> times over, never all in memory at once.</summary>
    private sealed class RepeatingStream(byte[] data, int count) : ReadOnlyTestStream
    {
        private long _position;

        public override long Length => (long)data.Length * count;

        public override int Read(Span<byte> buffer)
        {
            if (_position >= Length)
            {
                return 0;
            }

            int at = (int)(_position % data.Length);
            int n = Math.Min(buffer.Length, data.Length - at);
            data.AsSpan(at, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }
}
