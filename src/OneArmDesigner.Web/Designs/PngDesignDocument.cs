using System.Buffers.Binary;
using System.Text;

namespace OneArmDesigner.Web.Designs;

/// <summary>
/// Reads the design document that an exported PNG picture carries in an iTXt chunk with the keyword
/// <c>onearm-design</c> (written by <c>oneArm.exportCanvas</c> in app.js).
/// </summary>
public static class PngDesignDocument
{
    private const string Keyword = "onearm-design";
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool LooksLikePng(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    /// <summary>The embedded document, or a problem that says why there is none.</summary>
    public static (string? Json, string? Problem) Extract(ReadOnlySpan<byte> png)
    {
        if (!LooksLikePng(png))
        {
            return (null, "the file is not a PNG picture");
        }

        var at = Signature.Length;
        while (at + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            if (length > png.Length - at - 12)
            {
                return (null, "the PNG picture is cut short");
            }

            var type = Encoding.ASCII.GetString(png.Slice(at + 4, 4));
            var data = png.Slice(at + 8, (int)length);
            if (type == "iTXt" && TextOf(data) is { } json)
            {
                return (json, null);
            }

            if (type == "IEND")
            {
                break;
            }

            at += 12 + (int)length;
        }

        return (null, "the PNG has no embedded design (only pictures exported by OneArmDesigner carry one)");
    }

    /// <summary>An iTXt chunk's text when its keyword is ours and it is not compressed.</summary>
    private static string? TextOf(ReadOnlySpan<byte> data)
    {
        var end = data.IndexOf((byte)0);
        if (end < 0 || Encoding.Latin1.GetString(data[..end]) != Keyword || data.Length < end + 3 || data[end + 1] != 0)
        {
            return null;
        }

        // keyword \0, compression flag, compression method, language tag \0, translated keyword \0, text.
        var rest = data[(end + 3)..];
        for (var nulls = 0; nulls < 2; nulls++)
        {
            var next = rest.IndexOf((byte)0);
            if (next < 0)
            {
                return null;
            }

            rest = rest[(next + 1)..];
        }

        return Encoding.UTF8.GetString(rest);
    }
}
