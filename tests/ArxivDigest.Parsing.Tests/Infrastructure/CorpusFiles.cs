namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>
/// The real digests tests run over: the shared corpus beside the repository when it is there (as in CI), else the
/// bundled samples, so every test asserts something either way.
/// </summary>
internal static class CorpusFiles
{
    /// <summary>Days that have their source JSON lines: every shared-corpus day, else the sample days.</summary>
    public static IReadOnlyList<string> DaysWithSource { get; } = FindDays();

    /// <summary>Every digest with a known canonical layout: the samples (seeds included) and the shared-corpus days.</summary>
    public static IReadOnlyList<string> AllDigests { get; } =
        [.. Directory.GetFiles(RepoPaths.Samples, "*.md").Concat(RepoPaths.SharedCorpus is null ? [] : DaysWithSource).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The dialect digests of the shared corpus (empty without it).</summary>
    public static IReadOnlyList<string> Dialects { get; } = FindDialects();

    /// <summary>The committed dialect fixtures (the first papers of one day per fork layout), then the shared corpus's dialect days.</summary>
    public static IReadOnlyList<string> DialectDigests { get; } =
        [.. Directory.GetFiles(Path.Combine(RepoPaths.TestProject, "Dialects", "Fixtures"), "????-??-??.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal), .. Dialects];

    /// <summary>The paper template file that wrote a dialect digest: beside it (fixtures), else in the shared corpus's templates; null when there is none.</summary>
    public static string? TemplateOf(string digest)
    {
        string folder = Path.GetFileName(Path.GetDirectoryName(digest)!);
        string date = Path.GetFileNameWithoutExtension(digest);
        string[] dirs = [Path.GetDirectoryName(digest)!, .. RepoPaths.SharedCorpus is string c ? [Path.Combine(c, "templates", folder)] : Array.Empty<string>()];
        foreach (string dir in dirs)
        {
            foreach (string name in new[] { $"paper_template.{date}.md", "paper_template.md" })
            {
                string path = Path.Combine(dir, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    /// <summary>The JSON-lines file a day was rendered from.</summary>
    public static string SourceOf(string day) => Path.ChangeExtension(day, null) + "_AI_enhanced_Chinese.jsonl";

    public static TheoryData<string> AsTheoryData(IEnumerable<string> paths)
    {
        var data = new TheoryData<string>();
        foreach (string path in paths)
        {
            data.Add(path);
        }

        return data;
    }

    private static List<string> FindDays()
    {
        string dir = RepoPaths.SharedCorpus is string corpus ? Path.Combine(corpus, "daily-arxiv") : RepoPaths.Samples;
        return [.. Directory.GetFiles(dir, "????-??-??.md").Order(StringComparer.Ordinal)];
    }

    private static List<string> FindDialects()
    {
        string? dir = RepoPaths.SharedCorpus is string corpus ? Path.Combine(corpus, "dialects") : null;
        return dir is null || !Directory.Exists(dir)
            ? []
            : [.. Directory.GetFiles(dir, "*.md", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) is not ("README.md" or "dialect_map.json") && !Path.GetFileName(f).StartsWith("paper_template", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }
}
