using Spectre.Console;
using Spectre.Console.Rendering;

namespace ArxivDigest.Cli.Progress;

/// <summary>
/// The live display on a terminal (Spectre.Console), one line on standard error:
/// <c>⠹ ━━━━━━━━━━╸━━━━━━━━━━━━━  43% 9/21 inputs  1862 papers  14.2 MB/s  converting samples/2026-01-26.md</c>.
/// While it is drawn, what the tool writes to standard error goes above it (<see cref="StandardErrorWriter"/>);
/// when it ends it is erased and the cursor shown again, also when a signal ends the process (<see cref="EndAll"/>).
/// </summary>
internal sealed class LiveProgressView : IProgressView
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(2);
    private static readonly Lock ActiveGate = new();
    private static LiveProgressView? s_active;

    private readonly WorkProgress _progress;
    private readonly StandardErrorWriter _error;
    private readonly TimeSpan _interval;
    private readonly IAnsiConsole _console;
    // Completed without RunContinuationsAsynchronously: the display's ending runs on the thread that ends it, which
    // needs no other thread to be free (the work's may be blocked in the kernel when a signal ends the process).
    private readonly TaskCompletionSource _end = new();
    private readonly CancellationTokenSource _stopRefreshing = new();
    private readonly Lock _refreshGate = new();
    private Task _display = Task.CompletedTask;
    private ProgressContext? _context;
    private ProgressTask? _task;
    private int _stopped;

    private LiveProgressView(WorkProgress progress, StandardErrorWriter error, TimeSpan interval)
    {
        _progress = progress;
        _error = error;
        _interval = interval;
        // Standard error is a terminal (the caller checked): ANSI and interaction are known, not guessed from TERM.
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(error.Inner),
        });
    }

    /// <summary>Starts the display; <see langword="null"/> when it cannot start.</summary>
    public static LiveProgressView? TryStart(WorkProgress progress, StandardErrorWriter error, TimeSpan interval)
    {
        var view = new LiveProgressView(progress, error, interval);
        if (!view.Begin())
        {
            view.Dispose();
            return null;
        }

        lock (ActiveGate)
        {
            s_active = view;
        }

        return view;
    }

    /// <summary>
    /// Erases the display and shows the cursor, waiting a moment at most: the process is about to exit
    /// (<see cref="CliSignals"/>), and a terminal that does not take output must not keep it from exiting.
    /// </summary>
    public static void EndAll()
    {
        LiveProgressView? active;
        lock (ActiveGate)
        {
            active = s_active;
        }

        if (active is not null)
        {
            // A thread of its own, not the pool's, whose threads may all be blocked.
            var stop = new Thread(active.Dispose) { IsBackground = true, Name = "progress display end" };
            stop.Start();
            stop.Join(TimeSpan.FromMilliseconds(500));
        }
    }

    public void Changed(ProgressEvent change)
    {
        if (change != ProgressEvent.Paper && _interval == TimeSpan.Zero)
        {
            Refresh();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _stopRefreshing.Cancel();

        // A refresh under way is let finish (later ones see _stopped); the display's own ending then erases it and
        // shows the cursor, and only then are lines written straight again.
        if (_refreshGate.TryEnter(StopWait))
        {
            _refreshGate.Exit();
        }

        _end.TrySetResult();
        WaitQuietly(_display);
        _error.Detach();
        lock (ActiveGate)
        {
            if (s_active == this)
            {
                s_active = null;
            }
        }

        _stopRefreshing.Dispose();
    }

    private bool Begin()
    {
        var display = new Spectre.Console.Progress(_console)
        {
            AutoClear = true,
            AutoRefresh = false,
            HideCompleted = false,
            ExcludeVerticalPadding = true,
        };
        display.Columns(
            new SpinnerColumn(),
            // A narrow terminal keeps room for the step or the input's name.
            new ProgressBarColumn { Width = _console.Profile.Width >= 110 ? 24 : 10 },
            new PercentageColumn(),
            new DetailsColumn(_progress));

        var ready = new TaskCompletionSource<ProgressContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        _display = display.StartAsync(async context =>
        {
            _task = context.AddTask(Markup.Escape(_progress.Activity), maxValue: 1);
            ready.TrySetResult(context);
            await _end.Task.ConfigureAwait(false);
        });
        if (Task.WaitAny([ready.Task, _display], StopWait) != 0 || !ready.Task.IsCompletedSuccessfully)
        {
            return false;
        }

        _context = ready.Task.Result;
        _error.Attach(text => _console.Write(new PlainText(text)));
        if (_interval > TimeSpan.Zero)
        {
            CancellationToken stop = _stopRefreshing.Token;
            _ = Task.Run(() => RefreshAsync(stop), CancellationToken.None);
        }
        else
        {
            Refresh();
        }

        return true;
    }

    private async Task RefreshAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                Refresh();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Refresh()
    {
        lock (_refreshGate)
        {
            if (Volatile.Read(ref _stopped) != 0 || _context is null || _task is null)
            {
                return;
            }

            // Below the end, so that the spinner goes on while a writer completes (a finished task shows none).
            _task.Value = Math.Min(_progress.Snapshot().Fraction, 0.999);
            _context.Refresh();
        }
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait(StopWait);
        }
        catch (AggregateException)
        {
            // The display failed to draw (the terminal went away): nothing more to erase.
        }
    }

    /// <summary>The counts, then the step under way or the input being read.</summary>
    private sealed class DetailsColumn(WorkProgress progress) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            ProgressSnapshot now = progress.Snapshot();
            return new DetailsText(now.Counts, now.Phase, now.Current is null ? null : $"{now.Activity} ", now.Current);
        }
    }

    /// <summary>
    /// One line that fits: when it is too long, a step is cut at its end and an input's name at its start (its end,
    /// the file's own name, is what tells the inputs apart).
    /// </summary>
    private sealed class DetailsText(string counts, string? phase, string? verb, string? name) : IRenderable
    {
        private string Full => phase is not null ? $"{counts}  {phase}" : name is not null ? $"{counts}  {verb}{name}" : counts;

        public Measurement Measure(RenderOptions options, int maxWidth)
            => new(Math.Min(counts.Length, maxWidth), Math.Min(Full.Length, maxWidth));

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            string text = Full;
            if (text.Length > maxWidth)
            {
                int room = maxWidth - counts.Length - 2 - (phase is null ? verb?.Length ?? 0 : 0);
                text = room < 2 ? counts
                    : phase is not null ? $"{counts}  {phase[..(room - 1)]}…"
                    : $"{counts}  {verb}…{name![^(room - 1)..]}";
            }

            yield return new Segment(text.Length <= maxWidth ? text : text[..maxWidth], new Style(decoration: Decoration.Dim));
        }
    }

    /// <summary>
    /// Lines written above the display as they are: no markup, no wrapping (the terminal wraps them). Each line is
    /// written where the display was, so what is left of the display after its end is erased.
    /// </summary>
    private sealed class PlainText(string text) : IRenderable
    {
        private static readonly Segment EraseToEnd = Segment.Control("\u001b[K");

        public Measurement Measure(RenderOptions options, int maxWidth) => new(Math.Min(1, maxWidth), maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            int start = 0;
            while (start < text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    yield return new Segment(text[start..]);
                    yield return EraseToEnd;
                    yield break;
                }

                if (end > start)
                {
                    yield return new Segment(text[start..end]);
                }

                yield return EraseToEnd;
                yield return Segment.LineBreak;
                start = end + 1;
            }
        }
    }
}
