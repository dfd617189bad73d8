namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>Compares papers with the source records they were rendered from, field by field.</summary>
internal static class SourceComparison
{
    /// <summary>Every difference between the papers and the source records (matched by id), as readable lines.</summary>
    public static List<string> Differences(IReadOnlyList<Paper> papers, IEnumerable<SourceRecord> records)
    {
        var byId = new Dictionary<string, SourceRecord>(StringComparer.Ordinal);
        foreach (SourceRecord r in records)
        {
            byId.TryAdd(r.Id, r);
        }

        var diffs = new List<string>();
        foreach (Paper p in papers)
        {
            string id = p.Id?.ToString() ?? "(none)";
            if (!byId.TryGetValue(id, out SourceRecord? r))
            {
                diffs.Add($"{id}: no source record");
                continue;
            }

            Check(diffs, id, "title", r.Title, p.Title);
            Check(diffs, id, "abs", r.Abs, p.Url);
            Check(diffs, id, "authors", string.Join("\u0001", r.Authors ?? []), string.Join("\u0001", p.Authors));
            Check(diffs, id, "category", r.Categories?[0], p.MainCategory);
            Check(diffs, id, "summary", r.Summary, p.Abstract);
            Check(diffs, id, "tldr", r.AI?.Tldr, p.Tldr);
            Check(diffs, id, "motivation", r.AI?.Motivation, p.Motivation);
            Check(diffs, id, "method", r.AI?.Method, p.Method);
            Check(diffs, id, "result", r.AI?.Result, p.Result);
            Check(diffs, id, "conclusion", r.AI?.Conclusion, p.Conclusion);
        }

        return diffs;
    }

    private static void Check(List<string> diffs, string id, string field, string? expected, string? actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            diffs.Add($"{id}: {field} differs\n  expected: {Escape(expected)}\n  actual:   {Escape(actual)}");
        }
    }

    private static string Escape(string? s) => s is null ? "<null>" : System.Text.Json.JsonSerializer.Serialize(s.Length > 300 ? s[..300] : s);
}
