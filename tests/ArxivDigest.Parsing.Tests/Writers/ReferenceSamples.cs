namespace ArxivDigest.Parsing.Tests.Writers;

/// <summary>A few papers that exercise every rule the CSL-JSON and RIS writers share.</summary>
internal static class ReferenceSamples
{
    public static List<Paper> Papers() =>
    [
        new()
        {
            Id = ArxivId.Parse("2601.00001v1"),
            Title = "NeRF & GANs: 100% $\\alpha$-Fun with $^{3}$He",
            Url = "https://arxiv.org/abs/2601.00001v1",
            Authors = ["Ada Lovelace", "Johannes van der Waals", "Martin Luther King Jr.", "张伟", "Qwen Team", "Turing, Alan"],
            MainCategory = "cs.CV",
            Tldr = "提出了一个方法。",
            Abstract = "We study $x^2$.\nSecond line,\r\n\r\nnew paragraph\twith a tab.",
        },
        new()
        {
            Id = ArxivId.Parse("2601.00002v3"),
            Title = "Attention \"quoted\" \\ backslash <i>in italics</i>",
            Url = "https://arxiv.org/abs/2601.00002v3",
            Authors = ["Aristotle"],
            MainCategory = "cs.CL",
        },

        // The first paper again, in a later version: one item, with v2's title, where v1 came.
        new()
        {
            Id = ArxivId.Parse("2601.00001v2"),
            Title = "NeRF & GANs: 100% $\\alpha$-Fun with $^{3}$He (v2)",
            Url = "https://arxiv.org/abs/2601.00001v2",
            Authors = ["Ada Lovelace", "Johannes van der Waals", "Martin Luther King Jr.", "张伟", "Qwen Team", "Turing, Alan"],
            MainCategory = "cs.CV",
            Tldr = "提出了一个方法。",
            Abstract = "We study $x^2$.\nSecond line,\r\n\r\nnew paragraph\twith a tab.",
        },

        // No arXiv identifier: the digest's date, the paper's own URL, no DOI or number.
        new()
        {
            Title = "A paper from elsewhere",
            Url = "https://example.org/paper?id=7",
            Authors = [],
            DigestDate = new DateOnly(2025, 12, 30),
        },
    ];
}
