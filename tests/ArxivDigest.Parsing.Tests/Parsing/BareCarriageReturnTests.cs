using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Parsing;

/// <summary>
/// A bare carriage return is content wherever it stands in a value, in LF and in CRLF input: it never splits a value,
/// is never lost, and survives the Markdown round trip.
/// </summary>
public sealed class BareCarriageReturnTests
{
    private static readonly string[] SingleLineFields = ["title", "authors", "category"];
    private static readonly string[] MultiLineFields = ["tldr", "motivation", "method", "result", "conclusion", "abstract"];

    /// <summary>Where the carriage return goes: each is a value (\n is an inner line break, for multi-line fields only).</summary>
    private static readonly string[] SingleLineValues = ["\rx", "x\ry", "x\r", "x\r\r", "\r"];
    private static readonly string[] MultiLineValues = ["x\r\ny", "x\n\ry", "x\r\n", "x\r\n\n\r", "x\n\r\n"];

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (bool crlf in new[] { false, true })
        {
            foreach (string field in SingleLineFields.Concat(MultiLineFields))
            {
                foreach (string value in SingleLineValues)
                {
                    data.Add(field, value, crlf);
                }
            }

            foreach (string field in MultiLineFields)
            {
                foreach (string value in MultiLineValues)
                {
                    data.Add(field, value, crlf);
                }
            }
        }

        return data;
    }

    private static PaperSource With(string field, string value)
    {
        PaperSource p = DigestText.Sample();
        return field switch
        {
            "title" => p with { Title = value },
            "authors" => p with { Authors = ["Ada Lovelace", value] },
            "category" => p with { Category = value },
            "tldr" => p with { Tldr = value },
            "motivation" => p with { Motivation = value },
            "method" => p with { Method = value },
            "result" => p with { Result = value },
            "conclusion" => p with { Conclusion = value },
            _ => p with { Summary = value },
        };
    }

    private static string? Read(Paper paper, string field) => field switch
    {
        "title" => paper.Title,
        "authors" => paper.Authors[^1],
        "category" => paper.MainCategory,
        "tldr" => paper.Tldr,
        "motivation" => paper.Motivation,
        "method" => paper.Method,
        "result" => paper.Result,
        "conclusion" => paper.Conclusion,
        _ => paper.Abstract,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bare_carriage_return_is_content_and_survives_the_markdown_round_trip(string field, string value, bool crlf)
    {
        PaperSource source = With(field, value);
        string lf = DigestText.Render(source);
        byte[] input = Encoding.UTF8.GetBytes(crlf ? lf.Replace("\n", "\r\n", StringComparison.Ordinal) : lf);

        Digest digest = DigestParser.Parse(input);
        Assert.Empty(digest.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Paper paper = Assert.Single(digest.Papers);
        Assert.Equal(value, Read(paper, field));
        Assert.Equal(source.Category, paper.Section);
        Assert.Empty(paper.ExtraFields);

        // Split anywhere, the same.
        foreach (int size in new[] { 1, 2, 3, 5 })
        {
            Digest split = await DigestParser.ParseAsync(new ChunkedStream(input, size), new DigestReaderOptions { BufferSize = size });
            Assert.Equal(ModelText.Describe(digest), ModelText.Describe(split));
        }

        // The markdown writer writes LF: the digest as the generator wrote it, byte for byte, and it reads back the same.
        byte[] written = await Writers.MarkdownDigestWriterTests.WriteAsync(digest.Papers);
        Assert.Equal(lf, Encoding.UTF8.GetString(written));
        Paper again = Assert.Single(DigestParser.Parse(written).Papers);
        Assert.Equal(ModelText.Describe(paper), ModelText.Describe(again));
    }

    public static TheoryData<string, bool> MarkupLines()
    {
        var data = new TheoryData<string, bool>();
        foreach (bool crlf in new[] { false, true })
        {
            foreach (string line in new[] { "<details>", "  <summary>Details</summary>", "</details>", "# Table of Contents", "<div id='cs.CV'></div>", "# cs.CV [[Back]](#toc)", "- [cs.CV](#cs.CV) [Total: 1]" })
            {
                data.Add(line, crlf);
            }
        }

        return data;
    }

    /// <summary>
    /// The lines the reader reads without a token, or takes apart, when a bare carriage return ends them (the first
    /// line is left out: its line break decides the input's, so there <c>\r\n</c> is one).
    /// </summary>
    [Theory]
    [MemberData(nameof(MarkupLines))]
    public void A_bare_carriage_return_ending_a_markup_line_is_kept_and_reported(string line, bool crlf)
    {
        string lf = DigestText.Render(DigestText.Sample());
        Assert.Contains(line + "\n", lf, StringComparison.Ordinal);
        string markdown = lf.Replace(line + "\n", line + "\r\n", StringComparison.Ordinal);
        if (crlf)
        {
            markdown = markdown.Replace("\n", "\r\n", StringComparison.Ordinal); // the changed line now ends in \r\r\n
        }

        Digest digest = DigestParser.Parse(markdown);
        int kept = digest.UnrecognizedText.Sum(t => t.Text.Count(c => c == '\r'))
            + digest.Papers.Sum(p => p.ExtraFields.Sum(f => f.Value.Count(c => c == '\r')) + p.Title.Count(c => c == '\r'));
        Assert.Equal(1, kept);
        Assert.Contains(digest.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }
}
