using System.CommandLine;
using ArxivDigest.Cli.Commands;
using ArxivDigest.Parsing;

namespace ArxivDigest.Cli;

/// <summary>The <c>arxiv-digest</c> command line: its commands, and the mapping of failures to exit codes.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var plugins = new Option<string[]>("--plugin")
        {
            Description = "An assembly with IPaperWriterProvider types whose formats to add (repeatable; also ARXIV_DIGEST_PLUGINS).",
            Recursive = true,
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };

        var root = new RootCommand("Read daily arXiv digests (Markdown) and convert their papers to JSON, JSON Lines and other formats.")
        {
            ConvertCommand.Create(console, plugins),
            ValidateCommand.Create(console),
            StatsCommand.Create(console),
            FormatsCommand.Create(console, plugins),
        };
        root.Options.Add(plugins);

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'arxiv-digest --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
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
            // A writer option's value the format does not take (for example through --option).
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
            await console.Error.WriteLineAsync("Cancelled; no output was left behind.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Errors;
        }
    }
}
