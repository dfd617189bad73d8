using System.Buffers;

namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>
/// Just enough of Thrift's compact protocol to read a Parquet page header or footer into a tree, change it, and
/// write it again: structs, lists and sets of any type, maps kept as their bytes.
/// </summary>
internal static class ThriftCompact
{
    public const byte Stop = 0;
    public const byte True = 1;
    public const byte False = 2;
    public const byte Byte = 3;
    public const byte I16 = 4;
    public const byte I32 = 5;
    public const byte I64 = 6;
    public const byte Double = 7;
    public const byte Binary = 8;
    public const byte List = 9;
    public const byte Set = 10;
    public const byte Map = 11;
    public const byte Struct = 12;

    /// <summary>
    /// Reads one struct from the start of <paramref name="data"/>; false when the data ends before the struct does
    /// (more bytes are needed). A binary value longer than <paramref name="elideOver"/> that the data ends inside is
    /// reported in <paramref name="elide"/> (where its content starts and its length), so that the caller can drop its
    /// content rather than keep it; <paramref name="elided"/> lists such values already dropped (by where their
    /// content would start), which read as <see cref="ThriftElided"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a compact-protocol struct.</exception>
    public static bool TryRead(ReadOnlyMemory<byte> data, out ThriftStruct value, out int length, int elideOver, IReadOnlyList<(int At, long Length)> elided, out (int At, long Length)? elide)
    {
        var reader = new Reader(data, elideOver, elided);
        elide = null;
        try
        {
            value = reader.ReadStruct();
            length = reader.Position;
            return true;
        }
        catch (EndOfStreamException)
        {
            elide = reader.Elide;
            value = null!;
            length = 0;
            return false;
        }
    }

    /// <summary>Reads one whole struct from the start of <paramref name="data"/>.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> data, out ThriftStruct value, out int length)
        => TryRead(data, out value, out length, int.MaxValue, [], out _);

    public static void Write(IBufferWriter<byte> output, ThriftStruct value) => new Writer(output).WriteStruct(value);

    private struct Reader(ReadOnlyMemory<byte> data, int elideOver, IReadOnlyList<(int At, long Length)> elided)
    {
        public int Position;

        public (int At, long Length)? Elide;

        public ThriftStruct ReadStruct()
        {
            var result = new ThriftStruct();
            short last = 0;
            while (true)
            {
                byte header = ReadByte();
                byte type = (byte)(header & 0x0F);
                if (type == Stop)
                {
                    return result;
                }

                int delta = header >> 4;
                short id = delta == 0 ? (short)Zigzag(ReadVarint()) : (short)(last + delta);
                last = id;
                result.Fields.Add(new ThriftField(id, type, ReadValue(type)));
            }
        }

        private object ReadValue(byte type)
        {
            switch (type)
            {
                case True:
                    return true;
                case False:
                    return false;
                case Byte:
                    return (long)(sbyte)ReadByte();
                case I16 or I32 or I64:
                    return Zigzag(ReadVarint());
                case Double:
                    return Take(8);
                case Binary:
                    long size = checked((long)ReadVarint());
                    foreach ((int at, long length) in elided)
                    {
                        if (at == Position)
                        {
                            return new ThriftElided(length);
                        }
                    }

                    if (size > elideOver && Position + size > data.Length)
                    {
                        Elide = (Position, size);
                        throw new EndOfStreamException();
                    }

                    return Take(checked((int)size));
                case List or Set:
                    byte sizeAndType = ReadByte();
                    int items = sizeAndType >> 4;
                    if (items == 15)
                    {
                        items = checked((int)ReadVarint());
                    }

                    byte element = (byte)(sizeAndType & 0x0F);
                    var list = new ThriftList(element, new List<object>(Math.Min(items, 1024)));
                    for (int i = 0; i < items; i++)
                    {
                        // A bool element is one byte: 1 true, 2 false.
                        list.Items.Add(element is True or False ? ReadByte() == True : ReadValue(element));
                    }

                    return list;
                case Map:
                    int start = Position;
                    int count = checked((int)ReadVarint());
                    if (count > 0)
                    {
                        byte kv = ReadByte();
                        for (int i = 0; i < count; i++)
                        {
                            ReadValue((byte)(kv >> 4));
                            ReadValue((byte)(kv & 0x0F));
                        }
                    }

                    return new ThriftRaw(data.Slice(start, Position - start));
                case Struct:
                    return ReadStruct();
                default:
                    throw new InvalidDataException($"Thrift compact type {type} is not one Parquet uses.");
            }
        }

        private ReadOnlyMemory<byte> Take(int length)
        {
            if (length < 0 || Position + length > data.Length)
            {
                if (length < 0)
                {
                    throw new InvalidDataException("A negative Thrift length.");
                }

                throw new EndOfStreamException();
            }

            ReadOnlyMemory<byte> slice = data.Slice(Position, length);
            Position += length;
            return slice;
        }

        private byte ReadByte()
        {
            if (Position >= data.Length)
            {
                throw new EndOfStreamException();
            }

            return data.Span[Position++];
        }

        private ulong ReadVarint()
        {
            ulong result = 0;
            for (int shift = 0; shift < 64; shift += 7)
            {
                byte b = ReadByte();
                result |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return result;
                }
            }

            throw new InvalidDataException("A Thrift varint longer than 64 bits.");
        }

        private static long Zigzag(ulong n) => (long)(n >> 1) ^ -(long)(n & 1);
    }

    private readonly struct Writer(IBufferWriter<byte> output)
    {
        public void WriteStruct(ThriftStruct value)
        {
            short last = 0;
            foreach (ThriftField field in value.Fields)
            {
                byte type = field.Type is True or False ? ((bool)field.Value ? True : False) : field.Type;
                int delta = field.Id - last;
                if (delta is > 0 and <= 15)
                {
                    WriteByte((byte)((delta << 4) | type));
                }
                else
                {
                    WriteByte(type);
                    WriteVarint(Zigzag(field.Id));
                }

                last = field.Id;
                if (type is not (True or False))
                {
                    WriteValue(type, field.Value);
                }
            }

            WriteByte(Stop);
        }

        private void WriteValue(byte type, object value)
        {
            switch (type)
            {
                case Byte:
                    WriteByte((byte)(sbyte)(long)value);
                    break;
                case I16 or I32 or I64:
                    WriteVarint(Zigzag((long)value));
                    break;
                case Double:
                    output.Write(((ReadOnlyMemory<byte>)value).Span);
                    break;
                case Binary when value is ThriftElided:
                    throw new InvalidDataException("A dropped Thrift value cannot be written.");
                case Binary:
                    var bytes = (ReadOnlyMemory<byte>)value;
                    WriteVarint((ulong)bytes.Length);
                    output.Write(bytes.Span);
                    break;
                case List or Set:
                    var list = (ThriftList)value;
                    if (list.Items.Count < 15)
                    {
                        WriteByte((byte)((list.Items.Count << 4) | list.ElementType));
                    }
                    else
                    {
                        WriteByte((byte)(0xF0 | list.ElementType));
                        WriteVarint((ulong)list.Items.Count);
                    }

                    foreach (object item in list.Items)
                    {
                        if (list.ElementType is True or False)
                        {
                            WriteByte((bool)item ? True : False);
                        }
                        else
                        {
                            WriteValue(list.ElementType, item);
                        }
                    }

                    break;
                case Map:
                    output.Write(((ThriftRaw)value).Bytes.Span);
                    break;
                case Struct:
                    WriteStruct((ThriftStruct)value);
                    break;
                default:
                    throw new InvalidDataException($"Thrift compact type {type} is not one Parquet uses.");
            }
        }

        private void WriteByte(byte b)
        {
            output.GetSpan(1)[0] = b;
            output.Advance(1);
        }

        private void WriteVarint(ulong n)
        {
            while (n >= 0x80)
            {
                WriteByte((byte)(n | 0x80));
                n >>= 7;
            }

            WriteByte((byte)n);
        }

        private static ulong Zigzag(long n) => (ulong)((n << 1) ^ (n >> 63));
    }
}

/// <summary>A struct: its fields in order.</summary>
internal sealed class ThriftStruct
{
    public List<ThriftField> Fields { get; } = [];

    public ThriftField? Find(short id) => Fields.Find(f => f.Id == id);

    public long? GetInt64(short id) => Find(id)?.Value is long value ? value : null;

    public void SetInt64(short id, long value)
    {
        int i = Fields.FindIndex(f => f.Id == id);
        if (i >= 0)
        {
            Fields[i] = Fields[i] with { Value = value };
        }
    }
}

/// <summary>A field: id, compact type, and value (long, bool, bytes, list, struct or raw map bytes).</summary>
internal sealed record ThriftField(short Id, byte Type, object Value);

/// <summary>A list or set: its element type and items.</summary>
internal sealed record ThriftList(byte ElementType, List<object> Items);

/// <summary>A binary value whose content was dropped as it was read (only its length is known).</summary>
internal sealed record ThriftElided(long Length);

/// <summary>A value kept as the bytes it was read from (maps, which Parquet's footer has only in metadata).</summary>
internal sealed record ThriftRaw(ReadOnlyMemory<byte> Bytes);
