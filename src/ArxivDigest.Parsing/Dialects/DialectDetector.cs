using System.Buffers;

namespace ArxivDigest.Parsing;

/// <summary>
/// Picks the dialect of an input from its first papers: each known dialect is scored by the share of its template's
/// elements (labels, markup, the heading and authors lines) that open lines of the input's head; the highest share
/// wins, and among equals the dialect that explains more of them.
/// </summary>
internal static class DialectDetector
{
    /// <summary>How much of an input is looked at: enough for the first papers of any layout.</summary>
    public const int SampleLength = 64 * 1024;

    /// <summary>Below this share of its elements seen, the best dialect is a guess, and said to be one.</summary>
    public const double Confident = 0.75;

    /// <summary>How many papers are looked at, at most.</summary>
    public const int PapersLookedAt = 5;

    /// <summary>
    /// Per candidate, the most values any candidate's heading pattern takes from a heading line this candidate's
    /// pattern also matches: its own match counts only if it is that specific.
    /// </summary>
    private static int[] HeadingSpecificity(ReadOnlySpan<byte> sample, ReadOnlySpan<Range> lines, IReadOnlyList<DigestDialect> candidates)
    {
        int[] best = new int[candidates.Count];
        Span<(int, int)> ranges = stackalloc (int, int)[16];
        Span<bool> matches = stackalloc bool[Math.Min(candidates.Count, 64)];
        foreach (Range r in lines)
        {
            ReadOnlySpan<byte> line = sample[r];
            if (line.Length < 2 || line[0] != (byte)'#')
            {
                continue;
            }

            int most = 0;
            for (int i = 0; i < matches.Length; i++)
            {
                LinePattern heading = candidates[i].Template.Heading;
                matches[i] = heading.Placeholders.Length <= ranges.Length && line.StartsWith(heading.Prefix)
                    && heading.TryMatch(line, ranges[..heading.Placeholders.Length]) && DigitsWhereNumbered(line, heading, ranges);
                if (matches[i])
                {
                    most = Math.Max(most, heading.Placeholders.Length);
                }
            }

            for (int i = 0; i < matches.Length; i++)
            {
                if (matches[i])
                {
                    best[i] = Math.Max(best[i], most);
                }
            }
        }

        return best;
    }

    /// <summary>The non-empty lines of the sample, without their line breaks; a last line the sample may have cut is left out.</summary>
    private static Range[] SplitLines(ReadOnlySpan<byte> sample, out int count)
    {
        Range[] lines = ArrayPool<Range>.Shared.Rent(Math.Min(sample.Length, 4096) + 1);
        count = 0;
        int start = 0;
        while (start < sample.Length)
        {
            int nl = sample[start..].IndexOf((byte)'\n');
            if (nl < 0 && sample.Length == SampleLength)
            {
                break; // the sample's last line may be cut
            }

            int end = nl < 0 ? sample.Length : start + nl;
            int contentEnd = end > start && sample[end - 1] == (byte)'\r' ? end - 1 : end;
            if (contentEnd > start)
            {
                if (count == lines.Length)
                {
                    Range[] larger = ArrayPool<Range>.Shared.Rent(lines.Length * 2);
                    lines.AsSpan().CopyTo(larger);
                    ArrayPool<Range>.Shared.Return(lines);
                    lines = larger;
                }

                lines[count++] = start..contentEnd;
            }

            start = end + 1;
        }

        return lines;
    }

    /// <summary>A heading's number placeholder holds digits (else the pattern does not really fit the line).</summary>
    private static bool DigitsWhereNumbered(ReadOnlySpan<byte> line, LinePattern heading, ReadOnlySpan<(int Start, int Length)> ranges)
    {
        for (int i = 0; i < heading.Placeholders.Length; i++)
        {
            if (heading.Placeholders[i].Slot == TemplateSlot.Index && !Utf8Text.TryParseDigits(line.Slice(ranges[i].Start, ranges[i].Length), out _))
            {
                return false;
            }
        }

        return true;
    }

    private static int NextHeading(ReadOnlySpan<byte> sample, int from)
    {
        int next = sample[from..].IndexOf("\n### "u8);
        return next < 0 ? -1 : from + next;
    }

    /// <summary>Fewer lines of a template than this found say too little to leave the canonical layout for another.</summary>
    public const int MinimumEvidence = 3;

    /// <summary>The best dialect for <paramref name="sample"/>, with the share of its elements seen (0 when the sample has no paper heading).</summary>
    public static DigestDialect Detect(ReadOnlySpan<byte> sample, IReadOnlyList<DigestDialect> candidates, out double score, out int seen)
    {
        // The first few papers say it all: stop at the heading of the next one (every known heading starts "### ").
        int papers = 0;
        for (int at = sample.IndexOf("\n### "u8); at >= 0; at = NextHeading(sample, at + 1))
        {
            if (++papers > PapersLookedAt)
            {
                sample = sample[..at];
                break;
            }
        }

        DigestDialect best = candidates[0];
        score = 0;
        seen = 0;
        // A heading line is evidence only for the dialects whose heading pattern fits it best (the most values:
        // "### [1] [Title](url)" is the numbered heading's, though the unnumbered one would take "1] [Title" as a title).
        // The lines are split once; each candidate then looks at every one of them.
        Range[] lineArray = SplitLines(sample, out int lineCount);
        try
        {
            return Detect(sample, lineArray.AsSpan(0, lineCount), candidates, out score, out seen);
        }
        finally
        {
            ArrayPool<Range>.Shared.Return(lineArray);
        }
    }

    private static DigestDialect Detect(ReadOnlySpan<byte> sample, ReadOnlySpan<Range> lines, IReadOnlyList<DigestDialect> candidates, out double score, out int seen)
    {
        DigestDialect best = candidates[0];
        score = 0;
        seen = 0;
        int[] specificity = HeadingSpecificity(sample, lines, candidates);

        (double firstScore, int firstSeen) = (0, 0);
        Span<bool> found = stackalloc bool[64];
        Span<(int, int)> all = stackalloc (int, int)[16];
        for (int candidateIndex = 0; candidateIndex < candidates.Count; candidateIndex++)
        {
            DigestDialect dialect = candidates[candidateIndex];
            PaperTemplate template = dialect.Template;
            int elements = Math.Min(template.Elements.Length + 1, found.Length);
            found[..elements].Clear();
            if (template.Heading.Placeholders.Length > all.Length)
            {
                continue;
            }

            Span<(int, int)> ranges = all[..template.Heading.Placeholders.Length];

            foreach (Range r in lines)
            {
                ReadOnlySpan<byte> line = sample[r];
                if (line.StartsWith(template.HeadingPrefix) && template.Heading.TryMatch(line, ranges) && DigitsWhereNumbered(line, template.Heading, ranges))
                {
                    found[0] |= template.Heading.Placeholders.Length >= specificity[candidateIndex];
                    continue;
                }

                // The first-byte table finds the element a line opens, if any (of any order).
                if (template.Match(line, 0, out MarkupMatch how) is TemplateElement element && how == MarkupMatch.Exact && element.Order < elements)
                {
                    found[element.Order] = true;
                }
            }

            if (!found[0])
            {
                continue; // not one heading of this layout
            }

            // Lines explained, weighted by the share of the template they cover: a small template that a larger one
            // contains (the oldest layout in the canonical one) does not win on share alone.
            int count = found[..elements].Count(true);
            double share = (double)count / elements;
            if (ReferenceEquals(dialect, candidates[0]))
            {
                (firstScore, firstSeen) = (share, count);
            }

            if (count * share > seen * score || (count * share == seen * score && share > score))
            {
                best = dialect;
                score = share;
                seen = count;
            }
        }

        if (seen < MinimumEvidence && !ReferenceEquals(best, candidates[0]))
        {
            // A heading or two says too little to choose by: the first candidate (the canonical layout) stands.
            best = candidates[0];
            score = firstScore;
            seen = firstSeen;
        }

        return best;
    }
}
