using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Dialects;

/// <summary>How an input's dialect is chosen when none is given.</summary>
public sealed class DialectDetectionTests
{
    /// <summary>A numbered heading with the canonical markup and little else: the oldest layout's lines are all there too.</summary>
    private const string SparseCanonical =
        "### [1] [A Title](https://arxiv.org/abs/2601.00001)\n*Ada Lovelace,Alan Turing*\n\n<details>\n  <summary>Details</summary>\n</details>\n\n\n"
        + "### [2] [Another](https://arxiv.org/abs/2601.00002)\n*Ada Lovelace*\n\n<details>\n  <summary>Details</summary>\n</details>\n";

    [Fact]
    public void A_numbered_heading_is_evidence_for_the_numbered_layout_not_for_one_that_would_take_the_number_as_title()
    {
        Digest digest = DigestParser.Parse(SparseCanonical);
        Assert.Equal("daily-arxiv", digest.Dialect.Name);
        Assert.Equal("A Title", digest.Papers[0].Title);
    }

    [Fact]
    public void The_sample_days_are_read_in_the_canonical_layout_with_nothing_said_about_it()
    {
        foreach (string day in CorpusFiles.DaysWithSource.Take(3))
        {
            Digest digest = DigestParser.ParseFile(day);
            Assert.Same(DigestDialect.Canonical, digest.Dialect);
            Assert.DoesNotContain(digest.Diagnostics, d => d.Code is DiagnosticCodes.DialectDetected or DiagnosticCodes.DialectUncertain);
        }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1024)]
    [InlineData(70_000)]
    public async Task The_same_dialect_is_chosen_however_the_input_is_read_and_whatever_the_field_limit(int maxFieldSize)
    {
        string md = CorpusFiles.DialectDigests.First(f => f.Contains("blockquote-extended", StringComparison.Ordinal) && f.EndsWith("2025-06-19.md", StringComparison.Ordinal));
        byte[] bytes = await File.ReadAllBytesAsync(md);
        var options = new DigestReaderOptions { MaxFieldSize = maxFieldSize, BufferSize = 7 };

        string inMemory = await ChosenAsync(PaperReader.Create(bytes, options));
        string streamed = await ChosenAsync(PaperReader.Create(new ChunkedStream(bytes, 7), options));
        string piped = await ChosenAsync(PaperReader.Create(System.IO.Pipelines.PipeReader.Create(new ChunkedStream(bytes, 7)), options));

        Assert.Equal("blockquote-extended-b", inMemory);
        Assert.Equal(inMemory, streamed);
        Assert.Equal(inMemory, piped);
    }

    /// <summary>The dialect a reader settles on, reading to the end or to a field over the limit (AXD016), which stops it.</summary>
    private static async Task<string> ChosenAsync(PaperReader reader)
    {
        await using (reader)
        {
            try
            {
                while (await reader.ReadAsync())
                {
                }
            }
            catch (DigestFormatException e) when (e.Diagnostic.Code == DiagnosticCodes.FieldTooLarge)
            {
            }

            return reader.Dialect.Name;
        }
    }

    [Fact]
    public void A_given_dialect_is_used_as_given_and_not_reported()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(SparseCanonical);
        DigestDialect.TryGetBuiltIn("oldest", out DigestDialect? oldest);
        Digest digest = DigestParser.Parse(bytes, new DigestReaderOptions { Dialect = oldest });
        Assert.Same(oldest, digest.Dialect);
        Assert.Equal("1] [A Title", digest.Papers[0].Title); // the oldest heading has no number: the reader does as told
        Assert.DoesNotContain(digest.Diagnostics, d => d.Code == DiagnosticCodes.DialectDetected);
    }
}
