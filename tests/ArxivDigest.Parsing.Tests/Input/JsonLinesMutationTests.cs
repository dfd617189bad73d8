using System.Text;
using System.Text.Json;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Json;

namespace ArxivDigest.Parsing.Tests.Input;

/// <summary>
/// Mutated real JSON lines (fixed seeds, so failures reproduce): the reader never throws (but for binary data, refused
/// from the first bytes as any input is), reads the same however the input is split, and what the <c>daily-arxiv</c>
/// shape writes of it reads back into the same records.
/// </summary>
public sealed class JsonLinesMutationTests
{
    private static readonly string[] Structural =
    [
        "{", "}", "[", "]", "\"", ",", ":", "\n", "\r\n", "\r", "null", "true", "12", "\"id\": ", "\"AI\": {", "\"title\": 7,",
        "\\u", "\\ud800", "\\\"", "\\n", "\uFEFF", "标题", "\u0000", "\b", "{\"id\": \"2601.00001\"}\n",
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 60)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Mutated_json_lines_never_crash_read_the_same_however_split_and_write_back_stably(int seed)
    {
        var random = new Random(seed);
        byte[] original = await File.ReadAllBytesAsync(JsonRecords.ForksFixture);
        byte[] input = Mutate(original[..Math.Min(original.Length, 16_000)], random);
        var options = new DigestReaderOptions { InputFormat = PaperInputFormat.JsonLines };

        Digest whole;
        try
        {
            whole = DigestParser.Parse(input, options);
        }
        catch (DigestFormatException e) when (e.Code == DiagnosticCodes.NotADigest)
        {
            // Mostly NUL bytes, or the bytes of a UTF-16 mark (a mutation left little else): refused from the first bytes
            // whatever the format; the JSON-lines reader itself never reports AXD017.
            Assert.Equal(new SourceLocation(null, 1, 1), e.Location);
            return;
        }

        Assert.All(whole.Diagnostics, d => Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1, d.ToString()));
        Assert.Equal(NonBlankLines(input), whole.Papers.Length + whole.UnrecognizedText.Length); // each line a paper or kept as text

        int readSize = random.Next(1, 64);
        Digest split = await DigestParser.ParseAsync(new ChunkedStream(input, readSize), options with { BufferSize = readSize });
        Assert.Equal(ModelText.Describe(whole), ModelText.Describe(split));

        byte[] once = await WriteAsync(whole, JsonShape.DailyArxiv);
        Digest again = DigestParser.Parse(once, options);
        Assert.Empty(again.UnrecognizedText);
        Assert.Equal(once, await WriteAsync(again, JsonShape.DailyArxiv));
        foreach (string line in JsonRecords.Lines(await WriteAsync(whole, JsonShape.Native)))
        {
            using JsonDocument _ = JsonDocument.Parse(line);
        }

        try
        {
            DigestParser.Parse(input, options with { Strict = true });
        }
        catch (DigestFormatException e)
        {
            Assert.True(e.Location.Line >= 1, e.Message);
        }
    }

    /// <summary>Lines with more than spaces, tabs and carriage returns (after a leading byte-order mark).</summary>
    private static int NonBlankLines(byte[] input)
    {
        ReadOnlySpan<byte> text = input.AsSpan().StartsWith("\xEF\xBB\xBF"u8) ? input.AsSpan(3) : input;
        int count = 0;
        foreach (Range line in text.Split((byte)'\n'))
        {
            count += text[line].Trim(" \t\r"u8).IsEmpty ? 0 : 1;
        }

        return count;
    }

    private static async Task<byte[]> WriteAsync(Digest digest, JsonShape shape)
    {
        using var output = new MemoryStream();
        await using (PaperWriter writer = JsonPaperWriter.JsonLinesFormat.Create(output, new JsonPaperWriterOptions { Shape = shape }))
        {
            await writer.WriteAllAsync(digest);
            await writer.CompleteAsync();
        }

        return output.ToArray();
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
                case 0: // flip a byte (may break UTF-8 or the JSON)
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
