namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>Options of the <c>parquet</c> format. Immutable: change it with <see langword="with"/>.</summary>
public sealed record ParquetPaperWriterOptions
{
    /// <summary>The defaults: snappy, 64 MiB row groups, one file.</summary>
    public static ParquetPaperWriterOptions Default { get; } = new();

    /// <summary>How pages are compressed (option <c>parquet-compression</c>): <see cref="ParquetCompression.Snappy"/> by default.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>
    /// How much data, in bytes, is buffered for a row group before it is written (option
    /// <c>parquet-row-group-size</c>): 64 MiB by default. A dataset buffers at most this much across all its partitions.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero or less.</exception>
    public long RowGroupSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = 64L << 20;

    /// <summary>
    /// The column a Hive-style dataset is partitioned by (option <c>partition-by</c>), or <see langword="null"/> (the
    /// default) for one file. Set, the format writes a folder (<see cref="ParquetDatasetWriter"/>,
    /// <see cref="PaperWriterFormat.CreateDirectoryWriter(string, object)"/>) instead of a stream.
    /// </summary>
    public ParquetPartitionColumn? PartitionBy { get; init; }

    /// <summary>The options as the format advertises them (and the tool offers them).</summary>
    internal static IReadOnlyList<WriterOption<ParquetPaperWriterOptions>> Descriptors { get; } =
    [
        WriterOption<ParquetPaperWriterOptions>.Choice(
            "parquet-compression",
            "Page compression",
            o => o.Compression,
            (o, v) => o with { Compression = v },
            ("snappy", ParquetCompression.Snappy),
            ("zstd", ParquetCompression.Zstd),
            ("gzip", ParquetCompression.Gzip),
            ("none", ParquetCompression.None)),
        WriterOption<ParquetPaperWriterOptions>.Size(
            "parquet-row-group-size",
            "Data buffered per row group, in bytes (suffix K, M or G: powers of 1024)",
            o => o.RowGroupSize,
            (o, v) => o with { RowGroupSize = v }),
        WriterOption<ParquetPaperWriterOptions>.Choice<ParquetPartitionColumn?>(
            "partition-by",
            "Write a Hive-style Parquet dataset into the folder OUTPUT, one folder per value: digest_date, main_category or arxiv_year",
            o => o.PartitionBy,
            (o, v) => o with { PartitionBy = v },
            ("digest_date", ParquetPartitionColumn.DigestDate),
            ("main_category", ParquetPartitionColumn.MainCategory),
            ("arxiv_year", ParquetPartitionColumn.ArxivYear)),
    ];
}

/// <summary>How the <c>parquet</c> format compresses its pages.</summary>
public enum ParquetCompression
{
    /// <summary>Snappy: fast, and read by every engine.</summary>
    Snappy = 0,

    /// <summary>Zstandard: smaller files, slower to write.</summary>
    Zstd = 1,

    /// <summary>Gzip.</summary>
    Gzip = 2,

    /// <summary>No compression.</summary>
    None = 3,
}
