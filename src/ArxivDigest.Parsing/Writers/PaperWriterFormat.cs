namespace ArxivDigest.Parsing.Writers;

/// <summary>A named output format: what it is called, which file extensions mean it, and how to make its writer.</summary>
public sealed class PaperWriterFormat
{
    private readonly Func<Stream, PaperWriterOptions, PaperWriter> _factory;

    /// <summary>Describes a format.</summary>
    /// <param name="name">The name users type (<c>--to jsonl</c>): lower case, no spaces.</param>
    /// <param name="extensions">File extensions that select the format, with their dot (<c>.jsonl</c>).</param>
    /// <param name="description">One line for <c>arxiv-digest formats</c>.</param>
    /// <param name="factory">Makes a writer over an output stream; the writer must not dispose the stream.</param>
    /// <param name="isText">Whether the output is text that can go to a terminal (false for binary formats).</param>
    /// <param name="options">The options the format's writer reads from <see cref="PaperWriterOptions.Properties"/>.</param>
    public PaperWriterFormat(
        string name,
        IEnumerable<string> extensions,
        string description,
        Func<Stream, PaperWriterOptions, PaperWriter> factory,
        bool isText = true,
        IEnumerable<WriterOption>? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(extensions);
        ArgumentNullException.ThrowIfNull(factory);
        Name = name;
        Extensions = [.. extensions];
        Description = description ?? string.Empty;
        IsText = isText;
        Options = [.. options ?? []];
        _factory = factory;
        foreach (string extension in Extensions)
        {
            if (!extension.StartsWith('.'))
            {
                throw new ArgumentException($"Extension '{extension}' must start with a dot.", nameof(extensions));
            }
        }
    }

    /// <summary>The format's name.</summary>
    public string Name { get; }

    /// <summary>The file extensions that select it.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>One line about it.</summary>
    public string Description { get; }

    /// <summary>Whether the output is text.</summary>
    public bool IsText { get; }

    /// <summary>The options the format's writer reads.</summary>
    public IReadOnlyList<WriterOption> Options { get; }

    /// <summary>Makes a writer over <paramref name="output"/> (which the writer does not dispose).</summary>
    public PaperWriter Create(Stream output, PaperWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        return _factory(output, options ?? PaperWriterOptions.Default);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
