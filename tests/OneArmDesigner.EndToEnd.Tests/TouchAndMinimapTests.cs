using Microsoft.Playwright;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>The canvas on a touch screen, and on a design too large to see at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TouchAndMinimapTests(BrowserFixture browser)
{
    private static async Task<double> ZoomAsync(IPage page) =>
        double.Parse((await page.GetByTestId("zoom-level").TextContentAsync())!.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task On_a_touch_screen_a_finger_drags_a_device_and_two_fingers_pinch_to_zoom()
    {
        var path = await browser.CreateDesignAsync(SeedTemplates.TransitVlan());
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.App.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1024, Height = 700 },
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var observed = new ObservedPage(context, page);
        await observed.GotoAsync(path);
        await Assertions.Expect(page.Locator(".oad-node")).ToHaveCountAsync(9);
        await Assertions.Expect(page.Locator("svg.oad-canvas[data-attached]")).ToHaveCountAsync(1);

        // The findings arrive a moment after the page opens and redraw the devices with their badges: drag after that.
        await Assertions.Expect(page.GetByTestId("findings-summary")).ToBeVisibleAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        async Task TouchAsync(string type, params (double X, double Y)[] points) =>
            await cdp.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
            {
                ["type"] = type,
                ["touchPoints"] = points.Select((p, i) => new Dictionary<string, object> { ["x"] = p.X, ["y"] = p.Y, ["id"] = i }).ToArray(),
            });

        // One finger on LaptopA's icon, moved down: the device follows.
        var laptop = page.Locator(".oad-node[data-node-id='LaptopA']");
        var before = await laptop.GetAttributeAsync("data-y");
        var icon = await Designer.SettledBoxAsync(laptop.Locator("image"));
        var (x, y) = (icon.X + (icon.Width / 2), icon.Y + (icon.Height / 2));
        await TouchAsync("touchStart", (x, y));
        for (var step = 1; step <= 6; step++)
        {
            await TouchAsync("touchMove", (x, y + (step * 15)));
        }

        await TouchAsync("touchEnd");
        await Assertions.Expect(laptop).Not.ToHaveAttributeAsync("data-y", before!);

        // Two fingers on the background, spread apart: the view zooms in.
        var canvas = await Designer.SettledBoxAsync(page.GetByTestId("design-canvas"));
        var (cx, cy) = (canvas.X + (canvas.Width / 2), canvas.Y + canvas.Height - 60);
        var zoom = await ZoomAsync(page);
        await TouchAsync("touchStart", (cx - 30, cy), (cx + 30, cy));
        for (var step = 1; step <= 8; step++)
        {
            await TouchAsync("touchMove", (cx - 30 - (step * 12), cy), (cx + 30 + (step * 12), cy));
        }

        await TouchAsync("touchEnd");
        await Assertions.Expect(page.GetByTestId("zoom-level")).Not.ToHaveTextAsync($"{zoom}%");
        Assert.True(await ZoomAsync(page) > zoom * 1.5, $"the pinch zoomed from {zoom}% to only {await ZoomAsync(page)}%");
        await observed.ScreenshotAsync("designer-touch");
        Assert.Empty(observed.ConsoleErrors);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_large_design_has_a_minimap_that_takes_the_view_where_it_is_pressed()
    {
        var path = await browser.CreateDesignAsync(HubAndSpoke.Generate(60));
        await using var observed = await browser.OpenPageAsync(path);
        var page = observed.Page;
        var minimap = page.Locator("svg.oad-minimap");
        await Assertions.Expect(minimap).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.oad-canvas[data-attached]")).ToHaveCountAsync(1);
        var boxes = await minimap.Locator("path.oad-minimap-node").GetAttributeAsync("d");
        Assert.Equal(186, boxes!.Count(c => c == 'M'));

        // Zoomed in, the view's frame on the minimap is smaller than the design; wait until it is drawn so.
        var frame = minimap.Locator(".oad-minimap-view");
        var fitted = await frame.GetAttributeAsync("width");
        await page.GetByTestId("zoom-in").ClickAsync();
        await page.GetByTestId("zoom-in").ClickAsync();
        await Assertions.Expect(frame).Not.ToHaveAttributeAsync("width", fitted!);
        var before = await frame.GetAttributeAsync("x");
        var box = (await minimap.BoundingBoxAsync())!;
        await minimap.ClickAsync(new LocatorClickOptions { Position = new Position { X = box.Width * 0.85f, Y = box.Height * 0.5f } });

        await Assertions.Expect(frame).Not.ToHaveAttributeAsync("x", before!);
        await observed.ScreenshotAsync("designer-minimap");
        Assert.Empty(observed.ConsoleErrors);
    }
}
