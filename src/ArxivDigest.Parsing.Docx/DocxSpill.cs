using System.Collections.Immutable;

namespace ArxivDigest.Parsing.Writers.Docx;

/// <summary>
/// The papers of a reading list, kept until the document is written (its contents, before the papers, need every
/// section's count): one compact record a paper in a <see cref="TemporaryStream"/> (memory, then a temporary file),
/// and each section's list of record offsets. The file is deleted when this is disposed.
/// </summary>
internal sealed class DocxSpill : IDisposable
{
    private readonly TemporaryStream _file;
    private readonly BinaryWriter _writer;
    private readonly BinaryReader _reader;
    private readonly bool _flat;
    private readonly List<DocxGroup> _groups = [];
    private readonly Dictionary<string, DocxGroup> _bySection = new(StringComparer.Ordinal);
    private bool _reading;

    public DocxSpill(bool flat, string directory, long memoryLimit)
    {
        _flat = flat;
        _file = new TemporaryStream(directory, memoryLimit);
        _writer = new BinaryWriter(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        _reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>The groups in the order they first appear (one, unnamed, in a flat list).</summary>
    public IReadOnlyList<DocxGroup> Groups => _groups;

    /// <summary>The papers kept.</summary>
    public int Count { get; private set; }

    /// <summary>Whether the papers went past the memory limit into a temporary file.</summary>
    public bool IsOnDisk => _file.IsOnDisk;

    /// <summary>Keeps a paper (whose text is already what XML can hold) under <paramref name="section"/>.</summary>
    public void Add(Paper paper, string section)
    {
        if (_reading)
        {
            throw new InvalidOperationException("Papers are being read back.");
        }

        string key = _flat ? string.Empty : section;
        if (!_bySection.TryGetValue(key, out DocxGroup? group))
        {
            group = new DocxGroup(key);
            _bySection.Add(key, group);
            _groups.Add(group);
        }

        group.Offsets.Add(_file.Position);
        Write(_writer, paper);
        Count++;
    }

    /// <summary>The paper whose record starts at <paramref name="offset"/>.</summary>
    public Paper Read(long offset)
    {
        if (!_reading)
        {
            _writer.Flush();
            _reading = true;
        }

        _file.Position = offset;
        return Read(_reader);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _reader.Dispose();
        _file.Dispose();
    }

    private static void Write(BinaryWriter w, Paper p)
    {
        WriteString(w, p.Id is { } id ? id.ToString() : null);
        WriteNullable(w, p.Index);
        w.Write(p.Title);
        w.Write(p.Url);
        ImmutableArray<string> authors = p.Authors.IsDefault ? [] : p.Authors;
        w.Write(authors.Length);
        foreach (string author in authors)
        {
            w.Write(author);
        }

        WriteString(w, p.MainCategory);
        WriteString(w, p.Section);
        WriteString(w, p.Tldr);
        WriteString(w, p.Motivation);
        WriteString(w, p.Method);
        WriteString(w, p.Result);
        WriteString(w, p.Conclusion);
        WriteString(w, p.Abstract);
        ImmutableArray<PaperField> extras = p.ExtraFields.IsDefault ? [] : p.ExtraFields;
        w.Write(extras.Length);
        foreach (PaperField extra in extras)
        {
            w.Write(extra.Label);
            w.Write(extra.Value);
            w.Write(extra.Location.Line);
            w.Write(extra.Location.Column);
        }

        WriteNullable(w, p.DigestDate?.DayNumber);
        WriteString(w, p.Location.File);
        w.Write(p.Location.Line);
        w.Write(p.Location.Column);
    }

    private static Paper Read(BinaryReader r)
    {
        string? idText = ReadString(r);
        ArxivId? id = idText is null ? null : ArxivId.TryParse(idText, out ArxivId parsed) ? parsed : default(ArxivId);
        int? index = ReadNullable(r);
        string title = r.ReadString();
        string url = r.ReadString();
        var authors = new string[r.ReadInt32()];
        for (int i = 0; i < authors.Length; i++)
        {
            authors[i] = r.ReadString();
        }

        string? category = ReadString(r);
        string? section = ReadString(r);
        string? tldr = ReadString(r);
        string? motivation = ReadString(r);
        string? method = ReadString(r);
        string? result = ReadString(r);
        string? conclusion = ReadString(r);
        string? summary = ReadString(r);
        var extras = new PaperField[r.ReadInt32()];
        for (int i = 0; i < extras.Length; i++)
        {
            string label = r.ReadString();
            string value = r.ReadString();
            int line = r.ReadInt32();
            int column = r.ReadInt32();
            extras[i] = new PaperField(label, value, new SourceLocation(null, line, column));
        }

        int? day = ReadNullable(r);
        string? file = ReadString(r);
        int headingLine = r.ReadInt32();
        int headingColumn = r.ReadInt32();
        return new Paper
        {
            Id = id,
            Index = index,
            Title = title,
            Url = url,
            Authors = [.. authors],
            MainCategory = category,
            Section = section,
            Tldr = tldr,
            Motivation = motivation,
            Method = method,
            Result = result,
            Conclusion = conclusion,
            Abstract = summary,
            ExtraFields = [.. extras],
            DigestDate = day is int d ? DateOnly.FromDayNumber(d) : null,
            Location = new SourceLocation(file, headingLine, headingColumn),
        };
    }

    private static void WriteNullable(BinaryWriter w, int? value)
    {
        w.Write(value.HasValue);
        if (value is int v)
        {
            w.Write(v);
        }
    }

    private static void WriteString(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static int? ReadNullable(BinaryReader r) => r.ReadBoolean() ? r.ReadInt32() : null;

    private static string? ReadString(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}

/// <summary>One section's papers (in a flat list, all of them), as offsets into the spill file.</summary>
internal sealed class DocxGroup(string section)
{
    public string Section { get; } = section;

    public List<long> Offsets { get; } = [];
}

/// <summary>
/// Word bookmark names for the papers, in document order. A name already taken gets the next free <c>_2</c>,
/// <c>_3</c>, …; the next number to try is remembered for each name, so naming n papers that share an identifier
/// takes O(n) probes rather than O(n²).
/// </summary>
internal sealed class DocxBookmarks
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.Ordinal);

    /// <summary>Names tried so far (a measure of the work done).</summary>
    public long Probes { get; private set; }

    /// <summary>Takes a name that is not derived from a paper (<c>section_N</c>).</summary>
    public void Reserve(string name) => _taken.Add(name);

    /// <summary>The bookmark of a paper (see <see cref="DocxBuilder.BaseBookmarkName"/>), made unique.</summary>
    public string Name(Paper paper, int number)
    {
        string name = DocxBuilder.BaseBookmarkName(paper, number);
        Probes++;
        if (_taken.Add(name))
        {
            return name;
        }

        int n = _nextSuffix.TryGetValue(name, out int next) ? next : 2;
        while (true)
        {
            Probes++;
            string suffix = "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string candidate = (name.Length + suffix.Length > 40 ? name[..(40 - suffix.Length)] : name) + suffix;
            n++;
            if (_taken.Add(candidate))
            {
                _nextSuffix[name] = n;
                return candidate;
            }
        }
    }
}
