using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ArxivDigest.Parsing.Writers.Bibtex;

/// <summary>
/// Citation keys. A paper's key is computed from the paper alone (<see cref="ScholarBase"/> or <c>arXiv:ID</c>);
/// papers whose keys coincide are told apart by <see cref="Assign"/>: the oldest by arXiv identifier keeps the key,
/// each later one gets a letter, <c>a</c>, <c>b</c>, …, in identifier order; keys pinned by an existing bibliography
/// win over both. docs/bibtex.md states the rule.
/// </summary>
internal static class CitationKeys
{
    /// <summary>Words a key never takes as the title's first word (unless the title has no other).</summary>
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
        ["a", "an", "the", "on", "of", "in", "at", "to", "for", "and", "or", "with", "by", "from", "via", "as", "into"],
        StringComparer.Ordinal);

    /// <summary>Name suffixes that are not the family name.</summary>
    private static readonly FrozenSet<string> Suffixes = FrozenSet.ToFrozenSet(
        ["jr", "sr", "ii", "iii", "iv"],
        StringComparer.Ordinal);

    /// <summary>
    /// Google Scholar's style, <c>lastnameYYYYfirstword</c>: the first author's family name, the year, the first
    /// significant word of the title, in lower-case ASCII letters and digits (accents removed, other characters
    /// dropped). A paper with no usable author name gets <c>anon</c>; one with no year, none.
    /// </summary>
    public static string ScholarBase(Paper paper)
    {
        string family = paper.Authors.IsDefaultOrEmpty ? string.Empty : FamilyName(paper.Authors[0]);
        int? year = paper.Id?.Year ?? paper.DigestDate?.Year;
        return string.Concat(
            family.Length > 0 ? family : "anon",
            year is int y ? y.ToString(CultureInfo.InvariantCulture) : string.Empty,
            FirstWord(paper.Title));
    }

    /// <summary>The arXiv style, <c>arXiv:2602.10137</c> (without the version, so that a new version keeps the key).</summary>
    public static string ArxivKey(ArxivId id) => "arXiv:" + id.Id;

    /// <summary>
    /// The family name of a <c>First Last</c> name, as key letters: the last word that has any (so a trailing
    /// <c>Jr.</c>, or a word in a script without Latin letters, is skipped); for a <c>Last, First</c> name, the part
    /// before the comma.
    /// </summary>
    public static string FamilyName(string name)
    {
        name = BibtexText.Clean(name);
        int comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            name = name[..comma];
        }

        string[] words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = words.Length - 1; i >= 0; i--)
        {
            string word = Letters(words[i]);
            if (word.Length > 0 && !(i > 0 && Suffixes.Contains(word)))
            {
                return word;
            }
        }

        return string.Empty;
    }

    /// <summary>
    /// The first word of a title, as key letters, that is not a stop word (<c>a</c>, <c>the</c>, <c>on</c>, …),
    /// ignoring math spans and command names; the first word when all are stop words; empty when there is none.
    /// </summary>
    public static string FirstWord(string title)
    {
        string? firstAny = null;
        var word = new StringBuilder();
        bool inMath = false;
        for (int i = 0; i <= title.Length; i++)
        {
            char c = i < title.Length ? title[i] : ' ';
            if (c == '$')
            {
                inMath = !inMath;
                c = ' ';
            }
            else if (inMath)
            {
                continue;
            }

            if (c == '\\')
            {
                // A command name such as \textsc is markup, not a word.
                while (i + 1 < title.Length && char.IsAsciiLetter(title[i + 1]))
                {
                    i++;
                }

                c = ' ';
            }

            string letters = c is '\'' or '\u2019' ? string.Empty : LatexCharacters.Ascii(c);
            if (letters.Length > 0 || c is '\'' or '\u2019' || LatexCharacters.IsCombiningMark(c))
            {
                word.Append(letters);
                continue;
            }

            if (word.Length > 0)
            {
                string w = word.ToString();
                word.Clear();
                firstAny ??= w;
                if (!StopWords.Contains(w))
                {
                    return w;
                }
            }
        }

        return firstAny ?? string.Empty;
    }

    /// <summary>
    /// The keys of <paramref name="entries"/>, in their order. A paper <paramref name="pins"/> holds a key for keeps
    /// it. The others get their <see cref="BibtexEntry.KeyBase"/>; among those that share one, ordered by arXiv
    /// identifier (entries without one come last, by URL and title), the oldest gets the base and the others the base
    /// plus <c>a</c>, <c>b</c>, …, skipping any key another entry's base is and any key the pins hold (the base itself
    /// too, when pinned to another paper). Without pins, a key depends only on its paper and the older papers with
    /// the same base.
    /// </summary>
    public static string[] Assign(IReadOnlyList<BibtexEntry> entries, BibtexKeyPins? pins = null)
    {
        pins ??= BibtexKeyPins.Empty;
        var keys = new string[entries.Count];
        var pinnedUsed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var groups = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++)
        {
            if (entries[i].Id is ArxivId id && pins.TryGetKey(id.Id, out string? pinned) && pinnedUsed.Add(pinned))
            {
                keys[i] = pinned;
                continue;
            }

            if (!groups.TryGetValue(entries[i].KeyBase, out List<int>? members))
            {
                members = [];
                groups.Add(entries[i].KeyBase, members);
            }

            members.Add(i);
        }

        var taken = new HashSet<string>(groups.Keys, StringComparer.OrdinalIgnoreCase);
        taken.UnionWith(pins.Keys);
        foreach ((string keyBase, List<int> members) in groups)
        {
            members.Sort((a, b) =>
            {
                int c = Compare(entries[a], entries[b]);
                return c != 0 ? c : a.CompareTo(b);
            });
            int n = 0;
            for (int m = 0; m < members.Count; m++)
            {
                string key;
                if (m == 0 && !pins.Keys.Contains(keyBase))
                {
                    key = keyBase;
                }
                else
                {
                    do
                    {
                        key = keyBase + Suffix(++n);
                    }
                    while (!taken.Add(key));
                }

                keys[members[m]] = key;
            }
        }

        return keys;
    }

    /// <summary>1 → <c>a</c>, 26 → <c>z</c>, 27 → <c>aa</c>, 28 → <c>ab</c>, …</summary>
    public static string Suffix(int n)
    {
        var sb = new StringBuilder();
        while (n > 0)
        {
            n--;
            sb.Insert(0, (char)('a' + (n % 26)));
            n /= 26;
        }

        return sb.ToString();
    }

    /// <summary>
    /// Issue order: year, month, then the number within the month (so old-style identifiers, 1991–2007, come before
    /// new-style ones), then the archive of old-style identifiers.
    /// </summary>
    public static int CompareIssueOrder(ArxivId a, ArxivId b)
    {
        int c = a.Year.CompareTo(b.Year);
        if (c == 0)
        {
            c = a.Month.CompareTo(b.Month);
        }

        if (c == 0)
        {
            c = Sequence(a).CompareTo(Sequence(b));
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Archive, b.Archive);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    private static int Compare(BibtexEntry a, BibtexEntry b) => (a.Id, b.Id) switch
    {
        (ArxivId x, ArxivId y) => CompareIssueOrder(x, y),
        (not null, null) => -1,
        (null, not null) => 1,
        _ => string.CompareOrdinal(a.Tiebreak, b.Tiebreak),
    };

    /// <summary>The number within the month: after the dot (new style) or the last three digits (old style).</summary>
    private static int Sequence(ArxivId id)
    {
        string s = id.Id;
        ReadOnlySpan<char> digits = id.IsOldStyle ? s.AsSpan(s.Length - 3) : s.AsSpan(s.IndexOf('.', StringComparison.Ordinal) + 1);
        return int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string Letters(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (char c in word)
        {
            sb.Append(LatexCharacters.Ascii(c));
        }

        return sb.ToString();
    }
}
