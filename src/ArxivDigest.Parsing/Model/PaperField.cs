namespace ArxivDigest.Parsing;

/// <summary>
/// A field of a paper beyond the model's own properties (a fork's <c>Keywords</c>, <c>Relevance Score</c>, a title
/// translation…), or text the parser met inside a paper and could not place, kept in input order so nothing is lost.
/// </summary>
/// <param name="Label">The label as written, without its colon or emphasis (<c>Keywords</c>); empty for unlabelled text.</param>
/// <param name="Value">The value, exactly as written.</param>
/// <param name="Location">Where the field starts.</param>
public sealed record PaperField(string Label, string Value, SourceLocation Location)
{
    /// <summary>
    /// The field's stable name in the generator's record, the same whatever the label's language or emphasis
    /// (<c>keywords</c>, <c>importance_score</c>, <c>title_translation</c>; a template's placeholder name), or
    /// <see langword="null"/> for a label no dialect names and for unlabelled text.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>Where the generator's record keeps the field: in its <c>AI</c> object (the default) or at its top level.</summary>
    public PaperFieldScope Scope { get; init; }

    /// <summary>
    /// The value as JSON text when it was read from JSON and is not a string (a number, a list, an object,
    /// <c>true</c>, <c>false</c> or <c>null</c>), so that it is written back with its type; otherwise <see langword="null"/>.
    /// </summary>
    public string? Json { get; init; }
}
