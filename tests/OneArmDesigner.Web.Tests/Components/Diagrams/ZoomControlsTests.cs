using Bunit;
using OneArmDesigner.Canvas;
using OneArmDesigner.Canvas.Geometry;
using OneArmDesigner.Web.Components.Diagrams;

namespace OneArmDesigner.Web.Tests.Components.Diagrams;

public sealed class ZoomControlsTests : ComponentTestContext
{
    [Fact]
    public void The_buttons_zoom_and_the_level_follows_the_viewport_however_it_changed()
    {
        var diagram = new Diagram();
        diagram.SetViewportSize(new Size(800, 600));
        var controls = Render<ZoomControls>(p => p.Add(x => x.Diagram, diagram));
        Assert.Equal("100%", controls.Find("[data-testid=zoom-level]").TextContent);

        controls.Find("button[aria-label='Zoom in']").Click();
        Assert.Equal("125%", controls.Find("[data-testid=zoom-level]").TextContent);

        controls.InvokeAsync(() => diagram.ZoomBy(2));
        controls.WaitForAssertion(() => Assert.Equal("250%", controls.Find("[data-testid=zoom-level]").TextContent));
    }
}
