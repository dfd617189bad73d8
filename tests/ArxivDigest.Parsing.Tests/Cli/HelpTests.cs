using System.Reflection;
using System.Reflection.Emit;
using ArxivDigest.Cli;
using ArxivDigest.Cli.Help;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>What the tool tells about itself: --version, the examples and formats in --help, and completions.</summary>
public sealed class HelpTests
{
    private static string PluginPath
    {
        get
        {
            string baseDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            string configuration = Path.GetFileName(Path.GetDirectoryName(baseDir))!;
            return Path.Combine(RepoPaths.Root, "tests", "ArxivDigest.Parsing.TestPlugin", "bin", configuration, "net10.0", "ArxivDigest.Parsing.TestPlugin.dll");
        }
    }

    [Fact]
    public async Task Version_prints_the_informational_version_of_the_tool_without_build_metadata()
    {
        string informational = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        CliRun run = await CliRun.RunAsync(["--version"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(informational.Split('+')[0] + Environment.NewLine, run.Out);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\r?\n$", run.Out);
    }

    [Theory]
    [InlineData("1.0.0+4f2a9c1d0e", "1.0.0")]
    [InlineData("0.2.0-beta.3+abc", "0.2.0-beta.3")]
    [InlineData("1.2.3", "1.2.3")]
    public void The_version_leaves_out_the_commit_a_release_build_appends(string informational, string version)
    {
        // An assembly as a release build makes it: SourceLink appends +COMMIT to the informational version.
        ConstructorInfo attribute = typeof(AssemblyInformationalVersionAttribute).GetConstructor([typeof(string)])!;
        AssemblyBuilder assembly = AssemblyBuilder.DefineDynamicAssembly(
            new AssemblyName("VersionProbe"), AssemblyBuilderAccess.Run, [new CustomAttributeBuilder(attribute, [informational])]);

        Assert.Equal(version, CliHelp.PackageVersion(assembly));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("convert --help")]
    public async Task Help_of_the_tool_and_of_convert_shows_the_examples_and_every_registered_output_format(string args)
    {
        CliRun run = await CliRun.RunAsync(args.Split(' '));
        Assert.Equal(0, run.ExitCode);

        string[] lines = run.Out.ReplaceLineEndings("\n").Split('\n');
        int examples = Array.IndexOf(lines, "Examples:");
        Assert.True(examples > 0, run.Out);
        foreach ((string what, string command) in CliHelp.Examples)
        {
            Assert.Contains("  " + what, lines);
            Assert.Contains("    " + command, lines);
        }

        Assert.Contains(lines, l => l.Contains("convert 2026-01-26.md --to jsonl", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("-o papers.parquet", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("-o refs.bib", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(".docx", StringComparison.Ordinal) && l.StartsWith("    arxiv-digest convert", StringComparison.Ordinal));

        int formats = Array.FindIndex(lines, l => l.StartsWith("Output formats", StringComparison.Ordinal));
        Assert.True(formats > examples, run.Out);
        string[] listed = [.. lines.Skip(formats + 1).TakeWhile(l => l.Length > 0).Select(l => l.Trim().Split(' ')[0])];
        Assert.Equal(PluginLoader.CreateBuiltInRegistry().Formats.Select(f => f.Name), listed);
    }

    [Fact]
    public async Task Help_lists_the_formats_of_a_plugin_and_other_commands_keep_their_own_help()
    {
        CliRun withPlugin = await CliRun.RunAsync(["--help", "--plugin", PluginPath]);
        Assert.Matches(@"\n  tsv +\.tsv +Tab-separated id and title \(test plug-in\)", withPlugin.Out.ReplaceLineEndings("\n"));

        CliRun validate = await CliRun.RunAsync(["validate", "--help"]);
        Assert.Equal(0, validate.ExitCode);
        Assert.DoesNotContain("Examples:", validate.Out, StringComparison.Ordinal);
        Assert.Contains("--progress", validate.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("convert --to ", "atom bibtex csl-json docx json jsonl markdown parquet ris rss")]
    [InlineData("convert --to j", "json jsonl")]
    [InlineData("convert x.md --progress ", "always auto never")]
    [InlineData("stats --dialect bold", "bold-labels")]
    [InlineData("conv", "convert")]
    public async Task The_suggest_directive_completes_commands_and_the_values_the_registries_know(string line, string completions)
    {
        CliRun run = await CliRun.RunAsync([$"[suggest:{line.Length}]", line]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(completions.Split(' '), run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
