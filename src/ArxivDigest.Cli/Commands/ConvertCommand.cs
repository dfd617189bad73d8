using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Selection;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Parquet;

namespace ArxivDigest.Cli.Commands;

/// <summary><c>arxiv-digest convert INPUT... --to FORMAT [-o OUTPUT]</c>.</summary>
internal static class ConvertCommand
{
    public static Command Create(CliConsole console, Option<string[]> plugins)
    {
        Argument<string[]> inputs = InputArgument.Create();
        var to = new Option<string?>("--to", "-t")
        {
            Description = "The output format (see 'arxiv-digest formats'); optional when OUTPUT's extension names one.",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The output file, or a directory (existing, or ending in /) for one output per input; - or absent for standard output.",
        };
        var shape = new Option<string>("--json-shape")
        {
            Description = "JSON object shape: native (this tool's) or daily-arxiv (the generator's own JSON lines).",
            DefaultValueFactory = _ => "native",
        };
        shape.AcceptOnlyFromAmong("native", "daily-arxiv");
        var strict = new Option<bool>("--strict")
        {
            Description = "Stop at the first warning or error in the input (exit code 1); by default they are reported and reading goes on.",
        };
        var date = new Option<string?>("--date")
        {
            Description = "The digest date (YYYY-MM-DD) when the file name does not give it, e.g. for standard input.",
        };
        var options = new Option<string[]>("--option")
        {
            Description = "A writer option name=value for third-party formats (repeatable).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "Print only errors: no progress, no warnings.",
        };
        var partitionBy = new Option<string?>("--partition-by")
        {
            Description = "Write a Hive-style Parquet dataset into the folder OUTPUT, one folder per value: digest_date, main_category or arxiv_year.",
        };
        partitionBy.AcceptOnlyFromAmong([.. PartitionColumns.Keys]);

        var command = new Command("convert", "Convert digests to another format, optionally choosing papers (--category, --match, --dedupe ...).")
        {
            inputs, to, output, shape, strict, date, options, quiet, partitionBy,
        };
        var selection = new SelectionOptions();
        selection.AddTo(command);

        // Each built-in format's own options become command-line options (--bib-abstract, ...).
        List<(WriterOption Descriptor, Option Option)> formatOptions = FormatOptions(PaperWriterRegistry.CreateDefault());
        foreach ((_, Option option) in formatOptions)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new Settings(
                DigestInput.Resolve(parse.GetValue(inputs) ?? []),
                parse.GetValue(to),
                parse.GetValue(output),
                parse.GetValue(shape) == "daily-arxiv" ? JsonShape.DailyArxiv : JsonShape.Native,
                parse.GetValue(strict),
                SelectionOptions.ParseDate("--date", parse.GetValue(date)),
                ParseProperties(parse.GetValue(options) ?? [], FormatValues(parse, formatOptions)),
                parse.GetValue(quiet),
                selection.Read(parse),
                parse.GetValue(partitionBy) is string column ? PartitionColumns[column] : null);
            PaperWriterRegistry registry = PluginLoader.CreateRegistry(parse.GetValue(plugins) ?? []);
            return await RunAsync(console, registry, settings, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private sealed record Settings(
        List<DigestInput> Inputs,
        string? Format,
        string? Output,
        JsonShape Shape,
        bool Strict,
        DateOnly? Date,
        ImmutableDictionary<string, string> Properties,
        bool Quiet,
        PaperSelection Selection,
        ParquetPartitionColumn? PartitionBy);

    /// <summary>The values of <c>--partition-by</c>: the Parquet columns a dataset can be partitioned by.</summary>
    private static readonly Dictionary<string, ParquetPartitionColumn> PartitionColumns = new(StringComparer.Ordinal)
    {
        ["digest_date"] = ParquetPartitionColumn.DigestDate,
        ["main_category"] = ParquetPartitionColumn.MainCategory,
        ["arxiv_year"] = ParquetPartitionColumn.ArxivYear,
    };

    private static async Task<int> RunAsync(CliConsole console, PaperWriterRegistry registry, Settings settings, CancellationToken cancellationToken)
    {
        string? output = settings.Output is "-" ? null : settings.Output;
        bool perInput = output is not null && (Directory.Exists(output) || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar));
        PaperWriterFormat? chosen = settings.PartitionBy is null ? ChooseFormat(registry, settings.Format, perInput ? null : output) : null;
        var readerOptions = new DigestReaderOptions { Strict = settings.Strict };
        var report = new Report(console, settings.Quiet);
        using Sources sources = Sources.Create(console, settings.Inputs, settings.Date, replayable: settings.Selection.Dedupe);
        var selector = new PaperSelector(settings.Selection);
        await selector.PlanAsync(sources.List, readerOptions, cancellationToken).ConfigureAwait(false);
        using var readAhead = new ReadAhead(sources.List, settings.Inputs, readerOptions, cancellationToken);
        var job = new Job(sources.List, selector, readerOptions, report, readAhead);

        if (settings.PartitionBy is ParquetPartitionColumn partitionBy)
        {
            return await WriteDatasetAsync(output, partitionBy, settings, job, cancellationToken).ConfigureAwait(false);
        }

        PaperWriterFormat format = chosen!;
        var writerOptions = new PaperWriterOptions { JsonShape = settings.Shape, Properties = settings.Properties };

        if (output is null)
        {
            if (!format.IsText)
            {
                throw new UsageException($"'{format.Name}' is binary: give an output file with -o.");
            }

            Stream stdout = console.OpenStandardOutput();
            await using (stdout.ConfigureAwait(false))
            {
                await using PaperWriter writer = CreateWriter(() => format.Create(stdout, writerOptions));
                for (int i = 0; i < sources.List.Count; i++)
                {
                    await job.ConvertOneAsync(i, writer, cancellationToken).ConfigureAwait(false);
                }

                await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            return report.Finish(selector, "standard output");
        }

        if (perInput)
        {
            string? clash = settings.Inputs.GroupBy(i => i.BaseName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
            if (clash is not null)
            {
                throw new UsageException($"Two inputs are named '{clash}': both would write {Path.Combine(output, clash + format.Extensions[0])}. Convert them separately.");
            }

            // One output per input, each written atomically; a failed input is reported and the others still converted.
            int failed = 0;
            for (int i = 0; i < sources.List.Count; i++)
            {
                string destination = Path.Combine(output, settings.Inputs[i].BaseName + format.Extensions[0]);
                try
                {
                    await WriteFileAsync(destination, format, writerOptions, job, [i], cancellationToken).ConfigureAwait(false);
                }
                catch (DigestFormatException e)
                {
                    failed++;
                    await console.Error.WriteLineAsync($"{e.Diagnostic}").ConfigureAwait(false);
                    await console.Error.WriteLineAsync($"error: {settings.Inputs[i].Name} not converted; {destination} not written.").ConfigureAwait(false);
                }
            }

            int code = report.Finish(selector, output);
            return failed > 0 ? ExitCodes.Errors : code;
        }

        await WriteFileAsync(output, format, writerOptions, job, [.. Enumerable.Range(0, sources.List.Count)], cancellationToken).ConfigureAwait(false);
        return report.Finish(selector, output);
    }

    private static async Task WriteFileAsync(
        string destination,
        PaperWriterFormat format,
        PaperWriterOptions writerOptions,
        Job job,
        int[] sourceIndexes,
        CancellationToken cancellationToken)
    {
        await using AtomicFile file = AtomicFile.Create(destination);
        await using (PaperWriter writer = CreateWriter(() => format.Create(file.Stream, writerOptions)))
        {
            foreach (int i in sourceIndexes)
            {
                await job.ConvertOneAsync(i, writer, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await file.CommitAsync().ConfigureAwait(false);
        job.Report.Wrote(destination);
    }

    /// <summary>
    /// <c>--partition-by</c>: a Hive-style Parquet dataset, built in a temporary folder beside OUTPUT and moved into
    /// place (replacing a previous dataset) only when complete.
    /// </summary>
    private static async Task<int> WriteDatasetAsync(string? output, ParquetPartitionColumn partitionBy, Settings settings, Job job, CancellationToken cancellationToken)
    {
        if (settings.Format is not null && !string.Equals(settings.Format, ParquetPaperWriter.Format.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--partition-by writes a Parquet dataset; it does not go with --to {settings.Format}.");
        }

        if (output is null)
        {
            throw new UsageException("--partition-by writes a dataset into a folder: give it with -o.");
        }

        var writerOptions = new PaperWriterOptions { Properties = settings.Properties };
        using AtomicDirectory directory = AtomicDirectory.Create(output);
        await using (PaperWriter writer = CreateWriter(() => new ParquetDatasetWriter(directory.Temporary, partitionBy, writerOptions)))
        {
            for (int i = 0; i < job.Sources.Count; i++)
            {
                await job.ConvertOneAsync(i, writer, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        directory.Commit();
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
    /// the report. Inputs are converted in order.
    /// </summary>
    private sealed record Job(List<DigestSource> Sources, PaperSelector Selector, DigestReaderOptions ReaderOptions, Report Report, ReadAhead ReadAhead)
    {
        public async Task ConvertOneAsync(int index, PaperWriter writer, CancellationToken cancellationToken)
        {
            DigestSource source = Sources[index];
            if (ReadAhead.Take(index) is Task<ReadAhead.Input> ahead)
            {
                ReadAhead.Input input = await ahead.ConfigureAwait(false);
                int count = await input.WriteToAsync(writer, Selector, index, cancellationToken).ConfigureAwait(false);
                Report.Converted(source.Name, count, input.Diagnostics, input.ErrorCount, input.WarningCount);
                return;
            }

            await using PaperReader reader = source.CreateReader(ReaderOptions);
            int written = await writer.WriteAllAsync(reader, Selector, index, cancellationToken).ConfigureAwait(false);
            Report.Converted(source.Name, written, reader.Diagnostics, reader.ErrorCount, reader.WarningCount);
        }
    }

    private static PaperWriterFormat ChooseFormat(PaperWriterRegistry registry, string? name, string? outputFile)
    {
        if (name is not null)
        {
            return registry.TryGet(name, out PaperWriterFormat? format)
                ? format
                : throw new UsageException($"Unknown format '{name}'. Known: {string.Join(", ", registry.Formats.Select(f => f.Name))}.");
        }

        if (outputFile is not null)
        {
            return registry.TryGetByPath(outputFile, out PaperWriterFormat? format)
                ? format
                : throw new UsageException($"'{outputFile}' has no known extension; say which format with --to ({string.Join(", ", registry.Formats.Select(f => f.Name))}).");
        }

        throw new UsageException($"Say which format with --to ({string.Join(", ", registry.Formats.Select(f => f.Name))}), or give an output file whose extension names one.");
    }

    private static List<(WriterOption Descriptor, Option Option)> FormatOptions(PaperWriterRegistry registry)
    {
        var list = new List<(WriterOption, Option)>();
        foreach (PaperWriterFormat format in registry.Formats)
        {
            foreach (WriterOption descriptor in format.Options)
            {
                string description = $"{descriptor.Description} ({format.Name}{(descriptor.DefaultValue is null ? string.Empty : "; default " + descriptor.DefaultValue)})";
                if (descriptor.IsFlag)
                {
                    list.Add((descriptor, new Option<bool>("--" + descriptor.Name) { Description = description }));
                }
                else
                {
                    var option = new Option<string>("--" + descriptor.Name) { Description = description };
                    if (descriptor.AllowedValues.Count > 0)
                    {
                        option.AcceptOnlyFromAmong([.. descriptor.AllowedValues]);
                    }

                    list.Add((descriptor, option));
                }
            }
        }

        return list;
    }

    /// <summary>The format options the user gave (absent ones are left to the writer's defaults).</summary>
    private static IEnumerable<KeyValuePair<string, string>> FormatValues(ParseResult parse, List<(WriterOption Descriptor, Option Option)> formatOptions)
    {
        foreach ((WriterOption descriptor, Option option) in formatOptions)
        {
            // A flag that is not given still has a result (implicit, false): only options on the command line count.
            if (parse.GetResult(option) is not { Implicit: false })
            {
                continue;
            }

            string? value = option switch
            {
                Option<bool> flag => parse.GetValue(flag) ? "true" : "false",
                Option<string> text => parse.GetValue(text),
                _ => null,
            };
            if (value is not null)
            {
                yield return new KeyValuePair<string, string>(descriptor.Name, value);
            }
        }
    }

    private static ImmutableDictionary<string, string> ParseProperties(string[] pairs, IEnumerable<KeyValuePair<string, string>> formatValues)
    {
        ImmutableDictionary<string, string>.Builder properties = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        properties.AddRange(formatValues);
        foreach (string pair in pairs)
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException($"--option '{pair}' is not of the form name=value.");
            }

            properties[pair[..eq]] = pair[(eq + 1)..];
        }

        return properties.ToImmutable();
    }

    /// <summary>What the command tells the user on standard error: diagnostics, progress and a summary.</summary>
    private sealed class Report(CliConsole console, bool quiet)
    {
        private int _papers;
        private int _errors;
        private int _warnings;

        public void Converted(string input, int papers, IReadOnlyList<DigestDiagnostic> diagnostics, int errors, int warnings)
        {
            _papers += papers;
            _errors += errors;
            _warnings += warnings;
            foreach (DigestDiagnostic diagnostic in diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error || (!quiet && diagnostic.Severity == DiagnosticSeverity.Warning))
                {
                    console.Error.WriteLine(diagnostic.ToString());
                }
            }

            if (!quiet)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{input}: {papers} papers"));
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
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{_papers} papers to {destination}{dropped}; {_errors} error(s), {_warnings} warning(s) in the input."));
            }

            return ExitCodes.Success;
        }
    }
}
