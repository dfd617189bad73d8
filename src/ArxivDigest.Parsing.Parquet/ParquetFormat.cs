namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>The <c>parquet</c> format: one file, or with <see cref="ParquetPaperWriterOptions.PartitionBy"/> a dataset folder.</summary>
internal sealed class ParquetFormat() : PaperWriterFormat<ParquetPaperWriterOptions>(
    "parquet",
    [".parquet"],
    "Apache Parquet, one typed row a paper (--partition-by for a Hive-style dataset)",
    ParquetPaperWriterOptions.Default,
    static (stream, options) => new ParquetPaperWriter(stream, options),
    isText: false,
    options: ParquetPaperWriterOptions.Descriptors)
{
    public override bool WritesDirectory(ParquetPaperWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.PartitionBy is not null;
    }

    public override PaperWriter CreateDirectoryWriter(string directory, ParquetPaperWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.PartitionBy is ParquetPartitionColumn column
            ? new ParquetDatasetWriter(directory, column, options)
            : base.CreateDirectoryWriter(directory, options);
    }
}
