using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Parsing;

/// <summary>
/// Mutated real digests (fixed seed, so failures reproduce): the reader never throws anything but
/// <see cref="DigestFormatException"/> (strict mode, or an input cut before its first paper), always finishes, and
/// gives the same result however the input is split.
/// </summary>
public sealed class MutationFuzzTests
{
    private static readonly string[] Structural =
    [
        "### [", "### [9] [T](https://arxiv.org/abs/2601.00009)\n", "</details>\n", "<details>\n", "Abstract: ", "Method: ",
        "TL;DR: ", "Main category: ", "*", "\n\n", "\r\n", "\r", "# cs.XX [[Back]](#toc)\n", "<div id='x'></div>\n",
        "- [cs.CV](#cs.CV) [Total: 1]\n", "Keywords: ", "\uFEFF", "标题", "\u0000", "\b", "\f",
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Mutated_digests_never_crash_and_parse_the_same_however_they_are_split(int seed)
    {
        var random = new Random(seed);
        byte[] original = await File.ReadAllBytesAsync(RepoPaths.Sample("000_c84bd109740d103c.md"));
        byte[] input = Mutate(original[..Math.Min(original.Length, 12_000)], random);

        int readSize = random.Next(1, 40);
        Digest whole;
        try
        {
            whole = DigestParser.Parse(input);
        }
        catch (DigestFormatException e) when (e.Code == DiagnosticCodes.NotADigest)
        {
            // Cut before its first paper: refused, in lenient mode too, the same way however it is split.
            DigestFormatException refused = await Assert.ThrowsAsync<DigestFormatException>(
                () => DigestParser.ParseAsync(new ChunkedStream(input, readSize), new DigestReaderOptions { BufferSize = readSize }));
            Assert.Equal(e.Message, refused.Message);
            return;
        }

        Assert.All(whole.Diagnostics, d => Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1, d.ToString()));

        Digest split = await DigestParser.ParseAsync(new ChunkedStream(input, readSize), new DigestReaderOptions { BufferSize = readSize });
        Assert.Equal(ModelText.Describe(whole), ModelText.Describe(split));

        try
        {
            DigestParser.Parse(input, new DigestReaderOptions { Strict = true });
        }
        catch (DigestFormatException e)
        {
            Assert.True(e.Location.Line >= 1, e.Message);
        }
    }

    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        int mutations = random.Next(1, 12);
        for (int i = 0; i < mutations && bytes.Count > 0; i++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: // flip a byte (may break UTF-8)
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1: // delete a run
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 200), bytes.Count - at));
                    break;
                case 2: // insert a piece of structure
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Structural[random.Next(Structural.Length)]));
                    break;
                case 3: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default: // duplicate a run
                    int length = Math.Min(random.Next(1, 400), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }
}
