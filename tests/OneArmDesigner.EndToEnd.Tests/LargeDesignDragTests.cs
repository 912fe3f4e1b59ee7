using System.Globalization;
using Microsoft.Playwright;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>
/// Dragging a device on a design large enough that, zoomed to fit, its devices are small on screen: the drag must
/// move the device however far it goes, however often the same device is dragged, and at whatever zoom.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LargeDesignDragTests(BrowserFixture browser)
{
    /// <summary>186 devices: zoomed to fit in 1440 px, a device is about 14 px wide, as on a design of thousands zoomed in a little.</summary>
    private const int Sites = 60;

    [Fact]
    public async Task The_same_device_follows_every_drag_far_and_near_at_every_zoom()
    {
        var path = await browser.CreateDesignAsync(HubAndSpoke.Generate(Sites));
        await using var observed = await browser.OpenPageAsync(path, width: 1440, height: 900);
        var page = observed.Page;
        var designer = new Designer(page);
        await Assertions.Expect(page.Locator("svg.oad-canvas[data-attached]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("findings-summary")).ToBeVisibleAsync();
        var host = HubAndSpoke.BranchHost(Sites / 3); // in the middle of the design, across

        // Zoomed to fit, then zoomed in twice, then further: at each zoom the same device is dragged far (1,000 units
        // and more, there and back, as far as the canvas shows) and near. After the first drag it is selected, so its
        // link handles are drawn, large against the device when zoomed out: they must not take the press.
        (int ZoomIns, (int Dx, int Dy)[] Moves)[] zooms =
        [
            (0, [(1000, 0), (-1000, 0), (0, -1000), (0, 1000), (-1200, 0), (1200, 0), (60, 40), (-60, -40)]),
            (2, [(1000, 0), (-1000, 0), (0, -1000), (0, 1000), (60, 40), (-60, -40)]),
            (4, [(300, 0), (-300, 0), (20, 20), (-20, -20)]),
        ];
        foreach (var (zoomIns, moves) in zooms)
        {
            for (var i = 0; i < zoomIns; i++)
            {
                var level = await page.GetByTestId("zoom-level").TextContentAsync();
                await page.GetByTestId("zoom-in").ClickAsync();
                await Assertions.Expect(page.GetByTestId("zoom-level")).Not.ToHaveTextAsync(level!);
            }

            foreach (var (dx, dy) in moves)
            {
                await DragByAsync(designer, host, dx, dy);
            }
        }

        await observed.ScreenshotAsync("designer-large-drag");
        Assert.Empty(observed.ConsoleErrors);
    }

    /// <summary>Presses on the middle of the device's icon, drags it by (dx, dy) diagram units as a hand would, and checks it landed there.</summary>
    private static async Task DragByAsync(Designer designer, string device, int dx, int dy)
    {
        var page = designer.Page;
        var node = designer.Node(device);
        var (x0, y0) = (await NumberAsync(node, "data-x"), await NumberAsync(node, "data-y"));
        var zoom = await ZoomAsync(page);
        var icon = await Designer.SettledBoxAsync(node.Locator("image"));
        var (x, y) = (icon.X + (icon.Width / 2), icon.Y + (icon.Height / 2));
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + (float)(dx * zoom), y + (float)(dy * zoom), new MouseMoveOptions { Steps = 10 });
        await page.Mouse.UpAsync();

        // The grid is 20 units: a drag of a multiple of 20 from a position on the grid lands exactly.
        await Assertions.Expect(node).ToHaveAttributeAsync("data-x", (x0 + dx).ToString(CultureInfo.InvariantCulture),
            new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
        await Assertions.Expect(node).ToHaveAttributeAsync("data-y", (y0 + dy).ToString(CultureInfo.InvariantCulture));
    }

    private static async Task<int> NumberAsync(ILocator node, string attribute) =>
        int.Parse((await node.GetAttributeAsync(attribute))!, CultureInfo.InvariantCulture);

    /// <summary>The canvas's zoom, unrounded (the zoom label shows it rounded to a per cent).</summary>
    private static async Task<double> ZoomAsync(IPage page) =>
        double.Parse(await page.Locator("svg.oad-canvas").EvaluateAsync<string>("svg => svg.style.getPropertyValue('--oad-zoom')"), CultureInfo.InvariantCulture);
}
