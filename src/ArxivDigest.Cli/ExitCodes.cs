namespace ArxivDigest.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Done; for validate, no errors.</summary>
    public const int Success = 0;

    /// <summary>
    /// The input has errors (validate), or the work failed (a file could not be read or written; strict mode; an
    /// unexpected failure).
    /// </summary>
    public const int Errors = 1;

    /// <summary>The command line is wrong: unknown option or format, missing input, an output that is an input.</summary>
    public const int Usage = 2;

    /// <summary>Cancelled: Ctrl+C (SIGINT), SIGTERM or SIGHUP.</summary>
    public const int Cancelled = 130;

    /// <summary>Standard output was closed by its reader (EPIPE, as in <c>| head</c>): 128 + SIGPIPE, as Unix tools end.</summary>
    public const int BrokenPipe = 141;
}

/// <summary>A wrong command line, reported with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
