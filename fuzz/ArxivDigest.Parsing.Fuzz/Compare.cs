using System.Collections.Immutable;
using System.Text;

namespace ArxivDigest.Parsing.Fuzz;

/// <summary>Field-by-field comparison of what the parser produces, describing the first difference.</summary>
/// <remarks>The model's records compare their <see cref="ImmutableArray{T}"/> members by reference, so they are compared here item by item.</remarks>
internal static class Compare
{
    /// <summary>The first difference between two paper lists, or <see langword="null"/>.</summary>
    public static string? Papers(IReadOnlyList<Paper> expected, IReadOnlyList<Paper> actual)
    {
        for (int i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (Paper(expected[i], actual[i]) is string diff)
            {
                return $"papers[{i}]{diff}";
            }
        }

        return expected.Count == actual.Count ? null : $"{expected.Count} papers expected, {actual.Count} read";
    }

    /// <summary>The first difference between two papers (every member), or <see langword="null"/>.</summary>
    public static string? Paper(Paper e, Paper a)
        => Value("Index", e.Index, a.Index)
        ?? Value("Id", e.Id, a.Id)
        ?? Text("Title", e.Title, a.Title)
        ?? Text("Url", e.Url, a.Url)
        ?? Strings("Authors", e.Authors, a.Authors)
        ?? Text("MainCategory", e.MainCategory, a.MainCategory)
        ?? Text("Section", e.Section, a.Section)
        ?? Text("Tldr", e.Tldr, a.Tldr)
        ?? Text("Motivation", e.Motivation, a.Motivation)
        ?? Text("Method", e.Method, a.Method)
        ?? Text("Result", e.Result, a.Result)
        ?? Text("Conclusion", e.Conclusion, a.Conclusion)
        ?? Text("Abstract", e.Abstract, a.Abstract)
        ?? Items("ExtraFields", e.ExtraFields, a.ExtraFields)
        ?? Value("DigestDate", e.DigestDate, a.DigestDate)
        ?? Value("Location", e.Location, a.Location);

    /// <summary>The first difference between two lists of records that compare by value, or <see langword="null"/>.</summary>
    public static string? Items<T>(string what, IReadOnlyList<T> expected, IReadOnlyList<T> actual)
    {
        for (int i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (!EqualityComparer<T>.Default.Equals(expected[i], actual[i]))
            {
                return $".{what}[{i}]: expected {expected[i]}, got {actual[i]}";
            }
        }

        return expected.Count == actual.Count ? null : $".{what}: {expected.Count} expected, {actual.Count} got";
    }

    public static string? Items<T>(string what, ImmutableArray<T> expected, ImmutableArray<T> actual)
        => Items(what, (IReadOnlyList<T>)expected, actual);

    public static string? Strings(string what, ImmutableArray<string> expected, ImmutableArray<string> actual)
    {
        for (int i = 0; i < Math.Min(expected.Length, actual.Length); i++)
        {
            if (Text($"{what}[{i}]", expected[i], actual[i]) is string diff)
            {
                return diff;
            }
        }

        return expected.Length == actual.Length ? null : $".{what}: {expected.Length} expected, {actual.Length} got";
    }

    public static string? Value<T>(string what, T expected, T actual)
        => EqualityComparer<T>.Default.Equals(expected, actual) ? null : $".{what}: expected {expected?.ToString() ?? "null"}, got {actual?.ToString() ?? "null"}";

    public static string? Text(string what, string? expected, string? actual)
        => string.Equals(expected, actual, StringComparison.Ordinal) ? null : $".{what}: expected {Quote(expected)}, got {Quote(actual)}";

    /// <summary>A string as a C# literal, shortened: control characters and line breaks visible.</summary>
    public static string Quote(string? s)
    {
        if (s is null)
        {
            return "null";
        }

        var sb = new StringBuilder("\"");
        foreach (char c in s.Length > 200 ? s[..200] : s)
        {
            _ = c switch
            {
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                _ when char.IsControl(c) || char.IsSurrogate(c) => sb.Append($"\\u{(int)c:X4}"),
                _ => sb.Append(c),
            };
        }

        sb.Append('"');
        if (s.Length > 200)
        {
            sb.Append($"... ({s.Length} chars)");
        }

        return sb.ToString();
    }
}
