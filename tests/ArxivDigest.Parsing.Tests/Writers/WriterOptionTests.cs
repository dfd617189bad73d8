using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Bibtex;
using ArxivDigest.Parsing.Writers.Docx;
using ArxivDigest.Parsing.Writers.Json;
using ArxivDigest.Parsing.Writers.Markdown;
using ArxivDigest.Parsing.Writers.Parquet;

namespace ArxivDigest.Parsing.Tests.Writers;

/// <summary>Typed writer options and the descriptors that set them from text.</summary>
public sealed class WriterOptionTests
{
    // The core's formats and the writer packages'.
    private static PaperWriterRegistry Registry() => PaperWriterRegistry.CreateDefault().Register(new ParquetWriterProvider()).Register(new DocxWriterProvider());

    public static TheoryData<string> Formats => [.. Registry().Formats.Select(f => f.Name)];

    private static PaperWriterFormat Format(string name)
        => Registry().TryGet(name, out PaperWriterFormat? format) ? format : throw new ArgumentException(name);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Each_format_declares_its_options_type_and_its_descriptors_set_that_type(string name)
    {
        PaperWriterFormat format = Format(name);
        Assert.IsType(format.OptionsType, format.DefaultOptions);
        Assert.All(format.Options, o => Assert.Equal(format.OptionsType, o.OptionsType));
        Assert.Equal(format.Options.Count, format.Options.Select(o => o.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_value_a_descriptor_shows_or_lists_sets_the_options_so_that_it_shows_it_back(string name)
    {
        PaperWriterFormat format = Format(name);
        foreach (WriterOption option in format.Options)
        {
            // The default, as the option shows it, gives back the defaults.
            if (option.GetValue(format.DefaultOptions) is string shown)
            {
                Assert.Equal(format.DefaultOptions, option.Apply(format.DefaultOptions, shown));
            }

            foreach (string value in option.AllowedValues)
            {
                Assert.Equal(value, option.GetValue(option.Apply(format.DefaultOptions, value)));
            }
        }
    }

    [Fact]
    public void Descriptors_set_the_typed_properties()
    {
        Assert.Equal(
            new BibtexPaperWriterOptions { KeyStyle = BibtexKeyStyle.Arxiv, Abstract = true, Note = BibtexNote.Tldr, Ascii = true },
            Bind(BibtexPaperWriter.Format, ("bib-key", "ARXIV"), ("bib-abstract", "yes"), ("bib-note", "tldr"), ("bib-ascii", "")));
        Assert.Equal(
            new ParquetPaperWriterOptions { Compression = ParquetCompression.Gzip, RowGroupSize = 512 * 1024, PartitionBy = ParquetPartitionColumn.ArxivYear },
            Bind(ParquetPaperWriter.Format, ("parquet-compression", "gzip"), ("parquet-row-group-size", "512K"), ("partition-by", "arxiv_year")));
        Assert.Equal(
            new DocxPaperWriterOptions { Title = "Mine", Abstracts = false, Details = false, Grouping = DocxGrouping.Flat },
            Bind(DocxPaperWriter.Format, ("docx-title", "Mine"), ("docx-abstracts", "0"), ("docx-details", "no"), ("docx-group", "flat")));
        Assert.Equal(new JsonPaperWriterOptions { Shape = JsonShape.DailyArxiv }, Bind(JsonPaperWriter.JsonLinesFormat, ("json-shape", "daily-arxiv")));
    }

    [Theory]
    [InlineData("bibtex", "bib-abstract", "maybe", "Option 'bib-abstract' takes true, false, yes, no, 1 or 0, not 'maybe'.")]
    [InlineData("bibtex", "bib-key", "doi", "Option 'bib-key' takes scholar or arxiv, not 'doi'.")]
    [InlineData("parquet", "parquet-compression", "lz4", "Option 'parquet-compression' takes snappy, zstd, gzip or none, not 'lz4'.")]
    [InlineData("parquet", "parquet-row-group-size", "0", "Option 'parquet-row-group-size' takes a positive size such as 65536, 512K or 64M, not '0'.")]
    [InlineData("jsonl", "json-shape", "yaml", "Option 'json-shape' takes native or daily-arxiv, not 'yaml'.")]
    public void A_value_an_option_does_not_take_is_refused_naming_the_option_and_its_values(string format, string option, string value, string message)
    {
        Assert.True(Format(format).TryGetOption(option, out WriterOption? descriptor));
        FormatException e = Assert.Throws<FormatException>(() => descriptor.Apply(Format(format).DefaultOptions, value));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_format_refuses_options_of_another_format()
    {
        PaperWriterFormat json = JsonPaperWriter.JsonFormat;
        Assert.Throws<ArgumentException>(() => json.Create(Stream.Null, new BibtexPaperWriterOptions()));
        Assert.Throws<ArgumentException>(() => json.Options[0].Apply(new BibtexPaperWriterOptions(), "native"));
    }

    [Fact]
    public void A_partitioned_parquet_dataset_is_written_by_a_directory_writer_not_to_a_stream()
    {
        var dataset = new ParquetPaperWriterOptions { PartitionBy = ParquetPartitionColumn.DigestDate };
        Assert.True(ParquetPaperWriter.Format.WritesDirectory(dataset));
        Assert.False(ParquetPaperWriter.Format.WritesDirectory(ParquetPaperWriterOptions.Default));
        Assert.Throws<ArgumentException>(() => ParquetPaperWriter.Format.Create(Stream.Null, dataset));
        Assert.Throws<ArgumentException>(() => new ParquetPaperWriter(Stream.Null, dataset));

        Assert.False(JsonPaperWriter.JsonFormat.WritesDirectory(JsonPaperWriterOptions.Default));
        Assert.Throws<NotSupportedException>(() => JsonPaperWriter.JsonFormat.CreateDirectoryWriter("unused", JsonPaperWriterOptions.Default));
    }

    [Fact]
    public void Only_the_markdown_format_takes_the_reading_dialect()
    {
        DigestDialect bold = DigestDialect.BuiltIn.Single(d => d.Name == "bold-labels");
        Assert.Same(bold, ((MarkdownDigestWriterOptions)MarkdownDigestWriter.Format.WithDialect(MarkdownDigestWriterOptions.Default, bold)).Dialect);
        Assert.Same(BibtexPaperWriterOptions.Default, BibtexPaperWriter.Format.WithDialect(BibtexPaperWriterOptions.Default, bold));
    }

    [Fact]
    public void The_defaults_are_those_of_the_options_types()
    {
        Assert.Equal(new JsonPaperWriterOptions { Shape = JsonShape.Native, Indented = true }, JsonPaperWriter.JsonFormat.DefaultOptions);
        Assert.Equal(new BibtexPaperWriterOptions { KeyStyle = BibtexKeyStyle.Scholar, Abstract = false, Note = BibtexNote.None, Ascii = false }, BibtexPaperWriter.Format.DefaultOptions);
        Assert.Equal(64L << 20, ParquetPaperWriter.Format.DefaultOptions.RowGroupSize);
        Assert.Equal(ParquetCompression.Snappy, ParquetPaperWriter.Format.DefaultOptions.Compression);
        Assert.Null(ParquetPaperWriter.Format.DefaultOptions.PartitionBy);
        Assert.Equal(new DocxPaperWriterOptions { Title = null, Abstracts = true, Details = true, Grouping = DocxGrouping.Section }, DocxPaperWriter.Format.DefaultOptions);
        Assert.Null(MarkdownDigestWriter.Format.DefaultOptions.Dialect);
    }

    [Fact]
    public void A_plugin_declares_typed_options_the_same_way()
    {
        WriterOption<CsvOptions> separator = WriterOption<CsvOptions>.Parsed(
            "csv-separator", "One character between fields", o => o.Separator, (o, v) => o with { Separator = v },
            text => text.Length == 1 ? text[0] : throw new FormatException(), c => c.ToString(), "CHAR", "one character");
        var format = new PaperWriterFormat<CsvOptions>("csv", [".csv"], "test", new CsvOptions(), (s, o) => new JsonPaperWriter(s, jsonLines: true), options: [separator]);

        Assert.Equal(typeof(CsvOptions), format.OptionsType);
        Assert.True(format.TryGetOption("CSV-SEPARATOR", out WriterOption? found));
        Assert.Equal(new CsvOptions { Separator = ';' }, found.Apply(format.DefaultOptions, ";"));
        Assert.Equal(",", found.GetValue(format.DefaultOptions));
        FormatException e = Assert.Throws<FormatException>(() => separator.Apply(new CsvOptions(), ";;"));
        Assert.Equal("Option 'csv-separator' takes one character, not ';;'.", e.Message);
        Assert.Throws<ArgumentException>(() => new PaperWriterFormat<CsvOptions>("csv", [".csv"], "twice", new CsvOptions(), (s, o) => new JsonPaperWriter(s, true), options: [separator, separator]));
        Assert.Throws<ArgumentException>(() => WriterOption<CsvOptions>.Text("--csv", "a dash", o => null, (o, v) => o));
        Assert.Throws<ArgumentException>(() => WriterOption<CsvOptions>.Text("Csv Name", "a space", o => null, (o, v) => o));
    }

    [Theory]
    [InlineData("65536", 65536L, "64K")]
    [InlineData("512K", 512L << 10, "512K")]
    [InlineData("64M", 64L << 20, "64M")]
    [InlineData("64MB", 64L << 20, "64M")]
    [InlineData("64 MiB", 64L << 20, "64M")]
    [InlineData("1g", 1L << 30, "1G")]
    [InlineData("1536K", 1536L << 10, "1536K")]
    [InlineData("1000", 1000L, "1000")]
    public void Sizes_take_binary_suffixes_and_show_the_shortest_one(string text, long bytes, string shown)
    {
        Assert.True(ByteSize.TryParse(text, out long parsed));
        Assert.Equal(bytes, parsed);
        Assert.Equal(shown, ByteSize.Format(bytes));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5M")]
    [InlineData("5T")]
    [InlineData("99999999999G")]
    public void A_size_that_is_not_a_positive_number_of_bytes_is_refused(string text)
        => Assert.False(ByteSize.TryParse(text, out _));

    private static T Bind<T>(PaperWriterFormat<T> format, params (string Name, string Value)[] values)
        where T : class
    {
        object options = format.DefaultOptions;
        foreach ((string name, string value) in values)
        {
            Assert.True(format.TryGetOption(name, out WriterOption? option), name);
            options = option.Apply(options, value);
        }

        return (T)options;
    }

    private sealed record CsvOptions
    {
        public char Separator { get; init; } = ',';
    }
}
