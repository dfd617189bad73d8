using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;

namespace ArxivDigest.Parsing.Writers.Docx;

/// <summary>
/// The Open Packaging Conventions around the parts: content types, relationships and core properties, each a zip
/// entry written once, in order, so that the package is a stream and no part stays in memory.
/// </summary>
internal static class DocxPackage
{
    public const string DocumentPath = "word/document.xml";
    public const string StylesPath = "word/styles.xml";
    public const string SettingsPath = "word/settings.xml";
    public const string FooterPath = "word/footer1.xml";
    public const string NumberingPath = "word/numbering.xml";
    public const string CorePath = "docProps/core.xml";

    /// <summary>The footer's relationship id, which the section properties name.</summary>
    public const string FooterId = "footer1";

    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string WordTypes = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

    private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new System.Text.UTF8Encoding(false), CloseOutput = false };

    public static Stream CreateEntry(ZipArchive zip, string path) => zip.CreateEntry(path, CompressionLevel.Optimal).Open();

    /// <summary>A part whose root element is <paramref name="root"/>.</summary>
    public static void WritePart(ZipArchive zip, string path, OpenXmlElement root)
    {
        using Stream stream = CreateEntry(zip, path);
        using OpenXmlWriter writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteElement(root);
    }

    public static void WriteContentTypes(ZipArchive zip)
    {
        using Stream stream = CreateEntry(zip, "[Content_Types].xml");
        using var xml = XmlWriter.Create(stream, XmlSettings);
        xml.WriteStartDocument();
        xml.WriteStartElement("Types", ContentTypesNamespace);
        Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(xml, "xml", "application/xml");
        Override(xml, DocumentPath, WordTypes + "document.main+xml");
        Override(xml, StylesPath, WordTypes + "styles+xml");
        Override(xml, SettingsPath, WordTypes + "settings+xml");
        Override(xml, FooterPath, WordTypes + "footer+xml");
        Override(xml, NumberingPath, WordTypes + "numbering+xml");
        Override(xml, CorePath, "application/vnd.openxmlformats-package.core-properties+xml");
        xml.WriteEndElement();

        static void Default(XmlWriter xml, string extension, string type)
        {
            xml.WriteStartElement("Default", ContentTypesNamespace);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        static void Override(XmlWriter xml, string path, string type)
        {
            xml.WriteStartElement("Override", ContentTypesNamespace);
            xml.WriteAttributeString("PartName", "/" + path);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
    }

    public static void WritePackageRelationships(ZipArchive zip)
    {
        using Stream stream = CreateEntry(zip, "_rels/.rels");
        using var xml = XmlWriter.Create(stream, XmlSettings);
        xml.WriteStartDocument();
        xml.WriteStartElement("Relationships", RelationshipsNamespace);
        Relationship(xml, "rDocument", OfficeRelationships + "officeDocument", DocumentPath, external: false);
        Relationship(xml, "rCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", CorePath, external: false);
        xml.WriteEndElement();
    }

    /// <summary>The main part's relationships: its parts, then one per link.</summary>
    public static void WriteDocumentRelationships(ZipArchive zip, IEnumerable<(string Id, Uri Target)> links)
    {
        using Stream stream = CreateEntry(zip, "word/_rels/document.xml.rels");
        using var xml = XmlWriter.Create(stream, XmlSettings);
        xml.WriteStartDocument();
        xml.WriteStartElement("Relationships", RelationshipsNamespace);
        Relationship(xml, "styles", OfficeRelationships + "styles", "styles.xml", external: false);
        Relationship(xml, "settings", OfficeRelationships + "settings", "settings.xml", external: false);
        Relationship(xml, FooterId, OfficeRelationships + "footer", "footer1.xml", external: false);
        Relationship(xml, "numbering", OfficeRelationships + "numbering", "numbering.xml", external: false);
        foreach ((string id, Uri target) in links)
        {
            Relationship(xml, id, OfficeRelationships + "hyperlink", target.OriginalString, external: true);
        }

        xml.WriteEndElement();
    }

    public static void WriteCoreProperties(ZipArchive zip, string title, string subject, string keywords, DateTime generated)
    {
        const string Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string Dc = "http://purl.org/dc/elements/1.1/";
        const string DcTerms = "http://purl.org/dc/terms/";
        const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
        string when = generated.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using Stream stream = CreateEntry(zip, CorePath);
        using var xml = XmlWriter.Create(stream, XmlSettings);
        xml.WriteStartDocument();
        xml.WriteStartElement("cp", "coreProperties", Cp);
        xml.WriteAttributeString("xmlns", "dc", null, Dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, DcTerms);
        xml.WriteAttributeString("xmlns", "xsi", null, Xsi);
        xml.WriteElementString("dc", "title", Dc, title);
        xml.WriteElementString("dc", "subject", Dc, subject);
        xml.WriteElementString("dc", "creator", Dc, "ArxivDigest.Parsing");
        xml.WriteElementString("cp", "keywords", Cp, keywords);
        foreach (string name in new[] { "created", "modified" })
        {
            xml.WriteStartElement("dcterms", name, DcTerms);
            xml.WriteAttributeString("xsi", "type", Xsi, "dcterms:W3CDTF");
            xml.WriteString(when);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target, bool external)
    {
        xml.WriteStartElement("Relationship", RelationshipsNamespace);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        if (external)
        {
            xml.WriteAttributeString("TargetMode", "External");
        }

        xml.WriteEndElement();
    }
}
