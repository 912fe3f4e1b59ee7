using System.Buffers.Binary;
using System.Text;
using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Tests.Designs;

public sealed class PngDesignDocumentTests
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = uint.MaxValue;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
            }
        }

        return ~crc;
    }

    private static byte[] Png(params byte[][] chunks) => [.. Signature, .. Chunk("IHDR", new byte[13]), .. chunks.SelectMany(c => c), .. Chunk("IEND", [])];

    private static byte[] Text(string keyword, string text) => [.. Encoding.Latin1.GetBytes(keyword), 0, 0, 0, 0, 0, .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public void The_design_rides_in_an_iTXt_chunk_with_its_keyword()
    {
        var png = Png(Chunk("tEXt", Text("Software", "x")), Chunk("iTXt", Text("onearm-design", "{\"name\":\"Büro\"}")));

        var (json, problem) = PngDesignDocument.Extract(png);

        Assert.Null(problem);
        Assert.Equal("{\"name\":\"Büro\"}", json);
    }

    [Fact]
    public void A_picture_without_a_design_or_not_a_png_at_all_says_so()
    {
        Assert.Equal("the PNG has no embedded design (only pictures exported by OneArmDesigner carry one)", PngDesignDocument.Extract(Png()).Problem);
        Assert.Equal("the file is not a PNG picture", PngDesignDocument.Extract("{}"u8).Problem);
        Assert.Equal("the PNG picture is cut short", PngDesignDocument.Extract([.. Signature, 0, 0, 0x10, 0, .. "iTXt"u8, 1, 2, 3, 4]).Problem);
    }
}
