using System.Text;

namespace ArxivDigest.Parsing.Writers.Bibtex;

/// <summary>
/// One rendered entry, waiting for its citation key: all the writer keeps of a paper until the output is complete.
/// </summary>
/// <param name="KeyBase">The key the paper asks for, before collisions are resolved.</param>
/// <param name="Id">The arXiv identifier, which orders colliding keys and finds duplicates.</param>
/// <param name="Tiebreak">For a paper without an identifier, what orders it among colliding keys (URL and title).</param>
/// <param name="Body">The fields, one a line, and the closing brace: everything after <c>@misc{KEY,</c>.</param>
internal sealed record BibtexEntry(string KeyBase, ArxivId? Id, string Tiebreak, string Body)
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Renders a paper's fields in arXiv's style.</summary>
    public static BibtexEntry Render(Paper paper, BibtexPaperWriterOptions settings, StringBuilder scratch)
    {
        scratch.Clear();
        var fields = new List<(string Name, string Value, bool Braced)>(10);

        if (BibtexText.Clean(paper.Title).Length > 0)
        {
            BibtexText.AppendTitle(scratch, paper.Title, settings.Ascii, ProperNouns.FromAbstract(paper.Abstract));
            fields.Add(("title", Take(scratch), true));
        }

        if (BibtexText.HasNames(paper.Authors))
        {
            BibtexText.AppendNames(scratch, paper.Authors, settings.Ascii);
            fields.Add(("author", Take(scratch), true));
        }

        (int Year, int Month)? date = paper.Id is ArxivId issued ? (issued.Year, issued.Month)
            : paper.DigestDate is DateOnly day ? (day.Year, day.Month)
            : null;
        if (date is (int year, int month))
        {
            fields.Add(("year", BibtexText.Number(year), true));
            fields.Add(("month", Months[month - 1], false));
        }

        if (paper.Id is ArxivId id)
        {
            fields.Add(("eprint", id.ToString(), true));
            fields.Add(("archivePrefix", "arXiv", true));
        }

        if (paper.MainCategory is string category && BibtexText.Clean(category).Length > 0)
        {
            BibtexText.AppendText(scratch, category, settings.Ascii);
            fields.Add(("primaryClass", Take(scratch), true));
        }

        string? url = paper.Id is ArxivId withUrl ? withUrl.AbsUrl : SafeUrl(paper.Url);
        if (url is not null)
        {
            fields.Add(("url", url, true));
        }

        if (settings.Doi && paper.Id is ArxivId withDoi)
        {
            fields.Add(("doi", withDoi.Doi, true));
        }

        if (settings.Abstract && paper.Abstract is string summary && BibtexText.Clean(summary).Length > 0)
        {
            BibtexText.AppendText(scratch, summary, settings.Ascii);
            fields.Add(("abstract", Take(scratch), true));
        }

        if (settings.Note == BibtexNote.Tldr && paper.Tldr is string tldr && BibtexText.Clean(tldr).Length > 0)
        {
            BibtexText.AppendText(scratch, tldr, settings.Ascii);
            fields.Add(("note", Take(scratch), true));
        }

        for (int i = 0; i < fields.Count; i++)
        {
            (string name, string value, bool braced) = fields[i];
            scratch.Append("  ").Append(name).Append(" = ");
            if (braced)
            {
                scratch.Append('{').Append(value).Append('}');
            }
            else
            {
                scratch.Append(value);
            }

            scratch.Append(i < fields.Count - 1 ? ",\n" : "\n");
        }

        scratch.Append("}\n");
        return KeyOnly(paper, settings) with { Body = Take(scratch) };
    }

    /// <summary>What <see cref="CitationKeys.Assign"/> needs of a paper, without the rendered fields (empty body).</summary>
    public static BibtexEntry KeyOnly(Paper paper, BibtexPaperWriterOptions settings)
    {
        string keyBase = settings.KeyStyle == BibtexKeyStyle.Arxiv && paper.Id is ArxivId forKey
            ? CitationKeys.ArxivKey(forKey)
            : CitationKeys.ScholarBase(paper);
        string tiebreak = paper.Id is null ? paper.Url + "\n" + paper.Title : string.Empty;
        return new BibtexEntry(keyBase, paper.Id, tiebreak, string.Empty);
    }

    private static string Take(StringBuilder scratch)
    {
        string value = scratch.ToString();
        scratch.Clear();
        return value;
    }

    /// <summary>A URL made only of characters that need no escaping anywhere (BibTeX, biber, LaTeX's <c>\url</c>), or null.</summary>
    private static string? SafeUrl(string url)
    {
        if (!(url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        foreach (char c in url)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or ':' or '/' or '?' or '=' or '+' or ',' or ';' or '@' or '!' or '*' or '(' or ')'))
            {
                return null;
            }
        }

        return url;
    }
}
