namespace ArxivDigest.Parsing.Writers;

/// <summary>
/// Offers formats from a plug-in assembly. The <c>arxiv-digest</c> tool loads assemblies named with
/// <c>--plugin</c>, makes each public type that implements this interface (with a public parameterless
/// constructor) and registers its formats.
/// </summary>
public interface IPaperWriterProvider
{
    /// <summary>The formats this provider adds.</summary>
    IEnumerable<PaperWriterFormat> GetFormats();
}
