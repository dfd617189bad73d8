using System.Buffers;

namespace ArxivDigest.Parsing;

/// <summary>The growing, pooled byte buffer the readers read into (the Markdown reader and the JSON-lines reader).</summary>
internal static class ReadBuffer
{
    /// <summary>Doubles a full buffer (<paramref name="used"/> bytes kept), returning the old one to the pool.</summary>
    /// <exception cref="InvalidOperationException">The buffer is as large as an array can be.</exception>
    public static void Grow(ref byte[] buffer, int used)
    {
        int size = (int)Math.Min(Math.Max(2L * buffer.Length, 16L), Array.MaxLength);
        if (size <= used)
        {
            throw new InvalidOperationException("The read buffer cannot grow further.");
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
