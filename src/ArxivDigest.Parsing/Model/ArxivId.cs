using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ArxivDigest.Parsing;

/// <summary>
/// An arXiv identifier: new style (<c>2602.10137</c>, <c>0704.0001</c>), optionally versioned (<c>2602.10137v2</c>),
/// or old style (<c>math/0601001</c>, <c>math.AG/0601001v1</c>).
/// </summary>
/// <remarks>
/// The identifier knows the year and month it was issued in, which arXiv encodes in its first four digits (YYMM).
/// Equality compares the identifier and the version; use <see cref="WithoutVersion"/> to compare papers.
/// </remarks>
public readonly struct ArxivId : IEquatable<ArxivId>, IComparable<ArxivId>, ISpanParsable<ArxivId>
{
    private readonly string? _id;

    private ArxivId(string id, int? version)
    {
        _id = id;
        Version = version;
    }

    /// <summary>The identifier without its version, e.g. <c>2602.10137</c> or <c>math/0601001</c>.</summary>
    public string Id => _id ?? string.Empty;

    /// <summary>The version number (<c>2</c> for <c>2602.10137v2</c>), or <see langword="null"/> when none was given.</summary>
    public int? Version { get; }

    /// <summary>Whether this is an old-style identifier with an archive prefix (<c>math/0601001</c>).</summary>
    public bool IsOldStyle => Id.Contains('/', StringComparison.Ordinal);

    /// <summary>The archive of an old-style identifier (<c>math</c>, <c>hep-th</c>, <c>math.AG</c>), otherwise <see langword="null"/>.</summary>
    public string? Archive => IsOldStyle ? Id[..Id.IndexOf('/', StringComparison.Ordinal)] : null;

    /// <summary>The four-digit year the identifier was issued in.</summary>
    public int Year
    {
        get
        {
            int yy = TwoDigits(YyMm, 0);
            // New-style identifiers started in April 2007; old-style ones ran from 1991 to March 2007.
            return yy >= 91 ? 1900 + yy : 2000 + yy;
        }
    }

    /// <summary>The month (1–12) the identifier was issued in.</summary>
    public int Month => TwoDigits(YyMm, 2);

    private ReadOnlySpan<char> YyMm
    {
        get
        {
            string id = Id;
            int slash = id.IndexOf('/', StringComparison.Ordinal);
            return id.AsSpan(slash + 1, 4);
        }
    }

    /// <summary>This identifier with no version.</summary>
    public ArxivId WithoutVersion => new(Id, null);

    /// <summary>The abstract page, <c>https://arxiv.org/abs/ID</c> (with the version when there is one).</summary>
    public string AbsUrl => "https://arxiv.org/abs/" + ToString();

    /// <summary>
    /// The DOI arXiv registered for the paper (with DataCite), <c>10.48550/arXiv.2602.10137</c>: the identifier
    /// without version, as every version shares it.
    /// </summary>
    public string Doi => "10.48550/arXiv." + Id;

    /// <summary>The PDF, <c>https://arxiv.org/pdf/ID</c> (with the version when there is one).</summary>
    public string PdfUrl => "https://arxiv.org/pdf/" + ToString();

    /// <summary>Parses an identifier.</summary>
    /// <exception cref="FormatException">The text is not an arXiv identifier.</exception>
    public static ArxivId Parse(string s) => Parse(s.AsSpan(), null);

    /// <inheritdoc/>
    public static ArxivId Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    /// <inheritdoc/>
    public static ArxivId Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
        => TryParse(s, provider, out ArxivId id)
            ? id
            : throw new FormatException($"'{s.ToString()}' is not an arXiv identifier (expected e.g. 2602.10137, 2602.10137v2 or math/0601001).");

    /// <summary>Tries to parse an identifier.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out ArxivId result) => TryParse(s.AsSpan(), null, out result);

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ArxivId result)
        => TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ArxivId result)
    {
        result = default;
        if (s.IsEmpty)
        {
            return false;
        }

        int? version = null;
        int v = s.LastIndexOf('v');
        if (v > 0 && v < s.Length - 1 && IsDigits(s[(v + 1)..]) && s[(v + 1)..].Length <= 4)
        {
            version = int.Parse(s[(v + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
            s = s[..v];
        }

        int slash = s.IndexOf('/');
        if (slash >= 0)
        {
            // Old style: archive(.SUBJECT)/YYMMNNN
            ReadOnlySpan<char> archive = s[..slash];
            ReadOnlySpan<char> number = s[(slash + 1)..];
            if (archive.IsEmpty || !IsArchive(archive) || number.Length != 7 || !IsDigits(number) || !IsValidMonth(number))
            {
                return false;
            }
        }
        else
        {
            // New style: YYMM.NNNN (2007–2014) or YYMM.NNNNN (2015 on)
            if (s.Length is not (9 or 10) || s[4] != '.' || !IsDigits(s[..4]) || !IsDigits(s[5..]) || !IsValidMonth(s))
            {
                return false;
            }
        }

        result = new ArxivId(s.ToString(), version);
        return true;
    }

    /// <summary>
    /// Finds the identifier at the end of an arXiv URL such as <c>https://arxiv.org/abs/2602.10137v2</c>
    /// or <c>http://arxiv.org/pdf/math/0601001</c>.
    /// </summary>
    public static bool TryParseUrl(string? url, out ArxivId result)
    {
        result = default;
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }

        ReadOnlySpan<char> s = url.AsSpan().TrimEnd('/');
        foreach (string marker in (ReadOnlySpan<string>)["/abs/", "/pdf/", "/html/"])
        {
            int at = s.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                ReadOnlySpan<char> tail = s[(at + marker.Length)..];
                if (tail.EndsWith(".pdf", StringComparison.Ordinal))
                {
                    tail = tail[..^4];
                }

                return TryParse(tail, null, out result);
            }
        }

        int last = s.LastIndexOf('/');
        return TryParse(s[(last + 1)..], null, out result);
    }

    /// <summary>The identifier with its version when there is one: <c>2602.10137v2</c>.</summary>
    public override string ToString()
        => Version is int v ? string.Create(CultureInfo.InvariantCulture, $"{Id}v{v}") : Id;

    /// <inheritdoc/>
    public bool Equals(ArxivId other) => string.Equals(Id, other.Id, StringComparison.Ordinal) && Version == other.Version;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ArxivId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Version);

    /// <summary>Orders by identifier (issue order within a month for new-style ids), then by version.</summary>
    public int CompareTo(ArxivId other)
    {
        int c = string.CompareOrdinal(Id, other.Id);
        return c != 0 ? c : Nullable.Compare(Version, other.Version);
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(ArxivId left, ArxivId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ArxivId left, ArxivId right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    public static bool operator <(ArxivId left, ArxivId right) => left.CompareTo(right) < 0;

    /// <summary>Ordering.</summary>
    public static bool operator <=(ArxivId left, ArxivId right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering.</summary>
    public static bool operator >(ArxivId left, ArxivId right) => left.CompareTo(right) > 0;

    /// <summary>Ordering.</summary>
    public static bool operator >=(ArxivId left, ArxivId right) => left.CompareTo(right) >= 0;

    private static int TwoDigits(ReadOnlySpan<char> s, int at) => ((s[at] - '0') * 10) + (s[at + 1] - '0');

    private static bool IsValidMonth(ReadOnlySpan<char> yymm)
    {
        int month = TwoDigits(yymm, 2);
        return month is >= 1 and <= 12;
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

    private static bool IsArchive(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!(char.IsAsciiLetter(c) || c is '-' or '.'))
            {
                return false;
            }
        }

        return char.IsAsciiLetterLower(s[0]);
    }
}
