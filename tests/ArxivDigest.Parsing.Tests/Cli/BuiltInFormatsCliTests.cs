using ArxivDigest.Cli;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Docx;
using ArxivDigest.Parsing.Writers.Parquet;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>The tool ships the core's formats and the writer packages', and offers them as it always has.</summary>
public sealed class BuiltInFormatsCliTests
{
    [Fact]
    public async Task Formats_lists_every_output_format_in_the_order_it_always_had()
    {
        CliRun run = await CliRun.RunAsync(["formats"]);

        Assert.Equal(0, run.ExitCode);
        string[] outputs = [.. run.Out.Split('\n').TakeWhile(line => line.Length > 0).Where(line => line[0] != ' ').Select(line => line.Split(' ')[0])]; // not the options' lines below each
        Assert.Equal(["json", "jsonl", "markdown", "parquet", "bibtex", "csl-json", "ris", "docx", "atom", "rss"], outputs);
    }

    [Fact]
    public void The_tools_formats_are_the_cores_and_the_writer_packages_own()
    {
        PaperWriterRegistry core = PaperWriterRegistry.CreateDefault();
        IEnumerable<PaperWriterFormat> expected = core.Formats.Concat(new ParquetWriterProvider().GetFormats()).Concat(new DocxWriterProvider().GetFormats());

        PaperWriterRegistry tool = PluginLoader.CreateBuiltInRegistry();

        Assert.Equal(expected.OrderBy(f => f.Name, StringComparer.Ordinal), tool.Formats.OrderBy(f => f.Name, StringComparer.Ordinal));
        Assert.Same(ParquetPaperWriter.Format, tool.Formats[3]);
        Assert.Same(DocxPaperWriter.Format, tool.Formats[7]);
    }

    [Fact]
    public async Task Convert_takes_the_writer_packages_options_as_its_own()
    {
        CliRun help = await CliRun.RunAsync(["convert", "--help"]);

        Assert.Equal(0, help.ExitCode);
        foreach (string option in (string[])["--partition-by", "--parquet-compression", "--parquet-row-group-size", "--docx-title", "--docx-abstracts", "--docx-details", "--docx-group"])
        {
            Assert.Contains(option + " ", help.Out, StringComparison.Ordinal);
        }
    }
}
