using global::Parquet;
using global::Parquet.Schema;

namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>
/// The Parquet table of papers: its columns in schema order (see docs/parquet.md), buffered up to a row group.
/// </summary>
internal sealed class PaperTable : IDisposable
{
    private readonly PaperColumn[] _columns;

    /// <summary>Makes the table; a partition column, if given, is left out (its value is in the folder name).</summary>
    public PaperTable(ParquetPartitionColumn? without = null)
    {
        string? excluded = without is { } column ? ColumnName(column) : null;
        _columns = [.. CreateColumns().Where(c =>
        {
            if (c.Name == excluded)
            {
                c.Dispose();
                return false;
            }

            return true;
        })];
        Schema = new ParquetSchema(_columns.Select(c => c.Field));
    }

    /// <summary>The column names, in order, of the full table.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = CreateColumns().Select(c => c.Name).ToArray();

    public ParquetSchema Schema { get; }

    /// <summary>The papers buffered.</summary>
    public int Rows { get; private set; }

    /// <summary>The size of the buffered values as data (see <see cref="PaperColumn.Add"/>).</summary>
    public long Bytes { get; private set; }

    /// <summary>The column a partition key is.</summary>
    public static string ColumnName(ParquetPartitionColumn column) => column switch
    {
        ParquetPartitionColumn.DigestDate => "digest_date",
        ParquetPartitionColumn.MainCategory => "main_category",
        ParquetPartitionColumn.ArxivYear => "arxiv_year",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Unknown partition column."),
    };

    /// <summary>Parquet.Net's options for this table: compression, and dictionary encoding where values repeat.</summary>
    public ParquetOptions CreateOptions(ParquetSettings settings)
    {
        var options = new ParquetOptions
        {
            CompressionMethod = settings.Compression,
            // Parquet.Net's default for zstd is level 19 (SmallestSize): several times slower for a few per cent.
            CompressionLevel = System.IO.Compression.CompressionLevel.Optimal,
        };
        foreach (PaperColumn column in _columns.Where(c => c.Dictionary))
        {
            options.ColumnEncodingHints[column.Name] = EncodingHint.Dictionary;
        }

        return options;
    }

    public void Add(Paper paper)
    {
        long bytes = 0;
        foreach (PaperColumn column in _columns)
        {
            bytes += column.Add(paper);
        }

        Bytes += bytes;
        Rows++;
    }

    /// <summary>Writes the buffered papers as one row group and empties the buffers.</summary>
    public async Task WriteRowGroupAsync(ParquetWriter writer, CancellationToken cancellationToken)
    {
        using (ParquetRowGroupWriter rowGroup = writer.CreateRowGroup())
        {
            foreach (PaperColumn column in _columns)
            {
                await column.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }

            rowGroup.CompleteValidate();
        }

        foreach (PaperColumn column in _columns)
        {
            column.Clear();
        }

        Rows = 0;
        Bytes = 0;
    }

    public void Dispose()
    {
        foreach (PaperColumn column in _columns)
        {
            column.Dispose();
        }
    }

    private static PaperColumn[] CreateColumns() =>
    [
        new StringColumn("arxiv_id", nullable: true, p => p.Id?.Id),
        new NullableInt32Column("version", p => p.Id?.Version),
        new StringColumn("title", nullable: false, p => p.Title),
        new StringColumn("url", nullable: false, p => p.Url),
        new StringColumn("pdf_url", nullable: true, p => p.PdfUrl),
        new StringListColumn("authors", p => p.Authors),
        new Int32Column("author_count", p => p.Authors.IsDefault ? 0 : p.Authors.Length),
        new StringColumn("main_category", nullable: true, p => p.MainCategory, dictionary: true),
        new StringListColumn("categories", p => p.Categories),
        new StringColumn("section", nullable: true, p => p.Section, dictionary: true),
        new NullableInt32Column("index", p => p.Index),
        new StringColumn("tldr", nullable: true, p => p.Tldr),
        new StringColumn("motivation", nullable: true, p => p.Motivation),
        new StringColumn("method", nullable: true, p => p.Method),
        new StringColumn("result", nullable: true, p => p.Result),
        new StringColumn("conclusion", nullable: true, p => p.Conclusion),
        new StringColumn("abstract", nullable: true, p => p.Abstract),
        new StringColumn("comment", nullable: true, p => p.Comment),
        new LabelledValueListColumn("extra_fields", p => p.ExtraFields),
        new DateColumn("digest_date", p => p.DigestDate),
        new NullableInt32Column("arxiv_year", p => p.Id?.Year),
        new NullableInt32Column("arxiv_month", p => p.Id?.Month),
        new StringColumn("source_file", nullable: true, p => p.Location.File, dictionary: true),
        new Int32Column("source_line", p => p.Location.Line),
    ];
}
