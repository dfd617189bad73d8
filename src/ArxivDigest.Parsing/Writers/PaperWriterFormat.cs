using System.Diagnostics.CodeAnalysis;

namespace ArxivDigest.Parsing.Writers;

/// <summary>
/// A named output format: what it is called, which file extensions mean it, its typed options and their descriptors,
/// and how to make its writer. Every format is a <see cref="PaperWriterFormat{TOptions}"/>; this base is what tools
/// use to list formats and set their options from text without knowing their types.
/// </summary>
public abstract class PaperWriterFormat
{
    private protected PaperWriterFormat(string name, IEnumerable<string> extensions, string description, bool isText, IReadOnlyList<WriterOption> options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(extensions);
        Name = name;
        Extensions = [.. extensions];
        Description = description ?? string.Empty;
        IsText = isText;
        Options = options;
        foreach (string extension in Extensions)
        {
            if (!extension.StartsWith('.'))
            {
                throw new ArgumentException($"Extension '{extension}' must start with a dot.", nameof(extensions));
            }
        }

        string? twice = options.GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (twice is not null)
        {
            throw new ArgumentException($"The {name} format lists option '{twice}' twice.", nameof(options));
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

    /// <summary>The type of the format's options (<see cref="DefaultOptions"/>).</summary>
    public abstract Type OptionsType { get; }

    /// <summary>The options a writer gets when none are given.</summary>
    public object DefaultOptions => GetDefaultOptions();

    /// <summary>The options the format takes as text, each setting a property of its options.</summary>
    public IReadOnlyList<WriterOption> Options { get; }

    /// <summary>Finds one of <see cref="Options"/> by name (case-insensitive).</summary>
    public bool TryGetOption(string name, [NotNullWhen(true)] out WriterOption? option)
    {
        ArgumentNullException.ThrowIfNull(name);
        option = Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
        return option is not null;
    }

    /// <summary>Makes a writer with the default options over <paramref name="output"/> (which the writer does not dispose).</summary>
    public PaperWriter Create(Stream output) => Create(output, DefaultOptions);

    /// <summary>Makes a writer over <paramref name="output"/> (which the writer does not dispose).</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="options">Options of <see cref="OptionsType"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> is not of <see cref="OptionsType"/>, or asks for a directory (<see cref="WritesDirectory(object)"/>).</exception>
    public PaperWriter Create(Stream output, object options) => CreateCore(output, options);

    /// <summary>
    /// Whether these options make the format write a directory (a dataset) rather than a stream: then its writer is
    /// made with <see cref="CreateDirectoryWriter(string, object)"/>.
    /// </summary>
    public bool WritesDirectory(object options) => WritesDirectoryCore(options);

    /// <summary>Makes a writer that fills <paramref name="directory"/>, for options that <see cref="WritesDirectory(object)"/>.</summary>
    /// <exception cref="NotSupportedException">The format does not write directories with these options.</exception>
    public PaperWriter CreateDirectoryWriter(string directory, object options) => CreateDirectoryWriterCore(directory, options);

    /// <summary>
    /// The options with the digest layout set, for a format that writes one (<c>markdown</c>); other formats return
    /// <paramref name="options"/>. The tool passes the layout it reads with (<c>--dialect</c>, <c>--template</c>).
    /// </summary>
    public object WithDialect(object options, DigestDialect dialect) => WithDialectCore(options, dialect);

    /// <summary>
    /// Whether the format carries something over from the output it replaces (the <c>bibtex</c> format keeps the
    /// citation keys of an existing <c>.bib</c>): then a tool that writes over an existing file first passes it to
    /// <see cref="WithExistingOutput(object, Stream)"/>.
    /// </summary>
    public virtual bool ReadsExistingOutput => false;

    /// <summary>
    /// The options for writing over <paramref name="existing"/>, the output as it is before it is replaced, for a
    /// format that <see cref="ReadsExistingOutput"/>; other formats return <paramref name="options"/>. The stream is
    /// read, not kept, and not disposed.
    /// </summary>
    public object WithExistingOutput(object options, Stream existing) => WithExistingOutputCore(options, existing);

    /// <inheritdoc/>
    public override string ToString() => Name;

    private protected abstract object GetDefaultOptions();

    private protected abstract PaperWriter CreateCore(Stream output, object options);

    private protected abstract bool WritesDirectoryCore(object options);

    private protected abstract PaperWriter CreateDirectoryWriterCore(string directory, object options);

    private protected abstract object WithDialectCore(object options, DigestDialect dialect);

    private protected abstract object WithExistingOutputCore(object options, Stream existing);
}

/// <summary>
/// A format whose writer takes options of type <typeparamref name="TOptions"/>: typically a small immutable record
/// with a property per option and the defaults as initial values. Its <see cref="PaperWriterFormat.Options"/> bind
/// names to those properties, so that a tool can set them from text.
/// </summary>
/// <remarks>
/// A format that writes a directory for some options (a partitioned dataset), or that writes a digest layout,
/// derives from this class and overrides <see cref="WritesDirectory(TOptions)"/> and
/// <see cref="CreateDirectoryWriter(string, TOptions)"/>, or <see cref="WithDialect(TOptions, DigestDialect)"/>.
/// </remarks>
/// <typeparam name="TOptions">The options.</typeparam>
public class PaperWriterFormat<TOptions> : PaperWriterFormat
    where TOptions : class
{
    private readonly Func<Stream, TOptions, PaperWriter> _factory;

    /// <summary>Describes a format.</summary>
    /// <param name="name">The name users type (<c>--to jsonl</c>): lower case, no spaces.</param>
    /// <param name="extensions">File extensions that select the format, with their dot (<c>.jsonl</c>).</param>
    /// <param name="description">One line for <c>arxiv-digest formats</c>.</param>
    /// <param name="defaultOptions">The options a writer gets when none are given.</param>
    /// <param name="factory">Makes a writer over an output stream; the writer must not dispose the stream.</param>
    /// <param name="isText">Whether the output is text that can go to a terminal (false for binary formats).</param>
    /// <param name="options">The options the format takes as text, each setting a property of <typeparamref name="TOptions"/>.</param>
    [SuppressMessage("ApiDesign", "RS0022", Justification = "Formats are meant to derive from this class; the base's own members for it are private protected, so nothing more is exposed.")]
    public PaperWriterFormat(
        string name,
        IEnumerable<string> extensions,
        string description,
        TOptions defaultOptions,
        Func<Stream, TOptions, PaperWriter> factory,
        bool isText = true,
        IEnumerable<WriterOption<TOptions>>? options = null)
        : base(name, extensions, description, isText, [.. options ?? []])
    {
        ArgumentNullException.ThrowIfNull(defaultOptions);
        ArgumentNullException.ThrowIfNull(factory);
        DefaultOptions = defaultOptions;
        _factory = factory;
    }

    /// <inheritdoc/>
    public override Type OptionsType => typeof(TOptions);

    /// <summary>The options a writer gets when none are given.</summary>
    public new TOptions DefaultOptions { get; }

    /// <summary>Makes a writer over <paramref name="output"/> (which the writer does not dispose).</summary>
    /// <exception cref="ArgumentException">The options ask for a directory (<see cref="WritesDirectory(TOptions)"/>).</exception>
    public PaperWriter Create(Stream output, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        if (WritesDirectory(options))
        {
            throw new ArgumentException($"These {Name} options write a directory: make the writer with {nameof(CreateDirectoryWriter)}.", nameof(options));
        }

        return _factory(output, options);
    }

    /// <summary>Whether these options make the format write a directory rather than a stream; false unless a derived format says so.</summary>
    public virtual bool WritesDirectory(TOptions options) => false;

    /// <summary>Makes a writer that fills <paramref name="directory"/>, for options that <see cref="WritesDirectory(TOptions)"/>.</summary>
    /// <exception cref="NotSupportedException">The format does not write directories with these options.</exception>
    public virtual PaperWriter CreateDirectoryWriter(string directory, TOptions options)
        => throw new NotSupportedException($"The {Name} format writes a stream, not a directory.");

    /// <summary>The options with the digest layout <paramref name="dialect"/> set; <paramref name="options"/> unless a derived format writes a layout.</summary>
    public virtual TOptions WithDialect(TOptions options, DigestDialect dialect) => options;

    /// <summary>
    /// The options for writing over <paramref name="existing"/> (the output before it is replaced);
    /// <paramref name="options"/> unless a derived format <see cref="PaperWriterFormat.ReadsExistingOutput"/>.
    /// </summary>
    public virtual TOptions WithExistingOutput(TOptions options, Stream existing) => options;

    private protected override object GetDefaultOptions() => DefaultOptions;

    private protected override PaperWriter CreateCore(Stream output, object options) => Create(output, Cast(options));

    private protected override bool WritesDirectoryCore(object options) => WritesDirectory(Cast(options));

    private protected override PaperWriter CreateDirectoryWriterCore(string directory, object options) => CreateDirectoryWriter(directory, Cast(options));

    private protected override object WithDialectCore(object options, DigestDialect dialect) => WithDialect(Cast(options), dialect);

    private protected override object WithExistingOutputCore(object options, Stream existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return WithExistingOutput(Cast(options), existing);
    }

    private TOptions Cast(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options as TOptions
            ?? throw new ArgumentException($"The {Name} format takes {typeof(TOptions).Name}, not {options.GetType().Name}.", nameof(options));
    }
}
