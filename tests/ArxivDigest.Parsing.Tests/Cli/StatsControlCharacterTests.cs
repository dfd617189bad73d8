using System.Text.Json;
using ArxivDigest.Cli;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary><c>stats</c> on a category that holds a bare carriage return: counted as read, shown visibly in the table.</summary>
public sealed class StatsControlCharacterTests
{
    private static async Task<(int Code, string Out)> RunAsync(params string[] args)
    {
        var outText = new StringWriter();
        var console = new CliConsole(outText, new StringWriter(), () => new MemoryStream(), () => new MemoryStream());
        int code = await CliApp.RunAsync(args, console);
        return (code, outText.ToString());
    }

    [Fact]
    public async Task A_bare_carriage_return_in_a_category_is_shown_escaped_in_the_table_and_kept_in_json()
    {
        string path = Path.Combine(Path.GetTempPath(), $"stats-cr-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, DigestText.Render(DigestText.Sample("2601.00001", "cs.CV"), DigestText.Sample("2601.00002", "cs.CV") with { Category = "cs.CV\r" }));
        try
        {
            (int code, string table) = await RunAsync("stats", path);
            Assert.Equal(0, code);
            Assert.DoesNotContain('\r', table);
            Assert.Matches(@"(?m)^  cs\.CV\\r +1$", table);
            Assert.Matches(@"(?m)^  cs\.CV +1$", table);

            (_, string json) = await RunAsync("stats", path, "--json");
            using JsonDocument doc = JsonDocument.Parse(json);
            Assert.Equal(1, doc.RootElement.GetProperty("categories").GetProperty("cs.CV\r").GetInt32());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
