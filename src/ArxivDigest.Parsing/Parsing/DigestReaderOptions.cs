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

    /// <summary>The name diagnostics and <see cref="SourceLocation.File"/> use; <see cref="PaperReader.Open(string, DigestReaderOptions?)"/> sets it to the path.</summary>
    public string? SourceName { get; init; }

    /// <summary>The initial read buffer in bytes (at least 1). It grows when one field is larger.</summary>
    public int BufferSize { get; init; } = 64 * 1024;

    /// <summary>How many diagnostics to keep; past it they are counted but not kept, so memory stays bounded.</summary>
    public int MaxDiagnostics { get; init; } = 10_000;
}
