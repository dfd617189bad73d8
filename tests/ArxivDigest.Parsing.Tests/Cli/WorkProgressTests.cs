using ArxivDigest.Cli;
using ArxivDigest.Cli.Progress;

namespace ArxivDigest.Parsing.Tests.Cli;

/// <summary>What the progress display computes, apart from any display.</summary>
public sealed class WorkProgressTests
{
    [Fact]
    public void The_rate_stops_where_reading_did_while_a_slow_step_runs()
    {
        var console = new CliConsole(new StringWriter(), new StringWriter(), () => new MemoryStream(), () => new MemoryStream());
        using WorkProgress progress = WorkProgress.Start(console, ProgressMode.Never, quiet: true, "converting", [new DigestInput("a.md", null)], writesStandardOutput: false);
        progress.Read(0, 1_000_000);
        Thread.Sleep(20);
        progress.Phase("writing the Word document");
        double atStart = progress.Snapshot().BytesPerSecond;
        Assert.True(atStart > 0);

        Thread.Sleep(100);
        Assert.Equal(atStart, progress.Snapshot().BytesPerSecond);

        // Another input is still to be read (one output per input): the rate goes on from the start.
        progress.Phase(null);
        Thread.Sleep(20);
        Assert.True(progress.Snapshot().BytesPerSecond < atStart);
    }

    [Fact]
    public void After_the_last_input_the_rate_stays_where_reading_ended()
    {
        var console = new CliConsole(new StringWriter(), new StringWriter(), () => new MemoryStream(), () => new MemoryStream());
        using WorkProgress progress = WorkProgress.Start(console, ProgressMode.Never, quiet: true, "converting", [new DigestInput("a.md", null)], writesStandardOutput: false);
        progress.Read(0, 1_000_000);
        progress.InputDone(0);
        progress.Phase("writing the Word document");
        double atStart = progress.Snapshot().BytesPerSecond;
        progress.Phase(null);
        Thread.Sleep(50);
        Assert.Equal(atStart, progress.Snapshot().BytesPerSecond);
    }
}
