using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;

namespace ArxivDigest.Parsing.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains("--check", StringComparer.Ordinal))
        {
            return Check();
        }

        if (args is ["--convert-parquet" or "--convert-duckdb", ..])
        {
            return ParquetConversion.Run(args);
        }

        if (args is ["--long-field", ..])
        {
            return LongField.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    /// <summary>
    /// Runs every benchmark once on every input and prints what each returned. Our parser and the regular-expression
    /// extractor must find the same number of papers (exit code 1 otherwise); field-by-field differences between them
    /// are reported for information only.
    /// </summary>
    private static int Check()
    {
        Console.WriteLine($"Inputs: {BenchmarkInputs.Description}");
        bool agree = true;
        foreach (string input in BenchmarkInputs.Names)
        {
            var benchmarks = new ParserBenchmarks { Input = input };
            benchmarks.Setup();
            try
            {
                IReadOnlyList<string> files = BenchmarkInputs.Files(input);
                string what = files.Count == 1 ? Path.GetFileName(files[0]) : $"{files.Count} files";
                Console.WriteLine();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{input}] {what}, {BenchmarkInputs.SizeOf(input):N0} bytes"));

                int parsed = Timed("ArxivDigestParse", "papers", benchmarks.ArxivDigestParse);
                int streamed = Timed("ArxivDigestStream", "papers", benchmarks.ArxivDigestStream);
                Timed("Utf8Transcode", "chars", benchmarks.Utf8Transcode);
                Timed("MarkdigParse", "blocks", benchmarks.MarkdigParse);
                int extracted = Timed("RegexExtract", "papers", benchmarks.RegexExtract);

                if (parsed != extracted || parsed != streamed)
                {
                    agree = false;
                    Console.WriteLine($"  MISMATCH: parser {parsed}, stream {streamed}, regex {extracted} papers");
                }
                else
                {
                    Console.WriteLine($"  paper counts agree: parser {parsed} = stream {streamed} = regex {extracted}");
                }

                CompareFields(BenchmarkInputs.Load(input));
            }
            finally
            {
                benchmarks.Cleanup();
            }
        }

        Console.WriteLine();
        Console.WriteLine(agree ? "OK: our parser and the regex extractor agree on the paper counts." : "FAILED: the paper counts differ.");
        return agree ? 0 : 1;
    }

    private static int Timed(string name, string unit, Func<int> run)
    {
        long start = Stopwatch.GetTimestamp();
        int result = run();
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-18} {result,12:N0} {unit,-7} ({elapsed.TotalMilliseconds,8:N1} ms, first call)"));
        return result;
    }

    /// <summary>Informational: how many papers the two approaches read differently, and the first difference.</summary>
    private static void CompareFields(byte[] bytes)
    {
        Digest digest = DigestParser.Parse(bytes);
        IReadOnlyList<Paper> ours = digest.Papers;
        List<RegexPaper> theirs = RegexExtractor.Extract(Encoding.UTF8.GetString(bytes));
        int differing = 0;
        string? first = null;
        for (int i = 0; i < Math.Min(ours.Count, theirs.Count); i++)
        {
            string? difference = FirstDifference(ours[i], theirs[i]);
            if (difference is not null)
            {
                differing++;
                first ??= $"paper {i + 1} ({ours[i].Url}): {difference}";
            }
        }

        Console.WriteLine($"  parser diagnostics: {digest.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} errors, "
            + $"{digest.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning)} warnings"
            + string.Concat(digest.Diagnostics
                .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .GroupBy(d => d.Code, StringComparer.Ordinal)
                .Select((g, i) => (i == 0 ? " (" : ", ") + $"{g.Key} x{g.Count()}"))
            + (digest.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning) ? ")" : string.Empty));
        Console.WriteLine($"  fields: {differing} of {Math.Min(ours.Count, theirs.Count)} papers differ between parser and regex (informational)");
        if (first is not null)
        {
            Console.WriteLine($"    first: {first}");
        }
    }

    private static string? FirstDifference(Paper ours, RegexPaper theirs)
    {
        (string Name, string? Ours, string? Theirs)[] fields =
        [
            ("Title", ours.Title, theirs.Title),
            ("Url", ours.Url, theirs.Url),
            ("Authors", string.Join('|', ours.Authors), string.Join('|', theirs.Authors)),
            ("MainCategory", ours.MainCategory, theirs.MainCategory),
            ("Tldr", ours.Tldr, theirs.Tldr),
            ("Motivation", ours.Motivation, theirs.Motivation),
            ("Method", ours.Method, theirs.Method),
            ("Result", ours.Result, theirs.Result),
            ("Conclusion", ours.Conclusion, theirs.Conclusion),
            ("Abstract", ours.Abstract, theirs.Abstract),
        ];
        foreach ((string name, string? a, string? b) in fields)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                return $"{name}: parser {Show(a)} vs regex {Show(b)}";
            }
        }

        return null;
    }

    private static string Show(string? value) => value is null
        ? "null"
        : "\"" + (value.Length > 60 ? value[..60] + "…" : value).ReplaceLineEndings("\\n") + "\"";
}
