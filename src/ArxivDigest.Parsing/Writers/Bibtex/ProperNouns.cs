using System.Collections.Frozen;

namespace ArxivDigest.Parsing.Writers.Bibtex;

/// <summary>
/// Capitalized title words that keep their capital when a style lower-cases the title ("3D Gaussian splatting", not
/// "3D gaussian splatting"): words named after people and places that arXiv titles use most, and the words the
/// paper's own abstract always capitalizes on their own in the middle of a sentence (its authors' proper nouns).
/// </summary>
internal static class ProperNouns
{
    /// <summary>Eponyms and names of languages and places (compared ignoring case).</summary>
    public static FrozenSet<string> Known { get; } = FrozenSet.ToFrozenSet(
        [
            "Gaussian", "Gaussians", "Gauss", "Bayes", "Bayesian", "Markov", "Markovian", "Euclidean", "Riemannian",
            "Hamiltonian", "Lagrangian", "Laplacian", "Hessian", "Jacobian", "Fourier", "Poisson", "Dirichlet",
            "Wasserstein", "Kalman", "Boltzmann", "Hilbert", "Banach", "Lipschitz", "Newton", "Newtonian", "Langevin",
            "Bernoulli", "Gibbs", "Nash", "Pareto", "Shapley", "Turing", "Monte", "Carlo", "Schrödinger", "Einstein",
            "Kolmogorov", "Koopman", "Stackelberg", "Wiener", "Euler", "Eulerian", "Cauchy", "Lyapunov", "Hopfield",
            "Navier", "Stokes", "Maxwell", "Dirac", "Heisenberg", "Ising", "Hawkes", "Chebyshev", "Legendre", "Hermite",
            "Hermitian", "Bellman", "Hebbian", "Kuramoto", "Lindblad", "Hubbard", "Levenshtein", "Voronoi", "Delaunay",
            "Kullback", "Leibler", "Shannon", "Nyquist", "Galerkin", "Runge", "Kutta", "Lorentz", "Lorentzian",
            "Minkowski", "Fokker", "Planck", "Ornstein", "Uhlenbeck", "Brownian", "Wigner", "Hadamard", "Kronecker",
            "Boolean", "Pythagorean", "Cartesian", "Darwinian", "Weibull", "Erdős", "Rényi",
            "English", "Chinese", "Japanese", "Korean", "Arabic", "French", "German", "Spanish", "Portuguese", "Italian",
            "Russian", "Hindi", "Bengali", "Urdu", "Persian", "Turkish", "Vietnamese", "Indonesian", "Thai", "Swahili",
            "Hebrew", "Greek", "Latin", "Dutch", "Polish", "Ukrainian", "Indian", "African", "European", "American",
            "Asian", "Earth", "Martian", "Wikipedia", "Internet",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The words <paramref name="text"/> writes capitalized (a capital, then only small letters) on their own in the
    /// middle of a sentence, and nowhere in small letters: "on the Moon", "in Minecraft". A capitalized word next to
    /// another (joined by a space or hyphen, also across <c>of</c>, <c>and</c> …) is part of a title-cased name
    /// ("Cross-Scale Detector", "Theory of Mind") and does not count, nor does one that is quoted, bracketed, in a
    /// hyphenated compound or at the start of a sentence; math spans are skipped. Empty for no text.
    /// </summary>
    /// <remarks>
    /// Runs for every paper the BibTeX writer sees, so it looks only at the capitals (a vectorized search) and at the
    /// words around them, and then searches the text for each candidate in small letters.
    /// </remarks>
    public static IReadOnlySet<string> FromAbstract(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return FrozenSet<string>.Empty;
        }

        HashSet<string>? capitalized = null;
        ReadOnlySpan<char> span = text;
        bool ascii = !span.ContainsAnyExceptInRange('\0', '\u007F');
        int from = 0;
        while (from < text.Length)
        {
            int at = ascii ? span[from..].IndexOfAnyInRange('A', 'Z') : NextUpper(span[from..]);
            if (at < 0)
            {
                break;
            }

            at += from;
            int end = at + 1;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            from = end;
            if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || end - at < 2 || !IsLower(span[(at + 1)..end]) || InMath(text, at) || !Alone(text, at, end))
            {
                continue;
            }

            (capitalized ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(text[at..end]);
        }

        if (capitalized is null)
        {
            return FrozenSet<string>.Empty;
        }

        capitalized.RemoveWhere(word => WrittenInSmallLetters(text, word));
        return capitalized;
    }

    /// <summary>The index of the first capital (any script) of <paramref name="text"/>, or -1.</summary>
    private static int NextUpper(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="text"/> has <paramref name="word"/> in small letters as a whole word outside math.</summary>
    private static bool WrittenInSmallLetters(string text, string word)
    {
        string lower = word.ToLowerInvariant();
        int from = 0;
        while (from < text.Length)
        {
            int at = text.AsSpan(from).IndexOf(lower, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            at += from;
            int end = at + lower.Length;
            from = end;
            if (!(at > 0 && char.IsLetterOrDigit(text[at - 1])) && !(end < text.Length && char.IsLetterOrDigit(text[end])) && !InMath(text, at))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an odd number of dollars comes before <paramref name="at"/>.</summary>
    private static bool InMath(string text, int at) => text.AsSpan(0, at).Count('$') % 2 == 1;

    /// <summary>The token rules of <see cref="FromAbstract"/> for one capitalized occurrence, from its neighbours.</summary>
    private static bool Alone(string text, int at, int end)
    {
        Gap before = Previous(text, at);
        if (before.Sentence || before.Quoted || (before.Found && before.Hyphen))
        {
            return false;
        }

        Gap after = Next(text, end);
        if (after.Found && after.Hyphen && after.Joined)
        {
            return false;
        }

        for (Gap g = before; g.Found && g.Joined; g = Previous(text, g.Start))
        {
            if (char.IsUpper(text[g.Start]))
            {
                return false;
            }

            if (!IsFunctionWord(text.AsSpan(g.Start, g.End - g.Start)))
            {
                break;
            }
        }

        for (Gap g = after; g.Found && g.Joined; g = Next(text, g.End))
        {
            if (char.IsUpper(text[g.Start]))
            {
                return false;
            }

            if (!IsFunctionWord(text.AsSpan(g.Start, g.End - g.Start)))
            {
                break;
            }
        }

        return true;
    }

    /// <summary>The token before <paramref name="before"/> (math skipped) and what lies between: see <see cref="Gap"/>.</summary>
    private static Gap Previous(string text, int before)
    {
        bool joined = true, hyphen = false, sentence = false, quoted = false, inMath = false;
        for (int j = before - 1; j >= 0; j--)
        {
            char c = text[j];
            if (c == '$')
            {
                inMath = !inMath;
                joined = false;
                continue;
            }

            if (inMath)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                int end = j + 1;
                while (j > 0 && char.IsLetterOrDigit(text[j - 1]))
                {
                    j--;
                }

                return new Gap(j, end, true, joined, hyphen, sentence, quoted);
            }

            sentence |= c is '.' or '!' or '?' or ':' or '\n';
            joined &= c is ' ' or '-';
            hyphen |= c == '-';
            quoted |= c is '"' or '\'' or '\u201C' or '\u2018' or '(' or '[';
        }

        return new Gap(-1, -1, Found: false, Joined: false, Hyphen: false, Sentence: true, quoted);
    }

    /// <summary>The token after <paramref name="after"/> (math skipped) and what lies between.</summary>
    private static Gap Next(string text, int after)
    {
        bool joined = true, hyphen = false, inMath = false;
        for (int j = after; j < text.Length; j++)
        {
            char c = text[j];
            if (c == '$')
            {
                inMath = !inMath;
                joined = false;
                continue;
            }

            if (inMath)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                int start = j;
                while (j + 1 < text.Length && char.IsLetterOrDigit(text[j + 1]))
                {
                    j++;
                }

                return new Gap(start, j + 1, true, joined, hyphen, Sentence: false, Quoted: false);
            }

            joined &= c is ' ' or '-';
            hyphen |= c == '-';
        }

        return default;
    }

    /// <summary>
    /// A neighbouring token [<paramref name="Start"/>, <paramref name="End"/>) if <paramref name="Found"/>, and what
    /// lies between it and the word: only spaces and hyphens (<paramref name="Joined"/>), a hyphen, the end of a
    /// sentence (also the start of the text), a quote or bracket.
    /// </summary>
    private readonly record struct Gap(int Start, int End, bool Found, bool Joined, bool Hyphen, bool Sentence, bool Quoted);

    private static bool IsFunctionWord(ReadOnlySpan<char> word) =>
        word is "of" or "and" or "the" or "for" or "in" or "on" or "to" or "with" or "a" or "an" or "via" or "by";

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
