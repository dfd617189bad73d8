namespace ArxivDigest.Parsing;

/// <summary>The fields of a paper that the model has properties for, whatever a dialect's label for them.</summary>
public enum PaperFieldKind
{
    /// <summary>A labelled field that is not part of the template; see <see cref="Paper.ExtraFields"/>.</summary>
    Other = 0,

    /// <summary><c>Main category:</c></summary>
    MainCategory,

    /// <summary><c>TL;DR:</c></summary>
    Tldr,

    /// <summary><c>Motivation:</c></summary>
    Motivation,

    /// <summary><c>Method:</c></summary>
    Method,

    /// <summary><c>Result:</c></summary>
    Result,

    /// <summary><c>Conclusion:</c></summary>
    Conclusion,

    /// <summary><c>Abstract:</c></summary>
    Abstract,

    /// <summary>The arXiv comment (<see cref="Paper.Comment"/>).</summary>
    Comment,

    /// <summary>Every category, joined by <c>", "</c> (<see cref="Paper.Categories"/>).</summary>
    Categories,
}
