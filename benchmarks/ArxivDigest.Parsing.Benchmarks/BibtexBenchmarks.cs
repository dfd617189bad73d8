using System.Globalization;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Bibtex;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ArxivDigest.Parsing.Benchmarks;

/// <summary>
/// The BibTeX writer over the whole corpus (every digest, parsed once beforehand): entries written per second with
/// the default options, with <c>--bib-ascii</c>, and with the abstract and the TL;DR note. Each run writes the whole
/// bibliography into memory, citation keys and all.
/// </summary>
[Config(typeof(BibtexBenchmarkConfig))]
[MemoryDiagnoser]
public class BibtexBenchmarks
{
    private static readonly Lazy<Paper[]> s_papers = new(() =>
        [.. BenchmarkInputs.Files(BenchmarkInputs.Corpus).SelectMany(f => DigestParser.ParseFile(f).Papers)]);

    private Paper[] _papers = [];
    private MemoryStream _output = new();

    /// <summary>Entries one run writes (one per arXiv identifier).</summary>
    public static int Entries => s_papers.Value.DistinctBy(p => p.Id?.Id ?? p.Url).Count();

    [GlobalSetup]
    public void Setup()
    {
        _papers = s_papers.Value;
        _output = new MemoryStream(64 * 1024 * 1024);
    }

    [Benchmark(Baseline = true)]
    public Task<long> Utf8() => WriteAsync(BibtexPaperWriterOptions.Default);

    [Benchmark]
    public Task<long> Ascii() => WriteAsync(new BibtexPaperWriterOptions { Ascii = true });

    [Benchmark]
    public Task<long> AbstractAndNote() => WriteAsync(new BibtexPaperWriterOptions { Abstract = true, Note = BibtexNote.Tldr });

    private async Task<long> WriteAsync(BibtexPaperWriterOptions options)
    {
        _output.SetLength(0);
        await using (PaperWriter writer = BibtexPaperWriter.Format.Create(_output, options))
        {
            foreach (Paper paper in _papers)
            {
                await writer.WritePaperAsync(paper);
            }

            await writer.CompleteAsync();
        }

        return _output.Length;
    }
}

/// <summary>Three warm-up and ten measured iterations, and an entries-per-second column.</summary>
public sealed class BibtexBenchmarkConfig : ManualConfig
{
    public BibtexBenchmarkConfig()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1).AsDefault());
        AddColumn(new EntriesPerSecondColumn());
    }
}

/// <summary>Entries written per second of mean time.</summary>
public sealed class EntriesPerSecondColumn : IColumn
{
    public string Id => "ArxivDigest.EntriesPerSecond";

    public string ColumnName => "Entries/s";

    public string Legend => "BibTeX entries written per second: the corpus's entries divided by the mean time";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is > 0 ? (BibtexBenchmarks.Entries / (mean.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture) : "NA";
    }

    public override string ToString() => ColumnName;
}
