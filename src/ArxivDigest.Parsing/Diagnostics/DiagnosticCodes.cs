namespace ArxivDigest.Parsing;

/// <summary>The stable codes of <see cref="DigestDiagnostic"/>. A code never changes meaning once shipped.</summary>
public static class DiagnosticCodes
{
    /// <summary>Error: bytes that are not valid UTF-8; they were read as U+FFFD.</summary>
    public const string InvalidUtf8 = "AXD001";

    /// <summary>Error: a <c>### [</c> line that is not a paper heading <c>### [N] [Title](URL)</c>; it still starts a paper, titled with the whole line.</summary>
    public const string MalformedHeading = "AXD002";

    /// <summary>Warning: a table-of-contents total differs from the number of papers found in that section.</summary>
    public const string TocTotalMismatch = "AXD003";

    /// <summary>Error: a paper has no <c>Abstract:</c>.</summary>
    public const string MissingAbstract = "AXD004";

    /// <summary>Warning: a label the template does not have; kept in <see cref="Paper.ExtraFields"/>.</summary>
    public const string UnknownLabel = "AXD005";

    /// <summary>Warning: text the parser did not recognise; kept (in <see cref="Digest.UnrecognizedText"/> or <see cref="Paper.ExtraFields"/>).</summary>
    public const string UnrecognizedText = "AXD006";

    /// <summary>Error: a paper ends before its <c>&lt;/details&gt;</c> (a truncated paper).</summary>
    public const string UnclosedPaper = "AXD007";

    /// <summary>Warning: a paper lacks a field of the template other than the abstract (e.g. no <c>TL;DR:</c>).</summary>
    public const string MissingField = "AXD008";

    /// <summary>Info: a summary field holds a generator placeholder such as "Summary generation failed".</summary>
    public const string PlaceholderSummary = "AXD009";

    /// <summary>Warning: a paper's number does not follow the previous one.</summary>
    public const string UnexpectedIndex = "AXD010";

    /// <summary>Warning: a section has no table-of-contents entry, or an entry has no section.</summary>
    public const string TocSectionMismatch = "AXD011";

    /// <summary>Warning: the heading's link names no arXiv identifier.</summary>
    public const string NoArxivId = "AXD012";

    /// <summary>Warning: a paper has no <c>*authors*</c> line.</summary>
    public const string MissingAuthors = "AXD013";

    /// <summary>Warning: a field occurs twice in one paper; the second is kept in <see cref="Paper.ExtraFields"/>.</summary>
    public const string DuplicateField = "AXD014";

    /// <summary>Info: more diagnostics were found than <see cref="DigestReaderOptions.MaxDiagnostics"/> keeps.</summary>
    public const string TooManyDiagnostics = "AXD015";

    /// <summary>
    /// Fatal error: a field or line larger than <see cref="DigestReaderOptions.MaxFieldSize"/> (at the line it starts
    /// on); reading stops there, in lenient mode too.
    /// </summary>
    public const string FieldTooLarge = "AXD016";

    /// <summary>
    /// Fatal error: the input is not a digest (no paper heading in it, and not an empty digest); the message says what
    /// it looks like (JSON lines, HTML, compressed or binary data, empty). Thrown in lenient mode too.
    /// </summary>
    public const string NotADigest = "AXD017";

    /// <summary>Info: the input was read in a dialect other than the canonical one, chosen from its first papers (<see cref="DigestReaderOptions.Dialect"/> was not set).</summary>
    public const string DialectDetected = "AXD018";

    /// <summary>Warning: no known dialect matches the input well; it was read in the closest one. Give the fork's template (<see cref="DigestDialect.FromTemplate"/>, <c>--template</c>) to read it exactly.</summary>
    public const string DialectUncertain = "AXD019";

    /// <summary>Error (JSON lines): a line that is not a record (not JSON, not an object, no string <c>id</c>); kept as unrecognised text, the other lines are read.</summary>
    public const string InvalidRecord = "AXD030";

    /// <summary>Warning (JSON lines): a key of the record holds another JSON type than the generator writes (a title that is a number, authors that are one string); the paper holds its text and the record keeps its JSON.</summary>
    public const string UnexpectedJsonType = "AXD031";

    /// <summary>Warning (writers): characters of a value that the output format cannot hold were replaced or removed (see docs/diagnostics.md for each format).</summary>
    public const string CharacterReplaced = "AXD101";

    /// <summary>Warning (writers): a value could not be written exactly as it is (a line break in a one-line field of the digest layout, for one).</summary>
    public const string ValueNotExact = "AXD102";

    /// <summary>Info (writers): more diagnostics than <see cref="Writers.PaperWriter.MaxDiagnostics"/>; the rest are counted, not kept.</summary>
    public const string TooManyWriterDiagnostics = "AXD103";
}
