using System.Globalization;
using System.Text;

namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>
/// Hive-style partition folder names, <c>column=value</c>, with the value escaped so that it is one safe folder name
/// on every file system and reads back unchanged in Hive, Spark, DuckDB, Polars and pyarrow, which decode
/// <c>%XX</c>.
/// </summary>
internal static class HivePartition
{
    /// <summary>Hive's name for the partition of null (and empty) values; engines read it back as NULL.</summary>
    public const string DefaultPartition = "__HIVE_DEFAULT_PARTITION__";

    /// <summary>The longest folder name most file systems take, in UTF-8 bytes.</summary>
    private const int MaxNameBytes = 255;

    /// <summary>The folder name of a value: <c>column=escaped value</c>.</summary>
    /// <exception cref="PathTooLongException">The escaped value makes a folder name too long for a file system.</exception>
    public static string FolderName(string column, string? value)
    {
        string name = column + "=" + Escape(value);
        if (Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
        {
            throw new PathTooLongException(
                $"The {column} value '{(value!.Length > 40 ? value[..40] + "…" : value)}' is too long to be a partition folder name.");
        }

        return name;
    }

    /// <summary>
    /// Escapes a value as Hive does (<c>%XX</c>, upper-case hexadecimal of the UTF-8 bytes) for the characters Hive
    /// escapes (control characters, <c>"#%'*/:=?\{[]^</c>, DEL) plus those Windows refuses in names (<c>&lt;&gt;|</c>)
    /// and a trailing dot or space (which Windows drops). So a value can never name a parent folder, a root, a drive
    /// or a device: <c>/</c>, <c>\</c> and <c>:</c> are always escaped, and the <c>column=</c> prefix means a value
    /// never stands alone as <c>.</c> or <c>..</c>. Null and empty values go to <see cref="DefaultPartition"/>.
    /// </summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return DefaultPartition;
        }

        StringBuilder? escaped = null;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool last = i == value.Length - 1;
            if (MustEscape(c) || (last && c is '.' or ' '))
            {
                escaped ??= new StringBuilder(value.Length + 8).Append(value, 0, i);
                escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                // A lone surrogate cannot be a file name's character: its replacement character, escaped.
                escaped ??= new StringBuilder(value.Length + 8).Append(value, 0, i);
                escaped.Append("%EF%BF%BD");
            }
            else
            {
                if (char.IsHighSurrogate(c))
                {
                    escaped?.Append(c).Append(value[i + 1]);
                    i++;
                    continue;
                }

                escaped?.Append(c);
            }
        }

        return escaped?.ToString() ?? value;
    }

    private static bool MustEscape(char c) => c < 0x20 || c == 0x7F || c is '"' or '#' or '%' or '\'' or '*' or '/' or ':' or '=' or '?'
        or '\\' or '{' or '[' or ']' or '^' or '<' or '>' or '|';
}
