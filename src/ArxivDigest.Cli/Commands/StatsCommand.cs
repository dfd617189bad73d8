using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArxivDigest.Cli.Progress;
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Selection;
using ArxivDigest.Parsing.Statistics;

namespace ArxivDigest.Cli.Commands;

/// <summary><c>arxiv-digest stats INPUT... [--json]</c>: counts per category, date and author, duplicates, placeholders, diagnostics.</summary>
internal static class StatsCommand
{
    public static Command Create(CliConsole console, Option<string[]> plugins)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of tables." };
        var top = new Option<int>("--top")
        {
            Description = "How many authors and duplicate ids to list.",
            DefaultValueFactory = _ => 10,
        };
        var command = new Command("stats", "Count papers per category, digest date and author; list duplicate ids, placeholder summaries and diagnostics.")
        {
            json, top,
        };
        var selection = new SelectionOptions();
        selection.AddTo(command);
        var reading = new ReaderOptions();
        reading.AddTo(command);
        var progressOption = new ProgressOption();
        progressOption.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            PaperInputRegistry formats = PluginLoader.CreateRegistries(parse.GetValue(plugins) ?? []).Inputs;
            Reading read = reading.Read(parse, formats, strict: false);
            PaperSelection chosen = selection.Read(parse);
            int count = parse.GetValue(top);
            if (count < 0)
            {
                throw new UsageException("--top must be 0 or more.");
            }

            using Sources sources = await Sources.CreateAsync(console, read.Inputs, date: null, replayable: chosen.Dedupe, cancellationToken).ConfigureAwait(false);
            // The tables are printed at the end, once the display is gone: a terminal as standard output is no hindrance.
            using WorkProgress progress = WorkProgress.Start(console, progressOption.Read(parse), quiet: false, "reading", read.Inputs, writesStandardOutput: false);
            progress.Track(sources.List);
            var selector = new PaperSelector(chosen);
            if (chosen.Dedupe)
            {
                progress.Phase("reading every input for --dedupe");
            }

            await selector.PlanAsync(sources.List, read.Options, cancellationToken).ConfigureAwait(false);
            progress.Phase(null);
            progress.Restart();
            var stats = new DigestStatistics();
            for (int i = 0; i < sources.List.Count; i++)
            {
                progress.InputStarted(i);
                await using PaperReader reader = sources.List[i].CreateReader(read.Options);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    progress.PaperDone();
                    if (selector.Select(reader.Current, i))
                    {
                        stats.Add(reader.Current);
                    }
                }

                progress.InputDone(i);

                // A dialect is a Markdown layout; other inputs are counted by their format.
                stats.AddInputFormat(reader.InputFormat);
                if (reader.InputFormat == PaperInputFormat.Markdown)
                {
                    stats.AddDialect(reader.Dialect);
                }

                stats.AddDiagnostics(reader.ErrorCount, reader.WarningCount);
            }

            progress.Dispose();
            string text = parse.GetValue(json) ? Json(stats, selector, count) : Table(stats, selector, count);
            await console.Out.WriteAsync(text).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Table(DigestStatistics stats, PaperSelector selector, int top)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{stats.Papers} papers ({stats.DistinctIds} distinct ids) in {stats.Digests} digest(s)");
        if (selector.Selection.HasFilters || selector.Selection.Dedupe)
        {
            sb.Append(CultureInfo.InvariantCulture, $"; {selector.FilteredOut} filtered out, {selector.Duplicates} duplicate(s) dropped");
        }

        sb.Append('\n');
        Section(sb, "Digests per input format", stats.ByInputFormat.Select(kv => (kv.Key, kv.Value)));
        Section(sb, "Digests per dialect", stats.ByDialect.Select(kv => (kv.Key, kv.Value)));
        Section(sb, "Papers per category", stats.ByCategory.Select(kv => (kv.Key, kv.Value)));
        Section(sb, "Papers per digest date", stats.ByDate.Select(kv => (kv.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), kv.Value))
            .Concat(stats.Undated > 0 ? [("(undated)", stats.Undated)] : []));
        Section(sb, $"Top {top} authors", stats.TopAuthors(top).Select(kv => (kv.Key, kv.Value)));
        Section(sb, $"Duplicate ids ({stats.DuplicateIds.Length}; top {top})", stats.DuplicateIds.Take(top).Select(kv => (kv.Key, kv.Value)));
        sb.Append(CultureInfo.InvariantCulture, $"\nPlaceholder summaries: {stats.PlaceholderPapers} paper(s)\n");
        sb.Append(CultureInfo.InvariantCulture, $"Diagnostics: {stats.Errors} error(s), {stats.Warnings} warning(s)\n");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, IEnumerable<(string Name, int Count)> rows)
    {
        // A control character in a name (a bare carriage return in a category, say) is shown, not sent to the terminal.
        List<(string Name, int Count)> list = [.. rows.Select(r => (PrintableText.Escape(r.Name), r.Count))];
        sb.Append('\n').Append(title).Append('\n');
        if (list.Count == 0)
        {
            sb.Append("  (none)\n");
            return;
        }

        int width = list.Max(r => r.Name.Length);
        int countWidth = list.Max(r => r.Count.ToString(CultureInfo.InvariantCulture).Length);
        foreach ((string name, int count) in list)
        {
            sb.Append("  ").Append(name.PadRight(width)).Append("  ").Append(count.ToString(CultureInfo.InvariantCulture).PadLeft(countWidth)).Append('\n');
        }
    }

    private static string Json(DigestStatistics stats, PaperSelector selector, int top)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("papers", stats.Papers);
            json.WriteNumber("distinctIds", stats.DistinctIds);
            json.WriteNumber("digests", stats.Digests);
            json.WriteNumber("filteredOut", selector.FilteredOut);
            json.WriteNumber("duplicatesDropped", selector.Duplicates);
            WriteCounts(json, "inputFormats", stats.ByInputFormat.Select(kv => (kv.Key, kv.Value)));
            WriteCounts(json, "dialects", stats.ByDialect.Select(kv => (kv.Key, kv.Value)));
            WriteCounts(json, "categories", stats.ByCategory.Select(kv => (kv.Key, kv.Value)));
            WriteCounts(json, "dates", stats.ByDate.Select(kv => (kv.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), kv.Value)));
            json.WriteNumber("undated", stats.Undated);
            WriteCounts(json, "topAuthors", stats.TopAuthors(top).Select(kv => (kv.Key, kv.Value)));
            WriteCounts(json, "duplicateIds", stats.DuplicateIds.Select(kv => (kv.Key, kv.Value)));
            json.WriteNumber("placeholderPapers", stats.PlaceholderPapers);
            json.WriteStartObject("diagnostics");
            json.WriteNumber("errors", stats.Errors);
            json.WriteNumber("warnings", stats.Warnings);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IEnumerable<(string Name, int Count)> rows)
    {
        json.WriteStartObject(name);
        foreach ((string key, int count) in rows)
        {
            json.WriteNumber(key, count);
        }

        json.WriteEndObject();
    }
}
