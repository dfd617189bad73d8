namespace ArxivDigest.Parsing;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; nothing is wrong with the input (e.g. a placeholder summary).</summary>
    Info = 0,

    /// <summary>The input departs from the template, but everything in it was kept.</summary>
    Warning = 1,

    /// <summary>The input is broken; what could be read was kept.</summary>
    Error = 2,
}
