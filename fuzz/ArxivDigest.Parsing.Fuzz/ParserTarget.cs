namespace ArxivDigest.Parsing.Fuzz;

/// <summary>
/// The <c>parser</c> target: the input is read in every way the library offers (in place, from a stream in small
/// and odd-sized reads, sync and async, from a pipe, token by token over growing buffers, strict), and every way must
/// give the same result. The only exception allowed out is <see cref="DigestFormatException"/>, and only when
/// documented: in strict mode, or for a fatal reader error (a code the lenient reader never reports).
/// </summary>
internal static class ParserTarget
{
    /// <summary>
    /// Small buffers and a small diagnostics cap, so buffer growth and the cap are exercised. Markdown whatever the
    /// input looks like: this target checks the Markdown reader against its tokens (the <c>jsonl</c> target reads JSON lines).
    /// </summary>
    internal static readonly DigestReaderOptions Lenient = new() { BufferSize = 16, MaxDiagnostics = 64, SourceName = "fuzz.md", InputFormat = PaperInputFormat.Markdown };

    private static readonly DigestReaderOptions Strict = Lenient with { Strict = true };

    private static readonly int[] BufferSizes = [1, 2, 3, 5, 8, 16, 64, 4096];

    /// <summary>The codes the lenient reader reports and carries on past; a <see cref="DigestFormatException"/> with one of them is thrown only in strict mode.</summary>
    private static readonly HashSet<string> LenientCodes =
    [
        DiagnosticCodes.InvalidUtf8, DiagnosticCodes.MalformedHeading, DiagnosticCodes.TocTotalMismatch,
        DiagnosticCodes.MissingAbstract, DiagnosticCodes.UnknownLabel, DiagnosticCodes.UnrecognizedText,
        DiagnosticCodes.UnclosedPaper, DiagnosticCodes.MissingField, DiagnosticCodes.PlaceholderSummary,
        DiagnosticCodes.UnexpectedIndex, DiagnosticCodes.TocSectionMismatch, DiagnosticCodes.NoArxivId,
        DiagnosticCodes.MissingAuthors, DiagnosticCodes.DuplicateField, DiagnosticCodes.TooManyDiagnostics, DiagnosticCodes.DialectUncertain,
    ];

    /// <summary>Inputs up to this size are also read one byte per read, the slowest split (quadratic rescans are fine there).</summary>
    private const int ByteByByteLimit = 2048;

    /// <summary>Allocation allowed per parse: generous (a line of a few bytes can make a paper and ten diagnostics), but linear.</summary>
    private static long AllocationBudget(int length) => (4096L * length) + (16L << 20);

    public static void Run(byte[] data)
    {
        // The reference: the whole input in memory, read in place.
        long before = GC.GetAllocatedBytesForCurrentThread();
        ReadResult whole = ReadResult.Memory(data, Lenient);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > AllocationBudget(data.Length))
        {
            Invariant.Fail("memory", $"parsing {data.Length} bytes allocated {allocated} bytes (budget {AllocationBudget(data.Length)})");
        }

        if (whole.Error is DigestFormatException fatal && LenientCodes.Contains(fatal.Code))
        {
            Invariant.Fail("fatal", $"the lenient reader threw {fatal.Diagnostic}, a code it should only report");
        }

        CheckSplits(data, whole);
        CheckLimit(data, whole);
        CheckTokens(data, whole);
        CheckStrict(data, whole);
        CheckDigestParser(data, whole);
    }

    private static void CheckSplits(byte[] data, ReadResult whole)
    {
        if (!Invariant.Enabled("split"))
        {
            return;
        }

        var pick = new Splits(data, salt: 0);
        var results = new List<ReadResult>
        {
            ReadResult.Stream("stream", data, Lenient with { BufferSize = BufferSizes[pick.Next(BufferSizes.Length)] }, new Splits(data, 1), async: false),
            ReadResult.Stream("async stream", data, Lenient with { BufferSize = BufferSizes[pick.Next(BufferSizes.Length)] }, new Splits(data, 2), async: true),
            ReadResult.Pipe("pipe", data, Lenient with { BufferSize = BufferSizes[pick.Next(BufferSizes.Length)] }, new Splits(data, 3), async: true),
            ReadResult.Pipe("sync pipe", data, Lenient with { BufferSize = BufferSizes[pick.Next(BufferSizes.Length)] }, new Splits(data, 4), async: false),
        };
        if (data.Length <= ByteByByteLimit)
        {
            results.Add(ReadResult.Stream("byte-by-byte stream", data, Lenient with { BufferSize = 1 }, default, async: false, fixedSize: 1));
        }

        foreach (ReadResult result in results)
        {
            if (result.DifferenceFrom(whole) is string diff)
            {
                Invariant.Fail("split", diff);
            }
        }
    }

    /// <summary>
    /// A stream read with a small <see cref="DigestReaderOptions.MaxFieldSize"/> gives the same result as the whole
    /// input in memory (with the default limit, which no input reaches), or stops with <see cref="DiagnosticCodes.FieldTooLarge"/> (or, before
    /// anything of a digest was read, <see cref="DiagnosticCodes.NotADigest"/>) after the same first papers.
    /// </summary>
    private static void CheckLimit(byte[] data, ReadResult whole)
    {
        if (!Invariant.Enabled("limit"))
        {
            return;
        }

        var pick = new Splits(data, salt: 8);
        ReadResult limited = ReadResult.Stream("limited stream", data, Lenient with { MaxFieldSize = 256 + pick.Next(1024) }, new Splits(data, 9), async: false);
        // Past the limit before any paper or table of contents, an input that looks like another format is said to be
        // not a digest rather than to hold a long field.
        if (limited.Error?.Diagnostic is not { Code: DiagnosticCodes.FieldTooLarge or DiagnosticCodes.NotADigest })
        {
            if (limited.DifferenceFrom(whole) is string diff)
            {
                Invariant.Fail("limit", $"{diff} (the limited read stopped with {limited.Error?.Diagnostic.ToString() ?? "nothing"})");
            }

            return;
        }

        int n = limited.Papers.Count;
        if (n > whole.Papers.Count || Compare.Papers(whole.Papers.GetRange(0, n), limited.Papers) is string differs)
        {
            Invariant.Fail("limit", $"a read stopped by MaxFieldSize read other papers than the whole input: {Compare.Papers(whole.Papers, limited.Papers)}");
        }
    }

    private static void CheckTokens(byte[] data, ReadResult whole)
    {
        List<Token> tokens = TokenReader.Whole(data, out int endLine);
        if (Invariant.Enabled("tokens"))
        {
            Same("growing buffers", tokens, TokenReader.Incremental(data, new Splits(data, 5)));
            Same("a segmented sequence", tokens, TokenReader.Segmented(data, new Splits(data, 6)));
        }

        if (Invariant.Enabled("lossless") && Lossless.FirstLostLine(data, tokens, endLine) is string lost)
        {
            Invariant.Fail("lossless", lost);
        }

        if (whole.Error is null && Invariant.Enabled("papers"))
        {
            int headings = 0;
            int ends = 0;
            foreach (Token t in tokens)
            {
                headings += t.Type == DigestTokenType.PaperHeading ? 1 : 0;
                ends += t.Type == DigestTokenType.PaperEnd ? 1 : 0;
                if (ends > headings || headings > ends + 1)
                {
                    Invariant.Fail("papers", $"a {t.Type} token at line {t.Line} after {headings} headings and {ends} paper ends");
                }
            }

            if (headings != ends || headings != whole.Papers.Count)
            {
                Invariant.Fail("papers", $"{headings} heading tokens and {ends} paper ends, but {whole.Papers.Count} papers");
            }
        }

        static void Same(string how, List<Token> expected, List<Token> actual)
        {
            if (Compare.Items("Tokens", expected, actual) is string diff)
            {
                Invariant.Fail("tokens", $"reading through {how} differs from the whole span: {diff}");
            }
        }
    }

    /// <summary>
    /// Strict mode throws the lenient reader's first warning or error (or, for input that is not a digest, that
    /// error); without one it reads the same papers.
    /// </summary>
    private static void CheckStrict(byte[] data, ReadResult whole)
    {
        if (!Invariant.Enabled("strict"))
        {
            return;
        }

        DigestDiagnostic? first = whole.Diagnostics.FirstOrDefault(d => d.Severity >= DiagnosticSeverity.Warning);
        if (first is null && !whole.AllDiagnosticsKept && whole.Errors + whole.Warnings > 0)
        {
            return; // the first warning is past the diagnostics cap: nothing to compare with
        }

        foreach (ReadResult strict in new[]
        {
            ReadResult.Memory(data, Strict),
            ReadResult.Stream("strict stream", data, Strict, new Splits(data, 7), async: false),
        })
        {
            DigestDiagnostic? thrown = strict.Error?.Diagnostic;
            // A warning before the first paper heading waits for that heading in strict mode: without one, the
            // input is not a digest, and that is what strict mode reports too.
            DigestDiagnostic? expected = whole.Error?.Diagnostic is { Code: DiagnosticCodes.NotADigest } notADigest
                ? notADigest
                : first ?? whole.Error?.Diagnostic;
            if (!Equals(thrown, expected))
            {
                Invariant.Fail("strict", $"strict {strict.Mode} threw {thrown?.ToString() ?? "nothing"}; the lenient reader's first warning or error is {expected?.ToString() ?? "none"}");
            }

            // The papers completed before the exception are the lenient reader's first ones.
            int n = strict.Papers.Count;
            if (n > whole.Papers.Count || Compare.Papers(whole.Papers.GetRange(0, n), strict.Papers) is not null)
            {
                Invariant.Fail("strict", $"strict {strict.Mode} read other papers than the lenient reader: {Compare.Papers(whole.Papers, strict.Papers)}");
            }

            if (expected is null && n != whole.Papers.Count)
            {
                Invariant.Fail("strict", $"strict {strict.Mode} read {n} papers without an exception, the lenient reader {whole.Papers.Count}");
            }
        }
    }

    private static void CheckDigestParser(byte[] data, ReadResult whole)
    {
        if (!Invariant.Enabled("parse"))
        {
            return;
        }

        Digest digest;
        try
        {
            digest = DigestParser.Parse(data, Lenient);
        }
        catch (DigestFormatException e)
        {
            if (ReadResult.ErrorDifference(whole.Error, e) is string diff)
            {
                Invariant.Fail("parse", $"DigestParser.Parse{diff}");
            }

            return;
        }

        string? difference = ReadResult.ErrorDifference(whole.Error, null)
            ?? Compare.Papers(whole.Papers, digest.Papers)
            ?? Compare.Items("Diagnostics", whole.Diagnostics, digest.Diagnostics)
            ?? Compare.Items("TableOfContents", whole.TableOfContents, digest.TableOfContents)
            ?? Compare.Items("UnrecognizedText", whole.Unrecognized, digest.UnrecognizedText)
            ?? Compare.Items("Sections", whole.Sections, [.. digest.Sections.Select(s => (s.Category, s.Location))]);
        if (difference is null)
        {
            // Every paper of a section comes after its heading and before the next one.
            for (int i = 0; i < digest.Sections.Length && difference is null; i++)
            {
                DigestSection section = digest.Sections[i];
                int end = i + 1 < digest.Sections.Length ? digest.Sections[i + 1].Location.Line : int.MaxValue;
                Paper? outside = section.Papers.FirstOrDefault(p => p.Location.Line <= section.Location.Line || p.Location.Line >= end);
                if (outside is not null)
                {
                    difference = $"the paper at line {outside.Location.Line} is in section '{section.Category}' at line {section.Location.Line}";
                }
            }
        }

        if (difference is not null)
        {
            Invariant.Fail("parse", $"DigestParser.Parse differs from PaperReader: {difference}");
        }
    }
}
