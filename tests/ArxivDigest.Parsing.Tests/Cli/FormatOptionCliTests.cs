using System.IO.Compression;
using System.Text.RegularExpressions;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Bibtex;
using ArxivDigest.Parsing.Writers.Docx;
using ArxivDigest.Parsing.Writers.Feeds;
using ArxivDigest.Parsing.Writers.Json;
using ArxivDigest.Parsing.Writers.Markdown;
using ArxivDigest.Parsing.Writers.Parquet;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>
/// The tool's format options are the formats' typed options, bound through the same descriptors: a flag writes what
/// the typed option writes, an option of another format or an unknown one is a usage error, and <c>formats</c> lists
/// every descriptor. Run in-process.
/// </summary>
public sealed partial class FormatOptionCliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-format-options-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Sample => RepoPaths.Sample("2026-01-26.md");

    private static string Bold => Path.Combine(RepoPaths.TestProject, "Dialects", "Fixtures", "bold-labels", "2025-05-15.md");

    private static string PluginPath
    {
        get
        {
            string baseDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            string configuration = Path.GetFileName(Path.GetDirectoryName(baseDir))!;
            return Path.Combine(RepoPaths.Root, "tests", "ArxivDigest.Parsing.TestPlugin", "bin", configuration, "net10.0", "ArxivDigest.Parsing.TestPlugin.dll");
        }
    }

    /// <summary>One non-default option per format: the command-line flags, and the same as typed options.</summary>
    public static TheoryData<string, string[]> OneOptionPerFormat => new()
    {
        { "json", ["--json-shape", "daily-arxiv"] },
        { "jsonl", ["--json-shape", "daily-arxiv"] },
        { "markdown", ["--dialect", "bold-labels"] },
        { "bibtex", ["--bib-key", "arxiv"] },
        { "parquet", ["--parquet-compression", "zstd"] },
        { "docx", ["--docx-group", "flat"] },
        { "atom", ["--feed-title", "CV & more", "--feed-link", "https://example.org/", "--feed-self", "https://example.org/cv.atom", "--feed-content", "false"] },
        { "rss", ["--feed-title", "CV & more", "--feed-link", "https://example.org/", "--feed-content", "false"] },
    };

    [Theory]
    [MemberData(nameof(OneOptionPerFormat))]
    public async Task A_typed_option_writes_the_same_bytes_as_the_equivalent_flag(string format, string[] flag)
    {
        string input = format == "markdown" ? Bold : Sample;
        string output = Path.Combine(_temp, "out." + format);
        CliRun run = await CliRun.RunAsync(["convert", input, "--to", format, "-o", output, .. flag, "--quiet"]);
        Assert.True(run.ExitCode == 0, run.Error);

        DigestDialect bold = DigestDialect.BuiltIn.Single(d => d.Name == "bold-labels");
        (PaperWriterFormat Format, object Options) chosen = format switch
        {
            "json" => (JsonPaperWriter.JsonFormat, new JsonPaperWriterOptions { Shape = JsonShape.DailyArxiv }),
            "jsonl" => (JsonPaperWriter.JsonLinesFormat, new JsonPaperWriterOptions { Shape = JsonShape.DailyArxiv }),
            "markdown" => (MarkdownDigestWriter.Format, new MarkdownDigestWriterOptions { Dialect = bold }),
            "bibtex" => (BibtexPaperWriter.Format, new BibtexPaperWriterOptions { KeyStyle = BibtexKeyStyle.Arxiv }),
            "parquet" => (ParquetPaperWriter.Format, new ParquetPaperWriterOptions { Compression = ParquetCompression.Zstd }),
            "atom" => (AtomFeedWriter.Format, new FeedWriterOptions { Title = "CV & more", Link = "https://example.org/", SelfLink = "https://example.org/cv.atom", Content = false }),
            "rss" => (RssFeedWriter.Format, new FeedWriterOptions { Title = "CV & more", Link = "https://example.org/", Content = false }),
            _ => (DocxPaperWriter.Format, new DocxPaperWriterOptions { Grouping = DocxGrouping.Flat }),
        };
        (PaperWriterFormat writer, object options) = chosen;
        Assert.NotEqual(writer.DefaultOptions, options);

        using var typed = new MemoryStream();
        await using (PaperWriter paperWriter = writer.Create(typed, options))
        {
            await using (PaperReader reader = PaperReader.Open(input, new DigestReaderOptions { Dialect = format == "markdown" ? bold : null }))
            {
                await paperWriter.WriteAllAsync(reader);
            }

            await paperWriter.CompleteAsync();
        }

        byte[] fromFlag = await File.ReadAllBytesAsync(output);
        if (format == "docx")
        {
            // The package records when it was made (docProps/core.xml); every other part is the same.
            Assert.Equal(DocxParts(typed.ToArray()), DocxParts(fromFlag));
        }
        else
        {
            Assert.Equal(typed.ToArray(), fromFlag);
        }
    }

    [Fact]
    public async Task A_typed_partition_column_writes_the_same_dataset_as_partition_by()
    {
        string fromFlag = Path.Combine(_temp, "flag");
        CliRun run = await CliRun.RunAsync(["convert", Sample, "-o", fromFlag, "--partition-by", "main_category", "--quiet"]);
        Assert.True(run.ExitCode == 0, run.Error);

        string typed = Path.Combine(_temp, "typed");
        var options = new ParquetPaperWriterOptions { PartitionBy = ParquetPartitionColumn.MainCategory };
        Assert.True(ParquetPaperWriter.Format.WritesDirectory(options));
        await using (PaperWriter writer = ParquetPaperWriter.Format.CreateDirectoryWriter(typed, options))
        {
            await using (PaperReader reader = PaperReader.Open(Sample))
            {
                await writer.WriteAllAsync(reader);
            }

            await writer.CompleteAsync();
        }

        Assert.Equal(Tree(typed), Tree(fromFlag));
        Assert.True(Tree(typed).Count > 3);
    }

    [Theory]
    [InlineData(new[] { "--to", "jsonl", "--bib-abstract" }, new[] { "--bib-abstract", "bibtex", "--to jsonl" })]
    [InlineData(new[] { "-o", "OUT/list.docx", "--bib-note", "tldr" }, new[] { "--bib-note", "bibtex", "docx" })]
    [InlineData(new[] { "--to", "markdown", "--json-shape", "daily-arxiv" }, new[] { "--json-shape", "json and jsonl", "--to markdown" })]
    [InlineData(new[] { "--to", "jsonl", "--option", "bib-abstract=yes" }, new[] { "--option bib-abstract=yes", "bibtex", "--to jsonl" })]
    [InlineData(new[] { "--to", "jsonl", "--option", "typo=1" }, new[] { "--option typo=1", "no option 'typo'", "json-shape" })]
    [InlineData(new[] { "-o", "OUT/p.parquet", "--parquet-compression", "lz4" }, new[] { "--parquet-compression", "snappy, zstd, gzip or none", "'lz4'" })]
    [InlineData(new[] { "-o", "OUT/p.parquet", "--parquet-row-group-size", "abc" }, new[] { "--parquet-row-group-size", "a positive size", "'abc'" })]
    [InlineData(new[] { "-o", "OUT/p.parquet", "--option", "parquet-compression=lz4" }, new[] { "--option parquet-compression=lz4", "snappy, zstd, gzip or none" })]
    [InlineData(new[] { "-o", "OUT/refs.bib", "--bib-key", "doi" }, new[] { "--bib-key", "scholar or arxiv", "'doi'" })]
    [InlineData(new[] { "-o", "OUT/list.docx", "--docx-group", "sideways" }, new[] { "--docx-group", "section or flat" })]
    public async Task A_format_option_that_does_not_apply_is_a_usage_error_naming_it(string[] args, string[] message)
    {
        CliRun run = await CliRun.RunAsync(["convert", Sample, .. args.Select(a => a.Replace("OUT", _temp, StringComparison.Ordinal))]);
        Assert.Equal(2, run.ExitCode);
        foreach (string part in message)
        {
            Assert.Contains(part, run.Error, StringComparison.Ordinal);
        }

        Assert.Empty(run.StandardOutput);
        Assert.Empty(Directory.GetFileSystemEntries(_temp));
    }

    [Theory]
    [InlineData("fail-after=many", "a whole number")]
    [InlineData("no-such=1", "tsv has no option 'no-such'")]
    public async Task A_plugin_option_that_does_not_apply_is_a_usage_error_naming_it(string option, string message)
    {
        string output = Path.Combine(_temp, "list.tsv");
        CliRun run = await CliRun.RunAsync(["convert", Sample, "-o", output, "--plugin", PluginPath, "--option", option]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--option " + option, run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_plugins_typed_options_reach_its_writer()
    {
        string output = Path.Combine(_temp, "list.tsv");
        CliRun run = await CliRun.RunAsync(["convert", Sample, "-o", output, "--plugin", PluginPath, "--option", "columns=id only", "--option", "fail-after=3"]);

        // fail-after, a number, made the writer throw after 3 papers: nothing is written.
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the tsv writer fails after 3 papers", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        CliRun whole = await CliRun.RunAsync(["convert", Sample, "-o", output, "--plugin", PluginPath, "--option", "columns=id only", "--quiet"]);
        Assert.True(whole.ExitCode == 0, whole.Error);
        Assert.EndsWith(" 2026-01-26 id only", File.ReadLines(output).First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_to_the_one_format_whose_options_are_given_is_written()
    {
        CliRun bibtex = await CliRun.RunAsync(["convert", Sample, "--bib-key", "arxiv", "--quiet"]);
        Assert.True(bibtex.ExitCode == 0, bibtex.Error);
        Assert.StartsWith("@misc{arXiv:2601.16272,", bibtex.Text, StringComparison.Ordinal);

        // --json-shape is an option of two formats, so it does not choose one.
        CliRun both = await CliRun.RunAsync(["convert", Sample, "--json-shape", "daily-arxiv"]);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("Say which format with --to", both.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_formats_command_lists_every_option_descriptor_of_every_format_with_its_default()
    {
        CliRun run = await CliRun.RunAsync(["formats", "--plugin", PluginPath]);
        Assert.Equal(0, run.ExitCode);

        // The output formats come first, each followed by its indented option lines; a blank line ends them.
        var listed = new List<(string Format, string Option, string? Default)>();
        string? current = null;
        foreach (string line in run.Out.Split('\n').TakeWhile(l => l.Length > 0))
        {
            Match option = OptionLine().Match(line);
            if (option.Success)
            {
                listed.Add((current!, option.Groups["name"].Value, option.Groups["default"].Success ? option.Groups["default"].Value : null));
            }
            else
            {
                current = line.Split(' ')[0];
            }
        }

        PaperWriterRegistry registry = PluginLoaderRegistry();
        List<(string, string, string?)> declared = [.. registry.Formats.SelectMany(f => f.Options.Select(o => (f.Name, o.Name, o.GetValue(f.DefaultOptions))))];
        Assert.Equal(declared, listed);
        Assert.Contains(listed, o => o is ("tsv", "fail-after", null));
        Assert.Contains(listed, o => o is ("parquet", "parquet-row-group-size", "64M"));
        Assert.Matches(@"(?m)^    --option columns=TEXT +What the header", run.Out);
        Assert.Matches(@"(?m)^    --bib-abstract \[true\|false\] +Add each paper's abstract", run.Out);
    }

    [Fact]
    public async Task Convert_help_offers_each_built_in_option_once_with_its_values()
    {
        CliRun help = await CliRun.RunAsync(["convert", "--help"]);
        Assert.Equal(0, help.ExitCode);
        Assert.Single(Regex.Matches(help.Out, @"--json-shape <native\|daily-arxiv>"));
        Assert.Contains("(json, jsonl; default native)", help.Out, StringComparison.Ordinal);
        Assert.Contains("--partition-by <digest_date|main_category|arxiv_year>", help.Out, StringComparison.Ordinal);
    }

    private static PaperWriterRegistry PluginLoaderRegistry() => ArxivDigest.Cli.PluginLoader.CreateRegistry([PluginPath]);

    /// <summary>Each file of a folder, relative, with its bytes.</summary>
    private static List<(string File, string Hash)> Tree(string folder)
        => [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(folder, f), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)];

    /// <summary>Every part of the package but <c>docProps/core.xml</c>, with its bytes.</summary>
    private static List<(string Part, string Hash)> DocxParts(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return [.. zip.Entries
            .Where(e => e.FullName != "docProps/core.xml")
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .Select(e =>
            {
                using Stream s = e.Open();
                using var buffer = new MemoryStream();
                s.CopyTo(buffer);
                return (e.FullName, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(buffer.ToArray())));
            })];
    }

    [GeneratedRegex(@"^    (?:--option (?<name>[^=\s]+)=\S+|--(?<name>[^\s\[]+)(?: \S+)?)  +.*?(?: \(default (?<default>[^)]+)\))?$")]
    private static partial Regex OptionLine();
}
