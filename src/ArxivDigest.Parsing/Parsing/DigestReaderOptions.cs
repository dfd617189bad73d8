namespace ArxivDigest.Parsing;

/// <summary>How to read a digest. Immutable: change it with <see langword="with"/>.</summary>
public sealed record DigestReaderOptions
{
    /// <summary>The defaults: lenient, date from the file name, 64 KiB buffer.</summary>
    public static DigestReaderOptions Default { get; } = new();

    /// <summary>
    /// Throw a <see cref="DigestFormatException"/> at the first warning or error instead of collecting it.
    /// Off by default: the lenient reader keeps going and keeps every byte it does not recognise.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>The digest's date, when the file name does not say it (or says it wrongly).</summary>
    public DateOnly? DigestDate { get; init; }

    /// <summary>
    /// The name diagnostics and <see cref="SourceLocation.File"/> use; <see cref="PaperReader.Open(string, DigestReaderOptions?)"/>
    /// sets it to the path. Its extension names the input format when the input's first bytes do not (see <see cref="InputFormat"/>).
    /// </summary>
    public string? SourceName { get; init; }

    /// <summary>The largest value <see cref="MaxFieldSize"/> may have: 512 MiB (one value must fit in one buffer and one string).</summary>
    public const int MaxFieldSizeLimit = 512 * 1024 * 1024;

    /// <summary>The initial read buffer in bytes (1 to <see cref="MaxFieldSizeLimit"/>); also the most read from a stream at once. It grows when one field is larger.</summary>
    public int BufferSize { get; init; } = 64 * 1024;

    /// <summary>
    /// The largest token a digest may hold, in bytes (1 to <see cref="MaxFieldSizeLimit"/>; default 64 MiB): one
    /// line, or one field's value with the line after it that ends it. The read buffer of a stream, pipe or file grows
    /// to hold one token, up to this; a larger one stops reading with a <see cref="DigestFormatException"/>
    /// (<see cref="DiagnosticCodes.FieldTooLarge"/>), in lenient mode too. Input given in memory is held to the same
    /// limit, token by token (without the line after it), so it reads as a file does.
    /// </summary>
    public int MaxFieldSize { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// The layout to read (<see cref="DigestDialect.BuiltIn"/>, or one made from a fork's template with
    /// <see cref="DigestDialect.FromTemplate"/>); <see langword="null"/>, the default, picks the best of the built-in
    /// dialects from the input's first papers and reports the choice (<see cref="DiagnosticCodes.DialectDetected"/>,
    /// or <see cref="DiagnosticCodes.DialectUncertain"/> when none matches well).
    /// </summary>
    public DigestDialect? Dialect { get; init; }

    /// <summary>
    /// The input's format (<see cref="PaperInputFormat.Markdown"/>, <see cref="PaperInputFormat.JsonLines"/>, or one
    /// of your own); <see langword="null"/>, the default, chooses it from the input's first bytes, then from its
    /// name's extension (<see cref="PaperInputRegistry.Detect"/>), and reads Markdown when neither says.
    /// </summary>
    public PaperInputFormat? InputFormat { get; init; }

    /// <summary>The formats <see cref="InputFormat"/> is chosen among when not given; <see langword="null"/> for this library's (<c>markdown</c>, <c>jsonl</c>).</summary>
    public PaperInputRegistry? InputFormats { get; init; }

    /// <summary>How many diagnostics to keep; past it they are counted but not kept, so memory stays bounded.</summary>
    public int MaxDiagnostics { get; init; } = 10_000;
}
