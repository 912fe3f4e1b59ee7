using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Tests.Designs;

public sealed class SvgDesignDocumentTests
{
    [Fact]
    public void The_embedded_design_document_is_read_back_from_an_exported_picture()
    {
        const string svg = """<svg xmlns="http://www.w3.org/2000/svg"><metadata id="onearm-design"><![CDATA[{"schemaVersion":1,"name":"A & B"}]]></metadata><g/></svg>""";

        var (json, problem) = SvgDesignDocument.Extract(svg);

        Assert.Null(problem);
        Assert.Equal("""{"schemaVersion":1,"name":"A & B"}""", json);
    }

    [Fact]
    public void A_picture_without_a_design_says_so()
    {
        var (json, problem) = SvgDesignDocument.Extract("""<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>""");

        Assert.Null(json);
        Assert.Contains("no embedded design", problem);
    }

    [Theory]
    [InlineData("<svg><g></svg>")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg>&x;</svg>")]
    public void Broken_or_entity_laden_svg_is_refused_without_resolving_anything(string svg)
    {
        var (json, problem) = SvgDesignDocument.Extract(svg);

        Assert.Null(json);
        Assert.StartsWith("the file is not valid SVG", problem, StringComparison.Ordinal);
    }
}
