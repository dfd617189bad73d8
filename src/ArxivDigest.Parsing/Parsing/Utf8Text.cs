using System.Buffers;
using System.Text;
using System.Text.Unicode;

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

    /// <summary>
    /// Decodes UTF-8 in one pass (validating as it goes) into <paramref name="scratch"/>, then copies it into the
    /// string: cheaper than <see cref="Encoding.GetString(ReadOnlySpan{byte})"/> (which counts first) plus a
    /// separate validation pass. Invalid bytes become U+FFFD and set <paramref name="invalid"/>. With
    /// <paramref name="crlf"/>, each <c>\r\n</c> becomes <c>\n</c>.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> utf8, bool crlf, ref char[] scratch, out bool invalid)
    {
        invalid = false;
        return utf8.IsEmpty ? string.Empty : new string(DecodeToScratch(utf8, crlf, ref scratch, out invalid));
    }

    /// <summary>Decodes like <see cref="Decode(ReadOnlySpan{byte}, bool, ref char[], out bool)"/>, into <paramref name="scratch"/> only: the characters stay valid until its next use.</summary>
    public static ReadOnlySpan<char> DecodeToScratch(ReadOnlySpan<byte> utf8, bool crlf, ref char[] scratch, out bool invalid)
    {
        invalid = false;
        if (scratch.Length < utf8.Length)
        {
            scratch = new char[Math.Max(utf8.Length, scratch.Length * 2)]; // UTF-16 never needs more units than UTF-8 has bytes
        }

        int written;
        if (Utf8.ToUtf16(utf8, scratch, out _, out written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            invalid = true;
            Utf8.ToUtf16(utf8, scratch, out _, out written, replaceInvalidSequences: true);
        }

        Span<char> chars = scratch.AsSpan(0, written);
        if (crlf && chars.Contains('\r'))
        {
            chars = chars[..RemoveCrBeforeLf(chars)];
        }

        return chars;
    }

    /// <summary>Decodes UTF-8 (invalid bytes as U+FFFD), with <c>\r\n</c> as <c>\n</c> when <paramref name="crlf"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> utf8, bool crlf)
    {
        string s = Encoding.UTF8.GetString(utf8);
        return crlf && s.Contains('\r', StringComparison.Ordinal) ? s.Replace("\r\n", "\n", StringComparison.Ordinal) : s;
    }

    private static int RemoveCrBeforeLf(Span<char> chars)
    {
        int to = 0;
        for (int from = 0; from < chars.Length; from++)
        {
            if (chars[from] == '\r' && from + 1 < chars.Length && chars[from + 1] == '\n')
            {
                continue;
            }

            chars[to++] = chars[from];
        }

        return to;
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
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out int consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }
}
