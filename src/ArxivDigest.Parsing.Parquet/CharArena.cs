using System.Buffers;

namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>
/// Copies of the text values buffered for a row group, packed into large reused character blocks.
/// </summary>
/// <remarks>
/// Holding the papers' own strings until the row group is written would keep every paper alive through several
/// collections, each copying them into an older generation (the largest cost of a conversion in a profile). Copying
/// the characters into a few large blocks, which the collector never moves, lets the papers die young; the blocks are
/// kept for the next row group, and come from (and go back to) the shared array pool, so that conversion after
/// conversion in one process reuses them.
/// </remarks>
internal sealed class CharArena
{
    private const int BlockSize = 1 << 18; // characters; 512 KB, a large-object-heap array

    private readonly List<char[]> _blocks = [];
    private int _block;
    private int _used;

    /// <summary>A copy of <paramref name="value"/>, valid until <see cref="Clear"/>.</summary>
    public ReadOnlyMemory<char> Add(string value)
    {
        if (value.Length == 0)
        {
            return ReadOnlyMemory<char>.Empty;
        }

        if (value.Length > BlockSize / 4)
        {
            return value.ToCharArray(); // rare: an own array rather than a mostly wasted block
        }

        if (_blocks.Count == 0 || _used + value.Length > BlockSize)
        {
            NextBlock();
        }

        char[] block = _blocks[_block];
        value.CopyTo(block.AsSpan(_used));
        var copy = new ReadOnlyMemory<char>(block, _used, value.Length);
        _used += value.Length;
        return copy;
    }

    /// <summary>Lets the copies go; the blocks are reused.</summary>
    public void Clear()
    {
        _block = 0;
        _used = 0;
    }

    /// <summary>Returns the blocks to the pool.</summary>
    public void Dispose()
    {
        foreach (char[] block in _blocks)
        {
            ArrayPool<char>.Shared.Return(block);
        }

        _blocks.Clear();
        Clear();
    }

    private void NextBlock()
    {
        if (_blocks.Count == 0)
        {
            _blocks.Add(ArrayPool<char>.Shared.Rent(BlockSize));
            _block = 0;
        }
        else
        {
            _block++;
            if (_block == _blocks.Count)
            {
                _blocks.Add(ArrayPool<char>.Shared.Rent(BlockSize));
            }
        }

        _used = 0;
    }
}
