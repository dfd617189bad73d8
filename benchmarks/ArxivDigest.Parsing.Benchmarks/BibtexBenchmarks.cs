using System.Globalization;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Bibtex;
using ArxivDigest.Parsing.Writers.Csl;
using ArxivDigest.Parsing.Writers.Feeds;
using ArxivDigest.Parsing.Writers.Ris;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ArxivDigest.Parsing.Benchmarks;

/// <summary>
/// The BibTeX writer over the whole corpus (every digest, parsed once beforehand): entries written per second with
/// the default options, with <c>--bib-ascii</c>, with the abstract and the TL;DR note, and over pinned keys (the
/// corpus's own .bib replaced); then the other bibliography and feed formats, defaults. Each run writes the whole
/// file into memory, citation keys and all.
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

    private BibtexPaperWriterOptions _pinned = BibtexPaperWriterOptions.Default;

    [GlobalSetup]
    public void Setup()
    {
        _papers = s_papers.Value;
        _output = new MemoryStream(64 * 1024 * 1024);
        WriteAsync(BibtexPaperWriter.Format, BibtexPaperWriterOptions.Default).GetAwaiter().GetResult();
        _output.Position = 0;
        _pinned = BibtexPaperWriterOptions.Default with { KeyPins = BibtexKeyPins.Read(_output) };
    }

    [Benchmark(Baseline = true)]
    public Task<long> Utf8() => WriteAsync(BibtexPaperWriterOptions.Default);

    [Benchmark]
    public Task<long> Ascii() => WriteAsync(new BibtexPaperWriterOptions { Ascii = true });

    [Benchmark]
    public Task<long> AbstractAndNote() => WriteAsync(new BibtexPaperWriterOptions { Abstract = true, Note = BibtexNote.Tldr });

    [Benchmark]
    public Task<long> PinnedKeys() => WriteAsync(_pinned);

    [Benchmark]
    public Task<long> CslJson() => WriteAsync(CslJsonPaperWriter.Format, CslJsonPaperWriter.Format.DefaultOptions);

    [Benchmark]
    public Task<long> Ris() => WriteAsync(RisPaperWriter.Format, RisPaperWriter.Format.DefaultOptions);

    [Benchmark]
    public Task<long> Atom() => WriteAsync(AtomFeedWriter.Format, AtomFeedWriter.Format.DefaultOptions);

    [Benchmark]
    public Task<long> Rss() => WriteAsync(RssFeedWriter.Format, RssFeedWriter.Format.DefaultOptions);

    private Task<long> WriteAsync(BibtexPaperWriterOptions options) => WriteAsync(BibtexPaperWriter.Format, options);

    private async Task<long> WriteAsync<TOptions>(PaperWriterFormat<TOptions> format, TOptions options)
        where TOptions : class
    {
        _output.SetLength(0);
        await using (PaperWriter writer = format.Create(_output, options))
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

    public string Legend => "Entries (items, records) written per second: the corpus's distinct papers divided by the mean time";

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
