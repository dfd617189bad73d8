using System.Text;
using System.Text.Json;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>Compares JSON-lines files record by record: the same JSON values, and the same keys in the same order.</summary>
internal static class JsonRecords
{
    /// <summary>The JSON-lines files of the shared corpus (the generator's days and the forks' truth files), and the committed ones that stand in without it.</summary>
    public static IReadOnlyList<string> Files { get; } = FindFiles();

    /// <summary>The committed records of every fork's shape (copied from the shared corpus).</summary>
    public static string ForksFixture => Path.Combine(RepoPaths.TestProject, "Input", "Fixtures", "forks.jsonl");

    /// <summary>The records of a JSON-lines text, blank lines left out.</summary>
    public static List<string> Lines(byte[] utf8)
        => [.. Encoding.UTF8.GetString(utf8).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0)];

    /// <summary>Fails with the first record and path where <paramref name="actual"/> differs from <paramref name="expected"/>.</summary>
    public static void AssertSame(byte[] expected, byte[] actual, string name)
    {
        List<string> want = Lines(expected);
        List<string> got = Lines(actual);
        Assert.True(want.Count == got.Count, $"{name}: {want.Count} records read, {got.Count} written");
        for (int i = 0; i < want.Count; i++)
        {
            using JsonDocument a = JsonDocument.Parse(want[i]);
            using JsonDocument b = JsonDocument.Parse(got[i]);
            if (Difference(a.RootElement, b.RootElement, "$") is string where)
            {
                Assert.Fail($"{name}: record {i + 1} differs at {where}\n  read:    {Short(want[i])}\n  written: {Short(got[i])}");
            }
        }
    }

    /// <summary>Where two JSON values differ (kind, value, key order), or null when they are the same.</summary>
    public static string? Difference(JsonElement a, JsonElement b, string path)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return $"{path}: {a.ValueKind} read, {b.ValueKind} written";
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                List<JsonProperty> pa = [.. a.EnumerateObject()];
                List<JsonProperty> pb = [.. b.EnumerateObject()];
                string keysA = string.Join(",", pa.Select(p => p.Name));
                string keysB = string.Join(",", pb.Select(p => p.Name));
                if (keysA != keysB)
                {
                    return $"{path}: keys [{keysA}] read, [{keysB}] written";
                }

                for (int i = 0; i < pa.Count; i++)
                {
                    if (Difference(pa[i].Value, pb[i].Value, path + "." + pa[i].Name) is string d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonValueKind.Array:
                List<JsonElement> ea = [.. a.EnumerateArray()];
                List<JsonElement> eb = [.. b.EnumerateArray()];
                if (ea.Count != eb.Count)
                {
                    return $"{path}: {ea.Count} items read, {eb.Count} written";
                }

                for (int i = 0; i < ea.Count; i++)
                {
                    if (Difference(ea[i], eb[i], $"{path}[{i}]") is string d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonValueKind.String:
                return a.GetString() == b.GetString() ? null : $"{path}: \"{Short(a.GetString()!)}\" read, \"{Short(b.GetString()!)}\" written";
            case JsonValueKind.Number:
                return a.GetRawText() == b.GetRawText() ? null : $"{path}: {a.GetRawText()} read, {b.GetRawText()} written";
            default:
                return null; // true, false, null: the kinds are equal
        }
    }

    private static string Short(string s) => s.Length <= 300 ? s : s[..300] + "…";

    private static List<string> FindFiles()
    {
        var files = new List<string> { ForksFixture };
        files.AddRange(Directory.GetFiles(RepoPaths.Samples, "*.jsonl"));
        if (RepoPaths.SharedCorpus is string corpus)
        {
            files.AddRange(Directory.GetFiles(Path.Combine(corpus, "daily-arxiv"), "*.jsonl"));
            string dialects = Path.Combine(corpus, "dialects");
            if (Directory.Exists(dialects))
            {
                files.AddRange(Directory.GetFiles(dialects, "*.jsonl", SearchOption.AllDirectories));
            }
        }

        return [.. files.Order(StringComparer.Ordinal)];
    }
}
