using System.CommandLine;

namespace ArxivDigest.Cli.Progress;

/// <summary>When progress is shown: <c>--progress auto|always|never</c>.</summary>
internal enum ProgressMode
{
    /// <summary>A live display when standard error is a terminal (not in CI, not with TERM=dumb); nothing otherwise.</summary>
    Auto,

    /// <summary>As <see cref="Auto"/> on a terminal; elsewhere a plain line now and then.</summary>
    Always,

    /// <summary>No progress.</summary>
    Never,
}

/// <summary>The <c>--progress</c> option of the commands that read inputs (convert, validate, stats).</summary>
internal sealed class ProgressOption
{
    private readonly Option<string> _option = new("--progress")
    {
        Description = "Progress on standard error: auto (a live display when standard error is a terminal, except in CI or with TERM=dumb), "
            + "always (also when redirected: a plain line now and then), never. --quiet shows none.",
        DefaultValueFactory = _ => "auto",
    };

    public ProgressOption() => _option.AcceptOnlyFromAmong("auto", "always", "never");

    public void AddTo(Command command) => command.Options.Add(_option);

    public ProgressMode Read(ParseResult parse) => parse.GetValue(_option) switch
    {
        "always" => ProgressMode.Always,
        "never" => ProgressMode.Never,
        _ => ProgressMode.Auto,
    };
}
