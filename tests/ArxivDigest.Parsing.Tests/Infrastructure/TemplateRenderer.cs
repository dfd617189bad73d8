using System.Text;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>
/// Renders digests as a fork's generator does, independently of the library: each paper from a Python
/// <c>str.format</c> template with values inserted verbatim, inside the table of contents and sections that the
/// generator's <c>convert.py</c> writes. A test's reference for what any dialect's digest looks like.
/// </summary>
internal static class TemplateRenderer
{
    /// <summary>A digest: per section, its papers, each a placeholder-to-value map (<c>idx</c> is numbered here).</summary>
    public static string Render(string template, IReadOnlyList<(string Section, IReadOnlyList<Dictionary<string, string>> Papers)> sections)
    {
        var sb = new StringBuilder("<div id=toc></div>\n\n# Table of Contents\n\n");
        foreach ((string section, IReadOnlyList<Dictionary<string, string>> papers) in sections)
        {
            sb.Append($"- [{section}](#{section}) [Total: {papers.Count}]\n");
        }

        int idx = 0;
        foreach ((string section, IReadOnlyList<Dictionary<string, string>> papers) in sections)
        {
            sb.Append($"\n\n<div id='{section}'></div>\n\n# {section} [[Back]](#toc)\n\n");
            sb.AppendJoin("\n\n", papers.Select(p => Format(template, new Dictionary<string, string>(p) { ["idx"] = (++idx).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        }

        return sb.ToString();
    }

    /// <summary>Python's <c>template.format(**values)</c> for plain names: <c>{{</c> and <c>}}</c> are braces.</summary>
    public static string Format(string template, IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if ((c is '{' or '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                sb.Append(c);
                i++;
            }
            else if (c == '{')
            {
                int close = template.IndexOf('}', i);
                sb.Append(values[template[(i + 1)..close]]);
                i = close;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
