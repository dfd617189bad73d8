using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Corpus;

/// <summary>
/// Digests of forks that changed the layout (bold or Chinese labels, headings, blockquotes): the canonical reader
/// does not know their labels yet, but it must read them without failing and keep every paper.
/// </summary>
public sealed class DialectCorpusTests
{
    public static TheoryData<string> Digests() => CorpusFiles.AsTheoryData(CorpusFiles.Dialects.DefaultIfEmpty(string.Empty));

    [Theory]
    [MemberData(nameof(Digests))]
    public async Task A_dialect_digest_is_read_without_failing_and_keeps_every_paper(string digest)
    {
        if (digest.Length == 0)
        {
            return; // no shared corpus here; the canonical samples are covered elsewhere
        }

        string path = digest;
        byte[] bytes = await File.ReadAllBytesAsync(path);
        Digest parsed = DigestParser.Parse(bytes);

        int headings = Encoding.UTF8.GetString(bytes).Split('\n').Count(l => l.StartsWith("### [", StringComparison.Ordinal));
        Assert.Equal(headings, parsed.Papers.Length);
        Assert.All(parsed.Papers, p => Assert.False(string.IsNullOrEmpty(p.Title)));

        // Same result however it is split.
        Digest split = await DigestParser.ParseAsync(new ChunkedStream(bytes, 7), new DigestReaderOptions { BufferSize = 7 });
        Assert.Equal(ModelText.Describe(parsed), ModelText.Describe(split));
    }
}
