namespace ArxivDigest.Parsing;

/// <summary>A labelled field the parser met that is not part of the known template, kept in input order so nothing is lost.</summary>
/// <param name="Label">The label as written, without its colon or emphasis (<c>Keywords</c>); empty for unlabelled text.</param>
/// <param name="Value">The value, exactly as written.</param>
/// <param name="Location">Where the field starts.</param>
public sealed record PaperField(string Label, string Value, SourceLocation Location);
