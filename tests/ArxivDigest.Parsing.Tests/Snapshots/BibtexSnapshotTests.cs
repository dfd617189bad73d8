using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Bibtex;

namespace ArxivDigest.Parsing.Tests.Snapshots;

/// <summary>Snapshots of the <c>.bib</c> of every bundled sample digest.</summary>
public sealed class BibtexSnapshotTests
{
    [Theory]
    [MemberData(nameof(SampleSnapshotTests.Samples), MemberType = typeof(SampleSnapshotTests))]
    public async Task Bibtex_output(string sample)
    {
        Snapshot.Verify(await WriteAsync(sample, BibtexPaperWriterOptions.Default), sample, "bib");
    }

    [Fact]
    public async Task Bibtex_output_with_every_option()
    {
        var options = new BibtexPaperWriterOptions { KeyStyle = BibtexKeyStyle.Arxiv, Abstract = true, Note = BibtexNote.Tldr, Ascii = true };
        Snapshot.Verify(await WriteAsync("2026-03-03", options), "2026-03-03.all-options", "bib");
    }

    private static async Task<string> WriteAsync(string sample, BibtexPaperWriterOptions options)
    {
        Digest digest = DigestParser.ParseFile(RepoPaths.Sample(sample + ".md"), new DigestReaderOptions { SourceName = sample + ".md" });
        using var output = new MemoryStream();
        await using (PaperWriter writer = BibtexPaperWriter.Format.Create(output, options))
        {
            await writer.WriteAllAsync(digest);
            await writer.CompleteAsync();
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }
}
