using System.Xml;
using System.Xml.Linq;

namespace OneArmDesigner.Web.Designs;

/// <summary>Reads the design document that an exported SVG picture carries in its &lt;metadata id="onearm-design"&gt;.</summary>
public static class SvgDesignDocument
{
    public static bool LooksLikeSvg(string text) => text.TrimStart().StartsWith('<');

    /// <summary>The embedded document, or a problem that says why there is none.</summary>
    public static (string? Json, string? Problem) Extract(string svg)
    {
        try
        {
            // No DTDs: a picture from elsewhere must not make the server resolve entities.
            using var reader = XmlReader.Create(new StringReader(svg), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            var metadata = XDocument.Load(reader).Descendants().FirstOrDefault(e => e.Name.LocalName == "metadata" && (string?)e.Attribute("id") == "onearm-design");
            return metadata is null
                ? (null, "the SVG has no embedded design (only pictures exported by OneArmDesigner carry one)")
                : (metadata.Value, null);
        }
        catch (XmlException ex)
        {
            return (null, $"the file is not valid SVG: {ex.Message}");
        }
    }
}
