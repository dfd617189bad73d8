using System.Diagnostics;

namespace ArxivDigest.Cli.Progress;

/// <summary>
/// <c>--progress always</c> where there is no terminal (a file, a pipe, a CI log): a plain line, with no escape code,
/// at most once per interval, and when a new step begins (the end of a write, which may take a while). Lines are
/// printed by the work itself, on its own thread, so they never cut into another message.
/// </summary>
internal sealed class PlainProgressView(WorkProgress progress, TextWriter error, TimeSpan interval) : IProgressView
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last;
    private string? _lastPhase;

    public void Changed(ProgressEvent change)
    {
        // A step that begins is said at once, unless it is the same as the last (one output per input): it may take a
        // while with nothing else to report. Anything else waits for the interval; with none (tests), the lines
        // come at the end of each input and the start of each step, and only then.
        TimeSpan elapsed = _clock.Elapsed;
        bool due = interval == TimeSpan.Zero ? change == ProgressEvent.InputDone : elapsed - _last >= interval;
        if (!due && change != ProgressEvent.StepStarted)
        {
            return;
        }

        ProgressSnapshot now = progress.Snapshot();
        if (!due && now.Phase == _lastPhase)
        {
            return;
        }

        _last = elapsed;
        _lastPhase = now.Phase ?? _lastPhase;
        error.WriteLine(now.Line());
    }

    public void Dispose()
    {
    }
}
