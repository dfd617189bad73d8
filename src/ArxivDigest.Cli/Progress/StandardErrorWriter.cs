using System.Text;

namespace ArxivDigest.Cli.Progress;

/// <summary>
/// The tool's standard error: written straight through, or, while a live progress display is drawn on the terminal,
/// line by line above the display, so that diagnostics and the summary are never mixed into it.
/// </summary>
/// <param name="inner">The process's standard error.</param>
/// <param name="isTerminal">Tells whether standard error is a terminal (asked once, when first needed).</param>
internal sealed class StandardErrorWriter(TextWriter inner, Func<bool> isTerminal) : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _pending = new();
    private readonly Lazy<bool> _isTerminal = new(isTerminal);
    private Action<string>? _above;

    /// <summary>Standard error itself, which the display draws on.</summary>
    public TextWriter Inner => inner;

    /// <summary>Whether standard error is a terminal (not redirected to a file or a pipe).</summary>
    public bool IsTerminal => _isTerminal.Value;

    public override Encoding Encoding => inner.Encoding;

    /// <summary>From now on, whole lines go to <paramref name="above"/> (which prints them above the display).</summary>
    public void Attach(Action<string> above)
    {
        lock (_gate)
        {
            _above = above;
        }
    }

    /// <summary>Writes straight through again; a line not yet ended is written first.</summary>
    public void Detach()
    {
        lock (_gate)
        {
            if (_above is not null && _pending.Length > 0)
            {
                _above(_pending.ToString());
                _pending.Clear();
            }

            _above = null;
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (_above is null)
            {
                inner.Write(value);
                return;
            }

            _pending.Append(value);
            if (value == '\n')
            {
                EmitLines();
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_gate)
        {
            if (_above is null)
            {
                inner.Write(buffer);
                return;
            }

            _pending.Append(buffer);
            if (buffer.Contains('\n'))
            {
                EmitLines();
            }
        }
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void WriteLine(string? value)
    {
        // One call, so that a line is never split by the display (or by another thread's line).
        Write(string.Concat(value, NewLine));
    }

    public override void WriteLine() => Write(NewLine);

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        lock (_gate)
        {
            inner.Flush();
        }
    }

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    private void EmitLines()
    {
        // Complete lines go above the display; the rest waits for its end of line.
        string text = _pending.ToString();
        int end = text.LastIndexOf('\n') + 1;
        _pending.Clear().Append(text, end, text.Length - end);
        _above!(text[..end]);
    }
}
