using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace ArxivDigest.Parsing.Benchmarks;

/// <summary>
/// Few, steady iterations, so a full run stays reasonable on a small machine; plus the fastest iteration (steadier
/// than the mean on a shared machine), throughput and allocation per input byte. The job is a default: a job given
/// on the command line (<c>--job dry</c>, <c>--job short</c>) replaces it.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.Default
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithLaunchCount(1)
            .AsDefault());
        AddColumn(StatisticColumn.Min, new ThroughputColumn(), new AllocationPerByteColumn());
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByParams);
    }
}
