using System.Collections.Immutable;

namespace ArxivDigest.Parsing;

/// <summary>A section of a digest: the papers listed under one category heading (<c># cs.CV [[Back]](#toc)</c>).</summary>
public sealed record DigestSection
{
    /// <summary>Creates a section.</summary>
    public DigestSection(string category, ImmutableArray<Paper> papers, SourceLocation location)
    {
        Category = category;
        Papers = papers;
        Location = location;
    }

    /// <summary>The category named by the heading.</summary>
    public string Category { get; init; }

    /// <summary>The papers listed under the heading, in order.</summary>
    public ImmutableArray<Paper> Papers { get; init; }

    /// <summary>Where the heading is.</summary>
    public SourceLocation Location { get; init; }
}
