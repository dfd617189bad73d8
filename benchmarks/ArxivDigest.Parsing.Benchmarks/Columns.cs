using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ArxivDigest.Parsing.Benchmarks;

/// <summary>A summary column computed from the size of the benchmark's <c>Input</c>.</summary>
public abstract class InputSizeColumn : IColumn
{
    public abstract string Id { get; }

    public abstract string ColumnName { get; }

    public abstract string Legend { get; }

    public abstract int PriorityInCategory { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        BenchmarkReport? report = summary[benchmarkCase];
        if (report is null || benchmarkCase.Parameters["Input"] is not string input)
        {
            return "NA";
        }

        double? value = Compute(report, benchmarkCase, BenchmarkInputs.SizeOf(input));
        return value is double v ? v.ToString(Format, CultureInfo.InvariantCulture) : "NA";
    }

    public override string ToString() => ColumnName;

    protected abstract string Format { get; }

    protected abstract double? Compute(BenchmarkReport report, BenchmarkCase benchmarkCase, long inputBytes);
}

/// <summary>Input megabytes (10^6 bytes) per second of mean time.</summary>
public sealed class ThroughputColumn : InputSizeColumn
{
    public override string Id => "ArxivDigest.MBps";

    public override string ColumnName => "MB/s";

    public override string Legend => "Throughput: input size in MB (10^6 bytes) divided by the mean time";

    public override int PriorityInCategory => 0;

    protected override string Format => "N1";

    protected override double? Compute(BenchmarkReport report, BenchmarkCase benchmarkCase, long inputBytes)
    {
        double? meanNanoseconds = report.ResultStatistics?.Mean;
        return meanNanoseconds is > 0 ? inputBytes / 1e6 / (meanNanoseconds.Value / 1e9) : null;
    }
}

/// <summary>Bytes allocated per operation divided by the input size.</summary>
public sealed class AllocationPerByteColumn : InputSizeColumn
{
    public override string Id => "ArxivDigest.AllocPerByte";

    public override string ColumnName => "Alloc/byte";

    public override string Legend => "Managed bytes allocated per operation divided by the input size in bytes";

    public override int PriorityInCategory => 1;

    protected override string Format => "N2";

    protected override double? Compute(BenchmarkReport report, BenchmarkCase benchmarkCase, long inputBytes)
    {
        long? allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        return allocated is long a && inputBytes > 0 ? (double)a / inputBytes : null;
    }
}
