namespace ArxivDigest.Parsing;

/// <summary>Thrown in strict mode (and for input that cannot be read at all), with where and why.</summary>
public sealed class DigestFormatException : FormatException
{
    /// <summary>Creates the exception for a diagnostic.</summary>
    public DigestFormatException(DigestDiagnostic diagnostic)
        : base(diagnostic?.ToString())
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        Diagnostic = diagnostic;
    }

    /// <summary>Creates the exception with a message and no position.</summary>
    public DigestFormatException()
        : this(new DigestDiagnostic(DiagnosticCodes.UnrecognizedText, DiagnosticSeverity.Error, "The digest could not be read.", default))
    {
    }

    /// <summary>Creates the exception with a message and no position.</summary>
    public DigestFormatException(string message)
        : this(new DigestDiagnostic(DiagnosticCodes.UnrecognizedText, DiagnosticSeverity.Error, message, default))
    {
    }

    /// <summary>Creates the exception with a message, no position and an inner exception.</summary>
    public DigestFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostic = new DigestDiagnostic(DiagnosticCodes.UnrecognizedText, DiagnosticSeverity.Error, message, default);
    }

    /// <summary>The diagnostic that caused the exception.</summary>
    public DigestDiagnostic Diagnostic { get; }

    /// <summary>The diagnostic's code.</summary>
    public string Code => Diagnostic.Code;

    /// <summary>Where the problem is.</summary>
    public SourceLocation Location => Diagnostic.Location;
}
