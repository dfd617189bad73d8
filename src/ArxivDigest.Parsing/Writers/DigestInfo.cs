using System.Collections.Immutable;

namespace ArxivDigest.Parsing.Writers;

/// <summary>What a writer is told about an input digest before its papers.</summary>
/// <param name="Source">The file name or path, when known.</param>
/// <param name="Date">The digest's date, when known.</param>
/// <param name="TableOfContents">The digest's table of contents as read so far (normally all of it: it comes first).</param>
public sealed record DigestInfo(string? Source, DateOnly? Date, ImmutableArray<TocEntry> TableOfContents);
