using System.Collections.Immutable;
using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers.Markdown;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ArxivDigest.Parsing.Tests.Writers.Markdown;

/// <summary>
/// Generated papers (CJK, emoji, Markdown and LaTeX punctuation, blank lines, leading and trailing spaces, lines that
/// start with another field's label or with markup) written as a digest and read back: every paper comes back field
/// by field, or the writer said it would not; and reading gives the same result for every buffer size and for
/// <c>\r\n</c> line breaks.
/// </summary>
public sealed class MarkdownRoundTripPropertyTests
{
    private static readonly int[] BufferSizes = [1, 2, 3, 7, 64, 4096];

    // The writer writes the canonical layout: read in it (detection is tested on its own).
    private static readonly DigestReaderOptions Canonical = new() { Dialect = DigestDialect.Canonical };

    [Property(MaxTest = 40)]
    public Property A_paper_written_in_any_dialect_reads_back_in_it_or_the_writer_says_it_does_not() =>
        Prop.ForAll(Arb.From(PaperGenerators.Papers), papers =>
        {
            foreach (DigestDialect dialect in DigestDialect.BuiltIn)
            {
                (byte[] markdown, IReadOnlyList<DigestDiagnostic> reported) = Write(papers, dialect);
                ImmutableArray<Paper> written = InSectionOrder(papers);
                Digest read = DigestParser.Parse(markdown, new DigestReaderOptions { Dialect = dialect });
                if (read.Papers.Length != written.Length)
                {
                    Assert.Contains(reported, d => d.Message.Contains("reads back as", StringComparison.Ordinal));
                    continue;
                }

                var excused = reported.Select(d => d.Location.Line).ToHashSet();
                bool sectionMoved = false;
                for (int i = 0; i < written.Length; i++)
                {
                    string[] differences = [.. Differences(InDialect(written[i], dialect), Comparable(read.Papers[i], written[i], dialect)).Where(d => !(sectionMoved && d == "category"))];
                    sectionMoved |= reported.Any(d => d.Location.Line == written[i].Location.Line && d.Message.Contains("under another section", StringComparison.Ordinal));
                    if (differences.Length > 0 && !excused.Contains(written[i].Location.Line))
                    {
                        throw new InvalidOperationException($"{dialect.Name}: paper {i + 1} read back with other {string.Join(", ", differences)}, and the writer reported nothing");
                    }
                }
            }

            return true;
        });

    /// <summary>What a dialect gives back for a paper: a field its template has but the paper lacks comes back empty.</summary>
    private static Paper InDialect(Paper p, DigestDialect dialect)
    {
        HashSet<PaperFieldKind> has = [.. dialect.Fields.Select(f => f.Kind)];
        string? Or(PaperFieldKind kind, string? value) => value ?? (has.Contains(kind) ? string.Empty : null);
        return p with
        {
            Tldr = Or(PaperFieldKind.Tldr, p.Tldr), Motivation = Or(PaperFieldKind.Motivation, p.Motivation), Method = Or(PaperFieldKind.Method, p.Method),
            Result = Or(PaperFieldKind.Result, p.Result), Conclusion = Or(PaperFieldKind.Conclusion, p.Conclusion), Abstract = Or(PaperFieldKind.Abstract, p.Abstract),
        };
    }

    /// <summary>A paper read back in a dialect, less what the dialect adds: its empty placeholders, and a category that is only the section's.</summary>
    private static Paper Comparable(Paper read, Paper written, DigestDialect dialect)
    {
        bool hasCategory = dialect.Fields.Any(f => f.Kind is PaperFieldKind.MainCategory or PaperFieldKind.Categories);
        return read with
        {
            MainCategory = read.MainCategory ?? (hasCategory || written.MainCategory != read.Section ? null : read.Section),
            ExtraFields = [.. read.ExtraFields.Where(f => !(f.Key is not null && f.Value.Length == 0 && !written.ExtraFields.Any(w => w.Key == f.Key)))],
        };
    }

    [Property(MaxTest = 300)]
    public Property A_paper_reads_back_as_written_or_the_writer_says_it_does_not() =>
        Prop.ForAll(Arb.From(PaperGenerators.Papers), papers =>
        {
            (byte[] markdown, IReadOnlyList<DigestDiagnostic> reported) = Write(papers);
            papers = InSectionOrder(papers);
            Digest read = DigestParser.Parse(markdown, Canonical);
            var excused = reported.Select(d => d.Location.Line).ToHashSet();
            if (read.Papers.Length != papers.Length)
            {
                // A value held a paper heading: the papers no longer line up, and the writer must have said so.
                return reported.Any(d => d.Message.Contains("reads back as", StringComparison.Ordinal));
            }

            bool sectionMoved = false;
            for (int i = 0; i < papers.Length; i++)
            {
                // A section heading inside a value moves the papers after it into that section, as the writer said.
                string[] differences = [.. Differences(papers[i], read.Papers[i]).Where(d => !(sectionMoved && d == "category"))];
                sectionMoved |= reported.Any(d => d.Location.Line == papers[i].Location.Line && d.Message.Contains("under another section", StringComparison.Ordinal));
                if (differences.Length > 0 && !excused.Contains(papers[i].Location.Line))
                {
                    throw new InvalidOperationException($"paper {i + 1} read back with other {string.Join(", ", differences)}, and the writer reported nothing");
                }
            }

            return true;
        });

    [Property(MaxTest = 200)]
    public Property A_paper_a_digest_can_hold_reads_back_exactly_and_without_a_diagnostic() =>
        Prop.ForAll(Arb.From(PaperGenerators.PlainPapers), papers =>
        {
            (byte[] markdown, IReadOnlyList<DigestDiagnostic> reported) = Write(papers);
            papers = InSectionOrder(papers);
            Digest read = DigestParser.Parse(markdown, Canonical);
            Assert.Empty(reported);
            Assert.Equal(papers.Length, read.Papers.Length);
            for (int i = 0; i < papers.Length; i++)
            {
                Assert.Empty(Differences(papers[i], read.Papers[i]));
            }

            // Extra fields are reported as labels the template lacks; nothing else is worth a warning.
            Assert.DoesNotContain(read.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning && d.Code != DiagnosticCodes.UnknownLabel);
        });

    [Property(MaxTest = 100)]
    public Property Reading_gives_the_same_result_for_every_buffer_size_and_for_crlf() =>
        Prop.ForAll(Arb.From(PaperGenerators.Papers), papers =>
        {
            (byte[] markdown, _) = Write(papers);
            Digest whole = DigestParser.Parse(markdown, Canonical);
            string expected = ModelText.Describe(whole);
            foreach (int size in BufferSizes)
            {
                Digest split = DigestParser.ParseAsync(new ChunkedStream(markdown, size), new DigestReaderOptions { BufferSize = size, Dialect = DigestDialect.Canonical })
                    .GetAwaiter().GetResult();
                Assert.Equal(expected, ModelText.Describe(split));
            }

            // The generated values hold no \r, so a CRLF copy must read as the same papers, fields and diagnostics.
            byte[] crlf = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(markdown).Replace("\n", "\r\n", StringComparison.Ordinal));
            Digest fromCrlf = DigestParser.Parse(crlf, Canonical);
            Assert.Equal(expected, ModelText.Describe(fromCrlf));
        });

    /// <summary>The order the writer puts papers in: grouped by section, in the order sections first appear.</summary>
    private static ImmutableArray<Paper> InSectionOrder(ImmutableArray<Paper> papers)
        => [.. papers.GroupBy(p => p.Section, StringComparer.Ordinal).SelectMany(g => g)];

    private static (byte[] Markdown, IReadOnlyList<DigestDiagnostic> Reported) Write(ImmutableArray<Paper> papers, DigestDialect? dialect = null)
    {
        var output = new MemoryStream();
        var writer = new MarkdownDigestWriter(output, dialect);
        foreach (Paper p in papers)
        {
            writer.WritePaperAsync(p).AsTask().GetAwaiter().GetResult();
        }

        writer.CompleteAsync().AsTask().GetAwaiter().GetResult();
        return (output.ToArray(), writer.Diagnostics);
    }

    /// <summary>The fields of <paramref name="actual"/> that differ from <paramref name="expected"/> (numbering and location aside: the writer numbers anew).</summary>
    private static IEnumerable<string> Differences(Paper expected, Paper actual)
    {
        if (expected.Title != actual.Title)
        {
            yield return "title";
        }

        if (expected.Url != actual.Url || expected.Id != actual.Id)
        {
            yield return "link";
        }

        if (!expected.Authors.SequenceEqual(actual.Authors))
        {
            yield return "authors";
        }

        if (expected.MainCategory != actual.MainCategory || expected.Section != actual.Section)
        {
            yield return "category";
        }

        foreach (PaperFieldKind kind in new[] { PaperFieldKind.Tldr, PaperFieldKind.Motivation, PaperFieldKind.Method, PaperFieldKind.Result, PaperFieldKind.Conclusion, PaperFieldKind.Abstract })
        {
            if (expected.GetField(kind) != actual.GetField(kind))
            {
                yield return kind.ToString();
            }
        }

        if (!expected.ExtraFields.Select(f => (f.Label, f.Value)).SequenceEqual(actual.ExtraFields.Select(f => (f.Label, f.Value))))
        {
            yield return "extra fields";
        }
    }
}
