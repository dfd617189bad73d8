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
/// Given a <see cref="DigestDialect"/>, each paper is written from that dialect's paper template, as the fork's own
/// generator writes it: a paper read in that dialect comes back byte for byte. Extra fields the template names go in
/// their place; other extra fields, and fields of the model the template has no place for, are written after the
/// authors with a label as the template writes labels, so that no text is lost.
/// </remarks>
public sealed class MarkdownDigestWriter : PaperWriter
{
    private const string NoSection = "Uncategorized";

    private readonly Stream _output;
    private readonly DigestDialect _dialect;
    private readonly List<Paper> _papers = [];
    private bool _completed;

    /// <summary>Creates a writer over <paramref name="output"/> (not disposed by the writer) in the canonical layout.</summary>
    public MarkdownDigestWriter(Stream output)
        : this(output, dialect: null)
    {
    }

    /// <summary>Creates a writer over <paramref name="output"/> (not disposed by the writer) whose papers are in <paramref name="dialect"/>'s layout.</summary>
    public MarkdownDigestWriter(Stream output, DigestDialect? dialect)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _dialect = dialect ?? DigestDialect.Canonical;
    }

    /// <summary>The <c>markdown</c> format (<c>.md</c>): the layout is <see cref="MarkdownDigestWriterOptions.Dialect"/>, which a tool sets to the one it reads with.</summary>
    public static PaperWriterFormat<MarkdownDigestWriterOptions> Format { get; } = new MarkdownFormat();

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
                    if (ReferenceEquals(_dialect, DigestDialect.Canonical))
                    {
                        AppendPaper(sb, ++index, papers[i]);
                    }
                    else
                    {
                        AppendPaper(sb, ++index, papers[i], category);
                    }

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

    /// <summary>A paper from the dialect's template (a Python <c>str.format</c> string), values inserted verbatim.</summary>
    private void AppendPaper(StringBuilder sb, int index, Paper p, string section)
    {
        PaperTemplate template = _dialect.Template;
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (TemplatePlaceholder placeholder in template.Placeholders)
        {
            if (placeholder.Key is string key)
            {
                named.Add(key);
            }
        }

        string text = _dialect.PaperTemplate.ReplaceLineEndings("\n");
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int nl = text.IndexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.Length : nl + 1;
            string line = text[lineStart..lineEnd];
            AppendFormatted(sb, line, index, p);
            lineStart = lineEnd;
            // What the template has no place for goes after the authors line (or the heading, without one), where a reader keeps it.
            if (line.Contains(template.Authors is null ? "{title" : "{authors", StringComparison.Ordinal))
            {
                AppendUnplaced(sb, p, named, section, template);
            }
        }
    }

    /// <summary>Extra fields the template does not name, and model fields it has no place for: labelled lines a reader of the layout keeps.</summary>
    private static void AppendUnplaced(StringBuilder sb, Paper p, HashSet<string> named, string section, PaperTemplate template)
    {
        bool Has(TemplateSlot slot) => template.Placeholders.Any(x => x.Slot == slot);
        void Line(string label, string value) => sb.Append('\n').Append(label.Length == 0 ? string.Empty : template.LabelPrefix(label)).Append(value).Append('\n');

        if (p.MainCategory is string category && !Has(TemplateSlot.MainCategory) && !Has(TemplateSlot.Categories) && category != section)
        {
            Line("Main category", category);
        }

        (TemplateSlot Slot, string Label, string? Value)[] summary =
        [
            (TemplateSlot.Tldr, "TL;DR", p.Tldr), (TemplateSlot.Motivation, "Motivation", p.Motivation), (TemplateSlot.Method, "Method", p.Method),
            (TemplateSlot.Result, "Result", p.Result), (TemplateSlot.Conclusion, "Conclusion", p.Conclusion), (TemplateSlot.Abstract, "Abstract", p.Abstract),
        ];
        foreach ((TemplateSlot slot, string label, string? value) in summary)
        {
            if (value is not null && !Has(slot))
            {
                Line(label, value);
            }
        }

        foreach (PaperField extra in p.ExtraFields)
        {
            if (extra.Key is null || !named.Contains(extra.Key))
            {
                Line(extra.Label.Length == 0 && extra.Key is not null ? extra.Key : extra.Label, extra.Value);
            }
        }
    }

    /// <summary>One template line with its placeholders filled (<c>{{</c> and <c>}}</c> are braces).</summary>
    private void AppendFormatted(StringBuilder sb, string line, int index, Paper p)
    {
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if ((c == '{' || c == '}') && i + 1 < line.Length && line[i + 1] == c)
            {
                sb.Append(c);
                i++;
                continue;
            }

            int close = c == '{' ? line.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                sb.Append(c);
                continue;
            }

            string field = line[(i + 1)..close];
            int cut = field.IndexOfAny(['!', ':']);
            sb.Append(ValueOf((cut < 0 ? field : field[..cut]).Trim(), index, p));
            i = close;
        }
    }

    private string ValueOf(string name, int index, Paper p)
    {
        TemplatePlaceholder? placeholder = Array.Find(_dialect.Template.Placeholders, x => x.Name == name);
        return placeholder?.Slot switch
        {
            TemplateSlot.Index => index.ToString(CultureInfo.InvariantCulture),
            TemplateSlot.Title => p.Title,
            TemplateSlot.Url => p.Url,
            TemplateSlot.ArxivId => p.Id?.ToString() ?? p.Url[(p.Url.TrimEnd('/').LastIndexOf('/') + 1)..],
            TemplateSlot.Authors => string.Join(_dialect.AuthorSeparator, p.Authors.IsDefault ? [] : p.Authors),
            TemplateSlot.MainCategory => p.MainCategory ?? p.Section ?? string.Empty,
            TemplateSlot.Categories => p.Categories.IsDefaultOrEmpty ? p.MainCategory ?? string.Empty : string.Join(", ", p.Categories),
            TemplateSlot.Extra => p.ExtraFields.FirstOrDefault(f => f.Key == placeholder.Key)?.Value ?? string.Empty,
            null => string.Empty,
            _ => p.GetField(placeholder.FieldKind) ?? string.Empty,
        };
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
            digest = DigestParser.Parse(Encoding.UTF8.GetBytes(fragment.ToString()), new DigestReaderOptions { MaxDiagnostics = 0, Dialect = _dialect });
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

        Differ("main category", paper.MainCategory, read.MainCategory ?? (paper.MainCategory is null || HasSlot(TemplateSlot.MainCategory) || HasSlot(TemplateSlot.Categories) ? null : read.Section));
        Differ("TL;DR", paper.Tldr, read.Tldr);
        Differ("motivation", paper.Motivation, read.Motivation);
        Differ("method", paper.Method, read.Method);
        Differ("result", paper.Result, read.Result);
        Differ("conclusion", paper.Conclusion, read.Conclusion);
        Differ("abstract", paper.Abstract, read.Abstract);
        if (!ExtrasOf(paper).SequenceEqual(ExtrasOf(read)))
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
            // A template's placeholder is always written; one the paper lacks comes back empty.
            bool emptyForNull = written is null && back is { Length: 0 } && !ReferenceEquals(_dialect, DigestDialect.Canonical);
            if (!string.Equals(written, back, StringComparison.Ordinal) && !emptyForNull)
            {
                ReportDiagnostic(paper, DiagnosticCodes.ValueNotExact, DiagnosticSeverity.Warning,
                    $"Markdown: the {field} does not read back as written{Where(written, back)}; written as is.");
            }
        }
    }

    private bool HasSlot(TemplateSlot slot) => _dialect.Template.Placeholders.Any(x => x.Slot == slot);

    /// <summary>
    /// A paper's extra fields as a reader of this layout gives them back: a field the template names by its key
    /// (the label is the template's), any other by label and value, in the order they are written.
    /// </summary>
    private IEnumerable<(string, string)> ExtrasOf(Paper paper)
    {
        if (ReferenceEquals(_dialect, DigestDialect.Canonical))
        {
            return paper.ExtraFields.Select(f => (f.Label, f.Value));
        }

        var named = new HashSet<string>(_dialect.Template.Placeholders.Select(x => x.Key).OfType<string>(), StringComparer.Ordinal);
        return paper.ExtraFields
            .Select(f => f.Key is string key && named.Contains(key) ? ("key:" + key, f.Value) : ("label:" + (f.Label.Length == 0 ? f.Key ?? string.Empty : f.Label), f.Value))
            .Where(f => !(f.Item1.StartsWith("key:", StringComparison.Ordinal) && f.Value.Length == 0)) // a placeholder the paper has no value for is written empty
            .Order();
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

    /// <summary>The format writes the layout it is given, so the reading layout reaches it (<see cref="PaperWriterFormat.WithDialect"/>).</summary>
    private sealed class MarkdownFormat() : PaperWriterFormat<MarkdownDigestWriterOptions>(
        "markdown",
        [".md", ".markdown"],
        "A digest in the generator's own layout (table of contents, sections, numbering)",
        MarkdownDigestWriterOptions.Default,
        static (s, o) => new MarkdownDigestWriter(s, o.Dialect))
    {
        public override MarkdownDigestWriterOptions WithDialect(MarkdownDigestWriterOptions options, DigestDialect dialect) => options with { Dialect = dialect };
    }
}
