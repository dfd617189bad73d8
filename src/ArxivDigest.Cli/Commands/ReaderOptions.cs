using System.CommandLine;
using System.Globalization;
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Writers.Parquet;

namespace ArxivDigest.Cli.Commands;

/// <summary>The reading options every command that reads digests shares: <c>--max-field-size</c>.</summary>
internal sealed class ReaderOptions
{
    private readonly Option<string?> _maxFieldSize = new("--max-field-size")
    {
        Description = string.Create(CultureInfo.InvariantCulture,
            $"The largest field or line a digest may hold (suffix K, M or G; default 64M, at most {DigestReaderOptions.MaxFieldSizeLimit >> 20}M); a larger one stops reading with AXD016."),
    };

    public void AddTo(Command command) => command.Options.Add(_maxFieldSize);

    /// <summary>The reader options the command line gives.</summary>
    /// <exception cref="UsageException">A size that is not one, or out of range.</exception>
    public DigestReaderOptions Read(ParseResult parse, bool strict)
    {
        var options = new DigestReaderOptions { Strict = strict };
        if (parse.GetValue(_maxFieldSize) is not string text)
        {
            return options;
        }

        long size;
        try
        {
            size = ParquetSettings.ParseSize(text);
        }
        catch (FormatException)
        {
            throw new UsageException($"--max-field-size takes a size such as 65536, 512K or 128M, not '{text}'.");
        }

        if (size > DigestReaderOptions.MaxFieldSizeLimit)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--max-field-size can be at most {DigestReaderOptions.MaxFieldSizeLimit >> 20}M, not '{text}'."));
        }

        return options with { MaxFieldSize = (int)size };
    }
}
