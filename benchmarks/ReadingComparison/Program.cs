using ArxivDigest.Parsing;

// One measurement of one way of reading: the fastest of 25 batches (after 5 for warm-up) of N reads, in microseconds
// per read. The fastest batch is the one least disturbed by anything else running on the machine.
if (args.Length != 4 || !int.TryParse(args[2], out int reads) || reads < 1)
{
    Console.Error.WriteLine("usage: ReadingComparison parse|stream|tokens DAY.md|DIRECTORY READS-PER-BATCH LABEL");
    return 2;
}

string mode = args[0];
byte[] input = Directory.Exists(args[1])
    ? [.. Directory.GetFiles(args[1], "*.md").Order(StringComparer.Ordinal).SelectMany(File.ReadAllBytes)]
    : File.ReadAllBytes(args[1]);
Func<byte[], int> read = mode switch
{
    "parse" => bytes => DigestParser.Parse(bytes).Papers.Length,
    "stream" => Stream,
    "tokens" => Tokens,
    _ => throw new ArgumentException($"unknown mode '{mode}'; expected parse, stream or tokens"),
};

long count = 0;
double best = double.MaxValue;
for (int batch = 0; batch < 30; batch++)
{
    long start = System.Diagnostics.Stopwatch.GetTimestamp();
    for (int i = 0; i < reads; i++)
    {
        count += read(input);
    }

    if (batch >= 5)
    {
        best = Math.Min(best, System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMicroseconds / reads);
    }
}

Console.WriteLine($"{args[3]}\t{mode}\t{input.Length}\t{best:F1}\t{count / 30 / reads}");
return 0;

static int Stream(byte[] bytes)
{
    using PaperReader reader = PaperReader.Create(new MemoryStream(bytes, writable: false), options: null, leaveOpen: false);
    int papers = 0;
    while (reader.Read())
    {
        papers++;
    }

    return papers;
}

static int Tokens(byte[] bytes)
{
    var reader = new DigestReader(bytes);
    int tokens = 0;
    while (reader.Read())
    {
        tokens++;
    }

    return tokens;
}
