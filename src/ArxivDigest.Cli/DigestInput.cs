namespace ArxivDigest.Cli;

/// <summary>One input digest: a file, or standard input (<c>-</c>).</summary>
internal sealed record DigestInput(string Name, string? Path)
{
    public bool IsStandardInput => Path is null;

    /// <summary>The base name outputs are named after (<c>2026-02-12.md</c> → <c>2026-02-12</c>).</summary>
    public string BaseName => IsStandardInput ? "stdin" : System.IO.Path.GetFileNameWithoutExtension(Path!);

    /// <summary>
    /// Expands the command line's inputs: files as they are, directories to the files in them with one of
    /// <paramref name="directoryExtensions"/> (<c>*.md</c> unless given; in ordinal name order, so dates sort), <c>-</c>
    /// to standard input.
    /// </summary>
    public static List<DigestInput> Resolve(IEnumerable<string> arguments, IReadOnlyList<string>? directoryExtensions = null)
    {
        IReadOnlyList<string> extensions = directoryExtensions is { Count: > 0 } ? directoryExtensions : [".md"];
        var inputs = new List<DigestInput>();
        foreach (string argument in arguments)
        {
            if (argument == "-")
            {
                inputs.Add(new DigestInput("<stdin>", null));
            }
            else if (Directory.Exists(argument))
            {
                string[] files = [.. Directory.GetFiles(argument).Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)))];
                if (files.Length == 0)
                {
                    throw new UsageException($"'{argument}' has no {string.Join(" or ", extensions.Select(e => "*" + e))} files.");
                }

                Array.Sort(files, StringComparer.Ordinal);
                inputs.AddRange(files.Select(f => new DigestInput(f, f)));
            }
            else if (File.Exists(argument))
            {
                inputs.Add(new DigestInput(argument, argument));
            }
            else
            {
                throw new UsageException($"Input '{argument}' does not exist.");
            }
        }

        if (inputs.Count == 0)
        {
            throw new UsageException("No input: give digest files, directories, or - for standard input.");
        }

        if (inputs.Count(i => i.IsStandardInput) > 1)
        {
            throw new UsageException("Standard input (-) can be given only once.");
        }

        return inputs;
    }
}

/// <summary>The <c>INPUT...</c> argument every command that reads digests takes.</summary>
internal static class InputArgument
{
    public static System.CommandLine.Argument<string[]> Create() => new("INPUT")
    {
        Description = "Digest files (Markdown, or the generator's JSON lines), directories (every *.md in them, or every file of the --from format) or - for standard input.",
        Arity = System.CommandLine.ArgumentArity.OneOrMore,
    };
}
