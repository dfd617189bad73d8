using System.Diagnostics;
using System.Globalization;
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Selection;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Cli.Progress;

/// <summary>
/// How far a command that reads inputs has got: inputs finished of all, papers so far, bytes read, the input under
/// way, and the slow step at the end of a write ("writing the Word document"). The work reports to it in the same
/// way whatever is shown; <see cref="Start"/> chooses what the user sees: a live display on a terminal, a plain line
/// now and then, or nothing. Reporting is cheap: counters, and a redraw only when one is due.
/// </summary>
internal sealed class WorkProgress : IDisposable
{
    /// <summary>
    /// Internal, for tests: the refresh interval in milliseconds instead of the default. 0 redraws the live display,
    /// or prints a plain line, at every input and step and at no other time, so that what is shown does not depend
    /// on timing.
    /// </summary>
    public const string IntervalVariable = "ARXIV_DIGEST_PROGRESS_INTERVAL";

    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    private readonly string[] _names;
    private readonly long[] _sizes;
    private readonly long[] _sizesBefore;
    private readonly long[] _read;
    private readonly bool _sized;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _bytes;
    private long _papers;
    private int _done;
    private int _current = -1;
    private string? _phase;
    private long _phaseStarted; // Stopwatch ticks when the slow step began, 0 while there is none
    private IProgressView? _view;

    private WorkProgress(string activity, IReadOnlyList<DigestInput> inputs)
    {
        Activity = activity;
        _names = [.. inputs.Select(i => PrintableText.Escape(i.Name))];
        _sizes = [.. inputs.Select(i => SizeOf(i.Path))];
        _read = new long[inputs.Count];
        _sizesBefore = new long[inputs.Count + 1];
        for (int i = 0; i < inputs.Count; i++)
        {
            _sizesBefore[i + 1] = _sizesBefore[i] + Math.Max(0, _sizes[i]);
        }

        // Progress goes by bytes when every input's size is known, else by inputs.
        _sized = _sizes.All(s => s >= 0) && _sizesBefore[^1] > 0;
    }

    /// <summary>What the command does, for the display: "converting", "validating", "counting".</summary>
    public string Activity { get; }

    /// <summary>Starts reporting the progress of <paramref name="activity"/> over <paramref name="inputs"/>.</summary>
    /// <param name="console">The standard streams.</param>
    /// <param name="mode"><c>--progress</c>.</param>
    /// <param name="quiet"><c>--quiet</c>: nothing is shown.</param>
    /// <param name="activity">What the command does.</param>
    /// <param name="inputs">The inputs, in the order they are read.</param>
    /// <param name="writesStandardOutput">
    /// Whether the work writes standard output as it goes: a live display would be mixed into what it writes when
    /// that is the same terminal, so there is none then.
    /// </param>
    public static WorkProgress Start(CliConsole console, ProgressMode mode, bool quiet, string activity, IReadOnlyList<DigestInput> inputs, bool writesStandardOutput)
    {
        var progress = new WorkProgress(activity, inputs);
        if (quiet || mode == ProgressMode.Never)
        {
            return progress;
        }

        TimeSpan? interval = IntervalFromEnvironment();
        if (console.Error is StandardErrorWriter { IsTerminal: true } error && LiveAllowed(mode) && !(writesStandardOutput && !Console.IsOutputRedirected))
        {
            progress._view = LiveProgressView.TryStart(progress, error, interval ?? LiveInterval);
        }

        if (progress._view is null && mode == ProgressMode.Always)
        {
            progress._view = new PlainProgressView(progress, console.Error, interval ?? PlainInterval);
        }

        return progress;
    }

    /// <summary>The phase shown while a writer of <paramref name="format"/> completes its output.</summary>
    public static string Finishing(string format) => format switch
    {
        "docx" => "writing the Word document",
        "parquet" => "finishing Parquet",
        "json" => "finishing JSON",
        "jsonl" => "finishing JSON Lines",
        "bibtex" => "finishing BibTeX",
        "markdown" => "finishing Markdown",
        "csl-json" => "finishing CSL-JSON",
        "ris" => "finishing RIS",
        "atom" => "finishing the Atom feed",
        "rss" => "finishing the RSS feed",
        _ => $"finishing {format}",
    };

    /// <summary>Counts the bytes read from each source (the sources are replaced by counting ones).</summary>
    public void Track(List<DigestSource> sources)
    {
        for (int i = 0; i < sources.Count && i < _read.Length; i++)
        {
            DigestSource source = sources[i];
            int index = i;
            sources[i] = new DigestSource(source.Name, () => new CountingStream(source.Open(), this, index), source.Date);
        }
    }

    /// <summary>A writer that counts the papers written through it into <paramref name="writer"/>.</summary>
    public PaperWriter Count(PaperWriter writer) => new CountingWriter(writer, this);

    /// <summary>Completes <paramref name="writer"/>, showing <paramref name="phase"/> meanwhile.</summary>
    public async ValueTask FinishAsync(PaperWriter writer, string phase, CancellationToken cancellationToken)
    {
        Phase(phase);
        try
        {
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Phase(null);
        }
    }

    /// <summary>The inputs were read once to plan (<c>--dedupe</c>): each is read again from its start.</summary>
    public void Restart() => Array.Clear(_read);

    /// <summary>The input at <paramref name="index"/> is read now; those before it are finished.</summary>
    public void InputStarted(int index)
    {
        Volatile.Write(ref _done, Math.Max(Volatile.Read(ref _done), index));
        Volatile.Write(ref _current, index);
        _view?.Changed(ProgressEvent.InputStarted);
    }

    /// <summary>The input at <paramref name="index"/> is finished (read whole, or given up).</summary>
    public void InputDone(int index)
    {
        // An input read without a counting stream counts by its size.
        if (Interlocked.Read(ref _read[index]) == 0 && _sizes[index] > 0)
        {
            Interlocked.Add(ref _bytes, _sizes[index]);
            Interlocked.Exchange(ref _read[index], _sizes[index]);
        }

        Volatile.Write(ref _done, Math.Max(Volatile.Read(ref _done), index + 1));
        _view?.Changed(ProgressEvent.InputDone);
    }

    /// <summary>One more paper read or written.</summary>
    public void PaperDone()
    {
        Interlocked.Increment(ref _papers);
        _view?.Changed(ProgressEvent.Paper);
    }

    /// <summary>The slow step under way, or <see langword="null"/> when there is none.</summary>
    public void Phase(string? text)
    {
        string? before = Interlocked.Exchange(ref _phase, text);
        if (before is null && text is not null)
        {
            Interlocked.Exchange(ref _phaseStarted, Math.Max(1, _clock.ElapsedTicks));
        }
        else if (text is null && Volatile.Read(ref _done) < _names.Length)
        {
            Interlocked.Exchange(ref _phaseStarted, 0); // more inputs to read (one output per input): the rate goes on
        }

        if (before != text)
        {
            _view?.Changed(text is null ? ProgressEvent.StepEnded : ProgressEvent.StepStarted);
        }
    }

    /// <summary>The state now (any thread may ask).</summary>
    public ProgressSnapshot Snapshot()
    {
        int total = _names.Length;
        int done = Math.Min(Volatile.Read(ref _done), total);
        int current = Volatile.Read(ref _current);
        bool reading = current >= done && current < total;
        double fraction;
        if (_sized)
        {
            long partial = reading && _sizes[current] > 0 ? Math.Min(Interlocked.Read(ref _read[current]), _sizes[current]) : 0;
            fraction = (double)(_sizesBefore[done] + partial) / _sizesBefore[^1];
        }
        else
        {
            fraction = total == 0 ? 1 : (double)done / total;
        }

        // The reading rate: during the slow end of a write nothing more is read, so the rate stops where reading did
        // instead of falling for as long as the write takes.
        long phaseStarted = Interlocked.Read(ref _phaseStarted);
        double seconds = phaseStarted > 0 ? (double)phaseStarted / Stopwatch.Frequency : _clock.Elapsed.TotalSeconds;
        long bytes = Interlocked.Read(ref _bytes);
        return new ProgressSnapshot(
            Activity,
            done,
            total,
            Interlocked.Read(ref _papers),
            bytes,
            seconds > 0 ? bytes / seconds : 0,
            reading ? _names[current] : null,
            Volatile.Read(ref _phase),
            Math.Clamp(fraction, 0, 1));
    }

    public void Dispose()
    {
        _view?.Dispose();
        _view = null;
    }

    internal void Read(int index, int count)
    {
        Interlocked.Add(ref _bytes, count);
        Interlocked.Add(ref _read[index], count);
    }

    /// <summary>A live display unless the environment says the terminal cannot take one, or CI (for <c>auto</c>).</summary>
    private static bool LiveAllowed(ProgressMode mode)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal))
        {
            return false;
        }

        return mode == ProgressMode.Always || !IsContinuousIntegration(Environment.GetEnvironmentVariable("CI"));
    }

    /// <summary>CI services set <c>CI</c> (to true, 1, or a name); false, 0 and empty mean none.</summary>
    internal static bool IsContinuousIntegration(string? value)
        => !string.IsNullOrEmpty(value) && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0";

    private static TimeSpan? IntervalFromEnvironment()
        => int.TryParse(Environment.GetEnvironmentVariable(IntervalVariable), NumberStyles.None, CultureInfo.InvariantCulture, out int ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    private static long SizeOf(string? path)
    {
        try
        {
            return path is not null && Posix.Status(path).Kind == FileKind.Regular ? new FileInfo(path).Length : -1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }
}

/// <summary>The progress of a command at one moment.</summary>
/// <param name="Activity">What the command does ("converting").</param>
/// <param name="Done">Inputs finished.</param>
/// <param name="Total">Inputs in all.</param>
/// <param name="Papers">Papers so far.</param>
/// <param name="Bytes">Bytes read so far.</param>
/// <param name="BytesPerSecond">Bytes read per second, from the start until now, or until the slow step began (after the last input, it stays there).</param>
/// <param name="Current">The input being read (control characters escaped), or null.</param>
/// <param name="Phase">The slow step under way, or null.</param>
/// <param name="Fraction">How much of the work is done, 0 to 1 (by bytes when every input's size is known).</param>
internal readonly record struct ProgressSnapshot(
    string Activity, int Done, int Total, long Papers, long Bytes, double BytesPerSecond, string? Current, string? Phase, double Fraction)
{
    /// <summary>"3/21 inputs  612 papers  12.3 MB/s": the counts, without the input's name.</summary>
    public string Counts => string.Create(CultureInfo.InvariantCulture, $"{Done}/{Total} inputs  {Papers} papers  {BytesPerSecond / 1e6:0.0} MB/s");

    /// <summary>One plain line: "progress: converting, 3/21 inputs, 612 papers, 4.2 MB read (12.3 MB/s): samples/2026-01-26.md".</summary>
    public string Line()
    {
        string line = string.Create(CultureInfo.InvariantCulture,
            $"progress: {Activity}, {Done}/{Total} inputs, {Papers} papers, {Bytes / 1e6:0.0} MB read ({BytesPerSecond / 1e6:0.0} MB/s)");
        return (Phase ?? Current) is string doing ? $"{line}: {doing}" : line;
    }
}

/// <summary>What changed in a <see cref="WorkProgress"/>.</summary>
internal enum ProgressEvent
{
    /// <summary>One more paper.</summary>
    Paper,

    /// <summary>An input is read now.</summary>
    InputStarted,

    /// <summary>An input is finished.</summary>
    InputDone,

    /// <summary>A slow step began (the end of a write).</summary>
    StepStarted,

    /// <summary>The step ended.</summary>
    StepEnded,
}

/// <summary>What the user sees of a <see cref="WorkProgress"/>.</summary>
internal interface IProgressView : IDisposable
{
    /// <summary>Something changed (on the work's thread).</summary>
    void Changed(ProgressEvent change);
}
