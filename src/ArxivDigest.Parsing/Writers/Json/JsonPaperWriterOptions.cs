namespace ArxivDigest.Parsing.Writers.Json;

/// <summary>Options of the <c>json</c> and <c>jsonl</c> formats. Immutable: change it with <see langword="with"/>.</summary>
public sealed record JsonPaperWriterOptions
{
    /// <summary>The defaults: the native shape, the array indented.</summary>
    public static JsonPaperWriterOptions Default { get; } = new();

    /// <summary>The shape of each paper object: this library's own (<see cref="JsonShape.Native"/>, the default) or the generator's record (<see cref="JsonShape.DailyArxiv"/>). Option <c>json-shape</c>.</summary>
    public JsonShape Shape { get; init; } = JsonShape.Native;

    /// <summary>Whether the <c>json</c> format indents its array. On by default; JSON Lines is never indented.</summary>
    public bool Indented { get; init; } = true;

    /// <summary>The options both formats take as text.</summary>
    internal static IReadOnlyList<WriterOption<JsonPaperWriterOptions>> Descriptors { get; } =
    [
        WriterOption<JsonPaperWriterOptions>.Choice(
            "json-shape",
            "JSON object shape: native (this tool's) or daily-arxiv (the generator's own JSON lines)",
            o => o.Shape,
            (o, v) => o with { Shape = v },
            ("native", JsonShape.Native),
            ("daily-arxiv", JsonShape.DailyArxiv)),
    ];
}
