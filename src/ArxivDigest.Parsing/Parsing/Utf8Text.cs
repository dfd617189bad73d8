using System.Text;

namespace ArxivDigest.Parsing;

/// <summary>Small UTF-8 helpers for the reader's hot paths.</summary>
internal static class Utf8Text
{
    /// <summary>The number of characters (Unicode scalar values) in UTF-8 bytes: every byte that is not a continuation byte.</summary>
    public static int CountChars(ReadOnlySpan<byte> utf8)
    {
        int continuation = 0;
        foreach (byte b in utf8)
        {
            if ((b & 0xC0) == 0x80)
            {
                continuation++;
            }
        }

        return utf8.Length - continuation;
    }

    /// <summary>Parses 1–9 ASCII digits.</summary>
    public static bool TryParseDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 9)
        {
            return false;
        }

        foreach (byte b in digits)
        {
            if ((uint)(b - '0') > 9)
            {
                value = 0;
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    /// <summary>The offset of the first byte that does not start a valid UTF-8 sequence, or -1 when all are valid.</summary>
    public static int IndexOfInvalid(ReadOnlySpan<byte> utf8)
    {
        int offset = 0;
        while (offset < utf8.Length)
        {
            int ascii = utf8[offset..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0)
            {
                return -1;
            }

            offset += ascii;
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }
}
