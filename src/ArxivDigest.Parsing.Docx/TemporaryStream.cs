namespace ArxivDigest.Parsing.Writers;

/// <summary>
/// Scratch storage that a writer fills and reads back: in memory up to <c>memoryLimit</c> bytes, then in a temporary
/// file holding the same bytes: on Unix unlinked as soon as it is open (it has no name, so it goes with the process
/// however the process ends, a kill included), on Windows opened delete-on-close (the system deletes it then). A
/// day's document never touches the disk; a large one never fills memory.
/// </summary>
internal sealed class TemporaryStream(string directory, long memoryLimit) : Stream
{
    private Stream _current = new MemoryStream();

    /// <summary>Whether the bytes have moved to a file.</summary>
    public bool IsOnDisk { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _current.Length;

    public override long Position
    {
        get => _current.Position;
        set => _current.Position = value;
    }

    public override void Flush() => _current.Flush();

    public override int Read(byte[] buffer, int offset, int count) => _current.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => _current.Read(buffer);

    public override long Seek(long offset, SeekOrigin origin) => _current.Seek(offset, origin);

    public override void SetLength(long value) => _current.SetLength(value);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!IsOnDisk && _current.Position + buffer.Length > memoryLimit)
        {
            MoveToDisk();
        }

        _current.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current.Dispose();
        }

        base.Dispose(disposing);
    }

    private void MoveToDisk()
    {
        string path = Path.Combine(directory, "arxiv-digest-" + Guid.NewGuid().ToString("N") + ".tmp");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 64 * 1024, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            // The open handle keeps the data; without a name, the file goes when the process does, however it ends
            // (a signal, a kill), not only on Dispose. Windows deletes a delete-on-close file itself when the process ends.
            File.Delete(path);
        }

        long position = _current.Position;
        _current.Position = 0;
        _current.CopyTo(file);
        file.Position = position;
        _current.Dispose();
        _current = file;
        IsOnDisk = true;
    }
}
