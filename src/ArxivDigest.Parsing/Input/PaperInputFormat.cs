namespace ArxivDigest.Parsing;

/// <summary>
/// A named input format: what it is called, which file extensions mean it, how to recognise it from an input's first
/// bytes, and how to make its reader. <see cref="PaperReader"/> reads every registered format
/// (<see cref="PaperInputRegistry"/>): <see cref="Markdown"/> digests and the generator's <see cref="JsonLines"/>
/// built in, and formats of your own.
/// </summary>
public sealed class PaperInputFormat
{
    /// <summary>How many of an input's first bytes a format is recognised from (all of it, when shorter).</summary>
    public const int HeadLength = InputKind.HeadLength;

    private readonly Func<Stream, DigestReaderOptions, PaperInputReader>? _factory;
    private readonly Func<ReadOnlyMemory<byte>, bool>? _recognizes;

    /// <summary>Describes a format.</summary>
    /// <param name="name">The name users give (<c>--from jsonl</c>): lower case, no spaces.</param>
    /// <param name="extensions">File extensions that select the format, with their dot (<c>.jsonl</c>).</param>
    /// <param name="description">One line for <c>arxiv-digest formats</c>.</param>
    /// <param name="factory">Makes a reader over an input stream (positioned at the input's start) with the reader options; the reader must not dispose the stream.</param>
    /// <param name="recognizes">
    /// Whether an input's first <see cref="HeadLength"/> bytes (all of it, when shorter) are of this format, so that
    /// standard input and files with other names are read in it; <see langword="null"/> to be chosen only by name or
    /// extension.
    /// </param>
    public PaperInputFormat(
        string name,
        IEnumerable<string> extensions,
        string description,
        Func<Stream, DigestReaderOptions, PaperInputReader> factory,
        Func<ReadOnlyMemory<byte>, bool>? recognizes = null)
        : this(name, extensions, description)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factory = factory;
        _recognizes = recognizes;
    }

    private PaperInputFormat(string name, IEnumerable<string> extensions, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(extensions);
        Name = name;
        Extensions = [.. extensions];
        Description = description ?? string.Empty;
        foreach (string extension in Extensions)
        {
            if (!extension.StartsWith('.'))
            {
                throw new ArgumentException($"Extension '{extension}' must start with a dot.", nameof(extensions));
            }
        }
    }

    /// <summary>
    /// The <c>markdown</c> format (<c>.md</c>, <c>.markdown</c>): a digest in the generator's layout or a fork's
    /// dialect. It is also what an input is read as when no format recognises it and its name names none.
    /// </summary>
    public static PaperInputFormat Markdown { get; } = new(
        "markdown", [".md", ".markdown"], "A digest in the generator's Markdown layout or one of its forks' dialects");

    /// <summary>
    /// The <c>jsonl</c> format (<c>.jsonl</c>, <c>.ndjson</c>): the generator's JSON-lines records
    /// (<c>*_AI_enhanced_*.jsonl</c>), one paper a line; recognised from a first line that is a JSON object with one
    /// of the record's keys (<c>id</c>, <c>title</c>, <c>authors</c> …).
    /// </summary>
    public static PaperInputFormat JsonLines { get; } = new(
        "jsonl",
        [".jsonl", ".ndjson"],
        "The generator's JSON-lines records (*_AI_enhanced_*.jsonl), one paper a line",
        static (stream, options) => new JsonLinesPaperReader(stream, options),
        static head => JsonLinesPaperReader.Recognizes(head.Span));

    /// <summary>The format's name.</summary>
    public string Name { get; }

    /// <summary>The file extensions that select it.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>One line about it.</summary>
    public string Description { get; }

    /// <summary>Whether the input's first bytes (<see cref="HeadLength"/> of them, or all of it when shorter) are of this format.</summary>
    public bool Recognizes(ReadOnlyMemory<byte> head) => _recognizes?.Invoke(head) ?? false;

    /// <summary>Whether this is the Markdown reader <see cref="PaperReader"/> itself runs.</summary>
    internal bool IsBuiltInMarkdown => _factory is null;

    /// <summary>Makes the format's reader (not for <see cref="Markdown"/>, which <see cref="PaperReader"/> reads itself).</summary>
    internal PaperInputReader CreateReader(Stream input, DigestReaderOptions options)
        => (_factory ?? throw new InvalidOperationException("Markdown is read by PaperReader itself."))(input, options)
            ?? throw new InvalidOperationException($"The '{Name}' format's factory made no reader.");

    /// <inheritdoc/>
    public override string ToString() => Name;
}
