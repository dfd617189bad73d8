using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Ris;

namespace ArxivDigest.Parsing.Tests.Writers.Ris;

/// <summary>The <c>ris</c> format: records, tags, lines, names, text, options, and its place among the formats.</summary>
public sealed class RisPaperWriterTests
{
    internal static async Task<(byte[] Bytes, PaperWriter Writer)> WriteBytesAsync(IEnumerable<Paper> papers, RisPaperWriterOptions? options = null)
    {
        using var output = new MemoryStream();
        PaperWriter writer = RisPaperWriter.Format.Create(output, options ?? RisPaperWriterOptions.Default);
        await using (writer)
        {
            foreach (Paper paper in papers)
            {
                await writer.WritePaperAsync(paper);
            }

            await writer.CompleteAsync();
        }

        return (output.ToArray(), writer);
    }

    private static async Task<string> WriteAsync(IEnumerable<Paper> papers, RisPaperWriterOptions? options = null)
        => Encoding.UTF8.GetString((await WriteBytesAsync(papers, options)).Bytes);

    private static RisPaperWriterOptions All => new() { Abstract = true, Note = RisNote.Tldr };

    /// <summary>The records, each a list of (tag, value).</summary>
    private static List<List<(string Tag, string Value)>> Records(string ris)
    {
        var records = new List<List<(string, string)>>();
        List<(string, string)>? current = null;
        foreach (string line in ris.Split("\r\n"))
        {
            if (line.Length == 0)
            {
                continue;
            }

            Assert.Matches("^[A-Z][A-Z0-9]  - ", line);
            (string tag, string value) = (line[..2], line[6..]);
            if (tag == "TY")
            {
                current = [];
                records.Add(current);
            }

            Assert.NotNull(current);
            current.Add((tag, value));
            if (tag == "ER")
            {
                current = null;
            }
        }

        Assert.Null(current);
        return records;
    }

    [Fact]
    public async Task The_sample_maps_as_the_snapshot_shows()
    {
        Snapshot.Verify(await WriteAsync(ReferenceSamples.Papers()), "sample", "ris");
    }

    [Fact]
    public async Task With_abstract_and_tldr_the_sample_maps_as_the_snapshot_shows()
    {
        Snapshot.Verify(await WriteAsync(ReferenceSamples.Papers(), All), "sample.all-options", "ris");
    }

    [Fact]
    public async Task A_record_is_an_unpublished_work_with_arxivs_identifiers()
    {
        string ris = await WriteAsync([ReferenceSamples.Papers()[1]]);
        Assert.Equal(
            "TY  - UNPB\r\n"
            + "TI  - Attention \"quoted\" \\ backslash <i>in italics</i>\r\n"
            + "AU  - Aristotle\r\n"
            + "PY  - 2026\r\n"
            + "DA  - 2026/01//\r\n"
            + "PB  - arXiv\r\n"
            + "UR  - https://arxiv.org/abs/2601.00002v3\r\n"
            + "DO  - 10.48550/arXiv.2601.00002\r\n"
            + "M1  - arXiv:2601.00002\r\n"
            + "KW  - cs.CL\r\n"
            + "ER  - \r\n",
            ris);
    }

    [Fact]
    public async Task Every_line_ends_with_crlf_and_records_are_separated_by_a_blank_line()
    {
        string ris = await WriteAsync(ReferenceSamples.Papers(), All);
        Assert.EndsWith("ER  - \r\n", ris, StringComparison.Ordinal);
        Assert.Equal(ris.Count(c => c == '\n'), ris.Split("\r\n").Length - 1);
        Assert.DoesNotContain('\r', ris.Replace("\r\n", string.Empty, StringComparison.Ordinal));
        Assert.Equal(2, ris.Split("ER  - \r\n\r\nTY  - ").Length - 1);
    }

    [Fact]
    public async Task Multi_line_values_are_folded_to_one_line()
    {
        Paper paper = ReferenceSamples.Papers()[1] with
        {
            Title = "Line one\nER  - \nTY  - JOUR",
            Abstract = "First paragraph.\r\n\r\nSecond\u2028paragraph\u0085and\tmore.\n",
            Tldr = "  One\n two  ",
        };
        List<List<(string Tag, string Value)>> records = Records(await WriteAsync([paper], All));
        List<(string Tag, string Value)> record = Assert.Single(records);
        Assert.Equal("Line one ER - TY - JOUR", record.Single(t => t.Tag == "TI").Value);
        Assert.Equal("First paragraph. Second paragraph and more.", record.Single(t => t.Tag == "AB").Value);
        Assert.Equal("One two", record.Single(t => t.Tag == "N1").Value);
    }

    [Fact]
    public async Task A_paper_that_comes_again_is_one_record_with_its_highest_version_where_it_first_came()
    {
        List<List<(string Tag, string Value)>> records = Records(await WriteAsync(ReferenceSamples.Papers()));
        Assert.Equal(3, records.Count);
        Assert.Equal("https://arxiv.org/abs/2601.00001v2", records[0].Single(t => t.Tag == "UR").Value);
        Assert.Equal(["arXiv:2601.00001", "arXiv:2601.00002"], records.SelectMany(r => r.Where(t => t.Tag == "M1").Select(t => t.Value)));
    }

    [Fact]
    public async Task Authors_are_one_tag_each_family_first()
    {
        List<(string Tag, string Value)> record = Records(await WriteAsync([ReferenceSamples.Papers()[0]]))[0];
        Assert.Equal(
            ["Lovelace, Ada", "van der Waals, Johannes", "King, Martin Luther, Jr.", "张伟", "Qwen Team", "Turing, Alan"],
            record.Where(t => t.Tag == "AU").Select(t => t.Value));
    }

    [Fact]
    public async Task Control_characters_and_lone_surrogates_are_removed_and_reported()
    {
        Paper paper = ReferenceSamples.Papers()[1] with { Title = "Bell\u0007 lone \uDC00 half\u0000", MainCategory = "cs\u001B.CL" };
        (byte[] bytes, PaperWriter writer) = await WriteBytesAsync([paper]);
        string ris = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.Contains("TI  - Bell lone half\r\n", ris, StringComparison.Ordinal);
        Assert.Contains("KW  - cs.CL\r\n", ris, StringComparison.Ordinal);
        Assert.Equal(
            ["RIS: 3 characters of title that RIS cannot hold were removed (control characters, lone surrogates and noncharacters).",
             "RIS: 1 character of main category that RIS cannot hold was removed (control characters, lone surrogates and noncharacters)."],
            writer.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public async Task The_output_is_utf8_without_a_byte_order_mark()
    {
        (byte[] bytes, _) = await WriteBytesAsync([ReferenceSamples.Papers()[0]]);
        Assert.Equal("TY  - "u8.ToArray(), bytes[..6]);
        Assert.Contains("AU  - 张伟\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paper_without_an_identifier_has_its_own_url_and_the_digest_date_but_no_doi()
    {
        string ris = await WriteAsync([ReferenceSamples.Papers()[3]]);
        Assert.Equal("TY  - UNPB\r\nTI  - A paper from elsewhere\r\nPY  - 2025\r\nDA  - 2025/12//\r\nUR  - https://example.org/paper?id=7\r\nER  - \r\n", ris);
    }

    [Fact]
    public async Task No_papers_is_an_empty_file()
    {
        Assert.Empty((await WriteBytesAsync([])).Bytes);
    }

    [Fact]
    public void The_format_is_chosen_by_ris_and_its_name()
    {
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault();
        Assert.True(registry.TryGetByPath("refs.RIS", out PaperWriterFormat? format));
        Assert.Equal("ris", format.Name);
        Assert.Equal(["ris-abstract", "ris-note"], format.Options.Select(o => o.Name));
    }
}
