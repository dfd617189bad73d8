namespace ArxivDigest.Cli;

/// <summary>One input digest: a file, or standard input (<c>-</c>).</summary>
internal sealed record DigestInput(string Name, string? Path)
{
    public bool IsStandardInput => Path is null;

    /// <summary>The base name outputs are named after (<c>2026-02-12.md</c> → <c>2026-02-12</c>).</summary>
    public string BaseName => IsStandardInput ? "stdin" : System.IO.Path.GetFileNameWithoutExtension(Path!);

    /// <summary>
    /// Expands the command line's inputs: files as they are, directories to the <c>*.md</c> files in them
    /// (in ordinal name order, so dates sort), <c>-</c> to standard input.
    /// </summary>
    public static List<DigestInput> Resolve(IEnumerable<string> arguments)
    {
        var inputs = new List<DigestInput>();
        foreach (string argument in arguments)
        {
            if (argument == "-")
            {
                inputs.Add(new DigestInput("<stdin>", null));
            }
            else if (Directory.Exists(argument))
            {
                string[] files = Directory.GetFiles(argument, "*.md");
                if (files.Length == 0)
                {
                    throw new UsageException($"'{argument}' has no *.md files.");
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
        Description = "Digest files, directories (every *.md in them) or - for standard input.",
        Arity = System.CommandLine.ArgumentArity.OneOrMore,
    };
}
