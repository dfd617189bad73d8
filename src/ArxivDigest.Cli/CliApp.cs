using System.CommandLine;
using ArxivDigest.Cli.Commands;
using ArxivDigest.Cli.Help;
using ArxivDigest.Parsing;

namespace ArxivDigest.Cli;

/// <summary>The <c>arxiv-digest</c> command line: its commands, and the mapping of failures to exit codes.</summary>
internal static class CliApp
{
    /// <summary>Runs the tool in-process (tests): no signal handling.</summary>
    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
        => RunAsync(args, console, signals: null, cancellationToken);

    /// <param name="args">The command line.</param>
    /// <param name="console">The standard streams.</param>
    /// <param name="signals">The process's signal handling, which shares the one "cancelled" line; null in-process.</param>
    /// <param name="cancellationToken">Cancels the run (the process's signals, or a test).</param>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CliSignals? signals, CancellationToken cancellationToken)
    {
        var plugins = new Option<string[]>("--plugin")
        {
            Description = "An assembly with IPaperWriterProvider or IPaperInputProvider types whose formats to add (repeatable; also ARXIV_DIGEST_PLUGINS).",
            Recursive = true,
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };

        Command convert = ConvertCommand.Create(console, plugins);
        var root = new RootCommand(
            "Read daily arXiv digests (Markdown, or the generator's JSON lines) and convert their papers to JSON, JSON Lines and other formats.\n"
            + "Exit codes: 0 done; 1 errors in the input (validate) or the work failed; 2 wrong command line; "
            + "130 cancelled (Ctrl+C, SIGTERM); 141 standard output closed by its reader (as in | head).")
        {
            convert,
            ValidateCommand.Create(console, plugins),
            StatsCommand.Create(console, plugins),
            FormatsCommand.Create(console, plugins),
            DialectsCommand.Create(console),
        };
        root.Options.Add(plugins);
        CliHelp.Configure(root, convert, plugins);

        try
        {
            ParseResult parse = root.Parse(FlagValues.Normalize(args, root));
            if (parse.Errors.Count > 0)
            {
                foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
                {
                    await console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
                }

                await console.Error.WriteLineAsync("Run 'arxiv-digest --help' for usage.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (CliHelp.IsHelp(parse.Action) && parse.CommandResult.Command == convert)
            {
                ConvertCommand.DescribeFormats(convert, parse.GetValue(plugins) ?? []);
            }

            // Signals are handled by CliSignals, which also cleans up when the run cannot wind down by itself.
            var configuration = new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Whatever the cancellation interrupted, the using blocks on the way here have deleted the temporaries.
            if (signals?.ClaimMessage() ?? true)
            {
                await console.Error.WriteLineAsync(CliSignals.CancelledMessage).ConfigureAwait(false);
            }

            return ExitCodes.Cancelled;
        }
        catch (BrokenPipeException)
        {
            // The reader of standard output has gone (| head): stop quietly, without the summary, as Unix tools do.
            return ExitCodes.BrokenPipe;
        }
        catch (UsageException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (DigestFormatException e)
        {
            await console.Error.WriteLineAsync($"{e.Diagnostic}").ConfigureAwait(false);
            return ExitCodes.Errors;
        }
        catch (FormatException e)
        {
            // A value a writer refuses when it is made (a plug-in checking its options itself, say).
            await console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException e)
        {
            await console.Error.WriteLineAsync($"error: --match-regex timed out after {e.MatchTimeout.TotalSeconds:0.###} s on one text; simplify the pattern.").ConfigureAwait(false);
            return ExitCodes.Errors;
        }
        catch (OperationCanceledException)
        {
            if (signals?.ClaimMessage() ?? true)
            {
                await console.Error.WriteLineAsync(CliSignals.CancelledMessage).ConfigureAwait(false);
            }

            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"error: {OneLine(e.Message)}").ConfigureAwait(false);
            return ExitCodes.Errors;
        }
        catch (Exception e)
        {
            // Last resort: a failure nobody foresaw (a plug-in's writer, say) is one line, not a stack trace. The
            // outputs were cleaned up on the way here.
            await console.Error.WriteLineAsync($"error: unexpected failure ({e.GetType().Name}): {OneLine(e.Message)}").ConfigureAwait(false);
            return ExitCodes.Errors;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
