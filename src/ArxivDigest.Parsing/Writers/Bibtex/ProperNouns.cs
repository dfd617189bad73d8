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

        var capitalized = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lower = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int t = 0; t < tokens.Count; t++)
        {
            Token token = tokens[t];
            ReadOnlySpan<char> word = text.AsSpan(token.Start, token.Length);
            if (IsLower(word))
            {
                lower.Add(word.ToString());
                continue;
            }

            // On its own: not quoted, not part of a hyphenated compound, no capitalized neighbour (across "of",
            // "and" …: "Theory of Mind", "Connected and Autonomous Vehicles").
            bool alone = !token.SentenceStart && !token.Quoted && !token.Hyphen
                && !(t + 1 < tokens.Count && tokens[t + 1].Hyphen && tokens[t + 1].Joined)
                && !CapitalizedNeighbour(text, tokens, t, -1) && !CapitalizedNeighbour(text, tokens, t, +1);
            if (alone && word.Length > 1 && char.IsUpper(word[0]) && IsLower(word[1..]))
            {
                capitalized.Add(word.ToString());
            }
        }

        capitalized.ExceptWith(lower);
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

            string word = text.Substring(tokens[n].Start, tokens[n].Length);
            if (char.IsUpper(word[0]))
            {
                return true;
            }

            if (!FunctionWords.Contains(word))
            {
                return false;
            }
        }

        return false;
    }

    private static readonly FrozenSet<string> FunctionWords = FrozenSet.ToFrozenSet(
        ["of", "and", "the", "for", "in", "on", "to", "with", "a", "an", "via", "by"], StringComparer.Ordinal);

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
