using System.Globalization;
using System.Text;

namespace ArxivDigest.Parsing.Writers.Markdown;

/// <summary>
/// Writes papers back as a digest in the daily-arXiv-ai-enhanced generator's exact layout: a table of contents with
/// totals, one section per category, the paper template, numbering across the file. A digest read and written again
/// is byte-identical; filtered or merged papers make a valid digest with recomputed totals and numbers.
/// </summary>
/// <remarks>
/// The table of contents comes first but needs every paper's section, so this writer keeps the papers it is given
/// until <see cref="CompleteAsync"/> (a digest is a document: its size is that of its output). Papers are grouped by
/// section in the order sections first appear; a paper's section is its <see cref="Paper.Section"/>, else its
/// <see cref="Paper.MainCategory"/>. Extra fields are written after <c>Main category:</c>, where the reader finds them again.
/// </remarks>
public sealed class MarkdownDigestWriter : PaperWriter
{
    private const string NoSection = "Uncategorized";

    private readonly Stream _output;
    private readonly List<Paper> _papers = [];
    private bool _completed;

    /// <summary>Creates a writer over <paramref name="output"/> (not disposed by the writer).</summary>
    public MarkdownDigestWriter(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>The <c>markdown</c> format (<c>.md</c>).</summary>
    public static PaperWriterFormat Format { get; } = new(
        "markdown", [".md", ".markdown"], "A digest in the generator's own layout (table of contents, sections, numbering)", static (s, _) => new MarkdownDigestWriter(s));

    /// <inheritdoc/>
    public override ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ObjectDisposedException.ThrowIf(_completed, this);
        _papers.Add(OneLineFieldsOnOneLine(WithoutLoneSurrogates(paper, "Markdown")));
        return default;
    }

    /// <inheritdoc/>
    public override async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        var sections = new List<(string Category, List<Paper> Papers)>();
        var byCategory = new Dictionary<string, List<Paper>>(StringComparer.Ordinal);
        foreach (Paper paper in _papers)
        {
            string category = SectionOf(paper);
            if (!byCategory.TryGetValue(category, out List<Paper>? list))
            {
                list = [];
                byCategory.Add(category, list);
                sections.Add((category, list));
            }

            list.Add(paper);
        }

        var text = new StreamWriter(_output, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await using (text.ConfigureAwait(false))
        {
            var sb = new StringBuilder(16 * 1024);
            sb.Append("<div id=toc></div>\n\n# Table of Contents\n\n");
            foreach ((string category, List<Paper> papers) in sections)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- [{category}](#{category}) [Total: {papers.Count}]\n");
            }

            int index = 0;
            foreach ((string category, List<Paper> papers) in sections)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\n\n<div id='{category}'></div>\n\n# {category} [[Back]](#toc)\n\n");
                for (int i = 0; i < papers.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append("\n\n");
                    }

                    int start = sb.Length;
                    AppendPaper(sb, ++index, papers[i]);
                    CheckReadsBack(papers[i], category, sb, start);
                    await FlushAsync(text, sb, cancellationToken).ConfigureAwait(false);
                }
            }

            await FlushAsync(text, sb, cancellationToken, force: true).ConfigureAwait(false);
            await text.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        _papers.Clear();
    }

    /// <summary>
    /// The heading, author, category and label lines hold one line each: a line break there would end the line (and
    /// could start another paper), so it is written as a space, and reported.
    /// </summary>
    private Paper OneLineFieldsOnOneLine(Paper paper)
    {
        if (!HasBreak(paper.Title) && !HasBreak(paper.Url) && !HasBreak(paper.MainCategory) && !HasBreak(paper.Section)
            && (paper.Authors.IsDefault || !paper.Authors.Any(HasBreak)) && (paper.ExtraFields.IsDefault || !paper.ExtraFields.Any(f => HasBreak(f.Label))))
        {
            return paper;
        }

        var lineFields = new HashSet<string>(StringComparer.Ordinal) { "title", "url", "author", "main category", "section", "extra field label" };
        return PaperText.Map(paper, (field, value) =>
        {
            if (!lineFields.Contains(field) || !HasBreak(value))
            {
                return value;
            }

            ReportDiagnostic(paper, DiagnosticCodes.ValueNotExact, DiagnosticSeverity.Warning,
                $"Markdown: the {field} holds a line break, which its line of the digest cannot; written as a space.");
            return value.Replace('\n', ' ');
        });
    }

    // The writer's digest breaks lines with \n only, so a bare \r is content to a reader (docs/format.md).
    private static bool HasBreak(string? value) => value is not null && value.Contains('\n', StringComparison.Ordinal);

    private static async ValueTask FlushAsync(StreamWriter text, StringBuilder sb, CancellationToken cancellationToken, bool force = false)
    {
        if (force || sb.Length >= 32 * 1024)
        {
            await text.WriteAsync(sb, cancellationToken).ConfigureAwait(false);
            sb.Clear();
        }
    }

    private static string SectionOf(Paper paper) => paper.Section ?? paper.MainCategory ?? NoSection;

    /// <summary>
    /// The generator's paper template, values inserted verbatim. A field the paper does not have (null) is left out,
    /// so that it reads back as absent rather than as empty.
    /// </summary>
    private static void AppendPaper(StringBuilder sb, int index, Paper p)
    {
        sb.Append(CultureInfo.InvariantCulture, $"### [{index}] [{p.Title}]({p.Url})\n");
        sb.Append('*').AppendJoin(',', p.Authors).Append("*\n\n");
        AppendField(sb, "Main category: ", p.MainCategory, "\n\n");
        foreach (PaperField extra in p.ExtraFields)
        {
            if (extra.Label.Length > 0)
            {
                sb.Append(extra.Label).Append(": ");
            }

            sb.Append(extra.Value).Append("\n\n");
        }

        AppendField(sb, "TL;DR: ", p.Tldr, "\n\n\n");
        sb.Append("<details>\n  <summary>Details</summary>\n");
        AppendField(sb, "Motivation: ", p.Motivation, "\n\n");
        AppendField(sb, "Method: ", p.Method, "\n\n");
        AppendField(sb, "Result: ", p.Result, "\n\n");
        AppendField(sb, "Conclusion: ", p.Conclusion, "\n\n");
        AppendField(sb, "Abstract: ", p.Abstract, "\n\n");
        sb.Append("</details>\n");
    }

    private static void AppendField(StringBuilder sb, string label, string? value, string after)
    {
        if (value is not null)
        {
            sb.Append(label).Append(value).Append(after);
        }
    }

    /// <summary>
    /// Reads the paper just written (<paramref name="sb"/> from <paramref name="start"/>) back, under its section,
    /// with the reader itself, and reports every field that does not come back as it is: a value whose line starts
    /// like a later element of the template (<c>Method:</c> inside the motivation, <c>&lt;/details&gt;</c>, a paper
    /// heading), an author name with a comma, a section name a heading cannot hold. The digest is still written as
    /// the generator would write it; the diagnostic says where it will not read back.
    /// </summary>
    private void CheckReadsBack(Paper paper, string section, StringBuilder sb, int start)
    {
        var fragment = new StringBuilder(sb.Length - start + 128);
        fragment.Append(CultureInfo.InvariantCulture, $"<div id=toc></div>\n\n# Table of Contents\n\n- [{section}](#{section}) [Total: 1]\n");
        fragment.Append(CultureInfo.InvariantCulture, $"\n\n<div id='{section}'></div>\n\n# {section} [[Back]](#toc)\n\n");
        fragment.Append(sb, start, sb.Length - start);

        Digest digest;
        try
        {
            digest = DigestParser.Parse(Encoding.UTF8.GetBytes(fragment.ToString()), new DigestReaderOptions { MaxDiagnostics = 0 });
        }
        catch (DigestFormatException e)
        {
            ReportDiagnostic(paper, DiagnosticCodes.ValueNotExact, DiagnosticSeverity.Warning, $"Markdown: the paper does not read back ({e.Diagnostic.Message}); written as is.");
            return;
        }

        if (digest.TableOfContents.Length != 1 || digest.TableOfContents[0].Category != section
            || digest.Sections.Length == 0 || digest.Sections[0].Category != section)
        {
            ReportDiagnostic(paper, DiagnosticCodes.ValueNotExact, DiagnosticSeverity.Warning,
                $"Markdown: the paper's section '{Shorten(section)}' does not read back as written in the table of contents and the section heading; written as is.");
        }

        if (digest.Sections.Length > 1)
        {
            ReportDiagnostic(paper, DiagnosticCodes.ValueNotExact, DiagnosticSeverity.Warning,
                "Markdown: a value of the paper holds a section heading, so the papers after it read back under another section; written as is.");
        }

        if (digest.Papers.Length == 0)
        {
            ReportDiagnostic(paper, DiagnosticCodes.ValueNotExact, DiagnosticSeverity.Warning, "Markdown: the paper does not read back as a paper; written as is.");
            return;
        }

        Paper read = digest.Papers[0];
        Differ("title", paper.Title, read.Title);
        Differ("link", paper.Url, read.Url);
        if (!paper.Authors.AsSpan().SequenceEqual(read.Authors.AsSpan()))
        {
            ReportDiagnostic(paper, DiagnosticCodes.ValueNotExact, DiagnosticSeverity.Warning,
                "Markdown: the authors do not read back as written (a name with a comma, leading or trailing spaces, or an empty name); written as is.");
        }

        Differ("main category", paper.MainCategory, read.MainCategory);
        Differ("TL;DR", paper.Tldr, read.Tldr);
        Differ("motivation", paper.Motivation, read.Motivation);
        Differ("method", paper.Method, read.Method);
        Differ("result", paper.Result, read.Result);
        Differ("conclusion", paper.Conclusion, read.Conclusion);
        Differ("abstract", paper.Abstract, read.Abstract);
        if (!paper.ExtraFields.Select(f => (f.Label, f.Value)).SequenceEqual(read.ExtraFields.Select(f => (f.Label, f.Value))))
        {
            ReportDiagnostic(paper, DiagnosticCodes.ValueNotExact, DiagnosticSeverity.Warning,
                "Markdown: the extra fields do not read back as written (a label a reader does not take for one, or a value that runs into the next); written as is.");
        }

        if (digest.Papers.Length > 1)
        {
            ReportDiagnostic(paper, DiagnosticCodes.ValueNotExact, DiagnosticSeverity.Warning, string.Create(CultureInfo.InvariantCulture,
                $"Markdown: a value of the paper holds a paper heading, so the paper reads back as {digest.Papers.Length} papers; written as is."));
        }

        void Differ(string field, string? written, string? back)
        {
            if (!string.Equals(written, back, StringComparison.Ordinal))
            {
                ReportDiagnostic(paper, DiagnosticCodes.ValueNotExact, DiagnosticSeverity.Warning,
                    $"Markdown: the {field} does not read back as written{Where(written, back)}; written as is.");
            }
        }
    }

    /// <summary>Where a value read back stops short of the value written: the line a reader took for the next element.</summary>
    private static string Where(string? written, string? back)
    {
        if (written is null || back is null || back.Length >= written.Length || !written.StartsWith(back, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        int line = back.Length;
        while (line < written.Length && written[line] == '\n')
        {
            line++;
        }

        int end = written.IndexOf('\n', line);
        string text = written[line..(end < 0 ? written.Length : end)];
        return $" (a reader takes its line '{Shorten(text)}' for the start of another element)";
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
