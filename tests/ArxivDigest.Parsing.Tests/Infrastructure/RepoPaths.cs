namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>Where the repository's files and the shared corpus beside it are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples", "data");

    public static string Sample(string name) => Path.Combine(Samples, name);

    /// <summary>The shared corpus beside the repository, or null when it is not there.</summary>
    public static string? SharedCorpus
    {
        get
        {
            string path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>The test project's own folder (fixtures and snapshots live beside the tests).</summary>
    public static string TestProject => Path.Combine(Root, "tests", "ArxivDigest.Parsing.Tests");

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "ArxivDigest.Parsing.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Cannot find the repository root (ArxivDigest.Parsing.sln).");
    }
}
