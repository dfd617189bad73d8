using System.Collections.Frozen;

namespace ArxivDigest.Parsing.Writers.Bibtex;

/// <summary>
/// Capitalized title words that keep their capital when a style lower-cases the title ("3D Gaussian splatting", not
/// "3D gaussian splatting"): words named after people and places that arXiv titles use most, and the words the
/// paper's own abstract always capitalizes in the middle of a sentence (its authors' proper nouns and names).
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
    /// The words <paramref name="text"/> writes capitalized (a capital, then only small letters) somewhere not at the
    /// start of a sentence, and nowhere in small letters; math spans are skipped. Empty for no text.
    /// </summary>
    public static IReadOnlySet<string> FromAbstract(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return FrozenSet<string>.Empty;
        }

        var capitalized = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lower = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool sentenceStart = true;
        bool inMath = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '$')
            {
                inMath = !inMath;
                i++;
                continue;
            }

            if (inMath || !char.IsLetter(c))
            {
                if (!inMath && c is '.' or '!' or '?' or ':' or '\n')
                {
                    sentenceStart = true;
                }

                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            ReadOnlySpan<char> word = text.AsSpan(start, i - start);
            if (IsLower(word))
            {
                lower.Add(word.ToString());
            }
            else if (!sentenceStart && word.Length > 1 && char.IsUpper(word[0]) && IsLower(word[1..]))
            {
                capitalized.Add(word.ToString());
            }

            sentenceStart = false;
        }

        capitalized.ExceptWith(lower);
        return capitalized;
    }

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
