namespace ArxivDigest.Parsing;

/// <summary>
/// One key of the generator's JSON record a paper was read from (see <see cref="Paper.RecordKeys"/>), so that the
/// record can be written back as it was: its keys in their order, present or absent, each value with its JSON type.
/// </summary>
/// <param name="Name">The key as the record spells it: <c>id</c>, <c>comment</c>, <c>AI</c>, <c>tldr</c>, <c>code_url</c>…</param>
/// <param name="Scope">Where the key is: at the record's top level (<c>AI</c> itself is one) or in its <c>AI</c> object.</param>
public sealed record PaperRecordKey(string Name, PaperFieldScope Scope)
{
    /// <summary>
    /// The value as JSON text when the paper's property holds it only as text: a title that is a number, authors
    /// that are one string, an <c>AI</c> that is <c>null</c>, an id that does not read back as the same arXiv
    /// identifier. Otherwise <see langword="null"/>: the value is the property's (or, for a key the model has no
    /// property for, that of the <see cref="PaperField"/> with this key).
    /// </summary>
    public string? Json { get; init; }
}
