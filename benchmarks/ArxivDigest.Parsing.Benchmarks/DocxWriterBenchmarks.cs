using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Docx;
using BenchmarkDotNet.Attributes;

namespace ArxivDigest.Parsing.Benchmarks;

/// <summary>
/// The docx writer on the largest real day: parse the digest and write the whole reading list into memory, in one
/// process that is already warm (eng/update-docx-results.sh also times the tool and pandoc as whole processes).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[MemoryDiagnoser]
public class DocxWriterBenchmarks
{
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup() => _bytes = BenchmarkInputs.Load(BenchmarkInputs.Day);

    /// <summary>Digest bytes to a .docx: returns its size.</summary>
    [Benchmark]
    public async Task<long> DayToDocx()
    {
        Digest digest = DigestParser.Parse(_bytes);
        using var output = new MemoryStream();
        await using (PaperWriter writer = DocxPaperWriter.Format.Create(output))
        {
            await writer.WriteAllAsync(digest);
            await writer.CompleteAsync();
        }

        return output.Length;
    }
}
