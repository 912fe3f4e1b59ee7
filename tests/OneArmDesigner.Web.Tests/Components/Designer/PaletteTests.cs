using Bunit;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Web.Components.Designer;

namespace OneArmDesigner.Web.Tests.Components.Designer;

public sealed class PaletteTests : ComponentTestContext
{
    [Fact]
    public void Every_kind_and_then_a_note_and_an_area_have_a_draggable_tile_carrying_its_kind_and_an_icon()
    {
        var palette = Render<Palette>();

        var tiles = palette.FindAll("button.palette-item");
        Assert.Equal([.. DeviceKinds.All.Select(k => k.ToJsonName()), "note", "area"], tiles.Select(t => t.GetAttribute("data-drag-payload")));
        Assert.All(tiles, t => Assert.Equal("true", t.GetAttribute("draggable")));
        Assert.All(tiles, t => Assert.StartsWith("icons/", t.QuerySelector("img")!.GetAttribute("src")));
    }

    [Fact]
    public void Clicking_a_tile_asks_for_that_kind()
    {
        DeviceKind? asked = null;
        var palette = Render<Palette>(p => p.Add(x => x.Add, kind => asked = kind));

        palette.Find("[data-testid=palette-firewall]").Click();

        Assert.Equal(DeviceKind.Firewall, asked);
    }

    [Fact]
    public void Clicking_the_area_tile_asks_for_an_area()
    {
        AnnotationKind? asked = null;
        var palette = Render<Palette>(p => p.Add(x => x.AddAnnotation, kind => asked = kind));

        palette.Find("[data-testid=palette-area]").Click();

        Assert.Equal(AnnotationKind.Area, asked);
    }
}
