using System.CommandLine;
using System.Globalization;
using ArxivDigest.Cli.Progress;
using ArxivDigest.Parsing;

namespace ArxivDigest.Cli.Commands;

/// <summary><c>arxiv-digest validate INPUT... [--strict]</c>: diagnostics as <c>file:line:col: severity CODE: message</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console, Option<string[]> plugins)
    {
        var strict = new Option<bool>("--strict")
        {
            Description = "Warnings count as errors, and each file stops at its first one.",
        };
        var command = new Command("validate", "Check digests and list every problem with its file, line and column. Exit code 0: no errors; 1: errors.")
        {
            strict,
        };
        var reading = new ReaderOptions();
        reading.AddTo(command);
        var progress = new ProgressOption();
        progress.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            PaperInputRegistry formats = PluginLoader.CreateRegistries(parse.GetValue(plugins) ?? []).Inputs;
            Reading read = reading.Read(parse, formats, parse.GetValue(strict));
            return await RunAsync(console, read.Inputs, read.Options, progress.Read(parse), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, List<DigestInput> inputs, DigestReaderOptions readerOptions, ProgressMode mode, CancellationToken cancellationToken)
    {
        int papers = 0;
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        // The diagnostics go to standard output as each file is read: no live display when that is the terminal.
        using WorkProgress progress = WorkProgress.Start(console, mode, quiet: false, "validating", inputs, writesStandardOutput: true);
        for (int i = 0; i < inputs.Count; i++)
        {
            DigestInput input = inputs[i];
            progress.InputStarted(i);
            DigestReaderOptions options = readerOptions with { SourceName = input.Name };
            await using PaperReader reader = input.IsStandardInput
                ? PaperReader.Create(console.OpenStandardInput(), options)
                : PaperReader.Open(input.Path!, options);
            try
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    papers++;
                    progress.PaperDone();
                }
            }
            catch (DigestFormatException e)
            {
                // What was found before the error that stopped the file (a field too large to read, say) is still listed.
                foreach (DigestDiagnostic diagnostic in reader.Diagnostics)
                {
                    await console.Out.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
                }

                await console.Out.WriteLineAsync(e.Diagnostic.ToString()).ConfigureAwait(false);

                // The reader counted the diagnostic that stopped it; one that stops a file counts as an error.
                errors += reader.ErrorCount;
                warnings += reader.WarningCount;
                if (e.Diagnostic.Severity < DiagnosticSeverity.Error)
                {
                    warnings--;
                    errors++;
                }

                progress.InputDone(i);
                continue;
            }

            foreach (DigestDiagnostic diagnostic in reader.Diagnostics)
            {
                await console.Out.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
                infos += diagnostic.Severity == DiagnosticSeverity.Info ? 1 : 0;
            }

            errors += reader.ErrorCount;
            warnings += reader.WarningCount;
            progress.InputDone(i);
        }

        progress.Dispose();

        // Info lines are counted when there are any, so the summary of a clean input reads as before.
        string infoCount = infos > 0 ? string.Create(CultureInfo.InvariantCulture, $", {infos} info(s)") : string.Empty;
        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{inputs.Count} file(s), {papers} papers: {errors} error(s), {warnings} warning(s){infoCount}.")).ConfigureAwait(false);
        return errors > 0 ? ExitCodes.Errors : ExitCodes.Success;
    }
}
