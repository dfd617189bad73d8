using ArxivDigest.Cli;

using var signals = new CliSignals(CliConsole.System.Error);
int code = await CliApp.RunAsync(args, CliConsole.System, signals, signals.Token).ConfigureAwait(false);
signals.Finished();
return code;
