// Converts every digest of a folder into one Parquet file, then asks DuckDB which categories had the most papers:
// dotnet run -- ../data papers.parquet
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Parquet;
using DuckDB.NET.Data;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ParquetDuckDb FOLDER OUTPUT.parquet");
    return 2;
}

string[] digests = [.. Directory.GetFiles(args[0], "*.md").Order(StringComparer.Ordinal)];
await using (FileStream output = File.Create(args[1]))
await using (var writer = new ParquetPaperWriter(output))
{
    foreach (string digest in digests)
    {
        await using PaperReader reader = PaperReader.Open(digest);
        await writer.WriteAllAsync(reader);
    }

    await writer.CompleteAsync();
}

Console.WriteLine($"{digests.Length} digests -> {args[1]}");

using var connection = new DuckDBConnection("DataSource=:memory:");
connection.Open();
using DuckDBCommand command = connection.CreateCommand();
command.CommandText = $"""
    SELECT main_category, count(*) AS papers, count(DISTINCT arxiv_id) AS distinct_papers
    FROM read_parquet('{args[1].Replace("'", "''", StringComparison.Ordinal)}')
    GROUP BY main_category ORDER BY papers DESC, main_category LIMIT 5
    """;
using DuckDBDataReader rows = command.ExecuteReader();
while (rows.Read())
{
    Console.WriteLine($"{rows.GetString(0),-10} {rows.GetInt64(1),5} papers ({rows.GetInt64(2)} distinct)");
}

return 0;
