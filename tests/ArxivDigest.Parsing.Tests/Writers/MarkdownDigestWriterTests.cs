using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Markdown;

namespace ArxivDigest.Parsing.Tests.Writers;

/// <summary>The markdown writer: what is read is written back byte for byte; selections make valid digests.</summary>
public sealed class MarkdownDigestWriterTests
{
    public static TheoryData<string> Digests() => CorpusFiles.AsTheoryData(CorpusFiles.AllDigests);

    internal static async Task<byte[]> WriteAsync(IEnumerable<Paper> papers)
    {
        using var output = new MemoryStream();
        await using (PaperWriter writer = MarkdownDigestWriter.Format.Create(output))
        {
            foreach (Paper paper in papers)
            {
                await writer.WritePaperAsync(paper);
            }

            await writer.CompleteAsync();
        }

        return output.ToArray();
    }

    [Theory]
    [MemberData(nameof(Digests))]
    public async Task A_digest_read_and_written_again_is_byte_identical(string path)
    {
        byte[] original = await File.ReadAllBytesAsync(path);
        byte[] written = await WriteAsync(DigestParser.Parse(original).Papers);
        Assert.True(original.AsSpan().SequenceEqual(written), $"{Path.GetFileName(path)} differs after a round trip ({original.Length} bytes in, {written.Length} out).");
    }

    [Fact]
    public async Task A_selection_of_papers_is_a_valid_digest_with_recomputed_totals_and_numbers()
    {
        Digest day = DigestParser.ParseFile(RepoPaths.Sample("2026-01-26.md"));
        Paper[] chosen = [.. day.Papers.Where((p, i) => i % 3 == 0)];
        Digest again = DigestParser.Parse(await WriteAsync(chosen));

        Assert.Empty(again.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(chosen.Length, again.Papers.Length);
        Assert.Equal(Enumerable.Range(1, chosen.Length), again.Papers.Select(p => p.Index!.Value));
        Assert.Equal(chosen.Select(p => p.Title), again.Papers.Select(p => p.Title));
        foreach (TocEntry entry in again.TableOfContents)
        {
            Assert.Equal(chosen.Count(p => p.Section == entry.Category), entry.Total);
        }
    }

    [Fact]
    public async Task Merged_digests_group_papers_by_section_in_order_of_first_appearance()
    {
        Digest a = DigestParser.Parse(DigestText.Render(DigestText.Sample("2601.00001", "cs.AI"), DigestText.Sample("2601.00002", "cs.CV")));
        Digest b = DigestParser.Parse(DigestText.Render(DigestText.Sample("2601.00003", "cs.CV"), DigestText.Sample("2601.00004", "cs.RO")));
        Digest merged = DigestParser.Parse(await WriteAsync(a.Papers.Concat(b.Papers)));

        Assert.Empty(merged.Diagnostics);
        Assert.Equal(["cs.AI", "cs.CV", "cs.RO"], merged.TableOfContents.Select(e => e.Category));
        Assert.Equal([1, 2, 1], merged.TableOfContents.Select(e => e.Total));
        Assert.Equal(["2601.00001", "2601.00002", "2601.00003", "2601.00004"], merged.Papers.Select(p => p.Id!.Value.Id));
    }

    [Fact]
    public async Task Extra_fields_are_written_where_the_reader_finds_them_again()
    {
        string markdown = DigestText.Render(DigestText.Sample()).Replace("Main category: cs.CV\n", "Main category: cs.CV\n\nKeywords: a, b\n", StringComparison.Ordinal);
        byte[] written = await WriteAsync(DigestParser.Parse(markdown).Papers);
        Assert.Equal(markdown, Encoding.UTF8.GetString(written));
    }

    [Fact]
    public async Task No_papers_give_an_empty_table_of_contents()
    {
        Assert.Equal("<div id=toc></div>\n\n# Table of Contents\n\n", Encoding.UTF8.GetString(await WriteAsync([])));
    }

    [Fact]
    public async Task A_value_with_a_line_that_starts_a_later_field_is_written_as_is_and_reported()
    {
        Paper paper = DigestParser.Parse(Encoding.UTF8.GetBytes(DigestText.Render(DigestText.Sample("2601.00001")))).Papers[0]
            with { Motivation = "first line\nMethod: looks like the next field" };
        using var output = new MemoryStream();
        await using var writer = new MarkdownDigestWriter(output);
        await writer.WritePaperAsync(paper);
        await writer.CompleteAsync();

        Assert.Contains("Motivation: first line\nMethod: looks like the next field\n\nMethod: method", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
        string[] messages = [.. writer.Diagnostics.Select(d => d.Code + " " + d.Message)];
        Assert.Equal(
        [
            "AXD102 Markdown: the motivation does not read back as written (a reader takes its line 'Method: looks like the next field' for the start of another element); written as is.",
            "AXD102 Markdown: the method does not read back as written; written as is.",
        ], messages);
    }

    [Fact]
    public async Task A_field_the_paper_does_not_have_is_left_out_and_reads_back_absent()
    {
        Paper paper = DigestParser.Parse(Encoding.UTF8.GetBytes(DigestText.Render(DigestText.Sample("2601.00001")))).Papers[0]
            with { Tldr = null, MainCategory = null };
        byte[] written = await WriteAsync([paper]);

        Paper read = Assert.Single(DigestParser.Parse(written).Papers);
        Assert.Null(read.Tldr);
        Assert.Null(read.MainCategory);
        Assert.Equal(paper.Motivation, read.Motivation);
        Assert.DoesNotContain("TL;DR:", Encoding.UTF8.GetString(written), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_heading_inside_a_value_is_reported_as_more_papers()
    {
        Paper paper = DigestParser.Parse(Encoding.UTF8.GetBytes(DigestText.Render(DigestText.Sample("2601.00001")))).Papers[0]
            with { Abstract = "text\n### [9] [Injected](https://arxiv.org/abs/2601.00009)\nmore" };
        using var output = new MemoryStream();
        await using var writer = new MarkdownDigestWriter(output);
        await writer.WritePaperAsync(paper);
        await writer.CompleteAsync();

        Assert.Contains(writer.Diagnostics, d => d.Message.Contains("reads back as 2 papers", StringComparison.Ordinal));
        Assert.Contains(writer.Diagnostics, d => d.Message.Contains("the abstract does not read back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_paper_of_a_section_that_cannot_be_written_is_reported()
    {
        Paper sample = DigestParser.Parse(Encoding.UTF8.GetBytes(DigestText.Render(DigestText.Sample("2601.00001")))).Papers[0];
        using var output = new MemoryStream();
        await using var writer = new MarkdownDigestWriter(output);
        await writer.WritePaperAsync(sample with { Section = string.Empty, Location = new SourceLocation("a.md", 1, 1) });
        await writer.WritePaperAsync(sample with { Section = string.Empty, Location = new SourceLocation("a.md", 2, 1) });
        await writer.CompleteAsync();

        // An empty section name makes no section heading, so both papers read back under no section (or another).
        Assert.Equal([1, 2], writer.Diagnostics.Where(d => d.Message.Contains("section ''", StringComparison.Ordinal)).Select(d => d.Location.Line));
    }
}
