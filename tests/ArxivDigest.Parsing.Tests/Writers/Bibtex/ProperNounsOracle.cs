using System.Collections.Frozen;

namespace ArxivDigest.Parsing.Tests.Writers.Bibtex;

/// <summary>
/// The reference reading of an abstract's proper nouns: every word of the text tokenized in order, each judged by
/// its neighbours. <c>ProperNouns.FromAbstract</c> finds the same set looking only at capitals; the tests check that
/// both agree over the corpus.
/// </summary>
internal static class ProperNounsOracle
{
    /// <summary>
    /// The words <paramref name="text"/> writes capitalized (a capital, then only small letters) on their own in the
    /// middle of a sentence, and nowhere in small letters: "on the Moon", "in Minecraft". A capitalized word next to
    /// another (joined by a space or hyphen) is part of a title-cased name ("Cross-Scale Detector") and does not
    /// count; math spans are skipped. Empty for no text.
    /// </summary>
    public static IReadOnlySet<string> FromAbstract(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return FrozenSet<string>.Empty;
        }

        var tokens = new List<Token>();
        bool sentenceStart = true;
        bool joined = false;
        bool hyphen = false;
        bool quoted = false;
        bool inMath = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '$')
            {
                inMath = !inMath;
                joined = false;
                i++;
                continue;
            }

            if (inMath || !char.IsLetterOrDigit(c))
            {
                if (!inMath)
                {
                    sentenceStart |= c is '.' or '!' or '?' or ':' or '\n';
                    joined &= c is ' ' or '-';
                    hyphen |= c == '-';
                    quoted |= c is '"' or '\'' or '\u201C' or '\u2018' or '(' or '[';
                }

                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            tokens.Add(new Token(start, i - start, sentenceStart, joined && tokens.Count > 0, hyphen && tokens.Count > 0, quoted));
            sentenceStart = false;
            joined = true;
            hyphen = false;
            quoted = false;
        }

        // Candidates first (few, usually none), then strike those the text also writes in small letters: only the
        // candidates become strings.
        HashSet<string>? capitalized = null;
        for (int t = 0; t < tokens.Count; t++)
        {
            Token token = tokens[t];
            ReadOnlySpan<char> word = text.AsSpan(token.Start, token.Length);
            if (word.Length < 2 || !char.IsUpper(word[0]) || !IsLower(word[1..]))
            {
                continue;
            }

            // On its own: not quoted, not part of a hyphenated compound, no capitalized neighbour (across "of",
            // "and" …: "Theory of Mind", "Connected and Autonomous Vehicles").
            bool alone = !token.SentenceStart && !token.Quoted && !token.Hyphen
                && !(t + 1 < tokens.Count && tokens[t + 1].Hyphen && tokens[t + 1].Joined)
                && !CapitalizedNeighbour(text, tokens, t, -1) && !CapitalizedNeighbour(text, tokens, t, +1);
            if (alone)
            {
                (capitalized ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(word.ToString());
            }
        }

        if (capitalized is null)
        {
            return FrozenSet<string>.Empty;
        }

        foreach (Token token in tokens)
        {
            ReadOnlySpan<char> word = text.AsSpan(token.Start, token.Length);
            if (char.IsLower(word[0]) && IsLower(word))
            {
                foreach (string candidate in capitalized)
                {
                    if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
                    {
                        capitalized.Remove(candidate); // then the enumeration stops: at most one matches
                        break;
                    }
                }

                if (capitalized.Count == 0)
                {
                    return FrozenSet<string>.Empty;
                }
            }
        }

        return capitalized;
    }

    /// <summary>Whether the word joined to token <paramref name="t"/> on one side, skipping joined function words, is capitalized.</summary>
    private static bool CapitalizedNeighbour(string text, List<Token> tokens, int t, int step)
    {
        for (int n = t + step; n >= 0 && n < tokens.Count; n += step)
        {
            // The link between n and its neighbour towards t.
            if (!(step < 0 ? tokens[n + 1].Joined : tokens[n].Joined))
            {
                return false;
            }

            ReadOnlySpan<char> word = text.AsSpan(tokens[n].Start, tokens[n].Length);
            if (char.IsUpper(word[0]))
            {
                return true;
            }

            if (!IsFunctionWord(word))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsFunctionWord(ReadOnlySpan<char> word) =>
        word is "of" or "and" or "the" or "for" or "in" or "on" or "to" or "with" or "a" or "an" or "via" or "by";

    private readonly record struct Token(int Start, int Length, bool SentenceStart, bool Joined, bool Hyphen, bool Quoted);

    private static bool IsLower(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
