using System.Diagnostics;
using System.Globalization;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Parquet;
using DuckDB.NET.Data;

namespace ArxivDigest.Parsing.Benchmarks;

/// <summary>
/// Whole-corpus conversions to Parquet, timed in-process, for <c>benchmarks/parquet-vs-duckdb.sh</c>:
/// <c>--convert-parquet OUT [CODEC] [RUNS]</c> reads the digests with our parser and writes them with
/// <see cref="ParquetPaperWriter"/>; <c>--convert-duckdb OUT [RUNS]</c> has DuckDB convert the same papers from the
/// source JSON lines (<c>COPY (SELECT * FROM read_json_auto('…/*_AI_enhanced_Chinese.jsonl')) TO '…'</c>).
/// The first conversion in the process is the cold one (JIT, caches); of RUNS more, the first half warm up and the
/// second half give the warm median.
/// Prints one line: <c>side codec papers cold_ms warm_median_ms bytes</c>.
/// </summary>
internal static class ParquetConversion
{
    public static int Run(string[] args)
    {
        bool duckDb = args[0] == "--convert-duckdb";
        string output = args[1];
        string codec = duckDb ? "snappy" : args.Length > 2 ? args[2] : "default";
        int runs = int.Parse(args.Length > (duckDb ? 2 : 3) ? args[duckDb ? 2 : 3] : "0", CultureInfo.InvariantCulture);
        IReadOnlyList<string> digests = BenchmarkInputs.Files(BenchmarkInputs.Corpus);

        long papers = 0;
        double Once()
        {
            long start = Stopwatch.GetTimestamp();
            papers = duckDb ? DuckDb(Path.GetDirectoryName(digests[0])!, output) : Ours(digests, output, codec);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        double cold = Once();
        // The first half of the further runs lets the JIT finish tiering up; the median of the second half is the
        // warm figure (a long-running process converting batch after batch).
        double[] warm = [.. Enumerable.Range(0, runs).Select(_ => Once()).Skip(runs / 2).Order()];
        double median = warm.Length == 0 ? double.NaN : warm.Length % 2 == 1 ? warm[warm.Length / 2] : (warm[(warm.Length / 2) - 1] + warm[warm.Length / 2]) / 2;
        if (duckDb)
        {
            papers = CountRows(output); // COPY's own count is not exposed by the ADO.NET provider
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(duckDb ? "duckdb" : "ours")} {codec} {papers} {cold:F0} {median:F0} {new FileInfo(output).Length}"));
        return 0;
    }

    private static long Ours(IReadOnlyList<string> digests, string output, string codec)
    {
        ParquetPaperWriterOptions options = codec == "default"
            ? ParquetPaperWriterOptions.Default
            : new ParquetPaperWriterOptions { Compression = Enum.Parse<ParquetCompression>(codec, ignoreCase: true) };
        using FileStream file = File.Create(output);
        int papers = 0;
        var writer = new ParquetPaperWriter(file, options);
        try
        {
            foreach (string digest in digests)
            {
                using PaperReader reader = PaperReader.Open(digest);
                papers += writer.WriteAllAsync(reader).GetAwaiter().GetResult();
            }

            writer.CompleteAsync().AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return papers;
    }

    private static long DuckDb(string folder, string output)
    {
        string source = Path.Combine(folder, "*_AI_enhanced_Chinese.jsonl");
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = $"COPY (SELECT * FROM read_json_auto({Literal(source)})) TO {Literal(output)} (FORMAT parquet)";
        command.ExecuteNonQuery();
        return 0;
    }

    private static long CountRows(string parquet)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {Literal(parquet)}";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
