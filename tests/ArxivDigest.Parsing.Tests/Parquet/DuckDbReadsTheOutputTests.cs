using System.Globalization;
using System.Text;
using ArxivDigest.Cli;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Parquet;

/// <summary>
/// A real engine reads what <c>arxiv-digest convert</c> writes: DuckDB, on the single file and on each partitioned
/// dataset, must get the numbers of our own model (and, per partition, of the digests' tables of contents). On the
/// shared corpus when it is there, else on the bundled samples.
/// </summary>
public sealed class DuckDbReadsTheOutputTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-duckdb-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string InputFolder => RepoPaths.SharedCorpus is string corpus ? Path.Combine(corpus, "daily-arxiv") : RepoPaths.Samples;

    private static List<Digest> Digests() =>
        [.. Directory.GetFiles(InputFolder, "*.md").Order(StringComparer.Ordinal).Select(f => DigestParser.ParseFile(f))];

    private static async Task<int> ConvertAsync(params string[] args)
    {
        var console = new CliConsole(new StringWriter(), new StringWriter(), () => Stream.Null, () => new MemoryStream());
        return await CliApp.RunAsync(["convert", InputFolder, "--quiet", .. args], console);
    }

    [Fact]
    public async Task The_single_file_gives_DuckDB_our_numbers()
    {
        string output = Path.Combine(_temp, "papers.parquet");
        Assert.Equal(0, await ConvertAsync("-o", output));
        List<Paper> papers = [.. Digests().SelectMany(d => d.Papers)];
        if (RepoPaths.SharedCorpus is not null)
        {
            Assert.Equal(4300, papers.Count); // the issue's definition of done
        }

        string file = DuckDb.Literal(output);
        AssertSameNumbers(file, papers);

        Dictionary<string, string> types = DuckDb.Query($"DESCRIBE SELECT * FROM {file}").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("VARCHAR[]", types["authors"]);
        Assert.Equal("DATE", types["digest_date"]);
        Assert.Equal("INTEGER", types["author_count"]);
        Assert.Equal("STRUCT(\"label\" VARCHAR, \"value\" VARCHAR, \"key\" VARCHAR)[]", types["extra_fields"]);

        // Per digest date, the same totals as the tables of contents.
        AssertPartitionTotals(file, "digest_date", TocTotalsByDate());
    }

    [Theory]
    [InlineData("main_category")]
    [InlineData("digest_date")]
    [InlineData("arxiv_year")]
    public async Task A_partitioned_dataset_gives_DuckDB_our_numbers_and_the_tables_of_contents_totals(string column)
    {
        string output = Path.Combine(_temp, "dataset");
        Assert.Equal(0, await ConvertAsync("-o", output, "--partition-by", column));
        List<Paper> papers = [.. Digests().SelectMany(d => d.Papers)];

        string[] folders = [.. Directory.GetDirectories(output).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.All(folders, f => Assert.StartsWith(column + "=", f, StringComparison.Ordinal));
        Assert.All(Directory.GetFiles(output, "*", SearchOption.AllDirectories), f => Assert.Matches(@"part-\d{5}\.parquet$", f));
        Assert.Empty(Directory.GetFiles(output)); // only partition folders at the top
        Assert.Equal([Path.GetFileName(output)], Directory.GetFileSystemEntries(_temp).Select(Path.GetFileName)); // nothing left beside it

        // A part file leaves the partition column out: its value is the folder's.
        string part = DuckDb.Literal(Directory.GetFiles(output, "*.parquet", SearchOption.AllDirectories)[0]);
        Assert.DoesNotContain(DuckDb.Query($"DESCRIBE SELECT * FROM read_parquet({part}, hive_partitioning = false)"), r => (string)r[0]! == column);

        string dataset = $"read_parquet({DuckDb.Literal(Path.Combine(output, "**", "*.parquet"))}, hive_partitioning = true)";
        AssertSameNumbers(dataset, papers);
        Dictionary<string, long> expected = column switch
        {
            "main_category" => Digests().SelectMany(d => d.TableOfContents).GroupBy(t => t.Category, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (long)g.Sum(t => t.Total), StringComparer.Ordinal),
            "digest_date" => TocTotalsByDate(),
            _ => papers.GroupBy(p => p.Id!.Value.Year.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal),
        };
        if (column != "arxiv_year")
        {
            // The model agrees with the tables of contents (the corpus has no AXD003 warning), so this is a real check.
            Assert.Equal(papers.Count, expected.Values.Sum());
        }

        AssertPartitionTotals(dataset, column, expected);
    }

    [Fact]
    public async Task The_readme_queries_run_on_what_the_readme_commands_write()
    {
        string papers = Path.Combine(_temp, "papers.parquet");
        string dataset = Path.Combine(_temp, "out");
        Assert.Equal(0, await ConvertAsync("-o", papers));
        Assert.Equal(0, await ConvertAsync("-o", dataset + "/", "--partition-by", "main_category"));

        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        int start = readme.IndexOf("```sql\n", readme.IndexOf("## Convert to Parquet for analytics", StringComparison.Ordinal), StringComparison.Ordinal);
        string block = readme[(start + 7)..readme.IndexOf("```", start + 7, StringComparison.Ordinal)];
        string[] queries = [.. block.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal))];
        Assert.Equal(4, queries.Length);
        foreach (string query in queries)
        {
            string sql = query
                .Replace("'papers.parquet'", DuckDb.Literal(papers), StringComparison.Ordinal)
                .Replace("'out/**/*.parquet'", DuckDb.Literal(Path.Combine(dataset, "**", "*.parquet")), StringComparison.Ordinal);
            Assert.DoesNotContain("'papers.parquet'", sql, StringComparison.Ordinal);
            DuckDb.Query(sql.TrimEnd(';'));
        }

        Assert.Equal(
            DuckDb.Scalar($"SELECT count(DISTINCT main_category) FROM {DuckDb.Literal(papers)}"),
            DuckDb.Query(queries[3].Replace("'out/**/*.parquet'", DuckDb.Literal(Path.Combine(dataset, "**", "*.parquet")), StringComparison.Ordinal).TrimEnd(';')).Count);
    }

    // Digests without a date (the bundled seeds) have a null digest_date: NoValue on both sides.
    private const string NoValue = "(null)";

    private static Dictionary<string, long> TocTotalsByDate() =>
        Digests().GroupBy(d => d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? NoValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Sum(d => d.TableOfContents.Sum(t => t.Total)), StringComparer.Ordinal);

    private static void AssertPartitionTotals(string from, string column, Dictionary<string, long> expected)
    {
        Dictionary<string, long> actual = DuckDb.Query($"SELECT coalesce(CAST({column} AS VARCHAR), '{NoValue}'), count(*) FROM {from} GROUP BY ALL")
            .ToDictionary(r => (string)r[0]!, r => DuckDb.Int64(r[1]), StringComparer.Ordinal);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    /// <summary>count(*), count(DISTINCT arxiv_id), max(len(authors)), list_contains, and a text column's bytes.</summary>
    private static void AssertSameNumbers(string from, List<Paper> papers)
    {
        object?[] row = DuckDb.Query(
            $"SELECT count(*), count(DISTINCT arxiv_id), max(len(authors)), CAST(sum(author_count) AS BIGINT), count(tldr) FROM {from}").Single();
        long[] expected =
        [
            papers.Count,
            papers.Where(p => p.Id is not null).Select(p => p.Id!.Value.Id).Distinct(StringComparer.Ordinal).Count(),
            papers.Max(p => p.Authors.Length),
            papers.Sum(p => p.Authors.Length),
            papers.Count(p => p.Tldr is not null),
        ];
        Assert.Equal(expected, row.Select(DuckDb.Int64));

        // The three most prolific authors: list_contains finds exactly their papers.
        foreach (string author in papers.SelectMany(p => p.Authors).GroupBy(a => a, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(3))
        {
            long withAuthor = papers.Count(p => p.Authors.Contains(author));
            Assert.Equal(withAuthor, DuckDb.Scalar($"SELECT count(*) FROM {from} WHERE list_contains(authors, {DuckDb.Literal(author)})"));
        }

        // Text comes back byte for byte: the total UTF-8 length of every abstract.
        long bytes = papers.Sum(p => p.Abstract is null ? 0 : Encoding.UTF8.GetByteCount(p.Abstract));
        Assert.Equal(bytes, DuckDb.Scalar($"SELECT coalesce(sum(octet_length(encode(abstract))), 0) FROM {from}"));
    }
}
