using ArxivDigest.Cli.Progress;

namespace ArxivDigest.Parsing.Tests.Cli.Progress;

/// <summary>Standard error while a live display is drawn: whole lines above it, nothing cut into it.</summary>
public sealed class StandardErrorWriterTests
{
    [Fact]
    public void Lines_written_while_a_display_is_up_go_above_it_whole_and_a_partial_line_waits_for_its_end()
    {
        var inner = new StringWriter { NewLine = "\n" };
        var writer = new StandardErrorWriter(inner, () => true) { NewLine = "\n" };
        var above = new List<string>();
        writer.Attach(above.Add);

        writer.Write("file.md:1:1: ");
        writer.Write('w');
        writer.WriteLine("arning AXD003: a message");
        writer.Write("two\nlines\nand a part");
        Assert.Equal(["file.md:1:1: warning AXD003: a message\n", "two\nlines\n"], above);

        // The display ends: the part waiting for its end goes out too, and then everything is written straight.
        writer.Detach();
        writer.WriteLine(" of a line");
        Assert.Equal(["file.md:1:1: warning AXD003: a message\n", "two\nlines\n", "and a part"], above);
        Assert.Equal(" of a line\n", inner.ToString());
    }

    [Fact]
    public async Task Without_a_display_everything_is_written_straight_through()
    {
        var inner = new StringWriter { NewLine = "\n" };
        var writer = new StandardErrorWriter(inner, () => false) { NewLine = "\n" };

        writer.Write("a");
        await writer.WriteLineAsync("b");
        await writer.WriteAsync("c");
        writer.WriteLine();

        Assert.False(writer.IsTerminal);
        Assert.Equal("ab\nc\n", inner.ToString());
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("woodpecker", true)]
    public void The_CI_variable_means_continuous_integration_unless_it_is_empty_false_or_0(string? value, bool ci)
        => Assert.Equal(ci, WorkProgress.IsContinuousIntegration(value));
}
