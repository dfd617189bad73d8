using System.Globalization;

namespace ArxivDigest.Parsing;

/// <summary>Something the parser noticed, with where it was.</summary>
/// <param name="Code">A stable code, one of <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What happened and what was expected.</param>
/// <param name="Location">Where it was.</param>
public sealed record DigestDiagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    /// <summary><c>file:line:col: severity CODE: message</c>.</summary>
    public override string ToString()
        => PrintableText.Escape(string.Create(CultureInfo.InvariantCulture, $"{Location}: {SeverityName(Severity)} {Code}: {Message}"));

    private static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
