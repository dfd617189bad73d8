using ArxivDigest.Parsing.Selection;

namespace ArxivDigest.Parsing.Writers;

/// <summary>Helpers for feeding a writer.</summary>
public static class PaperWriterExtensions
{
    /// <summary>
    /// Writes every remaining paper of <paramref name="reader"/> to <paramref name="writer"/>, announcing the digest
    /// first (<see cref="PaperWriter.BeginDigestAsync"/>). Does not complete the writer, so several digests can go
    /// into one output.
    /// </summary>
    /// <returns>The number of papers written.</returns>
    public static Task<int> WriteAllAsync(this PaperWriter writer, PaperReader reader, CancellationToken cancellationToken = default)
        => WriteAllAsync(writer, reader, selector: null, sourceIndex: 0, cancellationToken);

    /// <summary>
    /// Writes the remaining papers of <paramref name="reader"/> that <paramref name="selector"/> keeps, announcing the
    /// digest first. <paramref name="sourceIndex"/> is the reader's position among the conversion's inputs (for
    /// deduplication).
    /// </summary>
    /// <returns>The number of papers written.</returns>
    public static async Task<int> WriteAllAsync(this PaperWriter writer, PaperReader reader, PaperSelector? selector, int sourceIndex, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reader);
        int count = 0;
        bool begun = false;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!begun)
            {
                // The table of contents comes before the first paper, so it is known by now.
                await writer.BeginDigestAsync(Info(reader), cancellationToken).ConfigureAwait(false);
                begun = true;
            }

            if (selector is null || selector.Select(reader.Current, sourceIndex))
            {
                await writer.WritePaperAsync(reader.Current, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        if (!begun)
        {
            await writer.BeginDigestAsync(Info(reader), cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    /// <summary>Writes every paper of a parsed digest.</summary>
    /// <returns>The number of papers written.</returns>
    public static async Task<int> WriteAllAsync(this PaperWriter writer, Digest digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(digest);
        await writer.BeginDigestAsync(new DigestInfo(digest.Source, digest.Date, digest.TableOfContents), cancellationToken).ConfigureAwait(false);
        foreach (Paper paper in digest.Papers)
        {
            await writer.WritePaperAsync(paper, cancellationToken).ConfigureAwait(false);
        }

        return digest.Papers.Length;
    }

    private static DigestInfo Info(PaperReader reader) => new(reader.SourceName, reader.DigestDate, [.. reader.TableOfContents]);
}
