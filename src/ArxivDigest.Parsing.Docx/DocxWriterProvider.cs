namespace ArxivDigest.Parsing.Writers.Docx;

/// <summary>
/// Offers the <c>docx</c> format (<see cref="DocxPaperWriter.Format"/>). Register it in a program with
/// <see cref="PaperWriterRegistry.Register(IPaperWriterProvider)"/>; the <c>arxiv-digest</c> tool registers it as it
/// registers a plug-in's providers.
/// </summary>
public sealed class DocxWriterProvider : IPaperWriterProvider
{
    /// <inheritdoc/>
    public IEnumerable<PaperWriterFormat> GetFormats() => [DocxPaperWriter.Format];
}
