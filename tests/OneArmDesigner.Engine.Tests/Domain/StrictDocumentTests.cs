using System.Text;
using OneArmDesigner.Domain.Documents;

namespace OneArmDesigner.Engine.Tests.Domain;

/// <summary>
/// A design document is read exactly as sent: bytes that are not UTF-8 are named where they are, and positions that
/// could never be drawn are refused, each problem by its JSON path.
/// </summary>
public sealed class StrictDocumentTests
{
    private static byte[] WithInvalidByte(string json, string marker)
    {
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        var at = json.IndexOf(marker, StringComparison.Ordinal);
        bytes[Encoding.UTF8.GetByteCount(json[..at])] = 0xFF;
        return [.. bytes];
    }

    [Fact]
    public void A_byte_that_is_not_UTF8_is_named_by_its_offset_and_the_field_it_sits_in()
    {
        const string json = """{"schemaVersion":1,"name":"t","devices":[{"name":"R1","kind":"router"},{"name":"R#","kind":"router"}],"links":[]}""";
        var bytes = WithInvalidByte(json, "#");

        var loaded = JsonText.Load(bytes);

        var problem = Assert.Single(loaded.Problems);
        Assert.Equal("devices[1].name", problem.Path);
        Assert.Contains($"offset {json.IndexOf('#', StringComparison.Ordinal)} (0xFF)", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"#"}""", "name")]
    [InlineData("""{"devices":[1,2,"#"]}""", "devices[2]")]
    [InlineData("""{"devices":[{"a":{"b":[true,{"c":"#"}]}}]}""", "devices[0].a.b[1].c")]
    [InlineData("""{"a":1,"#":2}""", "$")]
    [InlineData("""#""", "$")]
    public void The_path_of_an_invalid_byte_is_the_property_or_element_being_written(string json, string path)
    {
        Assert.False(JsonText.TryDecode(WithInvalidByte(json, "#"), out _, out var problem));

        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_not_content_and_valid_UTF8_reads_unchanged()
    {
        var text = """{"name":"Zürich ⇄ 東京"}""";
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        Assert.True(JsonText.TryDecode(bytes, out var decoded, out _));
        Assert.Equal(text, decoded);
    }

    [Fact]
    public void An_encoded_surrogate_is_not_UTF8_either()
    {
        // U+D800 written as if it were a character (CESU-8): a lone surrogate that would corrupt the stored text.
        var bytes = Encoding.UTF8.GetBytes("""{"name":"ab"}""").ToList();
        bytes.InsertRange(10, [0xED, 0xA0, 0x80]);

        Assert.False(JsonText.TryDecode(bytes.ToArray(), out _, out var problem));
        Assert.Equal("name", problem.Path);
        Assert.Contains("offset 10", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e308", "0", "devices[0].position.x")]
    [InlineData("0", "-2000000", "devices[0].position.y")]
    public void A_position_off_the_canvas_is_refused_naming_the_coordinate(string x, string y, string path)
    {
        var json = $$$"""{"schemaVersion":1,"devices":[{"name":"H","kind":"host","position":{"x":{{{x}}},"y":{{{y}}}}}]}""";

        var problem = Assert.Single(DesignDocument.Load(json).Problems);

        Assert.Equal(path, problem.Path);
        Assert.Contains("off the canvas", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Positions_anywhere_a_drawing_can_reach_are_accepted()
    {
        var json = """{"schemaVersion":1,"devices":[{"name":"H","kind":"host","position":{"x":-1000000,"y":999999.5}}]}""";

        Assert.True(DesignDocument.Load(json).Succeeded);
    }

    [Fact]
    public void A_problem_with_the_whole_document_is_named_by_the_root_path()
    {
        Assert.Equal("$", Assert.Single(DesignDocument.Load("null").Problems).Path);
        Assert.Equal("$", Assert.Single(DesignDocument.Load("""{"schemaVersion":1} x""").Problems).Path);
    }
}
