namespace ArxivDigest.Parsing.Tests.Model;

public sealed class ArxivIdTests
{
    [Theory]
    [InlineData("2602.10137", "2602.10137", null, 2026, 2)]
    [InlineData("2602.10137v2", "2602.10137", 2, 2026, 2)]
    [InlineData("0704.0001", "0704.0001", null, 2007, 4)]
    [InlineData("1412.9999v11", "1412.9999", 11, 2014, 12)]
    [InlineData("math/0601001", "math/0601001", null, 2006, 1)]
    [InlineData("hep-th/9901001v3", "hep-th/9901001", 3, 1999, 1)]
    [InlineData("math.AG/0511026", "math.AG/0511026", null, 2005, 11)]
    public void Parses_new_versioned_and_old_style_identifiers(string text, string id, int? version, int year, int month)
    {
        ArxivId parsed = ArxivId.Parse(text);
        Assert.Equal(id, parsed.Id);
        Assert.Equal(version, parsed.Version);
        Assert.Equal(year, parsed.Year);
        Assert.Equal(month, parsed.Month);
        Assert.Equal(text, parsed.ToString());
        Assert.Equal(id.Contains('/', StringComparison.Ordinal), parsed.IsOldStyle);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2602")]
    [InlineData("2602.101")]
    [InlineData("2613.10137")]
    [InlineData("2602.101370")]
    [InlineData("2602-10137")]
    [InlineData("math/06010")]
    [InlineData("Math/0601001")]
    [InlineData("/0601001")]
    [InlineData("2602.10137v")]
    [InlineData("2602.10137vx")]
    public void Rejects_what_is_not_an_identifier(string text)
    {
        Assert.False(ArxivId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ArxivId.Parse(text));
    }

    [Theory]
    [InlineData("https://arxiv.org/abs/2601.16272", "2601.16272")]
    [InlineData("http://arxiv.org/abs/2506.12345v3", "2506.12345v3")]
    [InlineData("https://arxiv.org/pdf/2601.16272v1.pdf", "2601.16272v1")]
    [InlineData("https://arxiv.org/abs/math/0601001", "math/0601001")]
    [InlineData("https://arxiv.org/abs/2601.16272/", "2601.16272")]
    public void Finds_the_identifier_in_an_arxiv_url(string url, string expected)
    {
        Assert.True(ArxivId.TryParseUrl(url, out ArxivId id));
        Assert.Equal(expected, id.ToString());
    }

    [Fact]
    public void Compares_by_identifier_then_version()
    {
        ArxivId a = ArxivId.Parse("2601.00001v1");
        ArxivId b = ArxivId.Parse("2601.00001v2");
        Assert.True(a < b);
        Assert.NotEqual(a, b);
        Assert.Equal(a.WithoutVersion, b.WithoutVersion);
        Assert.Equal("https://arxiv.org/pdf/2601.00001v2", b.PdfUrl);
        Assert.Equal("https://arxiv.org/abs/2601.00001", b.WithoutVersion.AbsUrl);
    }

    [Fact]
    public void The_default_value_is_empty_not_a_crash()
    {
        ArxivId none = default;
        Assert.Equal(string.Empty, none.ToString());
        Assert.Equal(none, default);
    }
}
