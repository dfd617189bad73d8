using System.Diagnostics.CodeAnalysis;

namespace ArxivDigest.Parsing.Fuzz;

/// <summary>One thing to fuzz: bytes in; it returns normally, or throws (a crash for afl-fuzz).</summary>
internal sealed record FuzzTarget(string Name, string Description, Action<byte[]> Run)
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("parser", "DigestReader, PaperReader and DigestParser agree on every split of the input, in every mode", ParserTarget.Run),
        new("writers", "every built-in writer but docx, and a partitioned Parquet dataset, writes what the parser read; the Markdown round trip", WriterTargets.RunWriters),
        new("docx", "the Word writer writes what the parser read", WriterTargets.RunDocx),
        new("roundtrip", "Markdown written from parsed papers parses back to the same papers", RoundTripTarget.Run),
        new("jsonl", "the JSON-lines reader agrees on every split, in every mode; its records written in the generator's shape read back the same", JsonLinesTarget.Run),
    ];

    public static bool TryGet(string name, [NotNullWhen(true)] out FuzzTarget? target)
    {
        target = All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
        return target is not null;
    }
}

/// <summary>Reads one input, capped so that one execution stays fast whatever afl-fuzz grows the file to.</summary>
internal static class Input
{
    /// <summary>Inputs are cut to this many bytes: parsing is linear, so longer inputs only slow the fuzzer down.</summary>
    public const int MaxBytes = 64 * 1024;

    public static byte[] Read(Stream stream)
    {
        var buffer = new byte[MaxBytes];
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return buffer.AsSpan(0, total).ToArray();
    }
}

/// <summary>A broken invariant: thrown so that afl-fuzz records the input as a crash.</summary>
internal sealed class InvariantViolationException(string invariant, string message)
    : Exception($"[{invariant}] {message}")
{
    public string Invariant { get; } = invariant;
}

/// <summary>
/// The invariants by name. <c>ARXIV_FUZZ_IGNORE=name,name</c> turns some off, to keep fuzzing past a known defect
/// (an exception that is not an invariant, such as a writer's, can never be turned off).
/// </summary>
internal static class Invariant
{
    private static readonly HashSet<string> Ignored =
        [.. (Environment.GetEnvironmentVariable("ARXIV_FUZZ_IGNORE") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The names and what each checks, for <c>list</c>.</summary>
    public static IReadOnlyList<(string Name, string Meaning)> Names { get; } =
    [
        ("split", "every read split, stream, async and pipe mode gives the same papers, diagnostics, table of contents, sections and unrecognised text as the whole buffer"),
        ("tokens", "DigestReader gives the same tokens over the whole span, over growing buffers and over a multi-segment sequence"),
        ("progress", "every DigestReader token consumes input (no endless reading)"),
        ("lossless", "a line consumed without a token is blank or a markup line of the template, nothing more"),
        ("papers", "one paper per heading token, each ended once"),
        ("strict", "strict mode throws the lenient reader's first warning or error, and only then"),
        ("fatal", "the lenient reader throws DigestFormatException only for a fatal (non-lenient) code, and the same at every split"),
        ("parse", "DigestParser.Parse gives what PaperReader gives"),
        ("memory", "one parse allocates at most a fixed multiple of the input size"),
        ("output", "JSON/JSON Lines output is well-formed, one record per paper; Markdown output holds every paper; Parquet output reads back with every row"),
        ("roundtrip", "papers written as Markdown parse back the same (where Markdown can represent them)"),
        ("idempotent", "Markdown written, parsed and written again is byte-identical"),
        ("records", "JSON lines written in the daily-arxiv shape, read and written again, are byte-identical; every line is a paper or kept as unrecognised text"),
    ];

    public static bool Enabled(string name) => !Ignored.Contains(name);

    public static void Fail(string name, string message)
    {
        if (Enabled(name))
        {
            throw new InvariantViolationException(name, message);
        }
    }
}
