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

                    AppendPaper(sb, ++index, papers[i]);
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

    /// <summary>The generator's paper template, values inserted verbatim.</summary>
    private static void AppendPaper(StringBuilder sb, int index, Paper p)
    {
        sb.Append(CultureInfo.InvariantCulture, $"### [{index}] [{p.Title}]({p.Url})\n");
        sb.Append('*').AppendJoin(',', p.Authors).Append("*\n\n");
        sb.Append("Main category: ").Append(p.MainCategory ?? SectionOf(p)).Append("\n\n");
        foreach (PaperField extra in p.ExtraFields)
        {
            if (extra.Label.Length > 0)
            {
                sb.Append(extra.Label).Append(": ");
            }

            sb.Append(extra.Value).Append("\n\n");
        }

        sb.Append("TL;DR: ").Append(p.Tldr).Append("\n\n\n");
        sb.Append("<details>\n  <summary>Details</summary>\n");
        sb.Append("Motivation: ").Append(p.Motivation).Append("\n\n");
        sb.Append("Method: ").Append(p.Method).Append("\n\n");
        sb.Append("Result: ").Append(p.Result).Append("\n\n");
        sb.Append("Conclusion: ").Append(p.Conclusion).Append("\n\n");
        sb.Append("Abstract: ").Append(p.Abstract).Append("\n\n");
        sb.Append("</details>\n");
    }
}
