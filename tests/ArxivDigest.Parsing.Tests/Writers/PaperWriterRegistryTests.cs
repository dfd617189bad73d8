using System.Text;
using ArxivDigest.Parsing.Tests.Writers.Docx;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Bibtex;
using ArxivDigest.Parsing.Writers.Csl;
using ArxivDigest.Parsing.Writers.Docx;
using ArxivDigest.Parsing.Writers.Feeds;
using ArxivDigest.Parsing.Writers.Json;
using ArxivDigest.Parsing.Writers.Markdown;
using ArxivDigest.Parsing.Writers.Parquet;
using ArxivDigest.Parsing.Writers.Ris;

namespace ArxivDigest.Parsing.Tests.Writers;

/// <summary>What the core registry holds, and how the writer packages' providers add their formats.</summary>
public sealed class PaperWriterRegistryTests
{
    private static readonly string[] WriterLibraries = ["Parquet", "DocumentFormat.OpenXml", "DocumentFormat.OpenXml.Framework", "Markdig", "AngleSharp"];

    [Fact]
    public void The_default_registry_holds_exactly_the_core_formats()
    {
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault();

        Assert.Equal(["json", "jsonl", "markdown", "bibtex", "csl-json", "ris", "atom", "rss"], registry.Formats.Select(f => f.Name));
        Assert.Equal<PaperWriterFormat>([JsonPaperWriter.JsonFormat, JsonPaperWriter.JsonLinesFormat, MarkdownDigestWriter.Format, BibtexPaperWriter.Format, CslJsonPaperWriter.Format, RisPaperWriter.Format, AtomFeedWriter.Format, RssFeedWriter.Format], registry.Formats);
        Assert.False(registry.TryGet("parquet", out _));
        Assert.False(registry.TryGetByPath("list.docx", out _));
    }

    [Fact]
    public void The_core_assembly_references_no_writer_library()
    {
        string[] references = [.. typeof(PaperWriterRegistry).Assembly.GetReferencedAssemblies().Select(a => a.Name!)];

        Assert.Empty(references.Intersect(WriterLibraries, StringComparer.OrdinalIgnoreCase));
        Assert.All(references, name => Assert.True(name == "netstandard" || name.StartsWith("System", StringComparison.Ordinal), name));
    }

    [Fact]
    public void Registering_the_writer_packages_providers_adds_parquet_and_docx()
    {
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault()
            .Register(new ParquetWriterProvider())
            .Register(new DocxWriterProvider());

        Assert.Equal(["json", "jsonl", "markdown", "bibtex", "csl-json", "ris", "atom", "rss", "parquet", "docx"], registry.Formats.Select(f => f.Name));
        Assert.True(registry.TryGetByPath("out/papers.parquet", out PaperWriterFormat? parquet));
        Assert.Same(ParquetPaperWriter.Format, parquet);
        Assert.True(registry.TryGet("DOCX", out PaperWriterFormat? docx));
        Assert.Same(DocxPaperWriter.Format, docx);
        Assert.Equal([ParquetPaperWriter.Format], new ParquetWriterProvider().GetFormats());
        Assert.Equal([DocxPaperWriter.Format], new DocxWriterProvider().GetFormats());
    }

    [Fact]
    public void A_providers_format_replaces_a_registered_one_of_the_same_name_in_its_place()
    {
        var mine = new PaperWriterFormat<JsonPaperWriterOptions>("JSON", [".json"], "mine", JsonPaperWriterOptions.Default, (s, o) => new JsonPaperWriter(s, true, o));
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault().Register(new Provider(mine));

        Assert.Equal(["jsonl", "markdown", "bibtex", "csl-json", "ris", "atom", "rss"], registry.Formats.Skip(1).Select(f => f.Name));
        Assert.Same(mine, registry.Formats[0]);
    }

    [Fact]
    public void A_provider_that_gives_a_null_format_adds_none_of_its_formats()
    {
        var csv = new PaperWriterFormat<JsonPaperWriterOptions>("csv", [".csv"], "test", JsonPaperWriterOptions.Default, (s, o) => new JsonPaperWriter(s, true, o));
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault();

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => registry.Register(new Provider(csv, null!)));
        Assert.Contains("null format", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => registry.Register(new NullProvider()));
        Assert.Throws<ArgumentNullException>(() => registry.Register((IPaperWriterProvider)null!));
        Assert.Equal(["json", "jsonl", "markdown", "bibtex", "csl-json", "ris", "atom", "rss"], registry.Formats.Select(f => f.Name));
    }

    [Fact]
    public async Task A_writer_of_its_own_has_lone_surrogates_replaced_and_reported()
    {
        Paper paper = DocxTestDocument.Paper(title: "Half a pair: \uD83D.");
        using var output = new MemoryStream();
        await using var writer = new TitleWriter(output);
        await writer.WritePaperAsync(paper);
        await writer.CompleteAsync();

        Assert.Equal("Half a pair: \uFFFD.\n", Encoding.UTF8.GetString(output.ToArray()));
        DigestDiagnostic d = Assert.Single(writer.Diagnostics);
        Assert.Equal(DiagnosticCodes.CharacterReplaced, d.Code);
        Assert.Equal("TXT: 1 character of title that TXT cannot hold was replaced with U+FFFD (a lone surrogate).", d.Message);
    }

    private sealed class Provider(params PaperWriterFormat[] formats) : IPaperWriterProvider
    {
        public IEnumerable<PaperWriterFormat> GetFormats() => formats;
    }

    private sealed class NullProvider : IPaperWriterProvider
    {
        public IEnumerable<PaperWriterFormat> GetFormats() => null!;
    }

    /// <summary>A third-party writer: each paper's title on a line, in UTF-8.</summary>
    private sealed class TitleWriter(Stream output) : PaperWriter
    {
        public override async ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
        {
            paper = WithoutLoneSurrogates(paper, "TXT");
            await output.WriteAsync(Encoding.UTF8.GetBytes(paper.Title + "\n"), cancellationToken);
        }

        public override ValueTask CompleteAsync(CancellationToken cancellationToken = default) => default;
    }
}
