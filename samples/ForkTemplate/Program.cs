// Reads a fork's digest with the fork's own per-paper template (its to_md/paper_template.md), and prints the fields
// the fork adds, by their placeholder names: dotnet run -- ../data/fork/paper_template.md ../data/fork/2025-05-15.md
using ArxivDigest.Parsing;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ForkTemplate PAPER_TEMPLATE.md DIGEST.md");
    return 2;
}

// No code for the fork: its template says where each field is.
DigestDialect dialect = DigestDialect.FromTemplateFile(args[0]);
Digest digest = DigestParser.ParseFile(args[1], new DigestReaderOptions { Dialect = dialect });

foreach (Paper paper in digest.Papers)
{
    Console.WriteLine($"{paper.Id}  {paper.Title}");
    Console.WriteLine($"  TL;DR: {paper.Tldr}");
    foreach (PaperField field in paper.ExtraFields.Where(f => f.Key is not null))
    {
        Console.WriteLine($"  {field.Key}: {field.Value.Split('\n')[0]}");
    }
}

int errors = digest.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
Console.Error.WriteLine($"{digest.Papers.Length} papers read with the template '{dialect.Name}', {errors} errors");
return errors == 0 ? 0 : 1;
