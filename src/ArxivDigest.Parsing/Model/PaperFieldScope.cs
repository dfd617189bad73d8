namespace ArxivDigest.Parsing;

/// <summary>Where the generator's JSON record keeps a <see cref="PaperField"/> that has a <see cref="PaperField.Key"/>.</summary>
public enum PaperFieldScope
{
    /// <summary>In the record's <c>AI</c> object, beside <c>tldr</c> and <c>motivation</c>: where forks keep the fields they add.</summary>
    AI = 0,

    /// <summary>At the record's top level, beside <c>id</c> and <c>title</c> (<c>code_url</c>, <c>updated</c>…).</summary>
    Record,
}
