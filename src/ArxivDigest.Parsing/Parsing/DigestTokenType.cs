namespace ArxivDigest.Parsing;

/// <summary>What <see cref="DigestReader"/> has just read.</summary>
public enum DigestTokenType : byte
{
    /// <summary>Nothing read yet.</summary>
    None = 0,

    /// <summary>A table-of-contents line <c>- [CAT](#CAT) [Total: N]</c>: <see cref="DigestReader.ValueSpan"/> is the category, <see cref="DigestReader.TocTotal"/> the total.</summary>
    TocEntry,

    /// <summary>A section heading <c># CAT [[Back]](#toc)</c>: <see cref="DigestReader.ValueSpan"/> is the category.</summary>
    SectionHeading,

    /// <summary>
    /// A paper heading <c>### [N] [Title](URL)</c>: see <see cref="DigestReader.PaperIndex"/>, <see cref="DigestReader.TitleSpan"/>
    /// and <see cref="DigestReader.UrlSpan"/>. A <c>### [</c> line that does not parse starts a paper too, with
    /// <see cref="DigestReader.IsHeadingValid"/> false and the whole line as the title, so what follows stays with it.
    /// </summary>
    PaperHeading,

    /// <summary>The <c>*authors*</c> line: <see cref="DigestReader.ValueSpan"/> is the text between the asterisks.</summary>
    Authors,

    /// <summary>
    /// A labelled field: <see cref="DigestReader.FieldKind"/> says which (<see cref="PaperFieldKind.Other"/> with
    /// <see cref="DigestReader.LabelSpan"/> for a label the template lacks, or empty for unlabelled text, such as the
    /// text after <c>&lt;details&gt;</c> on its line) and <see cref="DigestReader.ValueSpan"/> is the value, verbatim.
    /// </summary>
    Field,

    /// <summary>
    /// The end of a paper: <c>&lt;/details&gt;</c>, or (with <see cref="DigestReader.IsPaperClosed"/> false) the next
    /// heading, section or end of input. <see cref="DigestReader.ValueSpan"/> holds any text after <c>&lt;/details&gt;</c>
    /// on its line (outside the paper; normally empty), starting at <see cref="DigestReader.ValueColumn"/>.
    /// </summary>
    PaperEnd,

    /// <summary>Lines outside any paper that the reader does not recognise: <see cref="DigestReader.ValueSpan"/> holds them.</summary>
    Text,
}
