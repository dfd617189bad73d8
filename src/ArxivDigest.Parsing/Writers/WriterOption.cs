using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ArxivDigest.Parsing.Writers;

/// <summary>
/// An option a format accepts, described so that tools can offer it and set it from text: its name, what it does,
/// the values it takes, and how a value is set on the format's typed options (<see cref="WriterOption{TOptions}"/>).
/// The <c>arxiv-digest</c> tool turns each option of a built-in format into a command-line option <c>--NAME</c>, and
/// takes any format's options as <c>--option NAME=VALUE</c>.
/// </summary>
public abstract class WriterOption
{
    /// <summary>What a flag takes, in words.</summary>
    private protected const string FlagValues = "true, false, yes, no, 1 or 0";

    private protected WriterOption(string name, string description, IReadOnlyList<string> allowedValues, bool isFlag, string valueName, string valueDescription)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name[0] == '-' || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"Option name '{name}' must be lower-case letters, digits and dashes, not starting with a dash.", nameof(name));
        }

        Name = name;
        Description = description ?? string.Empty;
        AllowedValues = allowedValues;
        IsFlag = isFlag;
        ValueName = valueName;
        ValueDescription = valueDescription;
    }

    /// <summary>The name: lower case with dashes, prefixed by the format by convention (<c>bib-abstract</c>).</summary>
    public string Name { get; }

    /// <summary>One line for help.</summary>
    public string Description { get; }

    /// <summary>The values it takes when they are few (a choice; a flag's <c>true</c> and <c>false</c>); empty when it takes any text it can parse.</summary>
    public IReadOnlyList<string> AllowedValues { get; }

    /// <summary>Whether the option is a flag: <c>true</c> or <c>false</c> (also <c>yes</c>/<c>no</c>, <c>1</c>/<c>0</c>); given alone or empty, <c>true</c>.</summary>
    public bool IsFlag { get; }

    /// <summary>A short name for its value in help: <c>scholar|arxiv</c>, <c>SIZE</c>, <c>TEXT</c>.</summary>
    public string ValueName { get; }

    /// <summary>The values it takes, in words, for messages: <c>scholar or arxiv</c>, <c>a size such as 65536, 512K or 64M</c>.</summary>
    public string ValueDescription { get; }

    /// <summary>The type of the options it sets.</summary>
    public abstract Type OptionsType { get; }

    /// <summary>The option's value in <paramref name="options"/>, as text it takes back; <see langword="null"/> when unset.</summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> is not of <see cref="OptionsType"/>.</exception>
    public string? GetValue(object options) => GetValueCore(options);

    /// <summary>Options equal to <paramref name="options"/> with this option set from <paramref name="value"/>.</summary>
    /// <exception cref="FormatException"><paramref name="value"/> is not one the option takes.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is not of <see cref="OptionsType"/>.</exception>
    public object Apply(object options, string value) => ApplyCore(options, value);

    /// <inheritdoc/>
    public override string ToString() => Name;

    private protected abstract string? GetValueCore(object options);

    private protected abstract object ApplyCore(object options, string value);

    /// <summary>The exception for a value the option does not take.</summary>
    private protected FormatException NotTaken(string value, Exception? inner = null)
        => new(string.Create(CultureInfo.InvariantCulture, $"Option '{Name}' takes {ValueDescription}, not '{value}'."), inner);

    /// <summary>A flag's value, or <see langword="null"/> when the text is not one.</summary>
    private protected static bool? ParseFlag(string value) => value.ToUpperInvariant() switch
    {
        "TRUE" or "YES" or "1" or "" => true,
        "FALSE" or "NO" or "0" => false,
        _ => null,
    };

    /// <summary><c>a, b or c</c>.</summary>
    private protected static string Either(IReadOnlyList<string> values)
        => values.Count <= 1 ? string.Concat(values) : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1];
}

/// <summary>
/// An option of a format whose options are <typeparamref name="TOptions"/> (an immutable record): it sets one
/// property from text. Made with <see cref="Flag"/>, <see cref="Choice"/>, <see cref="Text"/>, <see cref="Size"/> or
/// <see cref="Parsed"/>.
/// </summary>
/// <typeparam name="TOptions">The format's options.</typeparam>
[SuppressMessage("Design", "CA1000", Justification = "The factories are called as WriterOption<TOptions>.Choice(...), so that TOptions is given once and the value type is inferred.")]
public sealed class WriterOption<TOptions> : WriterOption
    where TOptions : class
{
    private readonly Func<TOptions, string?> _get;
    private readonly Func<WriterOption<TOptions>, TOptions, string, TOptions> _apply;

    private WriterOption(
        string name,
        string description,
        IReadOnlyList<string> allowedValues,
        bool isFlag,
        string valueName,
        string valueDescription,
        Func<TOptions, string?> get,
        Func<WriterOption<TOptions>, TOptions, string, TOptions> apply)
        : base(name, description, allowedValues, isFlag, valueName, valueDescription)
    {
        _get = get;
        _apply = apply;
    }

    /// <inheritdoc/>
    public override Type OptionsType => typeof(TOptions);

    /// <summary>The option's value in <paramref name="options"/>, as text it takes back; <see langword="null"/> when unset.</summary>
    public string? GetValue(TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _get(options);
    }

    /// <summary><paramref name="options"/> with this option set from <paramref name="value"/>.</summary>
    /// <exception cref="FormatException"><paramref name="value"/> is not one the option takes.</exception>
    public TOptions Apply(TOptions options, string value)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(value);
        return _apply(this, options, value);
    }

    /// <summary>A flag: <c>true</c>/<c>false</c> (also <c>yes</c>/<c>no</c>, <c>1</c>/<c>0</c>, any case); given alone or empty, <c>true</c>.</summary>
    /// <param name="name">The option's name (<c>bib-abstract</c>).</param>
    /// <param name="description">One line for help.</param>
    /// <param name="get">Reads the property.</param>
    /// <param name="set">Returns the options with the property set (<c>(o, v) =&gt; o with { Abstract = v }</c>).</param>
    public static WriterOption<TOptions> Flag(string name, string description, Func<TOptions, bool> get, Func<TOptions, bool, TOptions> set)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        return new(name, description, ["true", "false"], isFlag: true, "true|false", FlagValues,
            o => get(o) ? "true" : "false",
            (self, o, value) => set(o, ParseFlag(value) ?? throw self.NotTaken(value)));
    }

    /// <summary>An option that takes one of a few names, each standing for a value (case-insensitive).</summary>
    /// <param name="name">The option's name (<c>bib-key</c>).</param>
    /// <param name="description">One line for help.</param>
    /// <param name="get">Reads the property.</param>
    /// <param name="set">Returns the options with the property set.</param>
    /// <param name="values">The names it takes and the value each stands for, in the order help lists them.</param>
    /// <typeparam name="TValue">The property's type (an enum, say).</typeparam>
    public static WriterOption<TOptions> Choice<TValue>(
        string name,
        string description,
        Func<TOptions, TValue> get,
        Func<TOptions, TValue, TOptions> set,
        params (string Name, TValue Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException("A choice needs at least one value.", nameof(values));
        }

        (string Name, TValue Value)[] choices = [.. values];
        string[] names = [.. choices.Select(c => c.Name)];
        return new(name, description, names, isFlag: false, string.Join('|', names), Either(names),
            o =>
            {
                TValue current = get(o);
                foreach ((string n, TValue v) in choices)
                {
                    if (EqualityComparer<TValue>.Default.Equals(v, current))
                    {
                        return n;
                    }
                }

                return null;
            },
            (self, o, value) =>
            {
                foreach ((string n, TValue v) in choices)
                {
                    if (string.Equals(n, value, StringComparison.OrdinalIgnoreCase))
                    {
                        return set(o, v);
                    }
                }

                throw self.NotTaken(value);
            });
    }

    /// <summary>An option that takes any text.</summary>
    /// <param name="name">The option's name (<c>docx-title</c>).</param>
    /// <param name="description">One line for help.</param>
    /// <param name="get">Reads the property (<see langword="null"/>: not set).</param>
    /// <param name="set">Returns the options with the property set.</param>
    public static WriterOption<TOptions> Text(string name, string description, Func<TOptions, string?> get, Func<TOptions, string, TOptions> set)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        return new(name, description, [], isFlag: false, "TEXT", "any text", get, (_, o, value) => set(o, value));
    }

    /// <summary>An option that takes a size in bytes: digits, then optionally <c>K</c>, <c>M</c> or <c>G</c> (powers of 1024), with an optional <c>B</c> or <c>iB</c>.</summary>
    /// <param name="name">The option's name (<c>parquet-row-group-size</c>).</param>
    /// <param name="description">One line for help.</param>
    /// <param name="get">Reads the property.</param>
    /// <param name="set">Returns the options with the property set (a positive number of bytes).</param>
    public static WriterOption<TOptions> Size(string name, string description, Func<TOptions, long> get, Func<TOptions, long, TOptions> set)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        return new(name, description, [], isFlag: false, "SIZE", "a positive size such as 65536, 512K or 64M",
            o => ByteSize.Format(get(o)),
            (self, o, value) => set(o, ByteSize.TryParse(value, out long bytes) ? bytes : throw self.NotTaken(value)));
    }

    /// <summary>An option whose text <paramref name="parse"/> turns into a value.</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">One line for help.</param>
    /// <param name="get">Reads the property.</param>
    /// <param name="set">Returns the options with the property set.</param>
    /// <param name="parse">Reads a value; throws <see cref="FormatException"/> (or <see cref="OverflowException"/>, <see cref="ArgumentException"/>) for text it does not take.</param>
    /// <param name="format">Writes a value as text <paramref name="parse"/> takes back.</param>
    /// <param name="valueName">A short name for the value in help (<c>N</c>, <c>DATE</c>).</param>
    /// <param name="valueDescription">What it takes, in words, for messages (<c>a whole number</c>).</param>
    /// <typeparam name="TValue">The property's type.</typeparam>
    public static WriterOption<TOptions> Parsed<TValue>(
        string name,
        string description,
        Func<TOptions, TValue> get,
        Func<TOptions, TValue, TOptions> set,
        Func<string, TValue> parse,
        Func<TValue, string?> format,
        string valueName,
        string valueDescription)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentException.ThrowIfNullOrWhiteSpace(valueName);
        ArgumentException.ThrowIfNullOrWhiteSpace(valueDescription);
        return new(name, description, [], isFlag: false, valueName, valueDescription,
            o => format(get(o)),
            (self, o, value) =>
            {
                TValue parsed;
                try
                {
                    parsed = parse(value);
                }
                catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
                {
                    throw self.NotTaken(value, e);
                }

                return set(o, parsed);
            });
    }

    private protected override string? GetValueCore(object options) => GetValue(Cast(options));

    private protected override object ApplyCore(object options, string value) => Apply(Cast(options), value);

    private TOptions Cast(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options as TOptions
            ?? throw new ArgumentException($"Option '{Name}' sets {typeof(TOptions).Name}, not {options.GetType().Name}.", nameof(options));
    }
}
