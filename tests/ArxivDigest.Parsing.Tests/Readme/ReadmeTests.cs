using System.Text.RegularExpressions;
using ArxivDigest.Parsing.Selection;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Json;

namespace ArxivDigest.Parsing.Tests.Readme;

/// <summary>Tests that change process-wide state (current directory, console) run alone.</summary>
[CollectionDefinition(nameof(SerialProcessState), DisableParallelization = true)]
public sealed class SerialProcessState;

/// <summary>
/// The README's promises: its code samples run as written (here, in a folder holding a sample digest, with the
/// console captured), and its figures are the committed measurements.
/// </summary>
[Collection(nameof(SerialProcessState))]
public sealed partial class ReadmeTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-readme-").FullName;
    private readonly string _previousDirectory = Environment.CurrentDirectory;
    private readonly TextWriter _previousOut = Console.Out;
    private readonly TextWriter _previousError = Console.Error;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public ReadmeTests()
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

    private static string Readme => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    [Fact]
    public void Every_results_section_is_the_committed_measurement()
    {
        MatchCollection sections = ResultsSection().Matches(Readme);
        Assert.Contains(sections, s => s.Groups[1].Value == "README-table.md");
        foreach (Match section in sections)
        {
            string file = Path.Combine(RepoPaths.Root, "benchmarks", "results", section.Groups[1].Value);
            Assert.True(File.Exists(file), $"README.md quotes {file}, which does not exist.");
            Assert.Equal(File.ReadAllText(file), section.Groups[2].Value);
        }

        Assert.Contains("| ArxivDigestParse ", File.ReadAllText(Path.Combine(RepoPaths.Root, "benchmarks", "results", "README-table.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_csharp_sample_of_the_readme_is_one_of_these_tests()
    {
        string source = File.ReadAllText(Path.Combine(RepoPaths.TestProject, "Readme", "ReadmeTests.cs"));
        foreach (Match sample in CSharpBlock().Matches(Readme))
        {
            foreach (string line in sample.Groups[1].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal) && !l.StartsWith("using ", StringComparison.Ordinal)))
            {
                Assert.Contains(line, source, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Sample_read_a_whole_digest()
    {
        Digest digest = DigestParser.ParseFile("2026-01-26.md");
        foreach (Paper paper in digest.Papers)
            Console.WriteLine($"{paper.Id} [{paper.MainCategory}] {paper.Title} — {paper.Tldr}");

        foreach (DigestDiagnostic d in digest.Diagnostics)
            Console.Error.WriteLine(d);   // 2026-01-26.md:12:1: warning AXD003: The table of contents gives ...

        Assert.StartsWith("2601.16272 [cs.CV] GR3EN: Generative Relighting for 3D Environments — ", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal(106, _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(string.Empty, _error.ToString());
    }

    [Fact]
    public async Task Sample_stream_papers()
    {
        var ct = CancellationToken.None;
        using Stream stream = File.OpenRead("2026-01-26.md");

        await foreach (Paper paper in DigestParser.ReadPapersAsync(stream, cancellationToken: ct))
            Console.WriteLine(paper.Title);

        // Or with the reader itself, to see the table of contents and diagnostics as you go.
        await using PaperReader reader = PaperReader.Open("2026-01-26.md", new DigestReaderOptions { Strict = true });
        while (await reader.ReadAsync(ct))
            Console.WriteLine($"{reader.CurrentSection}: {reader.Current.Title}");

        Assert.Equal(212, _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Sample_read_a_forks_digests_with_its_template()
    {
        string fixtures = Path.Combine(RepoPaths.TestProject, "Dialects", "Fixtures", "bold-labels");
        Directory.CreateDirectory("to_md");
        File.Copy(Path.Combine(fixtures, "paper_template.md"), Path.Combine("to_md", "paper_template.md"));
        File.Copy(Path.Combine(fixtures, "2025-05-15.md"), "2025-05-15.md");

        DigestDialect fork = DigestDialect.FromTemplateFile("to_md/paper_template.md");
        Digest digest = DigestParser.ParseFile("2025-05-15.md", new DigestReaderOptions { Dialect = fork });
        string? keywords = digest.Papers[0].ExtraFields.FirstOrDefault(f => f.Key == "keywords")?.Value;

        Assert.False(string.IsNullOrEmpty(keywords));
        Assert.All(digest.Papers, p => Assert.False(string.IsNullOrEmpty(p.Tldr)));
    }

    [Fact]
    public async Task Sample_convert_with_a_writer()
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
            foreach (DigestDiagnostic d in writer.Diagnostics)   // what the format could not hold as it is (AXD101, AXD102)
                Console.Error.WriteLine(d);
        }
    }

    /// <summary><c>&lt;!-- results:FILE --&gt;</c>, the text, <c>&lt;!-- /results --&gt;</c>: the text must be benchmarks/results/FILE.</summary>
    [Fact]
    public async Task Sample_choose_papers()
    {
        Directory.CreateDirectory("data");
        File.Move("2026-01-26.md", Path.Combine("data", "2026-01-26.md"));
        File.Copy(RepoPaths.Sample("2026-03-03.md"), Path.Combine("data", "2026-03-03.md"));
        using var output = new MemoryStream();
        await using PaperWriter writer = JsonPaperWriter.JsonLinesFormat.Create(output);

        var selection = new PaperSelection { Categories = ["cs.CV"], Matches = ["diffusion"], Dedupe = true };
        var selector = new PaperSelector(selection);
        List<DigestSource> sources = [.. Directory.GetFiles("data", "*.md").Order().Select(f => DigestSource.FromFile(f))];
        await selector.PlanAsync(sources);   // deduplication looks at every input first
        for (int i = 0; i < sources.Count; i++)
        {
            await using PaperReader reader = sources[i].CreateReader();
            await writer.WriteAllAsync(reader, selector, i);
        }

        await writer.CompleteAsync();
        Assert.True(selector.Kept > 0);
        Assert.Equal(selector.Kept, System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [GeneratedRegex(@"<!-- results:([A-Za-z0-9._-]+) -->\n(.*?)<!-- /results -->", RegexOptions.Singleline)]
    private static partial Regex ResultsSection();

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
