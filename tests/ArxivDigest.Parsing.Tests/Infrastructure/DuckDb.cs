using System.Globalization;
using DuckDB.NET.Data;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>An in-memory DuckDB: runs SQL and hands back the rows.</summary>
internal static class DuckDb
{
    public static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using DuckDBDataReader reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The one value of a one-row, one-column query, as a long.</summary>
    public static long Scalar(string sql) => Int64(Query(sql).Single().Single());

    /// <summary>A number DuckDB returned (BIGINT, INTEGER, HUGEINT) as a long.</summary>
    public static long Int64(object? value) => value is System.Numerics.BigInteger big ? (long)big : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    /// <summary>A path as a SQL string literal.</summary>
    public static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
