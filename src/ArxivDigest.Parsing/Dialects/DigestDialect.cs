using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace ArxivDigest.Parsing;

/// <summary>
/// A digest layout: how a generator (the canonical daily-arXiv-ai-enhanced or one of its forks) writes a paper,
/// described by the generator's own per-paper template (<c>to_md/paper_template.md</c>). Immutable and thread-safe:
/// build one once and read any number of digests with it.
/// </summary>
/// <remarks>
/// A template is a Python <c>str.format</c> string. Its first line with <c>{title}</c> is the paper heading; every
/// later line is an element, in order: a label and its value (<c>**Method:** {method}</c>), a label line with the
/// value below it (<c>#### 🧩 TL;DR</c> then <c>{tldr}</c>), a line of values and text (<c>*{authors}*</c>,
/// <c>**Read time:** {read_time} min</c>) or markup (<c>&lt;details&gt;</c>, <c>---</c>); a last markup line closes the
/// paper. A value runs to the next element of the template, so a line inside an abstract that looks like another
/// label is content. Placeholders the model has a property for (<c>idx</c>, <c>title</c>, <c>url</c>, <c>authors</c>,
/// <c>cate</c>, <c>categories</c>, <c>tldr</c>, <c>motivation</c>, <c>method</c>, <c>result</c>, <c>conclusion</c>,
/// <c>summary</c>, <c>comment</c>) fill it; every other placeholder is an extra field whose <see cref="PaperField.Key"/>
/// is the placeholder's name. The table of contents and section headings, which forks' scripts write around the
/// papers, are recognised in their common shapes for every dialect (see docs/dialects.md).
/// </remarks>
public sealed class DigestDialect
{
    private static readonly Lazy<ImmutableArray<DigestDialect>> All = new(() =>
    [
        DailyArxivDialect.Instance,
        BoldLabelsDialect.Instance,
        ChineseLabelsDialect.Instance,
        HeadingsDialect.Instance,
        BlockquoteExtendedDialect.Instance,
        BlockquoteExtendedBDialect.Instance,
        BlockquoteExtendedADialect.Instance,
        OldestDialect.Instance,
    ]);

    private static readonly Lazy<FrozenDictionary<string, DigestDialect>> ByName = new(() =>
    {
        var names = new Dictionary<string, DigestDialect>(StringComparer.OrdinalIgnoreCase);
        foreach (DigestDialect d in All.Value)
        {
            names.Add(d.Name, d);
            foreach (string alias in d.Aliases)
            {
                names.Add(alias, d);
            }
        }

        return names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    });

    private DigestDialect(string name, string description, string paperTemplate, ImmutableArray<string> aliases, IReadOnlyDictionary<string, string>? keys, bool builtIn, string authorSeparator)
    {
        AuthorSeparator = authorSeparator;
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(paperTemplate);
        Name = name;
        Description = description;
        PaperTemplate = paperTemplate;
        Aliases = aliases;
        IsBuiltIn = builtIn;
        Keys = keys is null ? ImmutableDictionary<string, string>.Empty : keys.ToImmutableDictionary(StringComparer.Ordinal);
        Template = Parsing.PaperTemplate.Compile(paperTemplate, Keys);
        Fields = [.. DescribeFields(Template)];
    }

    /// <summary>The canonical layout of dw-dengwei/daily-arXiv-ai-enhanced (<c>daily-arxiv</c>).</summary>
    public static DigestDialect Canonical => DailyArxivDialect.Instance;

    /// <summary>The dialects this library knows, the canonical one first.</summary>
    public static ImmutableArray<DigestDialect> BuiltIn => All.Value;

    /// <summary>The dialect's name (<c>bold-labels</c>), or for a template the name it was given.</summary>
    public string Name { get; }

    /// <summary>Other names the dialect answers to (the repository it comes from, say).</summary>
    public ImmutableArray<string> Aliases { get; }

    /// <summary>Where the layout comes from, in a sentence.</summary>
    public string Description { get; }

    /// <summary>The per-paper template, as the generator's <c>to_md/paper_template.md</c> writes it.</summary>
    public string PaperTemplate { get; }

    /// <summary>The renames of extra fields' keys (placeholder name to <see cref="PaperField.Key"/>), for a fork whose template names differ from its JSON keys.</summary>
    public ImmutableDictionary<string, string> Keys { get; }

    /// <summary>The fields a paper of this layout carries after its heading and authors, in template order.</summary>
    public ImmutableArray<DialectField> Fields { get; }

    /// <summary>
    /// How the generator joins the authors on their line: <c>","</c> upstream, <c>", "</c> in most forks. The reader
    /// splits on the comma and trims either; the Markdown writer joins with this.
    /// </summary>
    public string AuthorSeparator { get; }

    /// <summary>Whether the dialect is one of <see cref="BuiltIn"/>.</summary>
    public bool IsBuiltIn { get; }

    internal PaperTemplate Template { get; }

    /// <summary>A built-in dialect by name or alias, case-insensitively.</summary>
    public static bool TryGetBuiltIn(string name, [NotNullWhen(true)] out DigestDialect? dialect)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.Value.TryGetValue(name, out dialect);
    }

    /// <summary>A dialect from a fork's paper template text (its <c>to_md/paper_template.md</c>).</summary>
    /// <param name="paperTemplate">The template: a Python <c>str.format</c> string with <c>{name}</c> placeholders.</param>
    /// <param name="name">What to call the dialect in diagnostics; <c>template</c> by default.</param>
    /// <param name="keys">Renames of extra fields' keys (placeholder name to key), if the fork's JSON keys differ from its placeholders.</param>
    /// <exception cref="FormatException">The template has no <c>{title}</c> line, or a <c>{</c> is not closed.</exception>
    /// <param name="authorSeparator">How the fork joins authors (for writing); by default that of a built-in dialect with the same template, else <c>", "</c>.</param>
    public static DigestDialect FromTemplate(string paperTemplate, string? name = null, IReadOnlyDictionary<string, string>? keys = null, string? authorSeparator = null)
    {
        ArgumentNullException.ThrowIfNull(paperTemplate);
        string normalized = paperTemplate.ReplaceLineEndings("\n");
        authorSeparator ??= All.Value.FirstOrDefault(d => d.PaperTemplate == normalized)?.AuthorSeparator ?? ", ";
        return new(name ?? "template", "A layout read from a paper template.", paperTemplate, [], keys, builtIn: false, authorSeparator);
    }

    /// <summary>A dialect from a paper template file; the dialect is named after the file.</summary>
    /// <exception cref="FormatException">The file is not a usable template.</exception>
    public static DigestDialect FromTemplateFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromTemplate(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Makes a built-in dialect (one file per dialect in <c>Dialects/BuiltIn/</c>).</summary>
    internal static DigestDialect CreateBuiltIn(string name, string description, string paperTemplate, string[] aliases, string authorSeparator, IReadOnlyDictionary<string, string>? keys = null)
        => new(name, description, paperTemplate, [.. aliases], keys, builtIn: true, authorSeparator);

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static bool IsHeadingOrAuthors(TemplateSlot slot)
        => slot is TemplateSlot.Authors or TemplateSlot.Title or TemplateSlot.Url or TemplateSlot.Index or TemplateSlot.ArxivId;

    private static IEnumerable<DialectField> DescribeFields(PaperTemplate template)
    {
        foreach (TemplateElement e in template.Elements)
        {
            if (e.Placeholder is TemplatePlaceholder p && !IsHeadingOrAuthors(p.Slot))
            {
                string label = System.Text.Encoding.UTF8.GetString(e.Match);
                DialectFieldFrame frame = e.ValueBelow
                    ? (label.StartsWith('#') ? DialectFieldFrame.HeadingAbove : DialectFieldFrame.LineAbove)
                    : label.StartsWith("> ", StringComparison.Ordinal) ? DialectFieldFrame.Blockquote
                    : label.StartsWith("- ", StringComparison.Ordinal) || label.StartsWith("* ", StringComparison.Ordinal) ? DialectFieldFrame.Bullet
                    : label.StartsWith("**", StringComparison.Ordinal) ? DialectFieldFrame.Bold
                    : DialectFieldFrame.Plain;
                yield return new DialectField(p.Name, p.Label, p.FieldKind, p.Key, frame);
            }
            else if (e.Pattern is LinePattern pattern)
            {
                foreach (TemplatePlaceholder q in pattern.Placeholders)
                {
                    if (!IsHeadingOrAuthors(q.Slot))
                    {
                        yield return new DialectField(q.Name, q.Label, q.FieldKind, q.Key, DialectFieldFrame.WithinLine);
                    }
                }
            }
        }
    }
}
