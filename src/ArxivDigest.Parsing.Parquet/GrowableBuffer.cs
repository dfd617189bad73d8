using System.Buffers;
using System.Runtime.CompilerServices;

namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>A list over pooled arrays that keeps its capacity between row groups.</summary>
internal sealed class GrowableBuffer<T> : IDisposable
{
    private const int InitialCapacity = 256;
    private T[] _items = [];

    public int Count { get; private set; }

    public ReadOnlyMemory<T> Memory => _items.AsMemory(0, Count);

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[Count++] = item;
    }

    /// <summary>Empties the buffer, letting go of what its items refer to, and keeps the array.</summary>
    public void Clear()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_items, 0, Count);
        }

        Count = 0;
    }

    public void Dispose()
    {
        Clear();
        Return(_items);
        _items = [];
    }

    private void Grow()
    {
        T[] next = ArrayPool<T>.Shared.Rent(Math.Max(InitialCapacity, _items.Length * 2));
        Array.Copy(_items, next, Count);
        Array.Clear(_items, 0, Count);
        Return(_items);
        _items = next;
    }

    private static void Return(T[] array)
    {
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }
    }
}
