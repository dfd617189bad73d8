// Reads a digest and prints each paper's TL;DR: dotnet run -- ../data/2026-01-26.md
using ArxivDigest.Parsing;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: ReadTldrs DIGEST.md");
    return 2;
}

// Papers one at a time, in constant memory, whatever the size of the digest.
await using PaperReader reader = PaperReader.Open(args[0]);
int count = 0;
while (await reader.ReadAsync())
{
    Paper paper = reader.Current;
    Console.WriteLine($"[{paper.Id}] {paper.Title}");
    Console.WriteLine($"    {paper.Tldr ?? "(no TL;DR)"}");
    count++;
}

foreach (DigestDiagnostic diagnostic in reader.Diagnostics)
{
    Console.Error.WriteLine(diagnostic);
}

Console.Error.WriteLine($"{count} papers");
return 0;
