using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Tests.Writers.Bibtex;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>The tool pins the citation keys of the .bib it replaces, as a user regenerating a bibliography expects.</summary>
public sealed class BibtexKeysCliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-bibkeys-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Converting_onto_an_existing_bib_keeps_its_keys_and_an_edited_key_stays()
    {
        string refs = Path.Combine(_temp, "refs.bib");
        string march = RepoPaths.Sample("2026-03-03.md");
        string january = RepoPaths.Sample("2026-01-26.md");
        Assert.Equal(0, (await CliRun.RunAsync(["convert", march, "-o", refs, "--quiet"])).ExitCode);
        Dictionary<string, string> before = KeyPinningTests.Keys(await File.ReadAllTextAsync(refs));

        // The user renames one key by hand; the next regeneration, with an earlier day added, keeps it and all others.
        string id = before.Keys.First();
        string edited = (await File.ReadAllTextAsync(refs)).Replace("@misc{" + before[id] + ",", "@misc{MyFavourite,", StringComparison.Ordinal);
        await File.WriteAllTextAsync(refs, edited);
        before[id] = "MyFavourite";

        CliRun run = await CliRun.RunAsync(["convert", january, march, "-o", refs, "--quiet"]);
        Assert.Equal(0, run.ExitCode);
        Dictionary<string, string> after = KeyPinningTests.Keys(await File.ReadAllTextAsync(refs));
        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
        Assert.Equal(after.Count, after.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        // Written elsewhere (standard output), nothing is pinned: the keys are the paper's own.
        CliRun fresh = await CliRun.RunAsync(["convert", march, "--to", "bibtex"]);
        Assert.DoesNotContain("MyFavourite", fresh.Text, StringComparison.Ordinal);
    }
}
