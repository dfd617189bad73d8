using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ArxivDigest.Parsing.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit.Abstractions;

namespace ArxivDigest.Parsing.Tests.Writers.Docx;

/// <summary>
/// A real office suite opens the reading list: LibreOffice converts one sample's document to PDF and the PDF's text
/// (poppler's pdftotext) holds every paper title and every Chinese TL;DR. Needs <c>soffice</c>, <c>pdftotext</c> and
/// <c>pdfinfo</c> (.ci/setup.d/libreoffice.sh installs them); on CI (CI=true) their absence fails the test, elsewhere
/// the test says so and passes.
/// </summary>
public sealed partial class DocxLibreOfficeTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-docx-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task LibreOffice_renders_every_title_and_the_chinese_tldr()
    {
        string? soffice = FindTool("soffice");
        string? pdftotext = FindTool("pdftotext");
        string? pdfinfo = FindTool("pdfinfo");
        if (soffice is null || pdftotext is null || pdfinfo is null)
        {
            string message = "soffice, pdftotext and pdfinfo are needed (run .ci/setup.d/libreoffice.sh)";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), message);
            output.WriteLine("Not run: " + message);
            return;
        }

        byte[] docx = await DocxTestDocument.WriteFileAsync(RepoPaths.Sample("2026-01-26.md"));
        string docxPath = Path.Combine(_temp, "reading-list.docx");
        await File.WriteAllBytesAsync(docxPath, docx);

        // A private profile, so the run neither depends on nor disturbs a user's LibreOffice, and a time limit.
        string profile = new Uri(Path.Combine(_temp, "profile")).AbsoluteUri;
        Run(soffice, TimeSpan.FromMinutes(3), $"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", _temp, docxPath);
        string pdf = Path.Combine(_temp, "reading-list.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF.");

        string text = Squeeze(Run(pdftotext, TimeSpan.FromMinutes(1), "-enc", "UTF-8", pdf, "-"));
        int pages = int.Parse(PagesLine().Match(Run(pdfinfo, TimeSpan.FromMinutes(1), pdf)).Groups[1].Value, CultureInfo.InvariantCulture);
        output.WriteLine($"{pages} pages, {text.Length} characters of text");

        using WordprocessingDocument document = DocxTestDocument.Open(docx);
        List<Paragraph> paragraphs = [.. document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()];
        string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? string.Empty;
        List<string> titles = [.. paragraphs.Where(p => StyleOf(p) == "Heading2").Select(DocxTestDocument.PlainText)];
        List<string> tldrs = [.. paragraphs.Where(p => StyleOf(p) == "TLDR").Select(DocxTestDocument.PlainText)];
        Assert.Equal(106, titles.Count);
        Assert.Equal(106, tldrs.Count);

        Assert.Contains(Squeeze("arXiv reading list — 2026-01-26"), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Contents cs.CV (36 papers) cs.CL (43 papers) cs.AI (11 papers) cs.IT (12 papers) cs.GT (4 papers)"), text, StringComparison.Ordinal);
        Assert.All(titles, t => Assert.Contains(Squeeze(t), text, StringComparison.Ordinal));
        Assert.All(tldrs, t => Assert.Contains(Squeeze(t), text, StringComparison.Ordinal));
        Assert.Contains("提出一种将视频到视频重光照扩散模型输出蒸馏到3D重建中的方法", text, StringComparison.Ordinal);

        // 106 papers with details and abstracts: a few papers a page.
        Assert.InRange(pages, 106 / 4, 106 * 2);
    }

    /// <summary>Text without white space or hyphens, so line wrapping (and hyphens pdftotext drops at line ends) does not matter.</summary>
    private static string Squeeze(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c) && c != '-' && c != '\u00AD')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string? FindTool(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static string Run(string tool, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(tool)} did not finish within {limit}.");
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(tool)} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
