using System.Text.Json;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Json;
using BenchmarkDotNet.Attributes;

namespace ArxivDigest.Parsing.Benchmarks;

/// <summary>
/// Reading the generator's JSON lines: our reader (papers with every key kept), against parsing each line with
/// <see cref="JsonDocument"/> alone (the JSON parse, nothing made of it), and the round trip back to the generator's
/// records. Every method returns a count so that no work can be optimised away.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class JsonLinesBenchmarks
{
    private byte[] _bytes = [];
    private MemoryStream _output = new();

    /// <summary>The input: <c>jsonl-day</c> (one day's records) or <c>jsonl-corpus</c> (every day's, concatenated).</summary>
    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = BenchmarkInputs.JsonLinesDay;

    public static IEnumerable<string> Inputs => BenchmarkInputs.JsonLinesNames;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = BenchmarkInputs.Load(Input);
        _output = new MemoryStream(_bytes.Length * 2);
    }

    /// <summary>The papers one at a time from a stream, every key kept.</summary>
    [Benchmark(Baseline = true)]
    public int ReadPapers()
    {
        using PaperReader reader = PaperReader.Create(new MemoryStream(_bytes, writable: false), options: null, leaveOpen: false);
        int count = 0;
        while (reader.Read())
        {
            count++;
        }

        return count;
    }

    /// <summary>Each line parsed into a <see cref="JsonDocument"/> and dropped: the JSON parse alone.</summary>
    [Benchmark]
    public int JsonDocumentPerLine()
    {
        int count = 0;
        ReadOnlyMemory<byte> rest = _bytes;
        while (!rest.IsEmpty)
        {
            int nl = rest.Span.IndexOf((byte)'\n');
            ReadOnlyMemory<byte> line = nl < 0 ? rest : rest[..nl];
            rest = nl < 0 ? ReadOnlyMemory<byte>.Empty : rest[(nl + 1)..];
            if (line.IsEmpty)
            {
                continue;
            }

            using JsonDocument document = JsonDocument.Parse(line);
            count += document.RootElement.GetProperty("id").GetString()!.Length > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>Read and written again as the generator's records (<c>daily-arxiv</c> shape), into memory.</summary>
    [Benchmark]
    public async Task<long> RoundTripToDailyArxiv()
    {
        _output.SetLength(0);
        await using (PaperWriter writer = JsonPaperWriter.JsonLinesFormat.Create(_output, new JsonPaperWriterOptions { Shape = JsonShape.DailyArxiv }))
        {
            await using (PaperReader reader = PaperReader.Create(new MemoryStream(_bytes, writable: false), options: null, leaveOpen: false))
            {
                await writer.WriteAllAsync(reader);
            }

            await writer.CompleteAsync();
        }

        return _output.Length;
    }
}
