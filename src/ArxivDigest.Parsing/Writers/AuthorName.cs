using System.Collections.Frozen;

namespace ArxivDigest.Parsing.Writers;

/// <summary>
/// An author's name split for the bibliography formats that store names in parts (CSL-JSON, RIS): a family name, the
/// given names and a suffix, or, for a name that does not split, the whole name as <see cref="Literal"/>.
/// </summary>
/// <remarks>
/// The rules (docs/csl-json.md, "Names"), in this order:
/// <list type="number">
/// <item>a name with a CJK character, a name of one word, or an organisation (last word <c>Team</c>, <c>Lab</c>,
/// <c>Consortium</c>, …) is a literal;</item>
/// <item><c>Family, Given</c> and <c>Family, Given, Jr.</c> are read as written (a name with more commas, or an empty
/// part, is a literal);</item>
/// <item>otherwise the last word is the family name, after a trailing suffix (<c>Jr.</c>, <c>Sr.</c>, <c>II</c>,
/// <c>III</c>, <c>IV</c>) is set apart; lower-case particles right before it (<c>van der</c>, <c>de la</c>,
/// <c>von</c>, …) belong to the family name, as BibTeX's "von" part does; the words before are the given names.</item>
/// </list>
/// </remarks>
internal readonly record struct AuthorName(string? Family, string? Given, string? Suffix, string? Literal)
{
    /// <summary>Last words that make a name an organisation's (compared ignoring case).</summary>
    private static readonly FrozenSet<string> OrganisationWords = FrozenSet.ToFrozenSet(
        ["Team", "Collaboration", "Consortium", "Group", "Lab", "Labs", "Laboratory", "Project", "Committee", "Initiative",
         "Community", "Contributors", "Organization", "Organisation", "Association", "Society", "Foundation", "Institute"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Suffixes set apart from the family name (compared ignoring case and a final dot).</summary>
    private static readonly FrozenSet<string> Suffixes = FrozenSet.ToFrozenSet(["Jr", "Sr", "II", "III", "IV"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Particles that join the family name when written in lower case just before it.</summary>
    private static readonly FrozenSet<string> Particles = FrozenSet.ToFrozenSet(
        ["van", "von", "der", "den", "de", "del", "della", "dei", "di", "da", "das", "dos", "do", "du", "la", "le", "ter", "ten", "zu", "vom", "zur", "af", "av"],
        StringComparer.Ordinal);

    /// <summary>Whether the name is whole, not split into parts.</summary>
    public bool IsLiteral => Literal is not null;

    /// <summary>Splits an author's name, cleaned (<see cref="ReferenceText.Clean(string)"/>); null for an empty name.</summary>
    public static AuthorName? Parse(string name)
    {
        name = ReferenceText.Clean(name);
        if (name.Length == 0)
        {
            return null;
        }

        if (HasCjk(name))
        {
            return Whole(name);
        }

        if (name.Contains(',', StringComparison.Ordinal))
        {
            string[] parts = [.. name.Split(',').Select(p => p.Trim())];
            bool suffixLast = parts.Length == 3 && IsSuffix(parts[2]);
            if ((parts.Length == 2 || suffixLast) && parts.All(p => p.Length > 0))
            {
                return new AuthorName(parts[0], parts[1], suffixLast ? parts[2] : null, null);
            }

            return Whole(name);
        }

        string[] words = name.Split(' ');
        if (words.Length == 1 || OrganisationWords.Contains(words[^1]))
        {
            return Whole(name);
        }

        int end = words.Length;
        string? suffix = null;
        if (end > 2 && IsSuffix(words[end - 1]))
        {
            suffix = words[end - 1];
            end--;
        }

        int family = end - 1;
        while (family > 0 && Particles.Contains(words[family - 1]))
        {
            family--;
        }

        return new AuthorName(string.Join(' ', words[family..end]), family > 0 ? string.Join(' ', words[..family]) : null, suffix, null);
    }

    /// <summary>Family, then given names, then the suffix, comma-separated (RIS's <c>Last, First, Suffix</c>); a literal as it is.</summary>
    public string Inverted() => Literal
        ?? string.Join(", ", new[] { Family, Given, Suffix }.Where(p => p is not null));

    private static AuthorName Whole(string name) => new(null, null, null, name);

    private static bool IsSuffix(string word) => Suffixes.Contains(word.TrimEnd('.'));

    /// <summary>Han, kana, Hangul, and their punctuation and compatibility blocks: names in these scripts have no given/family order to read from spaces.</summary>
    private static bool HasCjk(string name)
    {
        foreach (char c in name)
        {
            if (c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF')
                || (char.IsHighSurrogate(c) && c is >= '\uD840' and <= '\uD87F'))
            {
                return true;
            }
        }

        return false;
    }
}
