namespace ArxivDigest.Parsing.Writers;

/// <summary>
/// An option a format accepts, so tools can offer it: the <c>arxiv-digest</c> tool turns each option of a built-in
/// format into a command-line option <c>--NAME</c> (plug-in formats take <c>--option NAME=VALUE</c>). The value
/// reaches the writer in <see cref="PaperWriterOptions.Properties"/> under <see cref="Name"/>.
/// </summary>
/// <param name="Name">The name, lower case with dashes, prefixed by the format (<c>bib-abstract</c>).</param>
/// <param name="Description">One line for help.</param>
/// <param name="AllowedValues">The values it takes, or empty for any text; a flag takes <c>true</c>/<c>false</c>.</param>
/// <param name="DefaultValue">The value when the option is not given.</param>
public sealed record WriterOption(string Name, string Description, IReadOnlyList<string> AllowedValues, string? DefaultValue = null)
{
    /// <summary>Whether the option is a flag (its allowed values are <c>true</c> and <c>false</c>).</summary>
    public bool IsFlag => AllowedValues.Count == 2 && AllowedValues.Contains("true") && AllowedValues.Contains("false");

    /// <summary>A flag: given alone it means <c>true</c>.</summary>
    public static WriterOption Flag(string name, string description, bool defaultValue = false)
        => new(name, description, ["true", "false"], defaultValue ? "true" : "false");

    /// <summary>An option that takes one of <paramref name="allowedValues"/>.</summary>
    public static WriterOption Choice(string name, string description, string defaultValue, params string[] allowedValues)
        => new(name, description, allowedValues, defaultValue);

    /// <summary>An option that takes any text.</summary>
    public static WriterOption Text(string name, string description, string? defaultValue = null)
        => new(name, description, [], defaultValue);
}
