using System.Text;
using System.Text.RegularExpressions;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers.Bibtex;

namespace ArxivDigest.Parsing.Tests.Writers.Bibtex;

/// <summary>
/// Case protection, checked through bibtex's own output: a month of titles goes through the plain style (which
/// lower-cases titles but for their first letter, the letter after <c>: </c> and what is braced), and each word of
/// each title must come out in the case the rule says, no more protected and no less.
/// </summary>
public sealed partial class BibtexCaseTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-bbl-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>January 2026: the corpus's three days, or the bundled day without the corpus.</summary>
    private static List<Paper> Month() =>
    [
        .. CitationKeyTests.CorpusFiles()
            .Where(f => DigestParser.DateFromFileName(f) is { Year: 2026, Month: 1 })
            .SelectMany(f => DigestParser.ParseFile(f).Papers),
    ];

    [ToolFact("bibtex")]
    public async Task A_month_through_plain_bibtex_keeps_exactly_the_capitals_that_must_stay()
    {
        List<Paper> papers = Month();
        Assert.NotEmpty(papers);
        string bib = await CitationKeyTests.WriteAsync(papers);
        await File.WriteAllTextAsync(Path.Combine(_temp, "refs.bib"), bib);
        await File.WriteAllTextAsync(Path.Combine(_temp, "doc.aux"), "\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n");
        (int code, string output) = await TexTools.RunAsync("bibtex", ["doc"], _temp, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, output);
        string bbl = await File.ReadAllTextAsync(Path.Combine(_temp, "doc.bbl"), Encoding.UTF8);

        var byKey = new Dictionary<string, Paper>(StringComparer.Ordinal);
        var byId = papers.GroupBy(p => p.Id!.Value.Id).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Id!.Value.Version ?? 0)!);
        foreach (Match m in EntryRegex().Matches(bib))
        {
            byKey[m.Groups[1].Value] = byId[ArxivId.Parse(m.Groups[2].Value).Id];
        }

        int checkedTitles = 0, skipped = 0, afterColon = 0, keptByName = 0, lowered = 0;
        var failures = new List<string>();
        foreach (Match item in BibitemRegex().Matches(bbl))
        {
            Paper paper = byKey[item.Groups[1].Value];
            string[] blocks = item.Groups[2].Value.Split("\\newblock ");
            if (paper.Authors.IsDefaultOrEmpty || blocks.Length < 2)
            {
                skipped++;
                continue;
            }

            string printed = TrailingDate().Replace(WhiteSpace().Replace(blocks[1], " ").Trim(), string.Empty);
            List<(string Word, bool AfterColon, bool InName)> source = Words(BibtexText.Clean(paper.Title), source: true);
            List<(string Word, bool AfterColon, bool InName)> result = Words(printed, source: false);
            if (source.Count != result.Count || source.Count == 0)
            {
                skipped++;
                continue;
            }

            checkedTitles++;
            IReadOnlySet<string> nouns = ProperNouns.FromAbstract(paper.Abstract);
            for (int i = 0; i < source.Count; i++)
            {
                string word = source[i].Word;
                string stem = word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("\u2019s", StringComparison.Ordinal) ? word[..^2] : word;
                bool keeps = i == 0 || source[i].AfterColon || source[i].InName || BibtexText.NeedsProtection(word)
                    || (char.IsUpper(word[0]) && (ProperNouns.Known.Contains(stem) || nouns.Contains(stem)));
                string expected = keeps ? word : new string([.. word.Select(c => c < 128 ? char.ToLowerInvariant(c) : c)]);
                afterColon += i > 0 && source[i].AfterColon && char.IsUpper(word[0]) ? 1 : 0;
                keptByName += i > 0 && !source[i].AfterColon && keeps && char.IsUpper(word[0]) ? 1 : 0;
                lowered += expected != word ? 1 : 0;
                if (result[i].Word != expected)
                {
                    failures.Add($"{paper.Id}: '{word}' printed '{result[i].Word}', expected '{expected}' in: {printed}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
        Assert.True(checkedTitles >= papers.Select(p => p.Id!.Value.Id).Distinct().Count() * 9 / 10, $"{checkedTitles} titles checked, {skipped} skipped");
        Assert.True(afterColon > 0 && keptByName > 0 && lowered > 0, $"{afterColon} after a colon, {keptByName} kept, {lowered} lowered");
    }

    [Fact]
    public void Reading_only_the_capitals_of_an_abstract_finds_the_proper_nouns_reading_every_word_finds()
    {
        int papers = 0, nouns = 0;
        foreach (Paper paper in CitationKeyTests.CorpusFiles().SelectMany(f => DigestParser.ParseFile(f).Papers))
        {
            IReadOnlySet<string> expected = ProperNounsOracle.FromAbstract(paper.Abstract);
            IReadOnlySet<string> found = ProperNouns.FromAbstract(paper.Abstract);
            Assert.True(
                expected.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(found.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase),
                $"{paper.Id}: expected [{string.Join(", ", expected)}], found [{string.Join(", ", found)}] in: {paper.Abstract}");
            papers++;
            nouns += expected.Count;
        }

        Assert.True(nouns > 0, $"{nouns} proper nouns in {papers} abstracts");
    }

    /// <summary>
    /// The words of a title (runs of letters and digits; math spans and LaTeX commands skipped), each with whether it
    /// follows a colon and white space (which plain keeps).
    /// </summary>
    private static List<(string Word, bool AfterColon, bool InName)> Words(string text, bool source)
    {
        var words = new List<(string Word, bool AfterColon, int Group)>();
        var names = new HashSet<int>();
        int group = 0;
        bool inMath = false;
        bool colon = false;
        bool colonSpace = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '$')
            {
                // Math touching a letter or digit makes its space-separated word a name, braced whole.
                bool touches = inMath ? i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) : i > 0 && char.IsLetterOrDigit(text[i - 1]);
                if (touches)
                {
                    names.Add(group);
                }

                inMath = !inMath;
                colon = colonSpace = false;
                continue;
            }

            if (inMath)
            {
                continue;
            }

            if (c == '\\' && !source)
            {
                while (i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))
                {
                    i++;
                }

                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                int start = i;
                while (i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || (text[i + 1] is '\'' or '\u2019' && i + 2 < text.Length && char.IsLetter(text[i + 2]))))
                {
                    i++;
                }

                words.Add((text[start..(i + 1)], colonSpace, group));
                colon = colonSpace = false;
                continue;
            }

            if (c is '{' or '}' && !source)
            {
                continue;
            }

            group += char.IsWhiteSpace(c) ? 1 : 0;
            colonSpace = colon && char.IsWhiteSpace(c) || (colonSpace && char.IsWhiteSpace(c));
            colon = c == ':';
        }

        return [.. words.Select(w => (w.Word, w.AfterColon, source && names.Contains(w.Group)))];
    }

    [GeneratedRegex(@"@misc\{([^,]+),\n(?:.*\n)*?  eprint = \{([^}]+)\}")]
    private static partial Regex EntryRegex();

    [GeneratedRegex(@"\\bibitem\{([^}]+)\}\n(.*?)(?=\n\n|\n\\end\{thebibliography\})", RegexOptions.Singleline)]
    private static partial Regex BibitemRegex();

    [GeneratedRegex(@",? (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\.?$")]
    private static partial Regex TrailingDate();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
