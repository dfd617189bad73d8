namespace ArxivDigest.Parsing;

/// <summary>One line of a digest's table of contents: <c>- [cs.CV](#cs.CV) [Total: 36]</c>.</summary>
/// <param name="Category">The category (section) name.</param>
/// <param name="Total">The number of papers the table of contents states for the category.</param>
/// <param name="Location">Where the line is.</param>
public sealed record TocEntry(string Category, int Total, SourceLocation Location);
