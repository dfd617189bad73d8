using System.Globalization;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers.Parquet;

namespace ArxivDigest.Parsing.Tests.Parquet;

/// <summary>Hive-style partition folders: escaping, containment, many partitions in bounded memory.</summary>
public sealed class PartitionedDatasetTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-dataset-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("cs.CV", "cs.CV")]
    [InlineData("../../etc", "..%2F..%2Fetc")]
    [InlineData("..", ".%2E")]
    [InlineData(".", "%2E")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\..\\b", "a%5C..%5Cb")]
    [InlineData("C:", "C%3A")]
    [InlineData("C:\\Windows", "C%3A%5CWindows")]
    [InlineData("/abs", "%2Fabs")]
    [InlineData("tab\there\nnew line\u0001", "tab%09here%0Anew line%01")]
    [InlineData("del\u007f", "del%7F")]
    [InlineData("50% = half?", "50%25 %3D half%3F")]
    [InlineData("quote'\"#*{[]^<>|", "quote%27%22%23%2A%7B%5B%5D%5E%3C%3E%7C")]
    [InlineData("trailing ", "trailing%20")]
    [InlineData("trailing.", "trailing%2E")]
    [InlineData("inner. dots.ok", "inner. dots.ok")]
    [InlineData("é中文🙂", "é中文🙂")]
    [InlineData("", "__HIVE_DEFAULT_PARTITION__")]
    [InlineData(null, "__HIVE_DEFAULT_PARTITION__")]
    public void Values_are_escaped_as_Hive_does(string? value, string escaped)
    {
        Assert.Equal(escaped, HivePartition.Escape(value));
        Assert.Equal("main_category=" + escaped, HivePartition.FolderName("main_category", value));
    }

    [Fact]
    public void A_value_too_long_for_a_folder_name_is_refused()
    {
        Assert.Throws<PathTooLongException>(() => HivePartition.FolderName("main_category", new string('x', 300)));
        Assert.Equal(255, HivePartition.FolderName("main_category", new string('x', 255 - "main_category=".Length)).Length);
    }

    private static readonly string?[] HostileValues =
    [
        "../escaped", "..", ".", "a/b", "/root", "C:\\x", "C:", "x\\..\\..\\y", "tab\there", "new\nline", "", null, "cs.CV",
        "50%", "%2F", "a=b", "trailing.", "trailing ", "é中🙂", "__HIVE_DEFAULT_PARTITION__x",
    ];

    [Fact]
    public async Task Hostile_values_stay_inside_the_dataset_and_read_back_unchanged()
    {
        string[] values = [.. HostileValues.Select(v => v ?? "\0null")];
        string dataset = Path.Combine(_temp, "inner", "dataset");
        await using (var writer = new ParquetDatasetWriter(dataset, ParquetPartitionColumn.MainCategory))
        {
            for (int i = 0; i < values.Length; i++)
            {
                await writer.WritePaperAsync(Paper(i, values[i] == "\0null" ? null : values[i]));
            }

            await writer.CompleteAsync();
        }

        // Nothing anywhere but the dataset folder, and in it only one level of partition folders.
        Assert.Equal([Path.Combine(_temp, "inner")], Directory.GetFileSystemEntries(_temp));
        Assert.Equal([dataset], Directory.GetFileSystemEntries(Path.Combine(_temp, "inner")));
        Assert.All(Directory.GetDirectories(dataset, "*", SearchOption.AllDirectories), d => Assert.Equal(dataset, Path.GetDirectoryName(d)));
        Assert.All(Directory.GetFiles(dataset, "*", SearchOption.AllDirectories), f => Assert.Equal("part-00000.parquet", Path.GetFileName(f)));

        // DuckDB decodes the folder names back to the values (null and empty are both NULL, as in Hive).
        List<object?[]> rows = DuckDb.Query(
            $"SELECT main_category, title FROM read_parquet({DuckDb.Literal(Path.Combine(dataset, "*", "*.parquet"))}, hive_partitioning = true) ORDER BY title");
        Assert.Equal(values.Length, rows.Count);
        foreach (object?[] row in rows)
        {
            string value = values[int.Parse(((string)row[1]!)[6..], CultureInfo.InvariantCulture)];
            Assert.Equal(value is "" or "\0null" ? null : value, row[0]);
        }
    }

    [Fact]
    public async Task More_partitions_than_open_files_continue_in_new_part_files()
    {
        // Categories A B C D E cycling, with at most 2 files open: partitions are closed and reopened as part-0000N.
        string dataset = Path.Combine(_temp, "dataset");
        var settings = new ParquetSettings(global::Parquet.CompressionMethod.Zstd, RowGroupBytes: 4096);
        var writer = new ParquetDatasetWriter(dataset, ParquetPartitionColumn.MainCategory, settings, maxOpenFiles: 2);
        await using (writer)
        {
            for (int i = 0; i < 100; i++)
            {
                await writer.WritePaperAsync(Paper(i, ((char)('A' + (i % 5))).ToString()));
            }

            await writer.CompleteAsync();
        }

        List<(string File, int Papers)> files = [.. writer.Files];
        Assert.Equal(100, files.Sum(f => f.Papers));
        Assert.Contains(files, f => f.File.EndsWith("part-00001.parquet", StringComparison.Ordinal));
        Assert.Equal(files.Count, Directory.GetFiles(dataset, "*.parquet", SearchOption.AllDirectories).Length);

        string from = $"read_parquet({DuckDb.Literal(Path.Combine(dataset, "**", "*.parquet"))}, hive_partitioning = true)";
        Assert.Equal(100, DuckDb.Scalar($"SELECT count(*) FROM {from}"));
        Assert.All(DuckDb.Query($"SELECT main_category, count(*) FROM {from} GROUP BY ALL"), r => Assert.Equal(20L, r[1]));
        foreach ((string file, int papers) in files)
        {
            Assert.Equal(papers, DuckDb.Scalar($"SELECT count(*) FROM {DuckDb.Literal(Path.Combine(dataset, file))}"));
        }
    }

    [Fact]
    public void A_dataset_is_written_only_into_a_new_or_empty_folder()
    {
        string dataset = Path.Combine(_temp, "dataset");
        Directory.CreateDirectory(dataset);
        File.WriteAllText(Path.Combine(dataset, "keep.txt"), "mine");
        Assert.Throws<IOException>(() => new ParquetDatasetWriter(dataset, ParquetPartitionColumn.DigestDate));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dataset, "keep.txt")));
    }

    [Fact]
    public async Task A_dataset_writer_disposed_without_completing_leaves_no_part_file()
    {
        string root = Path.Combine(_temp, "abandoned");
        await using (var writer = new ParquetDatasetWriter(root, ParquetPartitionColumn.MainCategory, ParquetSettings.From(ParquetPaperWriterOptions.Default), maxOpenFiles: 1))
        {
            // With one open file, the second partition completes the first one's file: one complete part, one not.
            await writer.WritePaperAsync(Paper(0, "cs.CV"));
            await writer.WritePaperAsync(Paper(1, "cs.AI"));
        }

        Assert.False(Directory.Exists(root), "the folder the writer made is gone");
    }

    [Fact]
    public async Task A_part_being_written_has_a_name_engines_skip()
    {
        string root = Path.Combine(_temp, "in-progress");
        await using var writer = new ParquetDatasetWriter(root, ParquetPartitionColumn.MainCategory);
        await writer.WritePaperAsync(Paper(0, "cs.CV"));
        Assert.Empty(Directory.EnumerateFiles(root, "*.parquet", SearchOption.AllDirectories));

        await writer.CompleteAsync();
        string part = Assert.Single(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
        Assert.Equal(Path.Combine(root, "main_category=cs.CV", "part-00000.parquet"), part);
        Assert.Equal(1, DuckDb.Scalar($"SELECT count(*) FROM read_parquet({DuckDb.Literal(part)})"));
    }

    [Fact]
    public async Task A_parquet_file_abandoned_before_completing_is_not_readable()
    {
        string file = Path.Combine(_temp, "abandoned.parquet");
        await using (FileStream stream = File.Create(file))
        await using (var writer = new ParquetPaperWriter(stream))
        {
            await writer.WritePaperAsync(Paper(0, "cs.CV"));
            await writer.WritePaperAsync(Paper(1, "cs.CV"));
        }

        byte[] bytes = await File.ReadAllBytesAsync(file);
        Assert.False(bytes.Length >= 12 && bytes.AsSpan(bytes.Length - 4).SequenceEqual("PAR1"u8), "no footer, so no reader takes it for a whole file");
        Assert.ThrowsAny<Exception>(() => DuckDb.Scalar($"SELECT count(*) FROM read_parquet({DuckDb.Literal(file)})"));
    }

    private static Paper Paper(int i, string? category) => new()
    {
        Title = string.Create(CultureInfo.InvariantCulture, $"Paper {i:D3}"),
        Url = string.Create(CultureInfo.InvariantCulture, $"https://arxiv.org/abs/2601.{i + 10000:D5}"),
        Id = ArxivId.Parse(string.Create(CultureInfo.InvariantCulture, $"2601.{i + 10000:D5}")),
        Authors = ["An Author"],
        MainCategory = category,
        Abstract = new string('a', 500),
    };
}
