using System.Collections.Immutable;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;

namespace ArxivDigest.Parsing;

/// <summary>
/// The entry point: read a whole <see cref="Digest"/>, or stream its papers one at a time, from Markdown, the
/// generator's JSON lines or another registered input format (chosen as <see cref="PaperReader"/> chooses it).
/// </summary>
/// <example>
/// <code>
/// Digest digest = DigestParser.ParseFile("2026-01-26.md");
/// Digest records = DigestParser.ParseFile("2026-01-26_AI_enhanced_Chinese.jsonl");
/// await foreach (Paper paper in DigestParser.ReadPapersAsync(stream))
///     Console.WriteLine(paper.Title);
/// </code>
/// </example>
public static class DigestParser
{
    /// <summary>Parses digest Markdown held in a string.</summary>
    public static Digest Parse(string markdown, DigestReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Parse(Encoding.UTF8.GetBytes(markdown), options);
    }

    /// <summary>Parses digest Markdown held as UTF-8 bytes.</summary>
    public static Digest Parse(ReadOnlyMemory<byte> utf8, DigestReaderOptions? options = null)
    {
        using PaperReader reader = PaperReader.Create(utf8, options);
        return Collect(reader, reader.ReadAll());
    }

    /// <summary>Parses a digest from a stream (left open).</summary>
    public static Digest Parse(Stream stream, DigestReaderOptions? options = null)
    {
        using PaperReader reader = PaperReader.Create(stream, options, leaveOpen: true);
        return Collect(reader, reader.ReadAll());
    }

    /// <summary>Parses a digest from a stream (left open).</summary>
    public static async Task<Digest> ParseAsync(Stream stream, DigestReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        await using PaperReader reader = PaperReader.Create(stream, options, leaveOpen: true);
        var papers = new List<Paper>();
        await foreach (Paper paper in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            papers.Add(paper);
        }

        return Collect(reader, papers);
    }

    /// <summary>Parses a digest file; its date comes from a <c>YYYY-MM-DD</c> file name unless the options give one.</summary>
    public static Digest ParseFile(string path, DigestReaderOptions? options = null)
    {
        using PaperReader reader = PaperReader.Open(path, options);
        return Collect(reader, reader.ReadAll());
    }

    /// <summary>Parses a digest file; its date comes from a <c>YYYY-MM-DD</c> file name unless the options give one.</summary>
    public static async Task<Digest> ParseFileAsync(string path, DigestReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        await using PaperReader reader = PaperReader.Open(path, options);
        var papers = new List<Paper>();
        await foreach (Paper paper in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            papers.Add(paper);
        }

        return Collect(reader, papers);
    }

    /// <summary>Streams the papers of a digest, one at a time, in bounded memory.</summary>
    public static async IAsyncEnumerable<Paper> ReadPapersAsync(
        Stream stream,
        DigestReaderOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using PaperReader reader = PaperReader.Create(stream, options, leaveOpen: true);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.Current;
        }
    }

    /// <summary>Streams the papers of a digest from a pipe, one at a time, in bounded memory.</summary>
    public static async IAsyncEnumerable<Paper> ReadPapersAsync(
        PipeReader pipe,
        DigestReaderOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using PaperReader reader = PaperReader.Create(pipe, options);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.Current;
        }
    }

    /// <summary>The date a file name starts with (<c>2026-01-26.md</c>, <c>2026-01-26_AI_enhanced.md</c>), or <see langword="null"/>.</summary>
    public static DateOnly? DateFromFileName(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        ReadOnlySpan<char> name = Path.GetFileName(path.AsSpan());
        return name.Length >= 10
            && DateOnly.TryParseExact(name[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
            ? date
            : null;
    }

    private static Digest Collect(PaperReader reader, IEnumerable<Paper> papers)
    {
        ImmutableArray<Paper> all = [.. papers];
        IReadOnlyList<DigestSection> headings = reader.SectionHeadings;
        var sectionPapers = new ImmutableArray<Paper>.Builder[headings.Count];
        for (int i = 0; i < sectionPapers.Length; i++)
        {
            sectionPapers[i] = ImmutableArray.CreateBuilder<Paper>();
        }

        // A paper belongs to the last section heading above it.
        int h = -1;
        foreach (Paper paper in all)
        {
            while (h + 1 < headings.Count && headings[h + 1].Location.Line < paper.Location.Line)
            {
                h++;
            }

            if (h >= 0)
            {
                sectionPapers[h].Add(paper);
            }
        }

        return new Digest
        {
            Date = reader.DigestDate,
            Source = reader.SourceName,
            Dialect = reader.Dialect,
            TableOfContents = [.. reader.TableOfContents],
            Sections = [.. headings.Select((s, i) => s with { Papers = sectionPapers[i].ToImmutable() })],
            Papers = all,
            UnrecognizedText = [.. reader.UnrecognizedText],
            Diagnostics = [.. reader.Diagnostics],
        };
    }
}
