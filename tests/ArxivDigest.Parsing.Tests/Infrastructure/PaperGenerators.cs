using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>
/// FsCheck generators of papers whose text is what real digests are made of, and what breaks naive readers: CJK,
/// emoji (surrogate pairs), Markdown and LaTeX punctuation, leading and trailing spaces, inner blank lines, and lines
/// that start with another field's label or with the template's markup.
/// </summary>
internal static class PaperGenerators
{
    private static readonly string[] Words =
    [
        "diffusion", "model", "graph", "we", "propose", "a", "the", "of", "LLM", "3D", "NeRF", "x", "Transformer",
        "扩散模型", "图神经网络", "数据集", "実験", "모델", "Ünïcödé", "naïve", "Ωmega", "αβγ", "😀", "🚀", "👩‍🔬", "𝔼", "🇨🇳",
    ];

    private static readonly string[] Punctuation =
    [
        "[", "]", "(", ")", "*", "**", "$", "$x^2$", "&", "%", "\\", "\\frac{a}{b}", "#", "_", "~", "^", "{", "}", "<", ">",
        "](", "] [", "`code`", ",", ":", ";", "|", "\"", "'", "\t", "\u00A0", "\u200B",
    ];

    /// <summary>Lines that mean something to the reader when they start a line inside a value.</summary>
    private static readonly string[] LineStarts =
    [
        "Main category: ", "TL;DR: ", "Motivation: ", "Method: ", "Result: ", "Conclusion: ", "Abstract: ",
        "Keywords: ", "Background: ", "<details>", "  <summary>Details</summary>", "</details>", "### [", "### [3] [T](https://arxiv.org/abs/2601.00003)",
        "# cs.XX [[Back]](#toc)", "<div id='cs.XX'></div>", "- [cs.XX](#cs.XX) [Total: 1]", "*", "* a bullet", "1. item", "> quote",
    ];

    /// <summary>One line of text (no line break): words, punctuation, spaces.</summary>
    public static Gen<string> Line { get; } =
        Gen.Frequency(
                (6, Gen.Elements(Words)),
                (3, Gen.Elements(Punctuation)),
                (3, Gen.Constant(" ")),
                (1, Gen.Constant("  ")))
            .ListOf()
            .Select(parts => string.Concat(parts));

    /// <summary>A field value: lines joined by line breaks, with blank lines, leading and trailing spaces or breaks, and lines that start with labels or markup.</summary>
    public static Gen<string> Value { get; } =
        Gen.Frequency(
                (8, Line),
                (1, Gen.Constant(string.Empty)),
                (2, Gen.Elements(LineStarts).SelectMany(start => Line.Select(rest => start + rest))))
            .NonEmptyListOf()
            .SelectMany(lines => Gen.Elements("\n", "\n\n", "\n\n\n").ArrayOf(lines.Count).Select(breaks => Join(lines, breaks)))
            .SelectMany(v => Gen.Frequency((6, Gen.Constant(v)), (1, Gen.Constant(" " + v)), (1, Gen.Constant(v + " ")), (1, Gen.Constant(v + "\n")), (1, Gen.Constant("\n" + v))));

    /// <summary>
    /// A field value that a digest can always hold: lines (blank ones too, with spaces) that each start with a
    /// lower-case word, so none starts like a label or markup.
    /// </summary>
    public static Gen<string> PlainValue { get; } =
        Gen.Frequency(
                (8, Gen.Zip(Gen.Elements("we", "a", "the", "results", "x"), Line).Select(t => t.Item1 + t.Item2)),
                (1, Gen.Constant(string.Empty)),
                (1, Gen.Constant("   ")))
            .NonEmptyListOf()
            .Select(lines => string.Join('\n', lines))
            .SelectMany(v => Gen.Frequency((6, Gen.Constant(v)), (1, Gen.Constant(" " + v)), (1, Gen.Constant(v + " ")), (1, Gen.Constant(v + "\n"))));

    /// <summary>A single-line value such as a title or a category.</summary>
    public static Gen<string> SingleLine { get; } = Line;

    /// <summary>An author's name: words and punctuation, no comma.</summary>
    public static Gen<string> Author { get; } =
        Gen.Frequency((6, Gen.Elements(Words)), (1, Gen.Elements("*", "-", ".", "'", " ", "Jr.", "(MIT)")))
            .NonEmptyListOf()
            .Select(parts => string.Join(' ', parts).Trim())
            .Where(name => name.Length > 0);

    /// <summary>An arXiv identifier, new or old style, sometimes versioned.</summary>
    public static Gen<string> Identifier { get; } =
        Gen.OneOf(
            from year in Gen.Choose(7, 26)
            from month in Gen.Choose(1, 12)
            from number in Gen.Choose(1, 99999)
            select string.Create(CultureInfo.InvariantCulture, $"{year:00}{month:00}.{number:00000}"),
            from archive in Gen.Elements("math", "hep-th", "cs")
            from year in Gen.Elements(91, 95, 99, 0, 3, 6)
            from month in Gen.Choose(1, 12)
            from number in Gen.Choose(1, 999)
            select string.Create(CultureInfo.InvariantCulture, $"{archive}/{year:00}{month:00}{number:000}"))
        .SelectMany(id => Gen.Frequency((4, Gen.Constant(id)), (1, Gen.Choose(1, 9).Select(v => id + "v" + v.ToString(CultureInfo.InvariantCulture)))));

    /// <summary>A label a fork might add (<c>Keywords</c>, <c>Score</c>, …).</summary>
    public static Gen<string> ExtraLabel { get; } = Gen.Elements("Keywords", "Score", "Relevance", "Key Contributions", "Tags", "Why");

    /// <summary>A paper with every template field present, its values drawn from <see cref="Value"/> (hostile).</summary>
    public static Gen<Paper> Paper { get; } = PaperOf(Value, Gen.Zip(ExtraLabel, Line));

    /// <summary>A paper whose values a digest can always hold (<see cref="PlainValue"/>).</summary>
    public static Gen<Paper> PlainPaper { get; } = PaperOf(PlainValue, Gen.Zip(ExtraLabel, Gen.Elements("x", "diffusion, graphs", "4/5", "扩散模型")));

    /// <summary>One to four hostile papers, each at its own line (so diagnostics say which paper they are about).</summary>
    public static Gen<ImmutableArray<Paper>> Papers { get; } = Numbered(Paper);

    /// <summary>One to four papers a digest can always hold.</summary>
    public static Gen<ImmutableArray<Paper>> PlainPapers { get; } = Numbered(PlainPaper);

    private static Gen<ImmutableArray<Paper>> Numbered(Gen<Paper> paper) =>
        paper.NonEmptyListOf().Resize(4).Select(list => list
            .Select((p, i) => p with { Location = new SourceLocation("generated.md", i + 1, 1) })
            .ToImmutableArray());

    private static Gen<Paper> PaperOf(Gen<string> value, Gen<(string, string)> extra) =>
        from title in SingleLine
        from id in Identifier
        from authors in Author.ListOf()
        from category in Gen.Elements("cs.CV", "cs.CL", "cs.LG", "stat.ML", "q-bio.NC", "math.OC")
        from tldr in value
        from motivation in value
        from method in value
        from result in value
        from conclusion in value
        from abstractText in value
        from extras in extra.ListOf().Resize(2)
        select new Paper
        {
            Title = title,
            Url = "https://arxiv.org/abs/" + id,
            Id = ArxivId.TryParseUrl("https://arxiv.org/abs/" + id, out ArxivId parsed) ? parsed : throw new InvalidOperationException("not an identifier: " + id),
            Authors = [.. authors],
            MainCategory = category,
            Section = category,
            Tldr = tldr,
            Motivation = motivation,
            Method = method,
            Result = result,
            Conclusion = conclusion,
            Abstract = abstractText,
            ExtraFields = [.. extras.Select(e => new PaperField(e.Item1, e.Item2, default))],
        };

    private static string Join(List<string> lines, string[] breaks)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(breaks[i]);
            }

            sb.Append(lines[i]);
        }

        return sb.ToString();
    }
}
