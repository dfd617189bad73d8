// Writes a BibTeX file of a digest's papers, with their abstracts: dotnet run -- ../data/2026-01-26.md refs.bib
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Bibtex;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Bibtex DIGEST.md OUTPUT.bib");
    return 2;
}

Digest digest = DigestParser.ParseFile(args[0]);
await using (FileStream output = File.Create(args[1]))
await using (var writer = new BibtexPaperWriter(output, new BibtexPaperWriterOptions { Abstract = true }))
{
    await writer.WriteAllAsync(digest);
    await writer.CompleteAsync();
}

Console.WriteLine($"{digest.Papers.Length} entries -> {args[1]}");
return 0;
