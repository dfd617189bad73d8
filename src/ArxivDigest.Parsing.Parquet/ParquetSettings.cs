using global::Parquet;

namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>What the writers take from <see cref="ParquetPaperWriterOptions"/>, in Parquet.Net's terms.</summary>
internal sealed record ParquetSettings(CompressionMethod Compression, long RowGroupBytes)
{
    public static ParquetSettings From(ParquetPaperWriterOptions? options)
    {
        options ??= ParquetPaperWriterOptions.Default;
        CompressionMethod method = options.Compression switch
        {
            ParquetCompression.Snappy => CompressionMethod.Snappy,
            ParquetCompression.Zstd => CompressionMethod.Zstd,
            ParquetCompression.Gzip => CompressionMethod.Gzip,
            ParquetCompression.None => CompressionMethod.None,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Compression, "Unknown compression."),
        };
        return new ParquetSettings(method, options.RowGroupSize);
    }
}
