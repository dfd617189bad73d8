using System.Diagnostics.CodeAnalysis;

namespace ArxivDigest.Parsing;

/// <summary>
/// The known input formats, by name, by file extension and by content. Add your own with <see cref="Register"/> and
/// give the registry in <see cref="DigestReaderOptions.InputFormats"/>.
/// </summary>
public sealed class PaperInputRegistry
{
    private readonly List<PaperInputFormat> _formats = [];

    /// <summary>An empty registry (inputs are then read as <see cref="PaperInputFormat.Markdown"/> unless the options name a format).</summary>
    public PaperInputRegistry()
    {
    }

    /// <summary>This library's formats, shared by every reader whose options give no registry; never changed.</summary>
    internal static PaperInputRegistry Default { get; } = CreateDefault();

    /// <summary>A registry with this library's formats: <c>markdown</c> and <c>jsonl</c>.</summary>
    public static PaperInputRegistry CreateDefault()
        => new PaperInputRegistry().Register(PaperInputFormat.Markdown).Register(PaperInputFormat.JsonLines);

    /// <summary>The registered formats, in registration order.</summary>
    public IReadOnlyList<PaperInputFormat> Formats => _formats;

    /// <summary>Adds a format. A format with the same name replaces the earlier one.</summary>
    public PaperInputRegistry Register(PaperInputFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        int existing = _formats.FindIndex(f => string.Equals(f.Name, format.Name, StringComparison.OrdinalIgnoreCase));
        if (existing >= 0)
        {
            _formats[existing] = format;
        }
        else
        {
            _formats.Add(format);
        }

        return this;
    }

    /// <summary>Finds a format by name (case-insensitive).</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out PaperInputFormat? format)
    {
        ArgumentNullException.ThrowIfNull(name);
        format = _formats.Find(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        return format is not null;
    }

    /// <summary>Finds the format a path's extension selects (case-insensitive); the longest matching extension wins.</summary>
    public bool TryGetByPath(string path, [NotNullWhen(true)] out PaperInputFormat? format)
    {
        ArgumentNullException.ThrowIfNull(path);
        format = null;
        int best = 0;
        foreach (PaperInputFormat f in _formats)
        {
            foreach (string extension in f.Extensions)
            {
                if (extension.Length > best && path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    format = f;
                    best = extension.Length;
                }
            }
        }

        return format is not null;
    }

    /// <summary>
    /// The format to read an input in: the first registered format that recognises its first bytes; else the one the
    /// name's extension selects; else <see cref="PaperInputFormat.Markdown"/>. Content comes first, so that standard
    /// input, and a file whose name says otherwise, are read as what they hold.
    /// </summary>
    /// <param name="head">The input's first <see cref="PaperInputFormat.HeadLength"/> bytes, or all of it when shorter.</param>
    /// <param name="name">The input's file name or path, when it has one.</param>
    public PaperInputFormat Detect(ReadOnlyMemory<byte> head, string? name)
    {
        foreach (PaperInputFormat format in _formats)
        {
            if (format.Recognizes(head))
            {
                return format;
            }
        }

        return name is not null && TryGetByPath(name, out PaperInputFormat? byName) ? byName : PaperInputFormat.Markdown;
    }
}
