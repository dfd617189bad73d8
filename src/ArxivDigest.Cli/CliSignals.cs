using System.Runtime.InteropServices;

namespace ArxivDigest.Cli;

/// <summary>
/// Ctrl+C (SIGINT), SIGTERM and SIGHUP cancel the run instead of killing the process: reading and writing stop, the
/// temporary files and folders are deleted, the previous outputs stay, one line says so, and the exit code is 130.
/// Should the run not wind down within <see cref="Grace"/> (a call blocked on a stalled pipe or a FIFO nobody
/// opens), or on a second signal, the registered temporaries are deleted, a live progress display is erased (cursor
/// shown) and the process exits at once.
/// </summary>
internal sealed class CliSignals : IDisposable
{
    public const string CancelledMessage = "Cancelled; no partial output was left behind.";

    /// <summary>How long a cancelled run may take to wind down before the process ends it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _cancel = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly TextWriter _error;
    private int _signals;
    private int _messageClaimed;
    private volatile bool _finished;

    public CliSignals(TextWriter error)
    {
        _error = error;
        foreach (PosixSignal signal in (PosixSignal[])[PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP])
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // Not every platform has every signal (SIGHUP); the others still cancel.
            }
        }
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>Whether the caller is the one to print <see cref="CancelledMessage"/> (it is printed once).</summary>
    public bool ClaimMessage() => Interlocked.Exchange(ref _messageClaimed, 1) == 0;

    /// <summary>The run returned: a late signal or the grace timer must not end the process under it.</summary>
    public void Finished() => _finished = true;

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // The tool ends itself, once it has cleaned up.
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) == 1)
        {
            _cancel.Cancel();
            _ = Task.Run(async () =>
            {
                await Task.Delay(Grace).ConfigureAwait(false);
                EndNow();
            });
        }
        else
        {
            EndNow();
        }
    }

    private void EndNow()
    {
        if (_finished)
        {
            return;
        }

        Temporaries.DeleteAll();
        Progress.LiveProgressView.EndAll();
        if (ClaimMessage())
        {
            _error.WriteLine(CancelledMessage);
            _error.Flush();
        }

        Environment.Exit(ExitCodes.Cancelled);
    }
}
