namespace ArxivDigest.Cli;

/// <summary>
/// The files a conversion reads (its inputs, the <c>--ids</c> file, the plug-ins, standard input when it is a file), by identity:
/// an output that is one of them, by whatever path, link or hard link, would destroy it, so it is refused.
/// </summary>
internal sealed class InputFiles
{
    private readonly Dictionary<FileIdentity, string> _byIdentity = [];

    public static InputFiles Collect(CliConsole console, IEnumerable<DigestInput> inputs, string? idsFile, IEnumerable<string> plugins)
    {
        var files = new InputFiles();
        foreach (DigestInput input in inputs)
        {
            if (input.Path is string path)
            {
                files.Add(Posix.Status(path), $"the input '{input.Name}'");
            }
            else if (console.StandardFile?.Invoke(0) is { Kind: FileKind.Regular } stdin)
            {
                files.Add(stdin, "standard input");
            }
        }

        if (idsFile is not null)
        {
            files.Add(Posix.Status(idsFile), $"the --ids file '{idsFile}'");
        }

        foreach (string plugin in plugins)
        {
            files.Add(Posix.Status(plugin), $"the plug-in '{plugin}'");
        }

        return files;
    }

    /// <summary>What the file with <paramref name="identity"/> is read as ("the input 'x.md'"), or null.</summary>
    public string? Find(FileIdentity identity) => _byIdentity.GetValueOrDefault(identity);

    /// <exception cref="UsageException">The output is one of the files read.</exception>
    public void CheckOutput(OutputTarget target)
    {
        if (target.Existing.Exists && Find(target.Existing.Identity) is string what)
        {
            throw new UsageException($"The output '{target.Name}' is {what}: writing it would destroy what is being read. Choose another output.");
        }
    }

    /// <exception cref="UsageException">Standard output is redirected to one of the files read.</exception>
    public void CheckStandardOutput(CliConsole console)
    {
        if (console.StandardFile?.Invoke(1) is { Kind: FileKind.Regular } stdout && Find(stdout.Identity) is string what)
        {
            throw new UsageException($"Standard output is {what}: writing it would destroy what is being read. Choose another output with -o.");
        }
    }

    private void Add(FileStatus status, string what)
    {
        if (status.Exists)
        {
            _byIdentity.TryAdd(status.Identity, what);
        }
    }
}
