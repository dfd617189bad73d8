using System.Globalization;
using global::Parquet;

namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>The <c>parquet</c> format's options, read from <see cref="PaperWriterOptions.Properties"/>.</summary>
internal sealed record ParquetSettings(CompressionMethod Compression, long RowGroupBytes)
{
    public const string CompressionOption = "parquet-compression";
    public const string RowGroupSizeOption = "parquet-row-group-size";
    public const string DefaultRowGroupSize = "64M";

    public static IReadOnlyList<WriterOption> Options { get; } =
    [
        WriterOption.Choice(CompressionOption, "Page compression", "snappy", "snappy", "zstd", "gzip", "none"),
        WriterOption.Text(RowGroupSizeOption, "Data buffered per row group, in bytes (suffix K, M or G: powers of 1024)", DefaultRowGroupSize),
    ];

    /// <exception cref="FormatException">An option's value is not one it takes.</exception>
    public static ParquetSettings From(PaperWriterOptions? options)
    {
        options ??= PaperWriterOptions.Default;
        string compression = options.GetString(CompressionOption, "snappy")!;
        CompressionMethod method = compression.ToUpperInvariant() switch
        {
            "ZSTD" => CompressionMethod.Zstd,
            "SNAPPY" => CompressionMethod.Snappy,
            "GZIP" => CompressionMethod.Gzip,
            "NONE" => CompressionMethod.None,
            _ => throw new FormatException($"Option '{CompressionOption}' takes snappy, zstd, gzip or none, not '{compression}'."),
        };
        return new ParquetSettings(method, ParseSize(options.GetString(RowGroupSizeOption, DefaultRowGroupSize)!));
    }

    /// <summary>A size in bytes: digits, then optionally K, M or G (powers of 1024), with an optional B or iB.</summary>
    public static long ParseSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        if (s.EndsWith("iB", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^2];
        }
        else if (s.EndsWith("B", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^1];
        }

        long unit = 1;
        if (s.Length > 0 && char.ToUpperInvariant(s[^1]) is 'K' or 'M' or 'G')
        {
            unit = char.ToUpperInvariant(s[^1]) switch { 'K' => 1L << 10, 'M' => 1L << 20, _ => 1L << 30 };
            s = s[..^1].TrimEnd();
        }

        if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long number) || number <= 0 || number > long.MaxValue / unit)
        {
            throw new FormatException($"Option '{RowGroupSizeOption}' takes a positive size such as 65536, 512K or 64M, not '{text}'.");
        }

        return number * unit;
    }
}
