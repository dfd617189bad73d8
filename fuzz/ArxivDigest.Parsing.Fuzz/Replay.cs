using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ArxivDigest.Parsing.Fuzz;

/// <summary>
/// <c>replay TARGET|all PATH...</c>: runs saved inputs (files, or every file under folders, afl-fuzz's README.txt
/// aside) once each without afl-fuzz, and prints each failure with its stack trace. Exit code 0 when all pass,
/// 1 when one fails, 3 when one hangs (the run stops there), 2 for a usage error.
/// </summary>
internal static class Replay
{
    /// <summary>An input still running after this long is reported as a hang (ARXIV_FUZZ_REPLAY_TIMEOUT, seconds).</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("ARXIV_FUZZ_REPLAY_TIMEOUT"), out int s) && s > 0 ? s : 20);

    public static unsafe int Run(ReadOnlySpan<string> args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: replay TARGET|all PATH...");
            return 2;
        }

        IReadOnlyList<FuzzTarget> targets;
        if (args[0] == "all")
        {
            targets = FuzzTarget.All;
        }
        else if (FuzzTarget.TryGet(args[0], out FuzzTarget? target))
        {
            targets = [target];
        }
        else
        {
            Console.Error.WriteLine($"unknown target '{args[0]}'");
            return 2;
        }

        // An instrumented library writes its coverage to afl-fuzz's shared memory; without afl-fuzz, to this buffer.
        SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(1 << 16);

        List<string> files = [];
        foreach (string path in args[1..])
        {
            if (Directory.Exists(path))
            {
                // afl-fuzz keeps its own state in dot-folders (queue/.state) and explains a crash folder in README.txt.
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Path.GetFileName(f) != "README.txt"
                        && !Path.GetRelativePath(path, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                Console.Error.WriteLine($"no such file or folder: {path}");
                return 2;
            }
        }

        int failed = 0;
        int runs = 0;
        var clock = Stopwatch.StartNew();
        foreach (string file in files)
        {
            byte[] data;
            using (FileStream stream = File.OpenRead(file))
            {
                data = Input.Read(stream);
            }

            foreach (FuzzTarget target in targets)
            {
                runs++;
                Exception? error = null;
                var task = Task.Run(() =>
                {
                    try
                    {
                        target.Run(data);
                    }
                    catch (Exception e)
                    {
                        error = e;
                    }
                });
                if (!task.Wait(Timeout))
                {
                    Console.WriteLine($"HANG {target.Name} {file}: still running after {Timeout.TotalSeconds:0} s");
                    Console.Out.Flush();
                    Environment.Exit(3);
                }

                if (error is not null)
                {
                    failed++;
                    Console.WriteLine($"FAIL {target.Name} {file} ({data.Length} bytes)");
                    Console.WriteLine(error.ToString());
                    Console.WriteLine();
                }
            }
        }

        Console.WriteLine($"replay: {runs} runs of {files.Count} inputs, {failed} failed, {clock.Elapsed.TotalSeconds:0.0} s");
        return failed == 0 ? 0 : 1;
    }
}
