using System.Net;
using System.Text.Json;
using ArxivDigest.Cli;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Writers.Feeds;

/// <summary>
/// The feeds of a month of real digests (January 2026 of the shared corpus; without it, the bundled January sample),
/// written by the tool and read by a real consumer, Python's feedparser (Debian's python3-feedparser,
/// .ci/setup.d/feedparser.sh): no error, one entry per distinct paper of the source JSON lines, each with the right
/// id, link, title, date, category, authors and summary.
/// </summary>
public sealed class FeedparserTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-feeds-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>The January days: the shared corpus's, else the samples'.</summary>
    private static string[] JanuaryDays()
        => [.. CorpusFiles.DaysWithSource.Where(d => Path.GetFileName(d).StartsWith("2026-01-", StringComparison.Ordinal) && File.Exists(CorpusFiles.SourceOf(d)))];

    [FeedparserTheory]
    [InlineData("atom", "atom10")]
    [InlineData("rss", "rss20")]
    public async Task Feedparser_reads_a_month_of_digests_without_an_error_and_with_every_paper_right(string format, string version)
    {
        string[] days = JanuaryDays();
        Assert.NotEmpty(days);
        string output = Path.Combine(_temp, "january." + format);
        var console = new CliConsole(new StringWriter(), new StringWriter(), () => new MemoryStream(), () => new MemoryStream());
        Assert.Equal(0, await CliApp.RunAsync(["convert", .. days, "-o", output, "--quiet"], console));

        (int code, string text) = await TexTools.RunAsync(
            FeedparserTheoryAttribute.Python, [Path.Combine(RepoPaths.TestProject, "Writers", "Feeds", "feed_read.py"), output], _temp, Timeout);
        Assert.True(code == 0, text);
        using JsonDocument json = JsonDocument.Parse(text);
        JsonElement feed = json.RootElement;
        Assert.True(feed.GetProperty("bozo").GetInt32() == 0, feed.GetProperty("bozo_exception").GetString());
        Assert.Equal(version, feed.GetProperty("version").GetString());

        // What each paper should be: its record in the latest day's JSON lines that has it.
        Dictionary<string, (DateOnly Day, JsonElement Record)> expected = [];
        var documents = new List<JsonDocument>();
        foreach (string day in days.Order(StringComparer.Ordinal))
        {
            DateOnly date = DateOnly.ParseExact(Path.GetFileNameWithoutExtension(day), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            foreach (string line in File.ReadLines(CorpusFiles.SourceOf(day)).Where(l => l.Length > 0))
            {
                JsonDocument record = JsonDocument.Parse(line);
                documents.Add(record);
                expected[record.RootElement.GetProperty("id").GetString()!] = (date, record.RootElement);
            }
        }

        try
        {
            JsonElement[] entries = [.. feed.GetProperty("entries").EnumerateArray()];
            Assert.Equal(expected.Count, entries.Length);
            Assert.Equal(expected.Values.Max(e => e.Day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00Z", feed.GetProperty("updated").GetString());
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonElement entry in entries)
            {
                string id = entry.GetProperty("id").GetString()!;
                Assert.StartsWith("https://arxiv.org/abs/", id, StringComparison.Ordinal);
                string arxivId = id["https://arxiv.org/abs/".Length..];
                Assert.True(seen.Add(arxivId), $"{arxivId} twice");
                (DateOnly day, JsonElement record) = expected[arxivId];
                string date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00Z";

                Assert.Equal(record.GetProperty("abs").GetString(), entry.GetProperty("link").GetString());
                Assert.Equal(record.GetProperty("title").GetString(), entry.GetProperty("title").GetString());
                Assert.Equal("https://doi.org/10.48550/arXiv." + arxivId, entry.GetProperty("doi").GetString());
                Assert.Equal(date, entry.GetProperty("published").GetString());
                Assert.Equal(date, entry.GetProperty("updated").GetString());
                Assert.Equal([record.GetProperty("categories")[0].GetString()], entry.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
                Assert.Equal(record.GetProperty("authors").EnumerateArray().Select(a => a.GetString()), entry.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
                // RSS's description is HTML; Atom's summary is text.
                string summary = entry.GetProperty("summary").GetString()!;
                Assert.Equal(record.GetProperty("AI").GetProperty("tldr").GetString(), format == "rss" ? WebUtility.HtmlDecode(summary) : summary);
            }
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }
}

/// <summary>
/// A theory that needs Debian's python3 with feedparser: skipped, saying so, when it is missing, except in CI
/// (<c>CI=true</c>), where it then runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FeedparserTheoryAttribute : TheoryAttribute
{
    /// <summary>Debian's interpreter, which python3-feedparser installs the module for (another python3 may come first on the PATH).</summary>
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> Installed = new(() => File.Exists(Python) && Shell.Run(Python, "-c", "import feedparser") == 0);

    public FeedparserTheoryAttribute()
    {
        if (!TexTools.InCi && !Installed.Value)
        {
            Skip = $"Python's feedparser is not installed for {Python} (bash .ci/setup.d/feedparser.sh installs it); with CI=true this test runs and fails.";
        }
    }
}
