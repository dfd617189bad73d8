namespace ArxivDigest.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Done; for validate, no errors.</summary>
    public const int Success = 0;

    /// <summary>The input has errors (validate), or the work failed (a file could not be read or written; strict mode).</summary>
    public const int Errors = 1;

    /// <summary>The command line is wrong: unknown option or format, missing input.</summary>
    public const int Usage = 2;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}

/// <summary>A wrong command line, reported with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
