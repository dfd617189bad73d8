using System.Globalization;

namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>
/// Writes papers as a Hive-style partitioned Parquet dataset: one folder per value of the partition column
/// (<c>main_category=cs.CV/part-00000.parquet</c>), each file in the <see cref="ParquetPaperWriter"/> schema less the
/// partition column, whose value engines take from the folder name (DuckDB: <c>read_parquet('out/**/*.parquet',
/// hive_partitioning = true)</c>). Values are escaped as Hive does, so no value can reach outside the folder.
/// </summary>
/// <remarks>
/// <para>Memory stays bounded however many partitions there are: papers buffered across all partitions never exceed
/// one row group's worth (<c>parquet-row-group-size</c>; the largest buffer is written out first), and at most
/// 64 partition files are open at once: when another partition is needed, the least recently used file is completed,
/// and that partition continues in a new file (<c>part-00001.parquet</c>) if more of its papers come.</para>
/// <para>The writer fills the folder in place. A file being written has a hidden temporary name
/// (<c>.part-00000.parquet.incomplete</c>, which engines skip) and takes its own name only once complete; a writer
/// disposed without <see cref="CompleteAsync"/> (a failure) deletes every file and folder it made, so no part of
/// an unfinished dataset is ever read as data. (The <c>arxiv-digest</c> tool also writes into a temporary folder and
/// moves it into place on success.)</para>
/// </remarks>
public sealed class ParquetDatasetWriter : PaperWriter
{
    internal const int DefaultMaxOpenFiles = 64;

    private readonly string _directory;
    private readonly ParquetPartitionColumn _partitionBy;
    private readonly string _columnName;
    private readonly ParquetSettings _settings;
    private readonly int _maxOpenFiles;
    private readonly Dictionary<string, Partition> _partitions = new(StringComparer.Ordinal);
    private readonly List<Partition> _open = [];
    private readonly bool _createdRoot;
    private long _buffered;
    private long _clock;
    private bool _completed;

    /// <summary>Creates a writer that fills <paramref name="directory"/>, which must be empty or not exist yet.</summary>
    /// <param name="directory">The dataset's root folder; created if missing.</param>
    /// <param name="partitionBy">The column whose values name the folders.</param>
    /// <param name="options">Compression and row group size (its <see cref="ParquetPaperWriterOptions.PartitionBy"/> is <paramref name="partitionBy"/>).</param>
    /// <exception cref="IOException">The folder exists and is not empty.</exception>
    public ParquetDatasetWriter(string directory, ParquetPartitionColumn partitionBy, ParquetPaperWriterOptions? options = null)
        : this(directory, partitionBy, ParquetSettings.From(options), DefaultMaxOpenFiles)
    {
    }

    internal ParquetDatasetWriter(string directory, ParquetPartitionColumn partitionBy, ParquetSettings settings, int maxOpenFiles)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOpenFiles, 1);
        _columnName = PaperTable.ColumnName(partitionBy);
        _directory = Path.GetFullPath(directory);
        if (Directory.Exists(_directory) && Directory.EnumerateFileSystemEntries(_directory).Any())
        {
            throw new IOException($"'{directory}' is not empty: a dataset is written into a new or empty folder.");
        }

        _createdRoot = !Directory.Exists(_directory);
        Directory.CreateDirectory(_directory);
        _partitionBy = partitionBy;
        _settings = settings;
        _maxOpenFiles = maxOpenFiles;
    }

    /// <summary>The files written so far, relative to the dataset folder, with their number of papers.</summary>
    internal IEnumerable<(string File, int Papers)> Files => _partitions.Values.SelectMany(p => p.Files);

    /// <inheritdoc/>
    public override async ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ObjectDisposedException.ThrowIf(_completed, this);
        paper = WithoutLoneSurrogates(paper, "Parquet");
        string folder = HivePartition.FolderName(_columnName, PartitionValue(paper));
        if (!_partitions.TryGetValue(folder, out Partition? partition))
        {
            partition = new Partition(folder, Path.Combine(_directory, folder), this);
            EnsureInside(partition.Path);
            _partitions.Add(folder, partition);
        }

        partition.LastUse = ++_clock;
        if (partition.Writer is null)
        {
            if (_open.Count >= _maxOpenFiles)
            {
                Partition oldest = _open.MinBy(p => p.LastUse)!;
                await CloseAsync(oldest, cancellationToken).ConfigureAwait(false);
            }

            partition.Open(_settings, _partitionBy);
            _open.Add(partition);
        }

        long before = partition.Writer!.BufferedBytes;
        await partition.Writer.WritePaperAsync(paper, cancellationToken).ConfigureAwait(false);
        partition.FilePapers++;
        _buffered += partition.Writer.BufferedBytes - before;

        // All partitions together buffer at most one row group's worth: write out the largest buffers first.
        while (_buffered > _settings.RowGroupBytes)
        {
            Partition largest = _open.MaxBy(p => p.Writer!.BufferedBytes)!;
            _buffered -= largest.Writer!.BufferedBytes;
            await largest.Writer.FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed)
        {
            return;
        }

        while (_open.Count > 0)
        {
            await CloseAsync(_open[^1], cancellationToken).ConfigureAwait(false);
        }

        _completed = true;
    }

    /// <inheritdoc/>
    protected override async ValueTask DisposeAsyncCore()
    {
        // Every open file is closed, even when closing one fails (its buffered tail on a full disk).
        Exception? failure = null;
        foreach (Partition partition in _open)
        {
            try
            {
                await partition.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failure ??= e;
            }
        }

        _open.Clear();
        if (!_completed)
        {
            // A failed dataset: remove what this writer made (the folder was empty or new), so nothing of it is read.
            foreach (Partition partition in _partitions.Values)
            {
                partition.DeleteFiles();
            }

            if (_createdRoot)
            {
                TryDeleteEmptyDirectory(_directory);
            }
        }

        await base.DisposeAsyncCore().ConfigureAwait(false);
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    private static void TryDeleteEmptyDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any())
            {
                Directory.Delete(path);
            }
        }
        catch (IOException)
        {
            // Something else appeared in it meanwhile: leave it.
        }
    }

    private string? PartitionValue(Paper paper) => _partitionBy switch
    {
        ParquetPartitionColumn.DigestDate => paper.DigestDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ParquetPartitionColumn.MainCategory => paper.MainCategory,
        ParquetPartitionColumn.ArxivYear => paper.Id?.Year.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private async ValueTask CloseAsync(Partition partition, CancellationToken cancellationToken)
    {
        _buffered -= partition.Writer!.BufferedBytes;
        _open.Remove(partition);
        await partition.CloseAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Defence in depth: the escaping already makes this impossible.</summary>
    private void EnsureInside(string path)
    {
        string full = Path.GetFullPath(path);
        if (!full.StartsWith(Path.TrimEndingDirectorySeparator(_directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.GetDirectoryName(full) != Path.TrimEndingDirectorySeparator(_directory))
        {
            throw new InvalidOperationException($"Partition folder '{path}' would be outside the dataset folder.");
        }
    }

    /// <summary>One partition's folder, and its open file, if any.</summary>
    private sealed class Partition(string folder, string path, ParquetDatasetWriter owner) : IAsyncDisposable
    {
        private readonly List<(string File, int Papers)> _files = [];
        private readonly List<string> _written = [];
        private FileStream? _stream;
        private string? _incomplete;
        private bool _createdFolder;

        public string Path { get; } = path;

        public ParquetPaperWriter? Writer { get; private set; }

        public long LastUse { get; set; }

        /// <summary>The papers in the open file.</summary>
        public int FilePapers { get; set; }

        public IEnumerable<(string File, int Papers)> Files => _files;

        public void Open(ParquetSettings settings, ParquetPartitionColumn partitionBy)
        {
            if (!Directory.Exists(Path))
            {
                Directory.CreateDirectory(Path);
                _createdFolder = true;
            }

            string name = string.Create(CultureInfo.InvariantCulture, $"part-{_files.Count:D5}.parquet");
            _incomplete = System.IO.Path.Combine(Path, "." + name + ".incomplete");
            _stream = new FileStream(_incomplete, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024, useAsync: true);
            Writer = new ParquetPaperWriter(_stream, settings, partitionBy);
            Writer.ForwardDiagnosticsTo(owner);
            _files.Add((folder + "/" + name, 0));
            FilePapers = 0;
        }

        public async ValueTask CloseAsync(CancellationToken cancellationToken)
        {
            try
            {
                await Writer!.CompleteAsync(cancellationToken).ConfigureAwait(false);
                _files[^1] = (_files[^1].File, FilePapers);
            }
            finally
            {
                // Closed even when completing fails (a full disk): the partition has left the open list already.
                await DisposeAsync().ConfigureAwait(false);
            }

            string complete = System.IO.Path.Combine(Path, System.IO.Path.GetFileName(_files[^1].File));
            File.Move(_incomplete!, complete);
            _incomplete = null;
            _written.Add(complete);
        }

        /// <summary>Deletes the files (complete or not) and the folder this partition made.</summary>
        public void DeleteFiles()
        {
            foreach (string file in _written.Append(_incomplete).OfType<string>())
            {
                try
                {
                    File.Delete(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Best effort, so that the other files still go; the caller's temporary folder is removed whole.
                }
            }

            _written.Clear();
            _incomplete = null;
            if (_createdFolder)
            {
                TryDeleteEmptyDirectory(Path);
            }
        }

        /// <summary>Closes the open file, if any, as it is (complete only after <see cref="CloseAsync"/>).</summary>
        public async ValueTask DisposeAsync()
        {
            if (Writer is not null)
            {
                await Writer.DisposeAsync().ConfigureAwait(false);
                Writer = null;
            }

            if (_stream is not null)
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
                _stream = null;
            }
        }
    }
}
