using ArxivDigest.Parsing.Writers.Markdown;

namespace ArxivDigest.Parsing.Fuzz;

/// <summary>
/// The <c>roundtrip</c> target: the papers the parser reads are written as Markdown and read again. Those the
/// Markdown layout can represent (see <see cref="Representable"/>) must come back the same, but for what the writer
/// does by design (it numbers papers anew, groups them by section, writes an absent summary as an empty one and an
/// absent category as the section); and writing what was read back must give the same bytes again.
/// </summary>
internal static class RoundTripTarget
{
    private const string NoSection = "Uncategorized";

    private static readonly HashSet<string> TemplateLabels = ["Main category", "TL;DR", "Motivation", "Method", "Result", "Conclusion", "Abstract"];

    /// <summary>What the writer's own output must never make the reader report.</summary>
    private static readonly HashSet<string> ImpossibleCodes =
    [
        DiagnosticCodes.InvalidUtf8, DiagnosticCodes.MalformedHeading, DiagnosticCodes.MissingAbstract,
        DiagnosticCodes.UnclosedPaper, DiagnosticCodes.MissingField, DiagnosticCodes.UnexpectedIndex,
        DiagnosticCodes.MissingAuthors, DiagnosticCodes.DuplicateField,
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

        List<Paper> papers = [.. digest.Papers.Where(Representable)];
        byte[] first = Markdown(papers);
        Digest again;
        try
        {
            again = DigestParser.Parse(first, new DigestReaderOptions { MaxDiagnostics = 1000, DigestDate = digest.Date }); // the date is not written
        }
        catch (DigestFormatException e)
        {
            Invariant.Fail("roundtrip", $"the markdown writer's output cannot be read: {e.Diagnostic}");
            return;
        }

        if (again.Diagnostics.FirstOrDefault(d => ImpossibleCodes.Contains(d.Code)) is DigestDiagnostic bad)
        {
            Invariant.Fail("roundtrip", $"reading the markdown writer's output reports {bad}");
        }

        // The writer groups papers by section, in the order sections first appear.
        List<Paper> expected = [.. papers.GroupBy(SectionOf, StringComparer.Ordinal).SelectMany(g => g)];
        if (expected.Count != again.Papers.Length)
        {
            Invariant.Fail("roundtrip", $"{expected.Count} papers written, {again.Papers.Length} read back");
        }

        for (int i = 0; i < Math.Min(expected.Count, again.Papers.Length); i++)
        {
            if (Difference(expected[i], again.Papers[i]) is string diff)
            {
                Invariant.Fail("roundtrip", $"paper {i + 1} (line {expected[i].Location.Line} of the input) read back differs{diff}");
            }
        }

        if (Invariant.Enabled("idempotent"))
        {
            byte[] second = Markdown([.. again.Papers]);
            if (!first.AsSpan().SequenceEqual(second))
            {
                int at = first.AsSpan().CommonPrefixLength(second);
                Invariant.Fail("idempotent", $"writing the papers read back gives other bytes from offset {at}: {Compare.Quote(Excerpt(first, at))} then {Compare.Quote(Excerpt(second, at))}");
            }
        }
    }

    /// <summary>
    /// Whether Markdown can hold the paper: a link (a heading without one is read as a malformed title), not one
    /// empty author (written as an empty authors line, read as none), a non-empty section name (an empty one makes no
    /// section heading), and extra fields that come back as written: each labelled with a label the template lacks,
    /// or unlabelled with a first line that is not a label; followed by another extra field only when it ends
    /// without a line break and the next one is labelled (otherwise the two run together).
    /// </summary>
    private static bool Representable(Paper p)
    {
        if (p.Url.Length == 0 || p.Authors is [""] || SectionOf(p).Length == 0)
        {
            return false;
        }

        for (int i = 0; i < p.ExtraFields.Length; i++)
        {
            PaperField f = p.ExtraFields[i];
            if (TemplateLabels.Contains(f.Label) || (f.Label.Length == 0 && (f.Value.Length == 0 || LabelLength(f.Value) > 0)))
            {
                return false;
            }

            if (i + 1 < p.ExtraFields.Length && (f.Value.EndsWith('\n') || p.ExtraFields[i + 1].Label.Length == 0))
            {
                return false;
            }
        }

        return true;
    }

    private static string? Difference(Paper e, Paper a)
        => Compare.Text("Title", e.Title, a.Title)
        ?? Compare.Text("Url", e.Url, a.Url)
        ?? Compare.Value("Id", e.Id, a.Id)
        ?? Compare.Strings("Authors", e.Authors, a.Authors)
        ?? Compare.Text("MainCategory", e.MainCategory ?? SectionOf(e), a.MainCategory)
        ?? Compare.Text("Section", SectionOf(e), a.Section)
        ?? Compare.Text("Tldr", e.Tldr ?? string.Empty, a.Tldr)
        ?? Compare.Text("Motivation", e.Motivation ?? string.Empty, a.Motivation)
        ?? Compare.Text("Method", e.Method ?? string.Empty, a.Method)
        ?? Compare.Text("Result", e.Result ?? string.Empty, a.Result)
        ?? Compare.Text("Conclusion", e.Conclusion ?? string.Empty, a.Conclusion)
        ?? Compare.Text("Abstract", e.Abstract ?? string.Empty, a.Abstract)
        ?? Compare.Items("ExtraFields", [.. e.ExtraFields.Select(f => (f.Label, f.Value))], [.. a.ExtraFields.Select(f => (f.Label, f.Value))])
        ?? Compare.Value("DigestDate", e.DigestDate, a.DigestDate);

    /// <summary>The section the writer puts a paper in.</summary>
    private static string SectionOf(Paper p) => p.Section ?? p.MainCategory ?? NoSection;

    private static byte[] Markdown(List<Paper> papers)
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

        return output.ToArray();
    }

    /// <summary>The length of a label the template lacks at the start of <paramref name="line"/> (<c>Keywords: …</c>), as the reader finds it; 0 when none.</summary>
    private static int LabelLength(string line)
    {
        if (line.Length == 0 || !char.IsAsciiLetterUpper(line[0]))
        {
            return 0;
        }

        for (int i = 1; i < Math.Min(line.Length, 41); i++)
        {
            char c = line[i];
            if (c == ':')
            {
                return (i + 1 == line.Length || line[i + 1] is ' ' or '\n') && line[i - 1] != ' ' ? i : 0;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_' or '/' or '&' or ';'))
            {
                return 0;
            }
        }

        return 0;
    }

    private static string Excerpt(byte[] bytes, int at) => System.Text.Encoding.UTF8.GetString(bytes, at, Math.Min(80, bytes.Length - at));
}
