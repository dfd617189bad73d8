using ArxivDigest.Parsing.Writers.Markdown;

namespace ArxivDigest.Parsing.Fuzz;

/// <summary>
/// The <c>roundtrip</c> target: the papers the parser reads are written as Markdown and read again. Each must come back
/// the same, but for what the writer does by design (it numbers papers anew and groups them by section), unless the
/// writer reported (<see cref="Writers.PaperWriter.Diagnostics"/>) that this paper does not read back as written: a
/// difference without a diagnostic is a silent change. Writing what was read back must give the same bytes again.
/// </summary>
internal static class RoundTripTarget
{
    private const string NoSection = "Uncategorized";

    /// <summary>What the writer's own output must never make the reader report, when the writer reported nothing.</summary>
    private static readonly HashSet<string> ImpossibleCodes =
    [
        DiagnosticCodes.InvalidUtf8, DiagnosticCodes.MalformedHeading, DiagnosticCodes.UnclosedPaper,
        DiagnosticCodes.UnexpectedIndex, DiagnosticCodes.MissingAuthors,
    ];

    public static void Run(byte[] data)
    {
        if (WriterTargets.Parse(data, out _) is Digest digest)
        {
            Check(digest);
        }
    }

    /// <summary>Writes the papers of <paramref name="digest"/> as Markdown, reads them back and compares.</summary>
    public static void Check(Digest digest)
    {
        if (!Invariant.Enabled("roundtrip") && !Invariant.Enabled("idempotent"))
        {
            return;
        }

        List<Paper> papers = [.. digest.Papers];
        byte[] first = Markdown(papers, out IReadOnlyList<DigestDiagnostic> reported, out int reportedCount);
        if (reportedCount > reported.Count)
        {
            return; // more changes than the writer keeps: they cannot all be told apart
        }

        var excused = new HashSet<int>(reported.Select(d => d.Location.Line));
        Digest again;
        try
        {
            // The writer writes the canonical layout: read it back in that, not in whatever its papers would be detected as.
            again = DigestParser.Parse(first, new DigestReaderOptions { MaxDiagnostics = 1000, DigestDate = digest.Date, Dialect = DigestDialect.Canonical }); // the date is not written
        }
        catch (DigestFormatException e)
        {
            Invariant.Fail("roundtrip", $"the markdown writer's output cannot be read: {e.Diagnostic}");
            return;
        }

        if (reported.Count == 0 && again.Diagnostics.FirstOrDefault(d => ImpossibleCodes.Contains(d.Code)) is DigestDiagnostic bad)
        {
            Invariant.Fail("roundtrip", $"reading the markdown writer's output reports {bad}, and the writer reported nothing");
        }

        // The writer groups papers by section, in the order sections first appear.
        List<Paper> expected = [.. papers.GroupBy(SectionOf, StringComparer.Ordinal).SelectMany(g => g)];
        if (expected.Count != again.Papers.Length)
        {
            if (reported.Count == 0)
            {
                Invariant.Fail("roundtrip", $"{expected.Count} papers written, {again.Papers.Length} read back, and the writer reported nothing");
            }

            return; // the papers no longer line up; the writer said why
        }

        for (int i = 0; i < expected.Count; i++)
        {
            if (!excused.Contains(expected[i].Location.Line) && Difference(expected[i], again.Papers[i]) is string diff)
            {
                Invariant.Fail("roundtrip", $"paper {i + 1} (line {expected[i].Location.Line} of the input) read back differs, and the writer reported nothing{diff}");
            }
        }

        if (Invariant.Enabled("idempotent") && reported.Count == 0)
        {
            byte[] second = Markdown([.. again.Papers], out _, out _);
            if (!first.AsSpan().SequenceEqual(second))
            {
                int at = first.AsSpan().CommonPrefixLength(second);
                Invariant.Fail("idempotent", $"writing the papers read back gives other bytes from offset {at}: {Compare.Quote(Excerpt(first, at))} then {Compare.Quote(Excerpt(second, at))}");
            }
        }
    }

    private static string? Difference(Paper e, Paper a)
        => Compare.Text("Title", e.Title, a.Title)
        ?? Compare.Text("Url", e.Url, a.Url)
        ?? Compare.Value("Id", e.Id, a.Id)
        ?? Compare.Strings("Authors", e.Authors, a.Authors)
        ?? Compare.Text("MainCategory", e.MainCategory, a.MainCategory)
        ?? Compare.Text("Section", SectionOf(e), a.Section)
        ?? Compare.Text("Tldr", e.Tldr, a.Tldr)
        ?? Compare.Text("Motivation", e.Motivation, a.Motivation)
        ?? Compare.Text("Method", e.Method, a.Method)
        ?? Compare.Text("Result", e.Result, a.Result)
        ?? Compare.Text("Conclusion", e.Conclusion, a.Conclusion)
        ?? Compare.Text("Abstract", e.Abstract, a.Abstract)
        ?? Compare.Items("ExtraFields", [.. e.ExtraFields.Select(f => (f.Label, f.Value))], [.. a.ExtraFields.Select(f => (f.Label, f.Value))])
        ?? Compare.Value("DigestDate", e.DigestDate, a.DigestDate);

    /// <summary>The section the writer puts a paper in.</summary>
    private static string SectionOf(Paper p) => p.Section ?? p.MainCategory ?? NoSection;

    private static byte[] Markdown(List<Paper> papers, out IReadOnlyList<DigestDiagnostic> reported, out int reportedCount)
    {
        var output = new MemoryStream();
        var writer = new MarkdownDigestWriter(output);
        try
        {
            foreach (Paper paper in papers)
            {
                writer.WritePaperAsync(paper).AsTask().GetAwaiter().GetResult();
            }

            writer.CompleteAsync().AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        reported = writer.Diagnostics;
        reportedCount = writer.DiagnosticCount;
        return output.ToArray();
    }

    private static string Excerpt(byte[] bytes, int at) => System.Text.Encoding.UTF8.GetString(bytes, at, Math.Min(80, bytes.Length - at));
}
