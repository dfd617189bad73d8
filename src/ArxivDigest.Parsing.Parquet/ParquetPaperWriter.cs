using global::Parquet;

namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>
/// Writes papers as an Apache Parquet file, one row a paper, with typed columns (the schema is in
/// <c>docs/parquet.md</c>): text as UTF-8 strings, <c>authors</c> as a LIST of strings, <c>extra_fields</c> as a LIST
/// of (label, value) structs, <c>digest_date</c> as a DATE. Built on Parquet.Net.
/// </summary>
/// <remarks>
/// Papers are buffered column by column only up to a row group (option <c>parquet-row-group-size</c>, 64 MiB of data
/// by default), which is then encoded, compressed (option <c>parquet-compression</c>, snappy by default) and written, so
/// memory stays bounded whatever the number of papers. Column statistics are written for every column (without the
/// minimum and maximum of a column chunk where either is longer than 4 KB, as parquet-mr does); the repetitive
/// text columns (<c>main_category</c>, <c>section</c>, <c>source_file</c>) are dictionary-encoded when that pays.
/// The footer is written by <see cref="PaperWriter.CompleteAsync"/>; a writer disposed before that leaves an
/// incomplete file, which the caller discards. The output stream need not be seekable and is not disposed.
/// </remarks>
public sealed class ParquetPaperWriter : PaperWriter
{
    private readonly Stream _output;
    private readonly StatisticsTrimmingStream _trimmed;
    private readonly ParquetSettings _settings;
    private readonly PaperTable _table;
    private ParquetWriter? _parquet;
    private bool _completed;

    /// <summary>Creates a writer.</summary>
    /// <param name="output">Where to write; not disposed by the writer.</param>
    /// <param name="options">Compression and row group size; <see cref="ParquetPaperWriterOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException"><see cref="ParquetPaperWriterOptions.PartitionBy"/> is set: a dataset is a folder (<see cref="ParquetDatasetWriter"/>).</exception>
    public ParquetPaperWriter(Stream output, ParquetPaperWriterOptions? options = null)
        : this(output, ParquetSettings.From(options?.PartitionBy is null ? options
            : throw new ArgumentException("PartitionBy is set: a partitioned dataset is a folder, written by ParquetDatasetWriter.", nameof(options))), partitionColumn: null)
    {
    }

    internal ParquetPaperWriter(Stream output, ParquetSettings settings, ParquetPartitionColumn? partitionColumn)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _trimmed = new StatisticsTrimmingStream(output);
        _settings = settings;
        _table = new PaperTable(partitionColumn);
    }

    /// <summary>
    /// The <c>parquet</c> format (<c>.parquet</c>, binary), with its options <c>parquet-compression</c>,
    /// <c>parquet-row-group-size</c> and <c>partition-by</c> (which makes it write a dataset folder).
    /// </summary>
    public static PaperWriterFormat<ParquetPaperWriterOptions> Format { get; } = new ParquetFormat();

    /// <summary>The size, as data, of the papers buffered for the next row group.</summary>
    internal long BufferedBytes => _table.Bytes;

    /// <summary>The number of row groups written so far.</summary>
    internal int RowGroups { get; private set; }

    /// <inheritdoc/>
    public override async ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ObjectDisposedException.ThrowIf(_completed, this);
        _table.Add(WithoutLoneSurrogates(paper, "Parquet"));
        if (_table.Bytes >= _settings.RowGroupBytes)
        {
            await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed)
        {
            return;
        }

        await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        ParquetWriter parquet = await OpenAsync(cancellationToken).ConfigureAwait(false);
        _trimmed.BeginFooter();
        await parquet.DisposeAsync().ConfigureAwait(false); // writes the footer (into the trimming stream)
        await _trimmed.FinishAsync(cancellationToken).ConfigureAwait(false);
        _completed = true;
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the buffered papers, if any, as a row group now.</summary>
    internal async ValueTask FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        if (_table.Rows == 0)
        {
            return;
        }

        ParquetWriter parquet = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await _table.WriteRowGroupAsync(parquet, cancellationToken).ConfigureAwait(false);
        RowGroups++;
    }

    /// <inheritdoc/>
    protected override async ValueTask DisposeAsyncCore()
    {
        // Without CompleteAsync the Parquet.Net writer is dropped, not disposed: disposing it would write a footer.
        _table.Dispose();
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    private async ValueTask<ParquetWriter> OpenAsync(CancellationToken cancellationToken)
        => _parquet ??= await ParquetWriter.CreateAsync(_table.Schema, _trimmed, _table.CreateOptions(_settings), append: false, cancellationToken).ConfigureAwait(false);
}
