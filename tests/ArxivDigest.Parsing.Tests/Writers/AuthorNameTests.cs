using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Parsing.Tests.Writers;

/// <summary>How the CSL-JSON and RIS writers split an author's name (docs/csl-json.md, "Names").</summary>
public sealed class AuthorNameTests
{
    [Theory]
    [InlineData("Ada Lovelace", "Lovelace", "Ada", null)]
    [InlineData("J. R. R. Tolkien", "Tolkien", "J. R. R.", null)]
    [InlineData("Jean-Pierre Serre", "Serre", "Jean-Pierre", null)]
    [InlineData("Martin Luther King Jr.", "King", "Martin Luther", "Jr.")]
    [InlineData("Henry Ford II", "Ford", "Henry", "II")]
    [InlineData("Ludwig van Beethoven", "van Beethoven", "Ludwig", null)]
    [InlineData("Johannes van der Waals", "van der Waals", "Johannes", null)]
    [InlineData("Maria de la Cruz", "de la Cruz", "Maria", null)]
    [InlineData("Vincent Van Gogh", "Gogh", "Vincent Van", null)]
    [InlineData("Lovelace, Ada", "Lovelace", "Ada", null)]
    [InlineData("King, Martin Luther, Jr.", "King", "Martin Luther", "Jr.")]
    [InlineData("  Ada \t\n Lovelace  ", "Lovelace", "Ada", null)]
    public void A_name_splits_into_family_given_and_suffix(string name, string family, string given, string? suffix)
    {
        AuthorName parsed = AuthorName.Parse(name)!.Value;
        Assert.False(parsed.IsLiteral);
        Assert.Equal((family, given, suffix), (parsed.Family, parsed.Given, parsed.Suffix));
    }

    [Theory]
    [InlineData("Aristotle")]
    [InlineData("张伟")]
    [InlineData("Wei Zhang 张伟")]
    [InlineData("山田 太郎")]
    [InlineData("김민준")]
    [InlineData("Qwen Team")]
    [InlineData("NAVER Cloud HyperCLOVA X Team")]
    [InlineData("The ATLAS Collaboration")]
    [InlineData("Smith, John, Extra")]
    [InlineData(", John")]
    public void A_name_that_does_not_split_is_literal(string name)
    {
        AuthorName parsed = AuthorName.Parse(name)!.Value;
        Assert.True(parsed.IsLiteral);
        Assert.Equal(name, parsed.Literal);
        Assert.Equal(name, parsed.Inverted());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0007\u0000")]
    public void An_empty_name_is_none(string name) => Assert.Null(AuthorName.Parse(name));

    [Theory]
    [InlineData("Ada Lovelace", "Lovelace, Ada")]
    [InlineData("Martin Luther King Jr.", "King, Martin Luther, Jr.")]
    [InlineData("Johannes van der Waals", "van der Waals, Johannes")]
    [InlineData("de Gaulle", "de Gaulle")]
    public void Inverted_is_family_comma_given(string name, string inverted) => Assert.Equal(inverted, AuthorName.Parse(name)!.Value.Inverted());

    [Fact]
    public void Control_characters_are_removed_before_splitting()
    {
        AuthorName parsed = AuthorName.Parse("Ada\u0007 Love\u001Blace")!.Value;
        Assert.Equal(("Lovelace", "Ada"), (parsed.Family, parsed.Given));
    }
}
