namespace ArxivDigest.Parsing.Writers;

/// <summary>The shape of a JSON paper object.</summary>
public enum JsonShape
{
    /// <summary>
    /// This library's own shape, camelCase: <c>arxivId</c>, <c>version</c>, <c>title</c>, <c>url</c>, <c>authors</c>,
    /// <c>mainCategory</c>, <c>categories</c>, <c>section</c>, <c>index</c>, <c>tldr</c>, <c>motivation</c>, <c>method</c>,
    /// <c>result</c>, <c>conclusion</c>, <c>abstract</c>, <c>comment</c>, <c>extraFields</c> [{<c>label</c>, <c>key</c>,
    /// <c>value</c>, <c>line</c>}], <c>digestDate</c>, <c>source</c> {<c>file</c>, <c>line</c>}.
    /// </summary>
    Native = 0,

    /// <summary>
    /// The daily-arXiv-ai-enhanced generator's own JSON-lines record: <c>id</c>, <c>categories</c> (all the paper has,
    /// the main one first), <c>pdf</c>, <c>abs</c>, <c>authors</c>, <c>title</c>, <c>comment</c>, <c>summary</c>,
    /// <c>AI</c> {<c>tldr</c>, <c>motivation</c>, <c>method</c>, <c>result</c>, <c>conclusion</c>}. An extra field with a
    /// key is written under it, in <c>AI</c> or at the top level (<see cref="PaperField.Scope"/>), with its JSON type;
    /// one without, under <c>extra_fields</c>. A paper read from JSON lines is written with its record's own keys
    /// (<see cref="Paper.RecordKeys"/>), so that the record comes back as it was read.
    /// </summary>
    DailyArxiv = 1,
}
