using System.Text.Json.Nodes;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>
/// Compares papers read from a dialect digest with the JSON lines it was rendered from, under the rules of the
/// shared corpus's <c>dialect_map.json</c> (which key each field is and how to compare it).
/// </summary>
internal static class DialectTruth
{
    /// <summary>Where the model keeps each field the map names (for extra fields: the built-in dialect's key).</summary>
    private static readonly Dictionary<string, Func<Paper, object?>> Fields = new(StringComparer.Ordinal)
    {
        ["id"] = p => LastSegment(p.Url),
        ["abs"] = p => p.Url,
        ["title"] = p => p.Title,
        ["authors"] = p => p.Authors,
        ["category"] = p => p.MainCategory ?? p.Section,
        ["categories"] = p => p.Categories,
        ["comment"] = p => p.Comment,
        ["tldr"] = p => p.Tldr,
        ["motivation"] = p => p.Motivation,
        ["method"] = p => p.Method,
        ["result"] = p => p.Result,
        ["conclusion"] = p => p.Conclusion,
        ["summary"] = p => p.Abstract,
        ["keywords"] = p => Extra(p, "keywords"),
        ["relevance_score"] = p => Extra(p, "importance_score"),
        ["read_time_minutes"] = p => Extra(p, "read_time_minutes"),
        ["key_contributions"] = p => Extra(p, "key_contributions"),
        ["limitations"] = p => Extra(p, "limitations"),
        ["title_translation"] = p => Extra(p, "title_translation"),
        ["ai_comments"] = p => Extra(p, "comments"),
        ["ai_summary"] = p => Extra(p, "summary"),
        ["abstract_translation"] = p => Extra(p, "translation"),
    };

    public static JsonObject Map { get; } = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.TestProject, "Dialects", "Fixtures", "dialect_map.json")))!;

    /// <summary>The built-in dialect of a shared dialect folder and date (blockquote-extended has three variants).</summary>
    public static (DigestDialect Dialect, string? Variant) DialectOf(string folder, string date)
    {
        if (folder != "blockquote-extended")
        {
            return (DigestDialect.TryGetBuiltIn(folder, out DigestDialect? d) ? d : throw new InvalidOperationException(folder), null);
        }

        string variant = string.CompareOrdinal(date, "2025-06-10") < 0 ? "A" : string.CompareOrdinal(date, "2025-06-26") < 0 ? "B" : "C";
        string name = variant switch { "A" => "blockquote-extended-a", "B" => "blockquote-extended-b", _ => "blockquote-extended" };
        DigestDialect.TryGetBuiltIn(name, out DigestDialect? dialect);
        return (dialect!, variant);
    }

    /// <summary>Every difference between the papers and their records, as readable lines (empty when all match).</summary>
    public static List<string> Differences(string folder, string? variant, IReadOnlyList<Paper> papers, IReadOnlyList<JsonObject> records)
    {
        JsonObject spec = Map["dialects"]![folder]!.AsObject();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var rules = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(spec, map, rules);
        if (variant is not null)
        {
            Add(spec["variants"]![variant]!.AsObject(), map, rules);
        }

        var diffs = new List<string>();
        var byId = records.GroupBy(r => (string)r["id"]!).ToDictionary(g => g.Key, g => new Queue<JsonObject>(g));
        foreach (Paper paper in papers)
        {
            string id = LastSegment(paper.Url);
            if (!byId.TryGetValue(id, out Queue<JsonObject>? queue) || queue.Count == 0)
            {
                diffs.Add($"line {paper.Location.Line}: no record for '{id}'");
                continue;
            }

            JsonObject record = queue.Dequeue();
            foreach ((string path, string field) in map)
            {
                string rule = rules.GetValueOrDefault(path, "exact");
                JsonNode? json = Resolve(record, path, out bool present);
                object? parsed = Fields.TryGetValue(field, out Func<Paper, object?>? get) ? get(paper) : throw new InvalidOperationException($"No accessor for '{field}'");
                if (!Same(json, present, parsed, rule, path == "id" && rule == "url_from_id"))
                {
                    diffs.Add($"line {paper.Location.Line} {id} {field} ({rule}): parsed {Show(parsed)} but the record has {json?.ToJsonString() ?? (present ? "null" : "nothing")}");
                }
            }
        }

        return diffs;
    }

    private static void Add(JsonObject spec, Dictionary<string, string> map, Dictionary<string, string> rules)
    {
        if (spec["map"] is JsonObject m)
        {
            foreach ((string k, JsonNode? v) in m)
            {
                map[k] = (string)v!;
            }
        }

        if (spec["rules"] is JsonObject r)
        {
            foreach ((string k, JsonNode? v) in r)
            {
                rules[k] = (string)v!;
            }
        }
    }

    private static bool Same(JsonNode? json, bool present, object? parsed, string rule, bool fromId)
    {
        if (fromId)
        {
            return parsed is string s && s == (string?)json;
        }

        string? text = parsed as string;
        switch (rule)
        {
            case "exact":
                if (json is JsonArray list && parsed is System.Collections.Immutable.ImmutableArray<string> items)
                {
                    return list.Select(n => (string?)n).SequenceEqual(items);
                }

                return json is null ? parsed is null : text == (string?)json;
            case "int":
                return json is not null && text is not null && int.TryParse(text, out int n) && n == (int)json;
            case "newlines_to_spaces":
                return text == ((string?)json)?.Replace('\n', ' ');
            case "lines_tab_numbered":
                string[] expected = [.. ((JsonArray)json!).Select(x => (string)x!)];
                string written = string.Join("\n", expected.Select((x, i) => $"\t{i + 1}. {x}"));
                return text == written;
            case "missing_as_NA":
                return present ? text == (string?)json : text == "N/A";
            case "null_as_NA":
                return json is null ? text == "N/A" : text == (string?)json;
            case "null_as_empty":
                return json is null || (json is JsonValue v && v.TryGetValue(out string? e) && e.Length == 0) ? text == "" : text == (string?)json;
            default:
                if (rule.StartsWith("join:", StringComparison.Ordinal))
                {
                    string sep = rule[5..];
                    string[] want = json is JsonArray a ? [.. a.Select(x => (string)x!)] : [];
                    string[] got = parsed switch
                    {
                        System.Collections.Immutable.ImmutableArray<string> arr => [.. arr],
                        string str => str.Length == 0 ? [] : str.Split(sep),
                        _ => [],
                    };
                    return want.SequenceEqual(got) || string.Join(sep, want) == string.Join(sep, got);
                }

                throw new InvalidOperationException($"Unknown rule '{rule}'");
        }
    }

    private static JsonNode? Resolve(JsonObject record, string path, out bool present)
    {
        JsonNode? node = record;
        present = true;
        foreach (string part in path.Split('.'))
        {
            string key = part;
            int index = -1;
            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                key = part[..bracket];
                index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            }

            if (node is not JsonObject obj || !obj.TryGetPropertyValue(key, out node))
            {
                present = false;
                return null;
            }

            if (index >= 0)
            {
                node = node is JsonArray arr && index < arr.Count ? arr[index] : null;
            }
        }

        return node;
    }

    private static string? Extra(Paper p, string key) => p.ExtraFields.FirstOrDefault(f => f.Key == key)?.Value;

    private static string LastSegment(string url) => url.TrimEnd('/')[(url.TrimEnd('/').LastIndexOf('/') + 1)..];

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => System.Text.Json.JsonSerializer.Serialize(s),
        System.Collections.Immutable.ImmutableArray<string> a => System.Text.Json.JsonSerializer.Serialize(a.ToArray()),
        _ => value.ToString() ?? "",
    };
}
