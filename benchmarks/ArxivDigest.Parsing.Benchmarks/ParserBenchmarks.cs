using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace ArxivDigest.Parsing.Benchmarks;

/// <summary>
/// Our parser against the practical limit (UTF-8 to UTF-16 transcoding of the same bytes) and the two ways a user
/// would otherwise get at the papers: a general Markdown parser, and hand-written regular expressions.
/// Every method returns a count so that no work can be optimised away.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private byte[] _bytes = [];
    private char[] _chars = [];

    /// <summary>The input: <c>day</c> (the largest digest) or <c>corpus</c> (every digest concatenated).</summary>
    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = BenchmarkInputs.Day;

    public static IEnumerable<string> Inputs => BenchmarkInputs.Names;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = BenchmarkInputs.Load(Input);
        _chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(_bytes.Length));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
    }

    /// <summary>The whole digest as an object model.</summary>
    [Benchmark(Baseline = false)]
    public int ArxivDigestParse() => DigestParser.Parse(_bytes).Papers.Length;

    /// <summary>The same with the dialect given, so nothing is detected: the cost of detection is the difference.</summary>
    [Benchmark]
    public int ArxivDigestParseGivenDialect() => DigestParser.Parse(_bytes, GivenDialect).Papers.Length;

    private static readonly DigestReaderOptions GivenDialect = new() { Dialect = DigestDialect.Canonical };

    /// <summary>The papers one at a time from a stream, in bounded memory.</summary>
    [Benchmark]
    public int ArxivDigestStream()
    {
        using PaperReader reader = PaperReader.Create(new MemoryStream(_bytes, writable: false), options: null, leaveOpen: false);
        int count = 0;
        while (reader.Read())
        {
            count++;
        }

        return count;
    }

    /// <summary>The practical limit: decoding the bytes once into a preallocated buffer, nothing more.</summary>
    [Benchmark]
    public int Utf8Transcode() => Encoding.UTF8.GetChars(_bytes, _chars);

    /// <summary>A general CommonMark parser (decoding included): blocks, not papers.</summary>
    [Benchmark]
    public int MarkdigParse() => Markdig.Markdown.Parse(Encoding.UTF8.GetString(_bytes)).Count;

    /// <summary>Hand-written regular expressions (decoding included).</summary>
    [Benchmark]
    public int RegexExtract() => RegexExtractor.Extract(Encoding.UTF8.GetString(_bytes)).Count;
}
