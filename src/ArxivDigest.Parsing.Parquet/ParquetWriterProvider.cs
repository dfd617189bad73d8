namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>
/// Offers the <c>parquet</c> format (<see cref="ParquetPaperWriter.Format"/>). Register it in a program with
/// <see cref="PaperWriterRegistry.Register(IPaperWriterProvider)"/>; the <c>arxiv-digest</c> tool registers it as it
/// registers a plug-in's providers.
/// </summary>
/// <remarks>A Hive-partitioned dataset writes a folder, not a stream, so it is no format: make a <see cref="ParquetDatasetWriter"/>.</remarks>
public sealed class ParquetWriterProvider : IPaperWriterProvider
{
    /// <inheritdoc/>
    public IEnumerable<PaperWriterFormat> GetFormats() => [ParquetPaperWriter.Format];
}
