using System.Diagnostics;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>
/// <c>convert -o</c> never destroys what is there: special files are written through or refused, links are followed
/// to their target or refused, an output that is an input is refused, and a failure leaves the previous output and
/// nothing else. Run in-process.
/// </summary>
public sealed class OutputSafetyTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-safety-").FullName;

    public void Dispose()
    {
        Shell.Run("chattr", "-R", "-i", _temp);
        Directory.Delete(_temp, recursive: true);
    }


    private static Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(args);

    private static string Sample => RepoPaths.Sample("2026-01-26.md");

    private static string PluginPath
    {
        get
        {
            string baseDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            string configuration = Path.GetFileName(Path.GetDirectoryName(baseDir))!;
            return Path.Combine(RepoPaths.Root, "tests", "ArxivDigest.Parsing.TestPlugin", "bin", configuration, "net10.0", "ArxivDigest.Parsing.TestPlugin.dll");
        }
    }

    /// <summary>Everything in the temporary folder, relative, sorted: shows leftovers.</summary>
    private string[] Entries() =>
        [.. Directory.GetFileSystemEntries(_temp, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(_temp, e)).Order(StringComparer.Ordinal)];

    private static async Task<byte[]> ExpectedJsonLines() => (await RunAsync("convert", Sample, "--to", "jsonl", "--quiet")).StandardOutput;

    [UnixFact]
    public async Task Output_onto_a_fifo_is_written_through_not_replaced()
    {
        string fifo = Path.Combine(_temp, "papers.jsonl");
        Shell.Must("mkfifo", fifo);

        // The reader at the other end is a child process, so that a test of a tool that never opens the FIFO ends.
        var start = new ProcessStartInfo("cat", [fifo]) { RedirectStandardOutput = true, UseShellExecute = false };
        using Process reader = Process.Start(start)!;
        var received = new MemoryStream();
        Task reading = reader.StandardOutput.BaseStream.CopyToAsync(received);
        try
        {
            CliRun run = await RunAsync("convert", Sample, "--to", "jsonl", "-o", fifo, "--quiet");
            Assert.Equal(0, run.ExitCode);
            await reading.WaitAsync(Timeout);
        }
        finally
        {
            if (!reader.HasExited)
            {
                reader.Kill();
            }
        }

        Assert.Equal(await ExpectedJsonLines(), received.ToArray());
        Assert.Equal("fifo", Shell.Kind(fifo));
        Assert.Equal(["papers.jsonl"], Entries());
    }

    [RootFact("mknod")]
    public async Task Output_onto_a_character_device_is_written_through_not_replaced()
    {
        string device = Path.Combine(_temp, "null");
        Shell.Must("mknod", device, "c", "1", "3"); // a private /dev/null

        CliRun run = await RunAsync("convert", Sample, "--to", "jsonl", "-o", device);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"106 papers to {device}", run.Error, StringComparison.Ordinal);
        Assert.Equal("character special file", Shell.Kind(device));
        Assert.Equal(["null"], Entries());
    }

    [RootFact("mknod")]
    public async Task Output_onto_a_full_device_fails_with_no_space_left()
    {
        string device = Path.Combine(_temp, "full");
        Shell.Must("mknod", device, "c", "1", "7"); // a private /dev/full

        CliRun run = await RunAsync("convert", Sample, "--to", "jsonl", "-o", device);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error: cannot write '{device}': No space left on device", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("papers to", run.Error, StringComparison.Ordinal);
        Assert.Equal("character special file", Shell.Kind(device));
        Assert.Equal(["full"], Entries());
    }

    [RootFact("mknod")]
    public async Task Output_onto_a_block_device_is_refused()
    {
        string device = Path.Combine(_temp, "disk");
        Shell.Must("mknod", device, "b", "7", "200"); // a loop device number no one uses: nothing is ever opened

        CliRun run = await RunAsync("convert", Sample, "--to", "jsonl", "-o", device);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{device}' is a block device", run.Error, StringComparison.Ordinal);
        Assert.Equal("block special file", Shell.Kind(device));
        Assert.Equal(["disk"], Entries());
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Output_through_a_symbolic_link_replaces_its_target_and_keeps_the_link()
    {
        string target = Path.Combine(_temp, "real.jsonl");
        File.WriteAllText(target, "previous");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        string link = Path.Combine(_temp, "papers.jsonl");
        File.CreateSymbolicLink(link, "real.jsonl");

        CliRun run = await RunAsync("convert", Sample, "-o", link, "--quiet");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("real.jsonl", new FileInfo(link).LinkTarget);
        Assert.Equal(await ExpectedJsonLines(), File.ReadAllBytes(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target)); // a private file stays private
        Assert.Equal(["papers.jsonl", "real.jsonl"], Entries());
    }

    [UnixFact]
    public async Task A_dangling_link_as_output_is_refused_and_left_alone()
    {
        string link = Path.Combine(_temp, "papers.jsonl");
        File.CreateSymbolicLink(link, "nowhere.jsonl");

        CliRun run = await RunAsync("convert", Sample, "-o", link);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("which does not exist", run.Error, StringComparison.Ordinal);
        Assert.Equal("nowhere.jsonl", new FileInfo(link).LinkTarget);
        Assert.Equal(["papers.jsonl"], Entries());
    }

    [UnixFact]
    public async Task Per_input_outputs_do_not_follow_a_link_or_replace_a_folder_in_the_output_folder()
    {
        string outside = Path.Combine(_temp, "outside.txt");
        File.WriteAllText(outside, "not yours");
        string outDir = Path.Combine(_temp, "out");
        Directory.CreateDirectory(outDir);
        File.CreateSymbolicLink(Path.Combine(outDir, "2026-01-26.jsonl"), outside);

        CliRun linked = await RunAsync("convert", Sample, "--to", "jsonl", "-o", outDir + "/");
        Assert.Equal(2, linked.ExitCode);
        Assert.Contains("is a symbolic link", linked.Error, StringComparison.Ordinal);
        Assert.Equal("not yours", File.ReadAllText(outside));
        Assert.Equal(outside, new FileInfo(Path.Combine(outDir, "2026-01-26.jsonl")).LinkTarget);

        File.Delete(Path.Combine(outDir, "2026-01-26.jsonl"));
        Directory.CreateDirectory(Path.Combine(outDir, "2026-01-26.jsonl", "keep"));
        CliRun folder = await RunAsync("convert", Sample, "--to", "jsonl", "-o", outDir + "/");
        Assert.Equal(2, folder.ExitCode);
        Assert.Contains("is a directory", folder.Error, StringComparison.Ordinal);
        Assert.Equal(["out", "out/2026-01-26.jsonl", "out/2026-01-26.jsonl/keep", "outside.txt"], Entries());
    }

    [UnixTheory]
    [InlineData("same path")]
    [InlineData("dot path")]
    [InlineData("symbolic link")]
    [InlineData("hard link")]
    public async Task An_output_that_is_an_input_is_refused_by_file_identity(string how)
    {
        string input = Path.Combine(_temp, "day.md");
        File.Copy(Sample, input);
        string output = how switch
        {
            "same path" => input,
            "dot path" => Path.Combine(_temp, ".", "day.md"),
            "symbolic link" => Path.Combine(_temp, "link.md"),
            _ => Path.Combine(_temp, "hard.md"),
        };
        if (how == "symbolic link")
        {
            File.CreateSymbolicLink(output, "day.md");
        }
        else if (how == "hard link")
        {
            Shell.Must("ln", input, output);
        }

        CliRun run = await RunAsync("convert", input, "--to", "jsonl", "-o", output);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"The output '{output}' is the input '{input}'", run.Error, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Sample), File.ReadAllBytes(input));
    }

    [Fact]
    public async Task Per_input_outputs_into_the_input_folder_never_overwrite_an_input()
    {
        string data = Path.Combine(_temp, "data");
        Directory.CreateDirectory(data);
        File.Copy(Sample, Path.Combine(data, "2026-01-26.md"));
        File.Copy(RepoPaths.Sample("2026-03-03.md"), Path.Combine(data, "2026-03-03.md"));

        // Markdown to markdown with a selection would rewrite each digest with a part of its papers.
        CliRun run = await RunAsync("convert", data, "--to", "markdown", "--category", "cs.CV", "-o", data + "/");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"is the input '{Path.Combine(data, "2026-01-26.md")}'", run.Error, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Sample), File.ReadAllBytes(Path.Combine(data, "2026-01-26.md")));
        Assert.Equal(File.ReadAllBytes(RepoPaths.Sample("2026-03-03.md")), File.ReadAllBytes(Path.Combine(data, "2026-03-03.md")));
        Assert.Equal(["data", "data/2026-01-26.md", "data/2026-03-03.md"], Entries());

        // Other formats beside the digests are fine.
        Assert.Equal(0, (await RunAsync("convert", data, "--to", "jsonl", "-o", data + "/", "--quiet")).ExitCode);
        Assert.Equal(["data", "data/2026-01-26.jsonl", "data/2026-01-26.md", "data/2026-03-03.jsonl", "data/2026-03-03.md"], Entries());
    }

    [Fact]
    public async Task An_output_that_is_the_ids_file_is_refused()
    {
        string ids = Path.Combine(_temp, "ids.txt");
        File.WriteAllText(ids, "2601.16272\n");
        CliRun run = await RunAsync("convert", Sample, "--ids", ids, "--to", "jsonl", "-o", ids);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"is the --ids file '{ids}'", run.Error, StringComparison.Ordinal);
        Assert.Equal("2601.16272\n", File.ReadAllText(ids));
    }

    [Fact]
    public async Task An_output_that_is_a_plugin_assembly_is_refused()
    {
        string plugin = Path.Combine(_temp, "plugin.dll");
        File.Copy(PluginPath, plugin);
        byte[] assembly = File.ReadAllBytes(plugin);
        CliRun run = await RunAsync("convert", Sample, "--plugin", plugin, "--to", "tsv", "-o", plugin);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"is the plug-in '{plugin}'", run.Error, StringComparison.Ordinal);
        Assert.Equal(assembly, File.ReadAllBytes(plugin));
    }

    [Fact]
    public async Task A_dataset_folder_that_holds_an_input_is_refused()
    {
        // A digest given under a Parquet-like name inside a previous dataset: replacing the dataset would delete it.
        string dataset = Path.Combine(_temp, "dataset");
        string input = Path.Combine(dataset, "main_category=cs.CV", "part-00000.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        File.Copy(Sample, input);

        CliRun run = await RunAsync("convert", input, "--date", "2026-01-26", "-o", dataset, "--partition-by", "main_category");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"holds the input '{input}'", run.Error, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Sample), File.ReadAllBytes(input));
        Assert.Equal(["dataset", "dataset/main_category=cs.CV", "dataset/main_category=cs.CV/part-00000.parquet"], Entries());
    }

    [UnixFact]
    public async Task A_dataset_folder_with_a_link_or_a_fifo_in_it_is_refused_not_replaced()
    {
        string outside = Path.Combine(_temp, "outside.parquet");
        File.WriteAllText(outside, "not yours");
        string dataset = Path.Combine(_temp, "dataset");
        Directory.CreateDirectory(Path.Combine(dataset, "main_category=cs.CV"));
        File.CreateSymbolicLink(Path.Combine(dataset, "main_category=cs.CV", "part-00000.parquet"), outside);

        CliRun linked = await RunAsync("convert", Sample, "-o", dataset, "--partition-by", "main_category");
        Assert.Equal(2, linked.ExitCode);
        Assert.Contains("holds files other than a Parquet dataset", linked.Error, StringComparison.Ordinal);
        Assert.Equal(outside, new FileInfo(Path.Combine(dataset, "main_category=cs.CV", "part-00000.parquet")).LinkTarget);

        File.Delete(Path.Combine(dataset, "main_category=cs.CV", "part-00000.parquet"));
        Shell.Must("mkfifo", Path.Combine(dataset, "main_category=cs.CV", "part-00000.parquet"));
        CliRun fifo = await RunAsync("convert", Sample, "-o", dataset, "--partition-by", "main_category");
        Assert.Equal(2, fifo.ExitCode);
        Assert.Equal("fifo", Shell.Kind(Path.Combine(dataset, "main_category=cs.CV", "part-00000.parquet")));
        Assert.Equal(["dataset", "dataset/main_category=cs.CV", "dataset/main_category=cs.CV/part-00000.parquet", "outside.parquet"], Entries());
    }

    [UnixFact]
    public async Task A_dataset_through_a_link_replaces_the_target_folder_and_keeps_the_link()
    {
        string real = Path.Combine(_temp, "real");
        Assert.Equal(0, (await RunAsync("convert", Sample, "-o", real, "--partition-by", "arxiv_year", "--quiet")).ExitCode);
        string link = Path.Combine(_temp, "dataset");
        Directory.CreateSymbolicLink(link, "real");

        CliRun run = await RunAsync("convert", Sample, "-o", link, "--partition-by", "main_category", "--quiet");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("real", new DirectoryInfo(link).LinkTarget);
        Assert.Contains("real/main_category=cs.CV", Entries());
        Assert.DoesNotContain(Entries(), e => e.Contains("arxiv_year", StringComparison.Ordinal) || e.Contains(".tmp", StringComparison.Ordinal) || e.Contains(".old", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_writer_leaves_the_previous_output_and_nothing_else_and_fails_in_one_line()
    {
        string output = Path.Combine(_temp, "list.tsv");
        File.WriteAllText(output, "previous");

        CliRun run = await RunAsync("convert", Sample, "-o", output, "--plugin", PluginPath, "--option", "fail-after=5", "--quiet");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: unexpected failure (InvalidOperationException): the tsv writer fails after 5 papers, as asked\n", run.Error);
        Assert.Equal("previous", File.ReadAllText(output));
        Assert.Equal(["list.tsv"], Entries());
    }

    [RootFact("chattr")]
    public async Task A_rename_that_fails_leaves_the_previous_output_and_nothing_else()
    {
        string output = Path.Combine(_temp, "papers.jsonl");
        File.WriteAllText(output, "previous");
        Shell.Must("chattr", "+i", output); // even root cannot replace it now

        CliRun run = await RunAsync("convert", Sample, "-o", output, "--quiet");
        Shell.Must("chattr", "-i", output);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error: cannot replace '{output}': ", run.Error, StringComparison.Ordinal);
        Assert.Equal("previous", File.ReadAllText(output));
        Assert.Equal(["papers.jsonl"], Entries());
    }

    [Fact]
    public async Task A_failed_output_in_a_new_folder_leaves_no_folder_behind()
    {
        string output = Path.Combine(_temp, "new", "deeper", "papers.jsonl");
        CliRun run = await RunAsync("convert", Sample, "-o", output, "--plugin", PluginPath, "--to", "tsv", "--option", "fail-after=1");
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(Entries());
    }
}
