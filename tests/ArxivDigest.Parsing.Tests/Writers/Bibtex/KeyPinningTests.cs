using System.Text;
using System.Text.RegularExpressions;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Bibtex;

namespace ArxivDigest.Parsing.Tests.Writers.Bibtex;

/// <summary>
/// Keys that never move: regenerating a .bib over the one it replaces keeps every key it had, gives no key to two
/// papers, and holds the keys of papers that left so that they come back with them.
/// </summary>
public sealed partial class KeyPinningTests
{
    /// <summary>The dated days of the corpus (the samples without it), by month, oldest first.</summary>
    private static List<List<Paper>> Months() =>
    [
        .. CitationKeyTests.CorpusFiles()
            .Select(f => (File: f, Date: DigestParser.DateFromFileName(f)))
            .Where(d => d.Date is not null)
            .GroupBy(d => (d.Date!.Value.Year, d.Date!.Value.Month))
            .OrderBy(g => g.Key)
            .Select(g => g.OrderBy(d => d.Date).SelectMany(d => DigestParser.ParseFile(d.File).Papers).ToList()),
    ];

    /// <summary>Writes papers over <paramref name="existing"/> (a .bib or null), as the tool does; returns the new file.</summary>
    internal static async Task<string> RegenerateAsync(IEnumerable<Paper> papers, string? existing, BibtexPaperWriterOptions? options = null)
    {
        options ??= BibtexPaperWriterOptions.Default;
        if (existing is not null)
        {
            using var previous = new MemoryStream(Encoding.UTF8.GetBytes(existing));
            options = (BibtexPaperWriterOptions)BibtexPaperWriter.Format.WithExistingOutput(options, previous);
        }

        return await CitationKeyTests.WriteAsync(papers, options);
    }

    /// <summary>Key by arXiv identifier without version, of the entries (not the held keys).</summary>
    internal static Dictionary<string, string> Keys(string bib)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in EntryRegex().Matches(bib))
        {
            keys.Add(ArxivId.Parse(m.Groups[2].Value).Id, m.Groups[1].Value);
        }

        return keys;
    }

    private static void AssertUnique(Dictionary<string, string> keys) =>
        Assert.Equal(keys.Count, keys.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());

    [Fact]
    public async Task Regenerating_a_month_with_the_previous_month_added_changes_no_key_and_no_two_papers_share_one()
    {
        List<List<Paper>> months = Months();
        Assert.True(months.Count >= 2, "two months of digests");
        List<Paper> earlier = months[^2];
        List<Paper> month = months[^1];

        string alone = await RegenerateAsync(month, existing: null);
        string both = await RegenerateAsync(earlier.Concat(month), alone);
        Dictionary<string, string> before = Keys(alone);
        Dictionary<string, string> after = Keys(both);

        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
        AssertUnique(after);
        Assert.Equal(earlier.Concat(month).Select(p => p.Id!.Value.Id).Distinct().Count(), after.Count);

        // Without the file, the same regeneration moves keys (an older paper with the same base takes it): what
        // pinning is for. The samples alone may have no such collision; the corpus has.
        Dictionary<string, string> fresh = Keys(await RegenerateAsync(earlier.Concat(month), existing: null));
        int moved = before.Count(pair => fresh[pair.Key] != pair.Value);
        if (Infrastructure.RepoPaths.SharedCorpus is not null)
        {
            Assert.True(moved > 0, "without pins, adding the previous month moves some keys");
        }
    }

    [Fact]
    public async Task Keys_hold_over_regenerations_with_earlier_and_later_days_and_come_back_with_their_papers()
    {
        List<List<Paper>> months = Months();
        List<Paper> all = [.. months.SelectMany(m => m)];
        List<Paper> first = months[0];
        List<Paper> rest = [.. months.Skip(1).SelectMany(m => m)];

        // Month by month, adding earlier months (newest first) and adding later ones (oldest first): no key ever
        // changes, none is shared. The keys of the second order are those of the first's last file, which it replaces.
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        string? bib = null;
        foreach (IEnumerable<List<Paper>> order in new[] { Enumerable.Reverse(months), months })
        {
            var included = new List<List<Paper>>();
            foreach (List<Paper> m in order)
            {
                included.Add(m);
                bib = await RegenerateAsync(months.Where(included.Contains).SelectMany(x => x), bib);
                Dictionary<string, string> keys = Keys(bib);
                AssertUnique(keys);
                foreach ((string id, string key) in keys)
                {
                    Assert.Equal(key, seen.TryGetValue(id, out string? had) ? had : seen[id] = key);
                }
            }
        }

        // The first month leaves: its keys are held, given to no new paper, and return with it.
        string without = await RegenerateAsync(rest, bib);
        Assert.Contains("@comment{" + BibtexKeyPins.HeldKeysMarker, without, StringComparison.Ordinal);
        BibtexKeyPins held = BibtexKeyPins.Read(new StringReader(without));
        Assert.All(first.Select(p => p.Id!.Value.Id).Where(id => !rest.Any(p => p.Id!.Value.Id == id)),
            id => Assert.Equal(seen[id], held.ByPaper[id]));

        var newcomer = CitationKeyTests.Paper("2612.00001", first[0].Title, [.. first[0].Authors]);
        string back = await RegenerateAsync(all.Append(newcomer), without);
        Dictionary<string, string> final = Keys(back);
        Assert.All(seen, pair => Assert.Equal(pair.Value, final[pair.Key]));
        AssertUnique(final);
        Assert.DoesNotContain(final[newcomer.Id!.Value.Id], seen.Values);
        Assert.DoesNotContain("@comment", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_older_paper_does_not_take_a_pinned_key_it_would_have_had()
    {
        Paper newer = CitationKeyTests.Paper("2602.00500", "Deep Nets", "Ann Lee");
        Paper older = CitationKeyTests.Paper("2601.00100", "Deep Trees", "Bo Lee");
        string alone = await RegenerateAsync([newer], existing: null);
        Assert.Equal("lee2026deep", Keys(alone)[newer.Id!.Value.Id]);

        Dictionary<string, string> fresh = Keys(await RegenerateAsync([newer, older], existing: null));
        Assert.Equal("lee2026deepa", fresh[newer.Id!.Value.Id]); // without the file the older paper takes the base

        Dictionary<string, string> pinned = Keys(await RegenerateAsync([newer, older], alone));
        Assert.Equal("lee2026deep", pinned[newer.Id!.Value.Id]);
        Assert.Equal("lee2026deepa", pinned[older.Id!.Value.Id]);
    }

    [Fact]
    public async Task Held_keys_can_be_turned_off_and_a_key_without_eprint_is_still_never_reused()
    {
        Paper a = CitationKeyTests.Paper("2602.00500", "Deep Nets", "Ann Lee");
        Paper b = CitationKeyTests.Paper("2602.00600", "Deep Nets", "Ann Lee");
        const string existing = "@book{lee2026deep,\n  title = {A book},\n}\n\n@misc{lee2026deepa,\n  eprint = {2602.00700},\n}\n";
        string bib = await RegenerateAsync([a, b], existing, BibtexPaperWriterOptions.Default with { HoldKeys = false });
        Assert.Equal(["lee2026deepb", "lee2026deepc"], Keys(bib).Values.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("@comment", bib, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_keys_is_lenient_with_hand_edited_files_and_never_fails()
    {
        const string bib = """
            % a comment line with an @ sign: me@example.org
            @string{arx = "arXiv"}
            @preamble{ "\newcommand{\x}{y}" }
            @comment{ @misc{ignored, eprint = {2601.00009}} }
            @Article( paren2026key , title = "A {quoted} title" , eprint = "arXiv:2601.00001v3" )
            @misc{concat2026key,
              note = arx # { and more },
              EPRINT = {2601.00002},
            }
            @misc{noeprint2026key, title = {No identifier}}
            @misc{broken2026key, title = {never closed
            """;
        BibtexKeyPins pins = BibtexKeyPins.Read(new StringReader(bib));
        Assert.Equal("paren2026key", pins.ByPaper["2601.00001"]);
        Assert.Equal("concat2026key", pins.ByPaper["2601.00002"]);
        Assert.True(pins.TryGetKey("2601.00002v7", out string? key) && key == "concat2026key");
        Assert.Equal(2, pins.Count);
        Assert.Contains("NOEPRINT2026KEY", pins.Keys);
        Assert.DoesNotContain("ignored", pins.Keys);

        foreach (string garbage in new[] { "@", "@@@{", "@misc{", "@misc{k,", "@misc{k, a = ", "@misc{k, a = {", "@misc{k, = }", "\0\u00FF@x{y,z=w" })
        {
            _ = BibtexKeyPins.Read(new StringReader(garbage));
        }
    }

    [Fact]
    public void Pins_refuse_what_is_not_an_identifier_or_a_key()
    {
        Assert.Throws<ArgumentException>(() => new BibtexKeyPins([new("not an id", "k")]));
        Assert.Throws<ArgumentException>(() => new BibtexKeyPins([new("2601.00001", "two words")]));
        Assert.Throws<ArgumentException>(() => new BibtexKeyPins([], ["a,b"]));
    }

    [Fact]
    public async Task Only_the_formats_with_keys_read_the_output_they_replace()
    {
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault();
        Assert.Equal(["bibtex", "csl-json"], registry.Formats.Where(f => f.ReadsExistingOutput).Select(f => f.Name));
        Assert.True(registry.TryGet("jsonl", out PaperWriterFormat? jsonl));
        object options = jsonl.DefaultOptions;
        Assert.Same(options, jsonl.WithExistingOutput(options, new MemoryStream([1, 2, 3])));
        await Task.CompletedTask;
    }

    [GeneratedRegex(@"@misc\{([^,]+),\n(?:.*\n)*?  eprint = \{([^}]+)\}")]
    private static partial Regex EntryRegex();
}
