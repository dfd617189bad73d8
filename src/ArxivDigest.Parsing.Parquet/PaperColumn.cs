using System.Collections.Immutable;
using System.Text;
using global::Parquet;
using global::Parquet.Schema;

namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>
/// One top-level column of the Parquet table: takes a value from each paper into a buffer, and writes the buffer
/// (its leaf columns, with their definition and repetition levels) into a row group through Parquet.Net.
/// </summary>
internal abstract class PaperColumn : IDisposable
{
    protected PaperColumn(string name) => Name = name;

    /// <summary>The column's name in the schema.</summary>
    public string Name { get; }

    /// <summary>The schema field (a data field, or a list of them).</summary>
    public abstract Field Field { get; }

    /// <summary>Whether Parquet.Net should try dictionary encoding (repetitive flat text).</summary>
    public virtual bool Dictionary => false;

    /// <summary>Buffers the paper's value.</summary>
    /// <returns>The size of the value as data (UTF-8 bytes of text, 4 bytes a number), for row-group sizing.</returns>
    public abstract long Add(Paper paper);

    /// <summary>Writes the buffered values as this column's chunks of a row group.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken);

    /// <summary>Empties the buffer after a row group.</summary>
    public abstract void Clear();

    public abstract void Dispose();

    protected static long Utf8Size(string value) => Encoding.UTF8.GetByteCount(value);
}

/// <summary>A text column (BYTE_ARRAY, STRING).</summary>
internal sealed class StringColumn : PaperColumn
{
    private readonly DataField<string> _field;
    private readonly Func<Paper, string?> _value;
    private readonly GrowableBuffer<ReadOnlyMemory<char>?> _values = new();
    private readonly CharArena _text = new();

    public StringColumn(string name, bool nullable, Func<Paper, string?> value, bool dictionary = false)
        : base(name)
    {
        _field = new DataField<string>(name, nullable);
        _value = value;
        Dictionary = dictionary;
    }

    public override Field Field => _field;

    public override bool Dictionary { get; }

    public override long Add(Paper paper)
    {
        string? value = _value(paper);
        if (value is null)
        {
            if (!_field.IsNullable)
            {
                throw new InvalidOperationException($"Column '{Name}' is required, but a paper has no value for it.");
            }

            _values.Add(null);
            return 0;
        }

        _values.Add(_text.Add(value));
        return Utf8Size(value);
    }

    public override Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
        => rowGroup.WriteAsync<ReadOnlyMemory<char>>(_field, _values.Memory, repetitionLevels: null, customMetadata: null, cancellationToken);

    public override void Clear()
    {
        _values.Clear();
        _text.Clear();
    }

    public override void Dispose()
    {
        _values.Dispose();
        _text.Dispose();
    }
}

/// <summary>A nullable INT32 column.</summary>
internal sealed class NullableInt32Column(string name, Func<Paper, int?> value) : PaperColumn(name)
{
    private readonly DataField<int?> _field = new(name);
    private readonly GrowableBuffer<int?> _values = new();

    public override Field Field => _field;

    public override long Add(Paper paper)
    {
        _values.Add(value(paper));
        return sizeof(int);
    }

    public override Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
        => rowGroup.WriteAsync<int>(_field, _values.Memory, repetitionLevels: null, customMetadata: null, cancellationToken);

    public override void Clear() => _values.Clear();

    public override void Dispose() => _values.Dispose();
}

/// <summary>A required INT32 column.</summary>
internal sealed class Int32Column(string name, Func<Paper, int> value) : PaperColumn(name)
{
    private readonly DataField<int> _field = new(name);
    private readonly GrowableBuffer<int> _values = new();

    public override Field Field => _field;

    public override long Add(Paper paper)
    {
        _values.Add(value(paper));
        return sizeof(int);
    }

    public override Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
        => rowGroup.WriteAsync<int>(_field, _values.Memory, repetitionLevels: null, customMetadata: null, cancellationToken);

    public override void Clear() => _values.Clear();

    public override void Dispose() => _values.Dispose();
}

/// <summary>A nullable DATE column (INT32 days since 1970-01-01).</summary>
internal sealed class DateColumn(string name, Func<Paper, DateOnly?> value) : PaperColumn(name)
{
    private readonly DataField<DateOnly?> _field = new(name);
    private readonly GrowableBuffer<DateOnly?> _values = new();

    public override Field Field => _field;

    public override long Add(Paper paper)
    {
        _values.Add(value(paper));
        return sizeof(int);
    }

    public override Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
        => rowGroup.WriteAsync<DateOnly>(_field, _values.Memory, repetitionLevels: null, customMetadata: null, cancellationToken);

    public override void Clear() => _values.Clear();

    public override void Dispose() => _values.Dispose();
}

/// <summary>
/// A LIST of non-null strings (<c>optional group (LIST) { repeated group list { required binary element (STRING) } }</c>).
/// The list itself is never null: a paper without values has an empty list.
/// </summary>
internal sealed class StringListColumn : PaperColumn
{
    // Definition levels: 1 = the list is there but empty, 2 = an element. Repetition levels: 0 = a new row's first slot.
    private const int EmptyList = 1;
    private const int Element = 2;

    private readonly DataField<string> _element = new("element", nullable: false);
    private readonly ListField _field;
    private readonly Func<Paper, ImmutableArray<string>> _value;
    private readonly GrowableBuffer<ReadOnlyMemory<char>> _values = new();
    private readonly CharArena _text = new();
    private readonly GrowableBuffer<int> _definitions = new();
    private readonly GrowableBuffer<int> _repetitions = new();

    public StringListColumn(string name, Func<Paper, ImmutableArray<string>> value)
        : base(name)
    {
        _field = new ListField(name, _element);
        _value = value;
    }

    public override Field Field => _field;

    public override long Add(Paper paper)
    {
        ImmutableArray<string> items = _value(paper);
        if (items.IsDefaultOrEmpty)
        {
            _definitions.Add(EmptyList);
            _repetitions.Add(0);
            return 0;
        }

        long size = 0;
        for (int i = 0; i < items.Length; i++)
        {
            _values.Add(_text.Add(items[i]));
            _definitions.Add(Element);
            _repetitions.Add(i == 0 ? 0 : 1);
            size += Utf8Size(items[i]);
        }

        return size;
    }

    public override Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
        => rowGroup.WriteAllPartsAsync(_element, _values.Memory, _definitions.Memory, _repetitions.Memory, cancellationToken);

    public override void Clear()
    {
        _values.Clear();
        _text.Clear();
        _definitions.Clear();
        _repetitions.Clear();
    }

    public override void Dispose()
    {
        _values.Dispose();
        _text.Dispose();
        _definitions.Dispose();
        _repetitions.Dispose();
    }
}

/// <summary>
/// A LIST of (label, value, key) structs, in order, duplicates kept: <c>optional group (LIST) { repeated group list {
/// optional group element { required binary label (STRING); required binary value (STRING); optional binary key
/// (STRING) } } }</c>. Never null: a paper without extra fields has an empty list. <c>key</c> is the field's
/// <see cref="PaperField.Key"/> (a dialect's placeholder or a record's key), null for a label the layout does not know.
/// </summary>
internal sealed class LabelledValueListColumn : PaperColumn
{
    // Definition levels: 1 = empty list, 3 = an element (2 would be a null element, which is never written); the
    // optional key one more: 3 = an element without a key, 4 = with one.
    private const int EmptyList = 1;
    private const int Element = 3;
    private const int ElementWithKey = 4;

    private readonly DataField<string> _label = new("label", nullable: false);
    private readonly DataField<string> _valueField = new("value", nullable: false);
    private readonly DataField<string> _keyField = new("key", nullable: true);
    private readonly ListField _field;
    private readonly Func<Paper, ImmutableArray<PaperField>> _value;
    private readonly GrowableBuffer<ReadOnlyMemory<char>> _labels = new();
    private readonly GrowableBuffer<ReadOnlyMemory<char>> _values = new();
    private readonly GrowableBuffer<ReadOnlyMemory<char>> _keys = new(); // only the keys there are: nulls are in the levels
    private readonly CharArena _text = new();
    private readonly GrowableBuffer<int> _definitions = new();
    private readonly GrowableBuffer<int> _keyDefinitions = new();
    private readonly GrowableBuffer<int> _repetitions = new();

    public LabelledValueListColumn(string name, Func<Paper, ImmutableArray<PaperField>> value)
        : base(name)
    {
        _field = new ListField(name, new StructField("element", _label, _valueField, _keyField));
        _value = value;
    }

    public override Field Field => _field;

    public override long Add(Paper paper)
    {
        ImmutableArray<PaperField> items = _value(paper);
        if (items.IsDefaultOrEmpty)
        {
            _definitions.Add(EmptyList);
            _keyDefinitions.Add(EmptyList);
            _repetitions.Add(0);
            return 0;
        }

        long size = 0;
        for (int i = 0; i < items.Length; i++)
        {
            PaperField item = items[i];
            _labels.Add(_text.Add(item.Label));
            _values.Add(_text.Add(item.Value));
            _definitions.Add(Element);
            if (item.Key is string key)
            {
                _keys.Add(_text.Add(key));
                _keyDefinitions.Add(ElementWithKey);
                size += Utf8Size(key);
            }
            else
            {
                _keyDefinitions.Add(Element);
            }

            _repetitions.Add(i == 0 ? 0 : 1);
            size += Utf8Size(item.Label) + Utf8Size(item.Value);
        }

        return size;
    }

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        await rowGroup.WriteAllPartsAsync(_label, _labels.Memory, _definitions.Memory, _repetitions.Memory, cancellationToken).ConfigureAwait(false);
        await rowGroup.WriteAllPartsAsync(_valueField, _values.Memory, _definitions.Memory, _repetitions.Memory, cancellationToken).ConfigureAwait(false);
        await rowGroup.WriteAllPartsAsync(_keyField, _keys.Memory, _keyDefinitions.Memory, _repetitions.Memory, cancellationToken).ConfigureAwait(false);
    }

    public override void Clear()
    {
        _labels.Clear();
        _values.Clear();
        _keys.Clear();
        _text.Clear();
        _definitions.Clear();
        _keyDefinitions.Clear();
        _repetitions.Clear();
    }

    public override void Dispose()
    {
        _labels.Dispose();
        _values.Dispose();
        _keys.Dispose();
        _text.Dispose();
        _definitions.Dispose();
        _keyDefinitions.Dispose();
        _repetitions.Dispose();
    }
}
