using System.Text;
using System.Text.Json;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>A complete, readable text form of a parsed digest, for snapshots and for comparing two parses.</summary>
internal static class ModelText
{
    public static string Describe(Digest digest)
    {
        var sb = new StringBuilder();
        sb.Append("date: ").Append(digest.Date?.ToString("yyyy-MM-dd") ?? "(none)").Append('\n');
        sb.Append("table of contents:\n");
        foreach (TocEntry e in digest.TableOfContents)
        {
            sb.Append($"  {e.Category} total {e.Total} (line {e.Location.Line})\n");
        }

        sb.Append("sections:\n");
        foreach (DigestSection s in digest.Sections)
        {
            sb.Append($"  {s.Category}: {s.Papers.Length} papers (line {s.Location.Line})\n");
        }

        sb.Append("unrecognized text:\n");
        foreach (UnrecognizedText t in digest.UnrecognizedText)
        {
            sb.Append($"  line {t.Location.Line}: {Quote(t.Text)}\n");
        }

        sb.Append("diagnostics:\n");
        foreach (DigestDiagnostic d in digest.Diagnostics)
        {
            sb.Append("  ").Append(d.ToString()).Append('\n');
        }

        sb.Append($"papers: {digest.Papers.Length}\n");
        foreach (Paper p in digest.Papers)
        {
            sb.Append(Describe(p));
        }

        return sb.ToString();
    }

    public static string Describe(Paper p)
    {
        var sb = new StringBuilder();
        sb.Append($"- [{p.Index}] {p.Id} at {p.Location.Line}:{p.Location.Column}\n");
        sb.Append($"  title: {Quote(p.Title)}\n");
        sb.Append($"  url: {p.Url}\n");
        sb.Append($"  authors: {Quote(string.Join(" | ", p.Authors))} ({p.Authors.Length})\n");
        sb.Append($"  main category: {p.MainCategory} / section: {p.Section} / date: {p.DigestDate?.ToString("yyyy-MM-dd")}\n");
        foreach ((string name, string? value) in new[]
        {
            ("tldr", p.Tldr), ("motivation", p.Motivation), ("method", p.Method),
            ("result", p.Result), ("conclusion", p.Conclusion), ("abstract", p.Abstract),
        })
        {
            sb.Append($"  {name}: {Quote(value)}\n");
        }

        foreach (PaperField f in p.ExtraFields)
        {
            sb.Append($"  extra {Quote(f.Label)} (line {f.Location.Line}): {Quote(f.Value)}\n");
        }

        return sb.ToString();
    }

    private static string Quote(string? s) => s is null ? "<null>" : JsonSerializer.Serialize(s, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
