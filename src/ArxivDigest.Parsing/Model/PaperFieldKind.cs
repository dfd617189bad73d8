namespace ArxivDigest.Parsing;

/// <summary>The labelled fields of a paper in the digest template.</summary>
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
}
