using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Selection;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Cli;

/// <summary>
/// Parses the next inputs of a conversion on other threads while the current one is written, so that converting
/// many digests keeps every core busy (the writers themselves are sequential). Only files up to
/// <see cref="MaxFileBytes"/> are read ahead, at most <see cref="Depth"/> at a time, because their papers are held
/// until written; larger files and standard input are streamed as before.
/// </summary>
/// <remarks>
/// What the writer sees is the same either way: the same papers in the same order, the digest announced before its
/// first paper, and an error in an input raised after the papers read before it, when that input's turn comes.
/// </remarks>
internal sealed class ReadAhead : IDisposable
{
    /// <summary>The largest file read ahead: its papers take about three times its size in memory.</summary>
    public const long MaxFileBytes = 16L << 20;

    private readonly List<DigestSource> _sources;
    private readonly bool[] _eligible;
    private readonly Task<Input>?[] _reads;
    private readonly bool[] _started;
    private readonly List<Task<Input>> _all = [];
    private readonly DigestReaderOptions _options;
    private readonly CancellationTokenSource _cancel;

    public ReadAhead(List<DigestSource> sources, IReadOnlyList<DigestInput> inputs, DigestReaderOptions options, CancellationToken cancellationToken)
    {
        _sources = sources;
        _options = options;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _reads = new Task<Input>?[sources.Count];
        _started = new bool[sources.Count];
        // With one input, or one core, there is nothing to overlap.
        // A FIFO or <(command) is streamed: its size is not known and its reads cannot be stopped.
        _eligible = [.. inputs.Select(i => sources.Count > 1 && Environment.ProcessorCount > 1 && i.Path is string path
            && Posix.Status(path).Kind == FileKind.Regular && new FileInfo(path).Length <= MaxFileBytes)];
    }

    /// <summary>How many inputs are parsed at a time.</summary>
    public static int Depth => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// The input at <paramref name="index"/>, parsed ahead; or <see langword="null"/> when it is to be streamed. Starts
    /// parsing the inputs after it. Inputs are taken in order.
    /// </summary>
    public Task<Input>? Take(int index)
    {
        for (int i = index; i < _sources.Count && i <= index + Depth; i++)
        {
            if (!_started[i] && _eligible[i])
            {
                _started[i] = true;
                int which = i;
                _reads[i] = Task.Run(() => ReadAsync(which, _cancel.Token));
                _all.Add(_reads[i]!);
            }
        }

        _started[index] = true;
        Task<Input>? read = _reads[index];
        _reads[index] = null;
        return read;
    }

    /// <summary>
    /// Stops the reads still going (after a failure or Ctrl+C, say) and waits for them to let go of their files;
    /// their results are dropped.
    /// </summary>
    public void Dispose()
    {
        _cancel.Cancel();
        // Each read checks the token between papers, so this is short; the bound is for a read blocked in the kernel.
        Task[] running = [.. _all.Where(t => !t.IsCompleted)];
        try
        {
            Task.WaitAll(running, TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // A read that failed to open its file: nobody takes its result any more.
        }

        _cancel.Dispose();
    }

    private async Task<Input> ReadAsync(int index, CancellationToken cancellationToken)
    {
        var papers = new List<Paper>();
        await using PaperReader reader = _sources[index].CreateReader(_options);
        ExceptionDispatchInfo? error = null;
        try
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                papers.Add(reader.Current);
            }
        }
        catch (Exception e)
        {
            error = ExceptionDispatchInfo.Capture(e);
        }

        var info = new DigestInfo(reader.SourceName, reader.DigestDate, [.. reader.TableOfContents]);
        return new Input(info, papers, [.. reader.Diagnostics], reader.ErrorCount, reader.WarningCount, error);
    }

    /// <summary>An input read ahead: what its reader found, and the error that stopped it, if one did.</summary>
    internal sealed record Input(
        DigestInfo Info,
        List<Paper> Papers,
        ImmutableArray<DigestDiagnostic> Diagnostics,
        int ErrorCount,
        int WarningCount,
        ExceptionDispatchInfo? Error)
    {
        /// <summary>
        /// Writes the papers <paramref name="selector"/> keeps as <see cref="PaperWriterExtensions.WriteAllAsync(PaperWriter, PaperReader, PaperSelector?, int, CancellationToken)"/>
        /// would have, then raises the input's error, if any.
        /// </summary>
        /// <returns>The number of papers written.</returns>
        public async Task<int> WriteToAsync(PaperWriter writer, PaperSelector selector, int sourceIndex, CancellationToken cancellationToken)
        {
            // Streaming announces the digest at its first paper, or at its end if it has none and did not fail.
            if (Papers.Count > 0 || Error is null)
            {
                await writer.BeginDigestAsync(Info, cancellationToken).ConfigureAwait(false);
            }

            int count = 0;
            foreach (Paper paper in Papers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (selector.Select(paper, sourceIndex))
                {
                    await writer.WritePaperAsync(paper, cancellationToken).ConfigureAwait(false);
                    count++;
                }
            }

            Error?.Throw();
            return count;
        }
    }
}
