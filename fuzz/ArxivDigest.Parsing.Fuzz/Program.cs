using SharpFuzz;

namespace ArxivDigest.Parsing.Fuzz;

/// <summary>
/// The fuzzing harness. <c>TARGET</c> runs under afl-fuzz (the input comes on standard input; an exception that
/// escapes is a crash); <c>replay TARGET PATH...</c> runs saved inputs without afl-fuzz and prints what failed.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: ArxivDigest.Parsing.Fuzz TARGET              run under afl-fuzz (input on standard input)
               ArxivDigest.Parsing.Fuzz replay TARGET|all PATH...   run files (or every file of folders) once each
               ArxivDigest.Parsing.Fuzz list                        the targets and the invariants
        """;

    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        switch (args[0])
        {
            case "list":
                Console.WriteLine("Targets:");
                foreach (FuzzTarget t in FuzzTarget.All)
                {
                    Console.WriteLine($"  {t.Name,-10} {t.Description}");
                }

                Console.WriteLine("Invariants (ARXIV_FUZZ_IGNORE=name,name turns them off):");
                foreach ((string name, string meaning) in Invariant.Names)
                {
                    Console.WriteLine($"  {name,-10} {meaning}");
                }

                return 0;

            case "replay":
                return Replay.Run(args.AsSpan(1));

            default:
                if (args.Length != 1 || !FuzzTarget.TryGet(args[0], out FuzzTarget? target))
                {
                    Console.Error.WriteLine($"unknown target '{args[0]}'; targets: {string.Join(", ", FuzzTarget.All.Select(t => t.Name))}");
                    Console.Error.WriteLine(Usage);
                    return 2;
                }

                // Out of process: a hang or an uncatchable failure (stack overflow) ends only the child process,
                // which the fork server restarts, rather than the fuzzing run.
                Fuzzer.OutOfProcess.Run(stream => target.Run(Input.Read(stream)));
                return 0;
        }
    }
}
