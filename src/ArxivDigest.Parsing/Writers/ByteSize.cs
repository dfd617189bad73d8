using System.Globalization;

namespace ArxivDigest.Parsing.Writers;

/// <summary>Sizes in bytes as options write them: digits, then optionally <c>K</c>, <c>M</c> or <c>G</c> (powers of 1024), with an optional <c>B</c> or <c>iB</c>.</summary>
internal static class ByteSize
{
    /// <summary>Reads a positive size; false for anything else (zero, a sign, an unknown suffix, an overflow).</summary>
    public static bool TryParse(string text, out long bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = 0;
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        if (s.EndsWith("iB", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^2];
        }
        else if (s.EndsWith("B", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^1];
        }

        long unit = 1;
        if (s.Length > 0 && char.ToUpperInvariant(s[^1]) is 'K' or 'M' or 'G')
        {
            unit = char.ToUpperInvariant(s[^1]) switch { 'K' => 1L << 10, 'M' => 1L << 20, _ => 1L << 30 };
            s = s[..^1].TrimEnd();
        }

        if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long number) || number <= 0 || number > long.MaxValue / unit)
        {
            return false;
        }

        bytes = number * unit;
        return true;
    }

    /// <summary>The shortest text <see cref="TryParse"/> reads back as <paramref name="bytes"/>: <c>64M</c>, <c>1536K</c>, <c>1000</c>.</summary>
    public static string Format(long bytes)
    {
        foreach ((long unit, char suffix) in new[] { (1L << 30, 'G'), (1L << 20, 'M'), (1L << 10, 'K') })
        {
            if (bytes >= unit && bytes % unit == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{bytes / unit}{suffix}");
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture);
    }
}
