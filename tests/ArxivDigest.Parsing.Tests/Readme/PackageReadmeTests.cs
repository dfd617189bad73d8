using System.IO.Compression;
using System.Text.RegularExpressions;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Docx;
using ArxivDigest.Parsing.Writers.Json;
using ArxivDigest.Parsing.Writers.Parquet;

namespace ArxivDigest.Parsing.Tests.Readme;

/// <summary>
/// The READMEs packed into the packages (each in its project folder): they stand alone, and their code samples run as
/// written (here, in a folder holding a sample digest, with the console captured).
/// </summary>
[Collection(nameof(SerialProcessState))]
public sealed partial class PackageReadmeTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-package-readme-").FullName;
    private readonly string _previousDirectory = Environment.CurrentDirectory;
    private readonly TextWriter _previousOut = Console.Out;
    private readonly TextWriter _previousError = Console.Error;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public PackageReadmeTests()
    {
        File.Copy(RepoPaths.Sample("2026-01-26.md"), Path.Combine(_temp, "2026-01-26.md"));
        Environment.CurrentDirectory = _temp;
        Console.SetOut(_out);
        Console.SetError(_error);
    }

    public void Dispose()
    {
        Console.SetOut(_previousOut);
        Console.SetError(_previousError);
        Environment.CurrentDirectory = _previousDirectory;
        Directory.Delete(_temp, recursive: true);
    }

    public static TheoryData<string> Packages => ["ArxivDigest.Parsing", "ArxivDigest.Parsing.Parquet", "ArxivDigest.Parsing.Docx", "ArxivDigest.Cli"];

    private static string Readme(string project) => File.ReadAllText(Path.Combine(RepoPaths.Root, "src", project, "README.md"));

    [Theory]
    [MemberData(nameof(Packages))]
    public void Each_package_packs_its_own_readme_with_no_link_a_package_page_cannot_follow(string project)
    {
        string csproj = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", project, project + ".csproj"));
        Assert.Contains("<PackageReadmeFile>README.md</PackageReadmeFile>", csproj, StringComparison.Ordinal);
        Assert.Contains("<None Include=\"README.md\" Pack=\"true\" PackagePath=\"/\" />", csproj, StringComparison.Ordinal);

        string readme = Readme(project);
        Assert.StartsWith("# ", readme, StringComparison.Ordinal);
        Assert.Empty(MarkdownLink().Matches(readme).Where(link => !link.Groups[1].Value.StartsWith("https://", StringComparison.Ordinal)).Select(link => link.Value));
    }

    [Fact]
    public void Every_csharp_sample_of_the_package_readmes_is_one_of_these_tests()
    {
        string source = File.ReadAllText(Path.Combine(RepoPaths.TestProject, "Readme", "PackageReadmeTests.cs"));
        foreach (string project in Packages)
        {
            foreach (Match sample in CSharpBlock().Matches(Readme(project)))
            {
                foreach (string line in sample.Groups[1].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal) && !l.StartsWith("using ", StringComparison.Ordinal)))
                {
                    Assert.True(source.Contains(line, StringComparison.Ordinal), $"{project}/README.md: {line}");
                }
            }
        }
    }

    [Fact]
    public void Core_sample_read_a_digest()
    {
        Digest digest = DigestParser.ParseFile("2026-01-26.md");
        Console.WriteLine($"{digest.Papers.Length} papers");
        foreach (Paper paper in digest.Papers)
            Console.WriteLine($"{paper.Id} [{paper.MainCategory}] {paper.Title}");

        foreach (DigestDiagnostic d in digest.Diagnostics)
            Console.Error.WriteLine(d);   // 2026-01-26.md:12:1: warning AXD003: ...

        string[] lines = _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("106 papers", lines[0]);
        Assert.Equal("2601.16272 [cs.CV] GR3EN: Generative Relighting for 3D Environments", lines[1]);
        Assert.Equal(107, lines.Length);
    }

    [Fact]
    public async Task Core_sample_stream_papers()
    {
        var ct = CancellationToken.None;
        using Stream stream = File.OpenRead("2026-01-26.md");

        await foreach (Paper paper in DigestParser.ReadPapersAsync(stream, cancellationToken: ct))
            Console.WriteLine(paper.Title);

        Assert.Equal(106, _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Core_sample_convert()
    {
        await Sample();
        Assert.Equal(106, File.ReadAllLines("papers.jsonl").Length);

        static async Task Sample()
        {
            await using FileStream output = File.Create("papers.jsonl");
            await using PaperWriter writer = JsonPaperWriter.JsonLinesFormat.Create(output, new JsonPaperWriterOptions { Shape = JsonShape.DailyArxiv });
            await using (PaperReader reader = PaperReader.Open("2026-01-26.md"))
                await writer.WriteAllAsync(reader);
            await writer.CompleteAsync();
        }
    }

    [Fact]
    public void Core_sample_register_the_writer_packages()
    {
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault().Register(new ParquetWriterProvider()).Register(new DocxWriterProvider());
        Assert.Contains("`PaperWriterRegistry.CreateDefault().Register(new ParquetWriterProvider()).Register(new DocxWriterProvider())`", Readme("ArxivDigest.Parsing"), StringComparison.Ordinal);
        Assert.Equal(["json", "jsonl", "markdown", "bibtex", "csl-json", "ris", "atom", "rss", "parquet", "docx"], registry.Formats.Select(f => f.Name));
    }

    [Fact]
    public async Task Parquet_sample_write_a_file()
    {
        Directory.CreateDirectory("data");
        File.Copy("2026-01-26.md", Path.Combine("data", "2026-01-26.md"));
        File.Copy(RepoPaths.Sample("2026-03-03.md"), Path.Combine("data", "2026-03-03.md"));
        await Sample();
        Assert.Equal(106 + DigestParser.ParseFile(Path.Combine("data", "2026-03-03.md")).Papers.Length, await RowsAsync("papers.parquet"));

        static async Task Sample()
        {
            await using FileStream output = File.Create("papers.parquet");
            await using PaperWriter writer = new ParquetPaperWriter(output);
            foreach (string day in Directory.GetFiles("data", "*.md").Order())
            {
                await using PaperReader reader = PaperReader.Open(day);
                await writer.WriteAllAsync(reader);
            }
            await writer.CompleteAsync();   // writes the footer: without it the file is incomplete
        }
    }

    [Fact]
    public async Task Parquet_sample_write_a_partitioned_dataset()
    {
        await Sample();
        string[] files = Directory.GetFiles("out", "*.parquet", SearchOption.AllDirectories);
        Assert.Contains(Path.Combine("out", "main_category=cs.CV", "part-00000.parquet"), files);
        long rows = 0;
        foreach (string file in files)
        {
            rows += await RowsAsync(file);
        }

        Assert.Equal(106, rows);

        static async Task Sample()
        {
            await using var dataset = new ParquetDatasetWriter("out", ParquetPartitionColumn.MainCategory);
            await using (PaperReader reader = PaperReader.Open("2026-01-26.md"))
                await dataset.WriteAllAsync(reader);
            await dataset.CompleteAsync();   // out/main_category=cs.CV/part-00000.parquet, ...
        }
    }

    [Fact]
    public void Parquet_sample_register_the_format()
    {
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault().Register(new ParquetWriterProvider());
        registry.TryGetByPath("papers.parquet", out PaperWriterFormat? parquet);   // the "parquet" format
        Assert.Same(ParquetPaperWriter.Format, parquet);
    }

    [Fact]
    public async Task Docx_sample_write_a_reading_list()
    {
        await Sample();
        using ZipArchive package = ZipFile.OpenRead("reading-list.docx");
        using var reader = new StreamReader(package.GetEntry("word/document.xml")!.Open());
        string document = await reader.ReadToEndAsync();
        Assert.Contains("This week in cs.CL", document, StringComparison.Ordinal);
        Assert.Contains("GR3EN: Generative Relighting for 3D Environments", document, StringComparison.Ordinal);
        Assert.Equal(string.Empty, _error.ToString());

        static async Task Sample()
        {
            var options = new DocxPaperWriterOptions { Title = "This week in cs.CL", Abstracts = false };
            await using FileStream output = File.Create("reading-list.docx");
            await using PaperWriter writer = new DocxPaperWriter(output, options);
            await using (PaperReader reader = PaperReader.Open("2026-01-26.md"))
                await writer.WriteAllAsync(reader);
            await writer.CompleteAsync();   // the document is written here, once every paper is known
            foreach (DigestDiagnostic d in writer.Diagnostics)   // characters XML cannot hold, replaced
                Console.Error.WriteLine(d);
        }
    }

    [Fact]
    public void Docx_sample_register_the_format()
    {
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault().Register(new DocxWriterProvider());
        registry.TryGet("docx", out PaperWriterFormat? docx);
        Assert.Same(DocxPaperWriter.Format, docx);
    }

    private static async Task<int> RowsAsync(string path)
    {
        await using FileStream file = File.OpenRead(path);
        return (await ParquetRow.ReadAsync(file)).Count;
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    /// <summary>A Markdown link or image, with its target.</summary>
    [GeneratedRegex(@"\]\(([^)]*)\)")]
    private static partial Regex MarkdownLink();
}
