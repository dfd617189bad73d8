using System.Text.Json;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers.Json;

namespace ArxivDigest.Parsing.Tests.Writers;

public sealed class DigestJsonTests
{
    [Theory]
    [InlineData("000_c84bd109740d103c.md")]
    [InlineData("2026-01-26.md")]
    public void A_whole_digest_round_trips_through_the_source_generated_metadata(string sample)
    {
        Digest digest = DigestParser.ParseFile(RepoPaths.Sample(sample), new DigestReaderOptions { SourceName = sample });
        string json = JsonSerializer.Serialize(digest, DigestJson.Digest);
        Digest again = JsonSerializer.Deserialize(json, DigestJson.Digest)!;
        Assert.Equal(ModelText.Describe(digest), ModelText.Describe(again));
    }

    [Fact]
    public void Identifiers_and_enums_are_written_as_text()
    {
        string markdown = DigestText.Render(DigestText.Sample("2601.00001v2")).Replace("[Total: 1]", "[Total: 2]", StringComparison.Ordinal);
        Digest digest = DigestParser.Parse(markdown);
        string json = JsonSerializer.Serialize(digest, DigestJson.Digest);
        Assert.Contains("\"id\":\"2601.00001v2\"", json, StringComparison.Ordinal);
        Assert.Contains("\"severity\":\"Warning\"", json, StringComparison.Ordinal);
        Assert.Contains("\"tableOfContents\":[{\"category\":\"cs.CV\",\"total\":2", json, StringComparison.Ordinal);
    }
}
