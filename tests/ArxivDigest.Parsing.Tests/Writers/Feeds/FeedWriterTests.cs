using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Feeds;

namespace ArxivDigest.Parsing.Tests.Writers.Feeds;

/// <summary>The <c>atom</c> and <c>rss</c> writers: the mapping, hostile text, one entry per paper, dates, ids, options.</summary>
public sealed class FeedWriterTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    public static TheoryData<string> Formats() => ["atom", "rss"];

    private static PaperWriterFormat<FeedWriterOptions> FormatOf(string name) => name == "atom" ? AtomFeedWriter.Format : RssFeedWriter.Format;

    /// <summary>The first papers of the bundled 2026-01-26 digest, and one that shows the HTML of the content.</summary>
    private static List<Paper> Sample() =>
    [
        .. DigestParser.ParseFile(RepoPaths.Sample("2026-01-26.md")).Papers.Take(3),
        new Paper
        {
            Id = ArxivId.Parse("2601.00007v2"),
            Title = "Bounds for $x < y$ & \"quoted\" <b>terms</b>",
            Url = "https://arxiv.org/abs/2601.00007v2",
            Authors = ["Ada Lovelace", "Alan Turing"],
            MainCategory = "math.CO",
            Tldr = "Shows $a<b$ & more.",
            Motivation = "First paragraph\nsecond line.\n\nSecond paragraph.",
            Method = "<script>alert(1)</script>",
            Conclusion = "Done.",
            DigestDate = new DateOnly(2026, 1, 20),
        },
    ];

    private static async Task<(string Xml, PaperWriter Writer)> WriteAsync(string format, IEnumerable<Paper> papers, FeedWriterOptions? options = null, DigestInfo? digest = null)
    {
        using var output = new MemoryStream();
        PaperWriter writer = FormatOf(format).Create(output, options ?? FeedWriterOptions.Default);
        await using (writer)
        {
            if (digest is not null)
            {
                await writer.BeginDigestAsync(digest);
            }

            foreach (Paper paper in papers)
            {
                await writer.WritePaperAsync(paper);
            }

            await writer.CompleteAsync();
        }

        return (Encoding.UTF8.GetString(output.ToArray()), writer);
    }

    /// <summary>Reads the feed back as a strict XML reader does (no DTD, every character checked).</summary>
    private static XDocument Read(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true });
        return XDocument.Load(reader);
    }

    private static List<XElement> Entries(string format, XDocument document)
        => format == "atom" ? [.. document.Root!.Elements(Atom + "entry")] : [.. document.Root!.Element("channel")!.Elements("item")];

    private static string Title(string format, XElement entry) => entry.Element(format == "atom" ? Atom + "title" : "title")!.Value;

    private static string Id(string format, XElement entry) => entry.Element(format == "atom" ? Atom + "id" : "guid")!.Value;

    private static string Date(string format, XElement entry) => entry.Element(format == "atom" ? Atom + "updated" : "pubDate")!.Value;

    [Fact]
    public async Task Atom_of_a_small_sample_is_the_snapshot()
    {
        (string xml, PaperWriter writer) = await WriteAsync("atom", Sample(), new FeedWriterOptions { Link = "https://example.org/papers/", SelfLink = "https://example.org/papers.atom" });

        Snapshot.Verify(xml, "sample", "atom");
        Assert.Empty(writer.Diagnostics);
    }

    [Fact]
    public async Task Rss_of_a_small_sample_is_the_snapshot()
    {
        (string xml, PaperWriter writer) = await WriteAsync("rss", Sample(), new FeedWriterOptions { Link = "https://example.org/papers/", SelfLink = "https://example.org/papers.rss" });

        Snapshot.Verify(xml, "sample", "rss");
        Assert.Empty(writer.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Markup_and_math_in_the_text_come_back_as_text(string format)
    {
        (string xml, _) = await WriteAsync(format, Sample());
        XElement entry = Entries(format, Read(xml)).Single(e => Id(format, e) == "https://arxiv.org/abs/2601.00007");

        Assert.Equal("Bounds for $x < y$ & \"quoted\" <b>terms</b>", Title(format, entry));
        string summary = format == "atom" ? entry.Element(Atom + "summary")!.Value : WebUtility.HtmlDecode(entry.Element("description")!.Value);
        Assert.Equal("Shows $a<b$ & more.", summary);
        string html = format == "atom" ? entry.Element(Atom + "content")!.Value : entry.Element(Content + "encoded")!.Value;
        Assert.Equal(
            "<p><strong>Motivation:</strong> First paragraph<br>second line.</p>\n<p>Second paragraph.</p>\n"
            + "<p><strong>Method:</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p><strong>Conclusion:</strong> Done.</p>\n",
            html);
        Assert.DoesNotContain("<script>", xml, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Characters_outside_the_basic_plane_stay_whole_before_and_without_anything_removed(string format)
    {
        Paper Make(string id, string title) => new()
        {
            Id = ArxivId.Parse(id),
            Title = title,
            Url = "https://arxiv.org/abs/" + id,
            Authors = ["Ada"],
            DigestDate = new DateOnly(2026, 1, 26),
        };

        (string xml, PaperWriter writer) = await WriteAsync(format, [Make("2601.00001", "Only 🤔😀 here"), Make("2601.00002", "Emoji 🤔 first\u0001 then 😀")]);

        var titles = Entries(format, Read(xml)).Select(e => Title(format, e)).ToList();
        Assert.Contains("Only 🤔😀 here", titles);
        Assert.Contains("Emoji 🤔 first then 😀", titles);
        DigestDiagnostic removed = Assert.Single(writer.Diagnostics);
        Assert.Contains("1 character of title", removed.Message, StringComparison.Ordinal);
    }

    /// <summary>Every C0 control, DEL, the C1 controls, U+FFFE, U+FFFF, both halves of a pair alone, and markup that ends CDATA or opens a script.</summary>
    private static readonly string Hostile =
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + "\u007F" + string.Concat(Enumerable.Range(0x80, 0x20).Select(c => (char)c))
        + "\uFFFE\uFFFF" + "a\uD800b\uDC00c" + "]]> <script>alert('x')</script> &amp; $x^2$ 😀";

    /// <summary>What may stay of <see cref="Hostile"/>: tab, line feed and carriage return, and everything printable.</summary>
    private static readonly string HostileClean = "\t\n\r" + "abc" + "]]> <script>alert('x')</script> &amp; $x^2$ 😀";

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Hostile_text_makes_well_formed_xml_that_reads_back_as_written_less_what_xml_cannot_hold(string format)
    {
        var paper = new Paper
        {
            Id = ArxivId.Parse("2601.00001"),
            Title = "T " + Hostile,
            Url = "https://arxiv.org/abs/2601.00001",
            Authors = ["Ada " + Hostile, Hostile.Substring(0, 0x20)],
            MainCategory = "cs." + Hostile,
            Tldr = "S " + Hostile,
            Motivation = "M " + Hostile,
            DigestDate = new DateOnly(2026, 1, 26),
            Location = new SourceLocation("day.md", 7, 1),
        };

        (string xml, PaperWriter writer) = await WriteAsync(format, [paper], new FeedWriterOptions { Title = "Feed " + Hostile });

        XDocument document = Read(xml);
        XElement entry = Assert.Single(Entries(format, document));
        Assert.Equal("T " + HostileClean, Title(format, entry));
        if (format == "atom")
        {
            Assert.Equal("Feed " + HostileClean, document.Root!.Element(Atom + "title")!.Value);
            // The second author was nothing but control characters (and white space): it is left out.
            Assert.Equal(["Ada " + HostileClean], entry.Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));
            Assert.Equal(("cs." + HostileClean).Trim(), entry.Element(Atom + "category")!.Attribute("term")!.Value);
            Assert.Equal("S " + HostileClean, entry.Element(Atom + "summary")!.Value);
        }
        else
        {
            Assert.Equal("Feed " + HostileClean, document.Root!.Element("channel")!.Element("title")!.Value);
            Assert.Equal(["Ada " + HostileClean], entry.Elements(Dc + "creator").Select(a => a.Value));
            Assert.Equal(("cs." + HostileClean).Trim(), entry.Element("category")!.Value);
            Assert.Equal("S " + HostileClean, WebUtility.HtmlDecode(entry.Element("description")!.Value));
        }

        Assert.DoesNotContain("<script>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain(xml, c => char.IsControl(c) && c is not ('\t' or '\n'));
        Assert.False(PaperText.HasLoneSurrogate(xml));

        string name = format == "atom" ? "Atom" : "RSS";
        int removed = Hostile.Length - HostileClean.Length;
        foreach (string field in new[] { "title", "author", "main category", "TL;DR", "motivation" })
        {
            Assert.Contains(writer.Diagnostics, d => d.Code == DiagnosticCodes.CharacterReplaced && d.Severity == DiagnosticSeverity.Warning && d.Location.Line == 7
                && d.Message.StartsWith($"{name}: ", StringComparison.Ordinal) && d.Message.Contains($" of {field} ", StringComparison.Ordinal));
        }

        Assert.Contains(writer.Diagnostics, d => d.Message.Contains($"{removed} characters of title", StringComparison.Ordinal));
        Assert.Contains(writer.Diagnostics, d => d.Message.Contains("the feed's title", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_paper_on_several_days_is_one_entry_from_its_latest_digest(string format)
    {
        Paper Day(int day, string title, int? version = null) => new()
        {
            Id = ArxivId.Parse(version is int v ? $"2601.00001v{v}" : "2601.00001"),
            Title = title,
            Url = "https://arxiv.org/abs/2601.00001",
            DigestDate = new DateOnly(2026, 1, day),
        };
        Paper other = new() { Id = ArxivId.Parse("2601.00002"), Title = "Other", Url = "https://arxiv.org/abs/2601.00002", DigestDate = new DateOnly(2026, 1, 9) };

        // Out of date order, the latest day twice (v1 then v2), and an earlier day after it.
        (string xml, _) = await WriteAsync(format, [Day(8, "Eighth"), Day(12, "Twelfth v1", 1), other, Day(12, "Twelfth v2", 2), Day(12, "Twelfth v1 again", 1), Day(10, "Tenth")]);

        List<XElement> entries = Entries(format, Read(xml));
        Assert.Equal(["Twelfth v2", "Other"], entries.Select(e => Title(format, e)));
        Assert.Equal(["https://arxiv.org/abs/2601.00001", "https://arxiv.org/abs/2601.00002"], entries.Select(e => Id(format, e)));
        string link = format == "atom" ? entries[0].Element(Atom + "link")!.Attribute("href")!.Value : entries[0].Element("link")!.Value;
        Assert.Equal("https://arxiv.org/abs/2601.00001v2", link);
        Assert.Equal(format == "atom" ? "2026-01-12T00:00:00Z" : "Mon, 12 Jan 2026 00:00:00 GMT", Date(format, entries[0]));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_paper_without_an_arxiv_id_is_one_entry_per_url_with_the_url_or_a_stable_urn_as_its_id(string format)
    {
        Paper[] papers =
        [
            new() { Title = "Elsewhere", Url = "https://example.org/paper/1", DigestDate = new DateOnly(2026, 1, 8) },
            new() { Title = "Elsewhere again", Url = "https://example.org/paper/1", DigestDate = new DateOnly(2026, 1, 9) },
            new() { Title = "Relative", Url = "paper/2", DigestDate = new DateOnly(2026, 1, 8) },
            new() { Title = "No link", Url = "", DigestDate = new DateOnly(2026, 1, 8) },
        ];

        (string xml, _) = await WriteAsync(format, papers);
        (string again, _) = await WriteAsync(format, papers.Reverse());

        List<XElement> entries = Entries(format, Read(xml));
        Assert.Equal(["Elsewhere again", "Relative", "No link"], entries.Select(e => Title(format, e)));
        Assert.Equal("https://example.org/paper/1", Id(format, entries[0]));
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", Id(format, entries[1]));
        Assert.NotEqual(Id(format, entries[1]), Id(format, entries[2]));
        // The same paper gets the same id whatever else the feed holds.
        Assert.Equal(entries.Select(e => Id(format, e)).Order(), Entries(format, Read(again)).Select(e => Id(format, e)).Order());
        if (format == "rss")
        {
            Assert.Equal(["true", "false", "false"], entries.Select(e => e.Element("guid")!.Attribute("isPermaLink")!.Value));
        }
        else
        {
            // An Atom entry without a link has content (RFC 4287 4.1.2).
            Assert.Null(entries[2].Element(Atom + "link"));
            Assert.NotNull(entries[2].Element(Atom + "content"));
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Dates_are_the_digest_dates_and_the_feed_is_dated_by_the_latest(string format)
    {
        Paper Paper(string id, int? day) => new() { Id = ArxivId.Parse(id), Title = id, Url = "https://arxiv.org/abs/" + id, DigestDate = day is int d ? new DateOnly(2026, 1, d) : null };

        // The undated paper takes the date of the digest it came in.
        (string xml, _) = await WriteAsync(format, [Paper("2601.00001", 3), Paper("2601.00002", 17), Paper("2601.00003", null)], digest: new DigestInfo("d.md", new DateOnly(2026, 1, 5), []));

        XDocument document = Read(xml);
        List<XElement> entries = Entries(format, document);
        Assert.Equal(["2601.00002", "2601.00003", "2601.00001"], entries.Select(e => Title(format, e)));
        if (format == "atom")
        {
            Assert.Equal("2026-01-17T00:00:00Z", document.Root!.Element(Atom + "updated")!.Value);
            Assert.Equal(["2026-01-17T00:00:00Z", "2026-01-05T00:00:00Z", "2026-01-03T00:00:00Z"], entries.Select(e => e.Element(Atom + "published")!.Value));
            Assert.Equal("arXiv digest, 2026-01-03 to 2026-01-17", document.Root.Element(Atom + "title")!.Value);
        }
        else
        {
            XElement channel = document.Root!.Element("channel")!;
            Assert.Equal("Sat, 17 Jan 2026 00:00:00 GMT", channel.Element("lastBuildDate")!.Value);
            Assert.Equal(["Sat, 17 Jan 2026 00:00:00 GMT", "Mon, 05 Jan 2026 00:00:00 GMT", "Sat, 03 Jan 2026 00:00:00 GMT"], entries.Select(e => e.Element("pubDate")!.Value));
            Assert.Equal("arXiv digest, 2026-01-03 to 2026-01-17", channel.Element("title")!.Value);
            Assert.Equal("3 papers from the arXiv digest of 2026-01-03 to 2026-01-17, each with its TL;DR.", channel.Element("description")!.Value);
        }
    }

    [Fact]
    public async Task An_atom_feed_of_undated_papers_gets_a_fixed_date_and_says_so()
    {
        var paper = new Paper { Id = ArxivId.Parse("2601.00001"), Title = "Undated", Url = "https://arxiv.org/abs/2601.00001" };

        (string xml, PaperWriter writer) = await WriteAsync("atom", [paper]);
        (string rss, PaperWriter rssWriter) = await WriteAsync("rss", [paper]);

        XDocument document = Read(xml);
        Assert.Equal("1970-01-01T00:00:00Z", document.Root!.Element(Atom + "updated")!.Value);
        Assert.Equal("1970-01-01T00:00:00Z", Assert.Single(Entries("atom", document)).Element(Atom + "updated")!.Value);
        Assert.Equal(DiagnosticCodes.ValueNotExact, Assert.Single(writer.Diagnostics).Code);
        // RSS dates are optional: none is written.
        Assert.DoesNotContain("Date>", rss, StringComparison.Ordinal);
        Assert.Empty(rssWriter.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_same_papers_give_the_same_bytes(string format)
    {
        (string first, _) = await WriteAsync(format, Sample());
        (string second, _) = await WriteAsync(format, Sample());

        Assert.Equal(first, second);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", first, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', first);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Feed_content_false_leaves_the_sections_out(string format)
    {
        (string with, _) = await WriteAsync(format, Sample());
        FeedWriterOptions options = (FeedWriterOptions)FormatOf(format).Options.Single(o => o.Name == "feed-content").Apply(FeedWriterOptions.Default, "false");
        (string without, _) = await WriteAsync(format, Sample(), options);

        Assert.Contains("Motivation:", with, StringComparison.Ordinal);
        Assert.DoesNotContain("Motivation:", without, StringComparison.Ordinal);
        Assert.DoesNotContain(format == "atom" ? "<content" : "<content:encoded", without, StringComparison.Ordinal);
        Assert.Equal(4, Entries(format, Read(without)).Count);
    }

    [Fact]
    public async Task The_feed_id_is_the_self_link_else_stays_the_same_as_the_papers_change()
    {
        (string first, _) = await WriteAsync("atom", Sample().Take(1));
        (string second, _) = await WriteAsync("atom", Sample().Skip(1));
        (string titled, _) = await WriteAsync("atom", Sample(), new FeedWriterOptions { Title = "cs.CV papers" });
        (string self, _) = await WriteAsync("atom", Sample(), new FeedWriterOptions { SelfLink = "https://example.org/cv.atom" });

        string Id(string xml) => Read(xml).Root!.Element(Atom + "id")!.Value;
        Assert.Equal(Id(first), Id(second));
        Assert.NotEqual(Id(first), Id(titled));
        Assert.Equal("https://example.org/cv.atom", Id(self));
    }

    [Theory]
    [InlineData("feed-link", "example.org/papers")]
    [InlineData("feed-link", "/srv/www/papers")]
    [InlineData("feed-self", "https://example.org/a b.atom")]
    [InlineData("feed-self", "")]
    public void A_link_option_takes_only_an_absolute_url(string option, string value)
    {
        WriterOption descriptor = AtomFeedWriter.Format.Options.Single(o => o.Name == option);

        FormatException error = Assert.Throws<FormatException>(() => descriptor.Apply(FeedWriterOptions.Default, value));
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new FeedWriterOptions { Link = value });
    }

    [Fact]
    public void Both_formats_are_registered_by_default_with_their_extensions_and_options()
    {
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault();

        Assert.True(registry.TryGetByPath("site/papers.atom", out PaperWriterFormat? atom));
        Assert.Same(AtomFeedWriter.Format, atom);
        Assert.True(registry.TryGetByPath("site/papers.rss", out PaperWriterFormat? rss));
        Assert.Same(RssFeedWriter.Format, rss);
        Assert.Equal(["feed-title", "feed-link", "feed-self", "feed-content"], atom.Options.Select(o => o.Name));
        Assert.Equal(atom.Options, rss.Options);
        Assert.Equal("true", atom.Options[3].GetValue(FeedWriterOptions.Default));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_cancelled_completion_throws_and_writes_nothing_more(string format)
    {
        using var output = new MemoryStream();
        await using PaperWriter writer = FormatOf(format).Create(output);
        await writer.WritePaperAsync(Sample()[0]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await writer.WritePaperAsync(Sample()[1], new CancellationToken(canceled: true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await writer.CompleteAsync(new CancellationToken(canceled: true)));
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void Name_based_ids_are_rfc_9562_version_5_uuids()
    {
        // RFC 9562, appendix A.4: the DNS namespace and www.example.com.
        Guid dns = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), FeedText.NameBasedUuid(dns, "www.example.com"));
        Assert.Equal(FeedText.NameBasedUrn("paper\nx"), FeedText.NameBasedUrn("paper\nx"));
        Assert.NotEqual(FeedText.NameBasedUrn("paper\nx"), FeedText.NameBasedUrn("paper\ny"));
    }
}
