namespace ArxivDigest.Parsing.Benchmarks;

/// <summary>
/// The inputs the benchmarks run on: <c>day</c>, the largest digest of the shared corpus, and <c>corpus</c>, every
/// digest of it concatenated (in file name order) into one input; <c>jsonl-day</c> and <c>jsonl-corpus</c>, the same
/// for the JSON lines they were rendered from. The shared corpus lives beside the repository in
/// <c>../shared/corpus/daily-arxiv</c>; without it the bundled <c>samples/data/*.md</c> stand in.
/// </summary>
/// <remarks>
/// The benchmark process loads the bytes; the summary columns, which run in the host process, only need the sizes,
/// and take them from the same file lists so both always agree.
/// </remarks>
public static class BenchmarkInputs
{
    public const string Day = "day";
    public const string Corpus = "corpus";

    /// <summary>The generator's JSON lines the largest digest was rendered from.</summary>
    public const string JsonLinesDay = "jsonl-day";

    /// <summary>Every day's JSON lines, concatenated.</summary>
    public const string JsonLinesCorpus = "jsonl-corpus";

    private static readonly Lazy<Source> s_source = new(Locate);

    public static IEnumerable<string> Names { get; } = [Day, Corpus];

    /// <summary>The JSON-lines inputs: <see cref="JsonLinesDay"/> and <see cref="JsonLinesCorpus"/>.</summary>
    public static IEnumerable<string> JsonLinesNames { get; } = [JsonLinesDay, JsonLinesCorpus];

    /// <summary>Where the inputs come from, for the console.</summary>
    public static string Description => s_source.Value.Description;

    /// <summary>The files an input is made of, in the order they are concatenated.</summary>
    public static IReadOnlyList<string> Files(string input) => input switch
    {
        Day => [s_source.Value.Largest],
        Corpus => s_source.Value.All,
        JsonLinesDay => [SourceOf(s_source.Value.Largest)],
        JsonLinesCorpus => [.. s_source.Value.All.Select(JsonLinesOf).Where(File.Exists)],
        _ => throw new ArgumentOutOfRangeException(nameof(input), input, "Unknown input; expected 'day', 'corpus', 'jsonl-day' or 'jsonl-corpus'."),
    };

    /// <summary>The size of an input in bytes, without loading it.</summary>
    public static long SizeOf(string input) => Files(input).Sum(f => new FileInfo(f).Length);

    /// <summary>The bytes of an input: its files, concatenated as they are (like <c>cat</c>).</summary>
    public static byte[] Load(string input)
    {
        IReadOnlyList<string> files = Files(input);
        byte[] bytes = new byte[checked((int)SizeOf(input))];
        int offset = 0;
        foreach (string file in files)
        {
            byte[] content = File.ReadAllBytes(file);
            content.CopyTo(bytes, offset);
            offset += content.Length;
        }

        return offset == bytes.Length ? bytes : throw new InvalidOperationException("An input file changed while it was read.");
    }

    /// <summary>The JSON-lines file a digest was rendered from (<c>DAY.md</c> → <c>DAY_AI_enhanced_Chinese.jsonl</c>).</summary>
    private static string JsonLinesOf(string digest) => Path.ChangeExtension(digest, null) + "_AI_enhanced_Chinese.jsonl";

    /// <summary>The source JSON lines of <paramref name="digest"/>, else the largest there is (the seeds have none).</summary>
    private static string SourceOf(string digest)
        => File.Exists(JsonLinesOf(digest))
            ? JsonLinesOf(digest)
            : s_source.Value.All.Select(JsonLinesOf).Where(File.Exists).OrderByDescending(f => new FileInfo(f).Length).FirstOrDefault()
                ?? throw new InvalidOperationException($"No digest has its source JSON lines beside it ({JsonLinesOf(digest)}).");

    private static Source Locate()
    {
        string root = FindRepositoryRoot();
        string shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "daily-arxiv"));
        string[] files = Directory.Exists(shared) ? Directory.GetFiles(shared, "*.md") : [];
        string description;
        if (files.Length > 0)
        {
            description = $"shared corpus: {files.Length} digests in {shared}";
        }
        else
        {
            string samples = Path.Combine(root, "samples", "data");
            files = Directory.Exists(samples) ? Directory.GetFiles(samples, "*.md") : [];
            if (files.Length == 0)
            {
                throw new InvalidOperationException($"No input: neither {shared} nor {samples} holds *.md digests.");
            }

            description = $"samples: {files.Length} digests in {samples}";
            Console.WriteLine($"Shared corpus not found at {shared}; falling back to samples/data/*.md ({files.Length} files).");
        }

        Array.Sort(files, StringComparer.Ordinal);
        string largest = files.OrderByDescending(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal).First();
        return new Source(files, largest, description);
    }

    private static string FindRepositoryRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "ArxivDigest.Parsing.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException(
            $"Cannot find the repository root (the folder holding ArxivDigest.Parsing.sln) above {AppContext.BaseDirectory}.");
    }

    private sealed record Source(string[] All, string Largest, string Description);
}
