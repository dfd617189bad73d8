namespace ArxivDigest.Parsing;

/// <summary>
/// Offers input formats from a plug-in assembly. The <c>arxiv-digest</c> tool loads assemblies named with
/// <c>--plugin</c>, makes each public type that implements this interface (with a public parameterless
/// constructor) and registers its formats.
/// </summary>
public interface IPaperInputProvider
{
    /// <summary>The input formats this provider adds.</summary>
    IEnumerable<PaperInputFormat> GetFormats();
}
