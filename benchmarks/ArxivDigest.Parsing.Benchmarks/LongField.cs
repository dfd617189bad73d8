using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ArxivDigest.Parsing.Benchmarks;

/// <summary>
/// <c>--long-field [MB...]</c>: reads a digest whose one paper has an abstract of one line of the given size (25, 50,
/// 100 and 200 MB by default) through a stream that returns at most 64 KB per read, as a pipe does, and prints the
/// time per size and per doubling. Linear reading takes twice as long for twice the size; rescanning the field after
/// every read took four times as long. It also prints how many times each byte was handed to the reader.
/// </summary>
internal static class LongField
{
    private const int ReadSize = 64 * 1024;

    public static int Run(string[] args)
    {
        int[] sizes = args.Length > 1 ? [.. args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [25, 50, 100, 200];
        Console.WriteLine($"One paper, its abstract one line of N MB, read through {ReadSize / 1024} KB reads (best of 3):");
        double previous = 0;
        foreach (int mb in sizes)
        {
            byte[] input = Digest(mb * 1_000_000);
            var options = new DigestReaderOptions { MaxFieldSize = DigestReaderOptions.MaxFieldSizeLimit };
            double best = double.MaxValue;
            double scanned = 0;
            for (int run = 0; run < 3; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                long start = Stopwatch.GetTimestamp();
                using PaperReader reader = PaperReader.Create(new SmallReads(input, ReadSize), options);
                if (!reader.Read() || reader.Current.Abstract!.Length != mb * 1_000_000)
                {
                    Console.Error.WriteLine("The paper was not read whole.");
                    return 1;
                }

                best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
                scanned = (double)reader.BytesScanned / input.Length;
            }

            string ratio = previous > 0 ? string.Create(CultureInfo.InvariantCulture, $", x{best / previous:F2} the previous") : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {mb,4} MB: {best,7:F3} s ({mb / best,6:F0} MB/s{ratio}); each byte handed to the reader {scanned:F1} times"));
            previous = best;
        }

        return 0;
    }

    private static byte[] Digest(int abstractBytes)
    {
        byte[] head = Encoding.UTF8.GetBytes(
            "<div id=toc></div>\n\n# Table of Contents\n\n- [cs.CV](#cs.CV) [Total: 1]\n\n\n<div id='cs.CV'></div>\n\n# cs.CV [[Back]](#toc)\n\n" +
            "### [1] [T](https://arxiv.org/abs/2601.00001)\n*A*\n\nMain category: cs.CV\n\nTL;DR: t\n\n\n<details>\n  <summary>Details</summary>\n" +
            "Motivation: m\n\nMethod: m\n\nResult: r\n\nConclusion: c\n\nAbstract: ");
        byte[] tail = "\n\n</details>\n"u8.ToArray();
        byte[] input = new byte[head.Length + abstractBytes + tail.Length];
        head.CopyTo(input, 0);
        input.AsSpan(head.Length, abstractBytes).Fill((byte)'a');
        tail.CopyTo(input, head.Length + abstractBytes);
        return input;
    }

    /// <summary>A read-only stream that returns at most <c>chunk</c> bytes per read.</summary>
    private sealed class SmallReads(byte[] data, int chunk) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => data.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(Math.Min(chunk, buffer.Length), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
