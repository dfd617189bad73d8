using System.Text.Json;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>
/// What the CSL-JSON and RIS writers' real-consumer tests share: the corpus month they convert (January 2026 of the
/// shared corpus), the papers its source JSON lines hold, and running a consumer (pandoc, bibutils) with its standard
/// output and standard error apart.
/// </summary>
internal static class ReferenceTools
{
    /// <summary>The January 2026 days of the shared corpus (<c>daily-arxiv/2026-01-*.md</c>), in order; empty without the corpus.</summary>
    public static string[] JanuaryDays()
    {
        string? shared = RepoPaths.SharedCorpus;
        string folder = shared is null ? string.Empty : Path.Combine(shared, "daily-arxiv");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        string[] days = Directory.GetFiles(folder, "2026-01-*.md");
        Array.Sort(days, StringComparer.Ordinal);
        return days;
    }

    /// <summary>
    /// The distinct arXiv identifiers (without version) of the days' source JSON lines, counting only the records
    /// the generator rendered (those with AI fields).
    /// </summary>
    public static HashSet<string> SourceIds(IEnumerable<string> days)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (string day in days)
        {
            string source = Path.ChangeExtension(day, null) + "_AI_enhanced_Chinese.jsonl";
            foreach (string line in File.ReadLines(source).Where(l => l.Length > 0))
            {
                using JsonDocument record = JsonDocument.Parse(line);
                if (record.RootElement.TryGetProperty("AI", out JsonElement ai) && ai.ValueKind == JsonValueKind.Object)
                {
                    ids.Add(ArxivId.Parse(record.RootElement.GetProperty("id").GetString()!).Id);
                }
            }
        }

        return ids;
    }

    /// <summary>Runs a tool in a folder with no standard input; its exit code, standard output and standard error.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string tool, IEnumerable<string> arguments, string directory)
        => TexTools.RunApartAsync(tool, arguments, directory, TimeSpan.FromMinutes(2));
}

/// <summary>
/// A test of a writer against a real consumer over the corpus month: skipped, saying why, when the shared corpus has
/// no January 2026 days, or when the consumer is missing (outside CI; with <c>CI=true</c> it runs and fails, as the
/// setup scripts install the consumers).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ConsumerFactAttribute : FactAttribute
{
    public ConsumerFactAttribute(string setupScript, params string[] tools)
    {
        if (ReferenceTools.JanuaryDays().Length == 0)
        {
            Skip = "The shared corpus (../shared/corpus/daily-arxiv/2026-01-*.md beside the repository) is not there.";
        }
        else if (!TexTools.InCi && tools.FirstOrDefault(t => TexTools.Find(t) is null) is string missing)
        {
            Skip = $"'{missing}' is not installed (bash .ci/setup.d/{setupScript} installs it); with CI=true this test runs and fails.";
        }
    }
}
