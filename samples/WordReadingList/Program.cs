// Makes a Word reading list of the computer-vision papers of a digest: dotnet run -- ../data/2026-01-26.md list.docx
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Selection;
using ArxivDigest.Parsing.Writers.Docx;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: WordReadingList DIGEST.md OUTPUT.docx");
    return 2;
}

var selector = new PaperSelector(new PaperSelection { Categories = ["cs.CV"] });
await using (FileStream output = File.Create(args[1]))
await using (var writer = new DocxPaperWriter(output))
{
    await using PaperReader reader = PaperReader.Open(args[0]);
    await writer.WriteAllAsync(reader, selector, sourceIndex: 0);
    await writer.CompleteAsync();
}

Console.WriteLine($"{selector.Kept} papers -> {args[1]}");
return 0;
