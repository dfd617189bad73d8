using System.Text;

namespace ArxivDigest.Parsing.Tests.Diagnostics;

public sealed class DigestDiagnosticTests
{
    [Fact]
    public void A_diagnostic_quoting_control_characters_prints_them_as_escapes()
    {
        // A terminal escape (ESC [2J clears the screen), a backspace, a bidirectional override and DEL in a link.
        string digest = "### [1] [T](https://example.org/\u001B[2J me\b \u202Egnp.exe\u007F)\n";
        Digest parsed = DigestParser.Parse(Encoding.UTF8.GetBytes(digest), new DigestReaderOptions { SourceName = "bad\u001B.md" });

        string printed = string.Join(' ', parsed.Diagnostics.Select(d => d.ToString()));
        Assert.DoesNotContain(printed, char.IsControl);
        Assert.DoesNotContain('\u202E', printed);
        Assert.Contains("bad\\u001B.md:1:1:", printed, StringComparison.Ordinal);
        Assert.Contains("\\u001B[2J me\\u0008 \\u202Egnp.exe\\u007F", printed, StringComparison.Ordinal);
        Assert.Contains('\u001B', parsed.Papers[0].Url); // the model keeps the text as it is
    }
}
