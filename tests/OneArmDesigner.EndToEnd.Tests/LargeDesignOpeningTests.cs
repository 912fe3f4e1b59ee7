using Microsoft.Playwright;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>
/// What a large design costs the page: before the page is live it arrives as a light sketch, live and fitted every
/// device is drawn, and zoomed in only the devices near the view are.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LargeDesignOpeningTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_large_design_arrives_as_a_sketch_then_draws_every_device_and_zoomed_in_only_those_near_the_view()
    {
        const int Devices = 186;
        var path = await browser.CreateDesignAsync(HubAndSpoke.Generate(60));

        // The page as the server sends it, before any script runs: one path of every device's box, no device markup.
        var still = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.App.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            JavaScriptEnabled = false,
        });
        var prerendered = await still.NewPageAsync();
        await prerendered.GotoAsync(path);
        var sketch = await prerendered.Locator("path.oad-sketch-nodes").GetAttributeAsync("d");
        Assert.Equal(Devices, sketch!.Count(c => c == 'M'));
        Assert.Equal(0, await prerendered.Locator(".oad-node").CountAsync());
        await still.CloseAsync();

        // Live and fitted: every device drawn, compact (no hit boxes), and the sketch gone.
        await using var observed = await browser.OpenPageAsync(path, width: 1440, height: 900);
        var page = observed.Page;
        await Assertions.Expect(page.Locator("svg.oad-canvas[data-attached]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".oad-node")).ToHaveCountAsync(Devices);
        await Assertions.Expect(page.Locator(".oad-sketch")).ToHaveCountAsync(0);
        Assert.Equal(0, await page.Locator(".oad-node-hit").CountAsync());
        await observed.ScreenshotAsync("designer-large-fitted");

        // Zoomed in: the devices near the view are drawn in full, the rest are not in the page.
        for (var i = 0; i < 8; i++)
        {
            var level = await page.GetByTestId("zoom-level").TextContentAsync();
            await page.GetByTestId("zoom-in").ClickAsync();
            await Assertions.Expect(page.GetByTestId("zoom-level")).Not.ToHaveTextAsync(level!);
        }

        await Assertions.Expect(page.Locator(".oad-node-hit").First).ToBeAttachedAsync();
        var drawn = await page.Locator(".oad-node").CountAsync();
        Assert.InRange(drawn, 1, Devices / 2);
        await observed.ScreenshotAsync("designer-large-zoomed");
        Assert.Empty(observed.ConsoleErrors);
    }
}
