using System.CommandLine;
using System.Globalization;
using ArxivDigest.Cli.Progress;
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Selection;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Cli.Commands;

/// <summary><c>arxiv-digest convert INPUT... --to FORMAT [-o OUTPUT]</c>.</summary>
internal static class ConvertCommand
{
    public static Command Create(CliConsole console, Option<string[]> plugins)
    {
        var strict = new Option<bool>("--strict")
        {
            Description = "Stop at the first warning or error in the input (exit code 1); by default they are reported and reading goes on.",
        };
        var date = new Option<string?>("--date")
        {
            Description = "The digest date (YYYY-MM-DD) when the file name does not give it, e.g. for standard input.",
        };
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "Print only errors: no progress, no warnings.",
        };

        var command = new Command("convert", "Convert digests to another format, optionally choosing papers (--category, --match, --dedupe ...).");
        var output = new OutputOptions();
        output.AddTo(command);
        command.Options.Add(strict);
        command.Options.Add(date);
        command.Options.Add(quiet);
        var selection = new SelectionOptions();
        selection.AddTo(command);
        var reading = new ReaderOptions();
        reading.AddTo(command);
        var progress = new ProgressOption();
        progress.AddTo(command);

        // Each built-in format's own options become command-line options (--bib-abstract, ...); any format's are --option.
        var formatOptions = new FormatOptions(PluginLoader.CreateBuiltInRegistry());
        formatOptions.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            (PaperWriterRegistry registry, PaperInputRegistry inputFormats) = PluginLoader.CreateRegistries(parse.GetValue(plugins) ?? []);
            Reading read = reading.Read(parse, inputFormats, parse.GetValue(strict));
            var settings = new Settings(
                read.Inputs,
                output.FormatName(parse),
                output.Output(parse),
                read.Options,
                SelectionOptions.ParseDate("--date", parse.GetValue(date)),
                formatOptions.Given(parse),
                parse.GetValue(quiet),
                selection.Read(parse),
                selection.IdsFile(parse),
                [.. PluginLoader.Paths(parse.GetValue(plugins) ?? [])],
                progress.Read(parse));
            return await RunAsync(console, registry, settings, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>
    /// For <c>convert --help</c>: lists the formats of the plug-ins given (or in ARXIV_DIGEST_PLUGINS) in the
    /// description of <c>--to</c> too.
    /// </summary>
    public static void DescribeFormats(Command convert, string[] plugins) => OutputOptions.DescribeFormats(convert, plugins);

    private sealed record Settings(
        List<DigestInput> Inputs,
        string? Format,
        string? Output,
        DigestReaderOptions ReaderOptions,
        DateOnly? Date,
        IReadOnlyList<GivenOption> FormatOptions,
        bool Quiet,
        PaperSelection Selection,
        string? IdsFile,
        string[] Plugins,
        ProgressMode Progress);

    private static async Task<int> RunAsync(CliConsole console, PaperWriterRegistry registry, Settings settings, CancellationToken cancellationToken)
    {
        string? output = settings.Output;
        bool perInput = OutputOptions.IsFolder(output);

        // The format and its options come first: a wrong one is refused before any file is looked at.
        (PaperWriterFormat chosen, string chosenBy) = OutputOptions.ChooseFormat(
            registry, settings.Format, perInput ? null : output, FormatOptions.Declaring(registry, settings.FormatOptions));
        WriterChoice choice = FormatOptions.Bind(registry, chosen, chosenBy, settings.FormatOptions, settings.ReaderOptions.Dialect);

        // Every output is checked before any input is read: one that is an input (or, for a dataset, holds one), or
        // that is neither a file to replace nor a special file to write through, is refused and nothing is written.
        InputFiles inputFiles = InputFiles.Collect(console, settings.Inputs, settings.IdsFile, settings.Plugins);
        if (choice.DirectoryOption is string directoryOption)
        {
            return await WriteDatasetAsync(console, output, choice, directoryOption, settings, inputFiles, cancellationToken).ConfigureAwait(false);
        }

        PaperWriterFormat format = choice.Format;
        object writerOptions = choice.Options;

        if (output is null)
        {
            if (!format.IsText)
            {
                throw new UsageException($"'{format.Name}' is binary: give an output file with -o.");
            }

            inputFiles.CheckStandardOutput(console);
            using Job job = await Job.StartAsync(console, settings, cancellationToken).ConfigureAwait(false);
            Stream stdout = console.OpenStandardOutput();
            await using (stdout.ConfigureAwait(false))
            {
                await using PaperWriter writer = CreateWriter(() => format.Create(stdout, writerOptions));
                try
                {
                    for (int i = 0; i < job.Sources.Count; i++)
                    {
                        await job.ConvertOneAsync(i, writer, cancellationToken).ConfigureAwait(false);
                    }

                    await job.Progress.FinishAsync(writer, WorkProgress.Finishing(format.Name), cancellationToken).ConfigureAwait(false);
                    await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    job.Report.Changed(writer);
                }
            }

            return job.Report.Finish(job.Selector, "standard output");
        }

        if (perInput)
        {
            List<OutputTarget> targets = PlanPerInput(output, format, settings.Inputs, inputFiles);
            using Job job = await Job.StartAsync(console, settings, cancellationToken).ConfigureAwait(false);

            // One output per input, each written atomically; a failed input is reported and the others still converted.
            int failed = 0;
            for (int i = 0; i < job.Sources.Count; i++)
            {
                try
                {
                    await WriteFileAsync(targets[i], format, writerOptions, job, [i], cancellationToken).ConfigureAwait(false);
                }
                catch (DigestFormatException e)
                {
                    failed++;
                    await console.Error.WriteLineAsync($"{e.Diagnostic}").ConfigureAwait(false);
                    await console.Error.WriteLineAsync($"error: {settings.Inputs[i].Name} not converted; {targets[i].Name} not written.").ConfigureAwait(false);
                }
            }

            int code = job.Report.Finish(job.Selector, output);
            return failed > 0 ? ExitCodes.Errors : code;
        }

        OutputTarget target = OutputTarget.Resolve(output);
        inputFiles.CheckOutput(target);
        using (Job job = await Job.StartAsync(console, settings, cancellationToken).ConfigureAwait(false))
        {
            await WriteFileAsync(target, format, writerOptions, job, [.. Enumerable.Range(0, job.Sources.Count)], cancellationToken).ConfigureAwait(false);
            return job.Report.Finish(job.Selector, output);
        }
    }

    /// <summary>
    /// The outputs of <c>-o DIR/</c>, one per input, named after it; each is checked like <c>-o FILE</c>, except that
    /// a symbolic link is refused (the tool chose the name, so the link was not the user's choice of target).
    /// </summary>
    private static List<OutputTarget> PlanPerInput(string output, PaperWriterFormat format, List<DigestInput> inputs, InputFiles inputFiles)
    {
        string? clash = inputs.GroupBy(i => i.BaseName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (clash is not null)
        {
            throw new UsageException($"Two inputs are named '{clash}': both would write {Path.Combine(output, clash + format.Extensions[0])}. Convert them separately.");
        }

        var targets = new List<OutputTarget>(inputs.Count);
        foreach (DigestInput input in inputs)
        {
            OutputTarget target = OutputTarget.Resolve(Path.Combine(output, input.BaseName + format.Extensions[0]), followLinks: false);
            inputFiles.CheckOutput(target);
            targets.Add(target);
        }

        return targets;
    }

    private static async Task WriteFileAsync(
        OutputTarget target,
        PaperWriterFormat format,
        object writerOptions,
        Job job,
        int[] sourceIndexes,
        CancellationToken cancellationToken)
    {
        if (format.ReadsExistingOutput && target.Existing.Kind == FileKind.Regular)
        {
            writerOptions = WithExistingOutput(target, format, writerOptions);
        }

        await using AtomicFile file = await AtomicFile.CreateAsync(target, cancellationToken).ConfigureAwait(false);
        await using (PaperWriter writer = CreateWriter(() => format.Create(file.Stream, writerOptions)))
        {
            try
            {
                foreach (int i in sourceIndexes)
                {
                    await job.ConvertOneAsync(i, writer, cancellationToken).ConfigureAwait(false);
                }

                await job.Progress.FinishAsync(writer, WorkProgress.Finishing(format.Name), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                job.Report.Changed(writer);
            }
        }

        await file.CommitAsync(cancellationToken).ConfigureAwait(false);
        job.Report.Wrote(target.Name);
    }

    /// <summary>
    /// The options for replacing <paramref name="target"/>, for a format that carries something over from the file it
    /// replaces (the <c>bibtex</c> format's citation keys).
    /// </summary>
    private static object WithExistingOutput(OutputTarget target, PaperWriterFormat format, object writerOptions)
    {
        try
        {
            using var existing = new FileStream(target.Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
            return format.WithExistingOutput(writerOptions, existing);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot read '{target.Name}', which this output replaces and takes its {format.Name} keys from: {OutputException.Reason(e)}", e);
        }
    }

    /// <summary>
    /// A format that writes a folder (the <c>parquet</c> dataset of <c>--partition-by</c>): it is built in a temporary
    /// folder beside OUTPUT and moved into place (replacing a previous dataset) only when complete.
    /// </summary>
    private static async Task<int> WriteDatasetAsync(
        CliConsole console,
        string? output,
        WriterChoice choice,
        string directoryOption,
        Settings settings,
        InputFiles inputFiles,
        CancellationToken cancellationToken)
    {
        if (output is null)
        {
            throw new UsageException($"{directoryOption} makes {choice.Format.Name} write into a folder: give it with -o.");
        }

        using AtomicDirectory directory = AtomicDirectory.Create(output, inputFiles.Find);
        using Job job = await Job.StartAsync(console, settings, cancellationToken).ConfigureAwait(false);
        try
        {
            await using PaperWriter writer = CreateWriter(() => choice.Format.CreateDirectoryWriter(directory.Temporary, choice.Options));
            try
            {
                for (int i = 0; i < job.Sources.Count; i++)
                {
                    await job.ConvertOneAsync(i, writer, cancellationToken).ConfigureAwait(false);
                }

                await job.Progress.FinishAsync(writer, "finishing the Parquet dataset", cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                job.Report.Changed(writer);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e.Message.Contains(directory.Temporary, StringComparison.Ordinal))
        {
            // The dataset writer's own files are in the temporary folder: name the dataset instead.
            throw new OutputException($"cannot write the dataset '{output}': {OutputException.Reason(e)}", e);
        }

        directory.Commit(cancellationToken);
        job.Report.Wrote(output);
        return job.Report.Finish(job.Selector, output);
    }

    /// <summary>Makes a writer; a format option with a value the writer does not take is a usage error.</summary>
    private static PaperWriter CreateWriter(Func<PaperWriter> create)
    {
        try
        {
            return create();
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>
    /// What every output of one conversion shares: the inputs (some parsed ahead), the selection, the reading options,
    /// the report. Inputs are converted in order. Disposing it stops the reads ahead and deletes the copy of
    /// standard input.
    /// </summary>
    private sealed class Job : IDisposable
    {
        private readonly Settings _settings;
        private readonly Sources _sources;
        private readonly DigestReaderOptions _readerOptions;
        private readonly ReadAhead _readAhead;

        private Job(Settings settings, Sources sources, PaperSelector selector, DigestReaderOptions readerOptions, Report report, ReadAhead readAhead, WorkProgress progress)
        {
            _settings = settings;
            _sources = sources;
            Selector = selector;
            _readerOptions = readerOptions;
            Report = report;
            _readAhead = readAhead;
            Progress = progress;
        }

        public List<DigestSource> Sources => _sources.List;

        public PaperSelector Selector { get; }

        public Report Report { get; }

        /// <summary>What the user is shown of the conversion's progress (on standard error, and only there).</summary>
        public WorkProgress Progress { get; }

        public static async Task<Job> StartAsync(CliConsole console, Settings settings, CancellationToken cancellationToken)
        {
            DigestReaderOptions readerOptions = settings.ReaderOptions;
            Sources sources = await Cli.Sources.CreateAsync(console, settings.Inputs, settings.Date, replayable: settings.Selection.Dedupe, cancellationToken).ConfigureAwait(false);
            WorkProgress? progress = null;
            try
            {
                progress = WorkProgress.Start(console, settings.Progress, settings.Quiet, "converting", settings.Inputs, writesStandardOutput: settings.Output is null or "-");
                progress.Track(sources.List);
                var selector = new PaperSelector(settings.Selection);
                if (settings.Selection.Dedupe)
                {
                    progress.Phase("reading every input for --dedupe");
                }

                await selector.PlanAsync(sources.List, readerOptions, cancellationToken).ConfigureAwait(false);
                progress.Phase(null);
                progress.Restart();

                var readAhead = new ReadAhead(sources.List, settings.Inputs, readerOptions, cancellationToken);
                return new Job(settings, sources, selector, readerOptions, new Report(console, settings.Quiet), readAhead, progress);
            }
            catch
            {
                progress?.Dispose();
                sources.Dispose();
                throw;
            }
        }

        public async Task ConvertOneAsync(int index, PaperWriter writer, CancellationToken cancellationToken)
        {
            DigestSource source = Sources[index];
            Progress.InputStarted(index);
            PaperWriter counted = Progress.Count(writer);
            if (_readAhead.Take(index) is Task<ReadAhead.Input> ahead)
            {
                ReadAhead.Input input = await ahead.WaitAsync(cancellationToken).ConfigureAwait(false);
                int count = await input.WriteToAsync(counted, Selector, index, cancellationToken).ConfigureAwait(false);
                Report.Converted(source.Name, count, input.Diagnostics, input.ErrorCount, input.WarningCount);
                Progress.InputDone(index);
                return;
            }

            await using PaperReader reader = source.CreateReader(_readerOptions);
            int written = await counted.WriteAllAsync(reader, Selector, index, cancellationToken).ConfigureAwait(false);
            Report.Converted(source.Name, written, reader.Diagnostics, reader.ErrorCount, reader.WarningCount);
            Progress.InputDone(index);
            if (_settings.Inputs[index].IsStandardInput && reader.DigestDate is null)
            {
                Report.Note($"{source.Name} gives no digest date, so its papers have none; add --date YYYY-MM-DD.");
            }
        }

        public void Dispose()
        {
            // The display goes first: what is left to do prints nothing, and the terminal is itself again at once.
            Progress.Dispose();
            _readAhead.Dispose();
            _sources.Dispose();
        }
    }

    /// <summary>What the command tells the user on standard error: diagnostics, progress and a summary.</summary>
    private sealed class Report(CliConsole console, bool quiet)
    {
        private int _papers;
        private int _errors;
        private int _warnings;
        private int _changes;

        public void Converted(string input, int papers, IReadOnlyList<DigestDiagnostic> diagnostics, int errors, int warnings)
        {
            _papers += papers;
            _errors += errors;
            _warnings += warnings;
            foreach (DigestDiagnostic diagnostic in diagnostics)
            {
                // The dialect detected is said too: a user should know which layout the papers were read in.
                if (diagnostic.Severity == DiagnosticSeverity.Error
                    || (!quiet && (diagnostic.Severity == DiagnosticSeverity.Warning || diagnostic.Code == DiagnosticCodes.DialectDetected)))
                {
                    console.Error.WriteLine(diagnostic.ToString());
                }
            }

            if (!quiet)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{input}: {papers} papers"));
            }
        }

        /// <summary>A hint, one line, unless --quiet.</summary>
        public void Note(string text)
        {
            if (!quiet)
            {
                console.Error.WriteLine($"note: {text}");
            }
        }

        /// <summary>What a writer had to change to write the papers (characters its format cannot hold, …).</summary>
        public void Changed(PaperWriter writer)
        {
            _changes += writer.DiagnosticCount;
            foreach (DigestDiagnostic diagnostic in writer.Diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error || !quiet)
                {
                    console.Error.WriteLine(diagnostic.ToString());
                }
            }
        }

        public void Wrote(string destination)
        {
            if (!quiet)
            {
                console.Error.WriteLine($"wrote {destination}");
            }
        }

        public int Finish(PaperSelector selector, string destination)
        {
            if (!quiet)
            {
                string dropped = (selector.Selection.HasFilters ? string.Create(CultureInfo.InvariantCulture, $", {selector.FilteredOut} filtered out") : string.Empty)
                    + (selector.Selection.Dedupe ? string.Create(CultureInfo.InvariantCulture, $", {selector.Duplicates} duplicate(s) dropped") : string.Empty);
                string changes = _changes > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {_changes} change(s) in the output") : string.Empty;
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{_papers} papers to {destination}{dropped}; {_errors} error(s), {_warnings} warning(s) in the input{changes}."));
            }

            return ExitCodes.Success;
        }
    }
}
