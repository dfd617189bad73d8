namespace ArxivDigest.Parsing;

/// <summary>Text outside any paper that the parser did not recognise, kept as written.</summary>
/// <param name="Text">The text, lines joined with <c>\n</c>.</param>
/// <param name="Location">Where it starts.</param>
public sealed record UnrecognizedText(string Text, SourceLocation Location);
