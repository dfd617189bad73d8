using System.IO.Compression;
using System.Security.Cryptography;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>
/// Load: the real days (the shared corpus's 21, else the samples) converted 20 times at once in one process, for every
/// format, give the same bytes every time: no state is shared between runs, nothing depends on timing.
/// </summary>
public sealed class ParallelLoadTests : IDisposable
{
    private const int Runs = 20;

    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-load-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    public static TheoryData<string> Formats() => ["jsonl", "json", "markdown", "bibtex", "parquet", "docx", "dataset"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Twenty_conversions_at_once_give_identical_bytes(string format)
    {
        string[] days = [.. CorpusFiles.DaysWithSource];
        Task<string>[] runs = [.. Enumerable.Range(0, Runs).Select(i => Task.Run(() => ConvertAsync(format, days, i)))];
        string[] fingerprints = await Task.WhenAll(runs);

        Assert.All(fingerprints, f => Assert.Equal(fingerprints[0], f));
        Assert.NotEqual(string.Empty, fingerprints[0]);
    }

    private async Task<string> ConvertAsync(string format, string[] days, int run)
    {
        string output = Path.Combine(_temp, format + run.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string[] args = format == "dataset"
            ? ["convert", .. days, "-o", output, "--partition-by", "main_category", "--quiet"]
            : ["convert", .. days, "--to", format, "-o", output, "--quiet"];
        CliRun result = await CliRun.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.Error);
        return format switch
        {
            "dataset" => string.Join('\n', Directory.GetFiles(output, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(f => Path.GetRelativePath(output, f) + " " + Hash(File.ReadAllBytes(f)))),
            "docx" => DocxParts(output),
            _ => Hash(await File.ReadAllBytesAsync(output)),
        };
    }

    /// <summary>Every part of the package but <c>docProps/core.xml</c>, which records when the document was made.</summary>
    private static string DocxParts(string path)
    {
        using ZipArchive zip = ZipFile.OpenRead(path);
        return string.Join('\n', zip.Entries
            .Where(e => e.FullName != "docProps/core.xml")
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .Select(e =>
            {
                using Stream s = e.Open();
                using var buffer = new MemoryStream();
                s.CopyTo(buffer);
                return e.FullName + " " + Hash(buffer.ToArray());
            }));
    }

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
