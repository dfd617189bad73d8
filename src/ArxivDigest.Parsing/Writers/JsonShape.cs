namespace ArxivDigest.Parsing.Writers;

/// <summary>The shape of a JSON paper object.</summary>
public enum JsonShape
{
    /// <summary>
    /// This library's own shape, camelCase: <c>arxivId</c>, <c>version</c>, <c>title</c>, <c>url</c>, <c>authors</c>,
    /// <c>mainCategory</c>, <c>section</c>, <c>index</c>, <c>tldr</c>, <c>motivation</c>, <c>method</c>, <c>result</c>,
    /// <c>conclusion</c>, <c>abstract</c>, <c>extraFields</c>, <c>digestDate</c>, <c>source</c> {<c>file</c>, <c>line</c>}.
    /// </summary>
    Native = 0,

    /// <summary>
    /// The daily-arXiv-ai-enhanced generator's own JSON-lines record: <c>id</c>, <c>categories</c> (the main category),
    /// <c>pdf</c>, <c>abs</c>, <c>authors</c>, <c>title</c>, <c>summary</c>, <c>AI</c> {<c>tldr</c>, <c>motivation</c>,
    /// <c>method</c>, <c>result</c>, <c>conclusion</c>}; extra fields, when a paper has any, under <c>extra_fields</c>.
    /// </summary>
    DailyArxiv = 1,
}
