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

    [Fact]
    public async Task On_a_1024_pixel_screen_a_large_irregular_design_fits_across_most_of_the_canvas_with_no_label_cut_by_its_edges()
    {
        var path = await browser.CreateDesignAsync(IrregularNetwork.Generate(600));

        await using var observed = await browser.OpenPageAsync(path, width: 1024, height: 768);
        var page = observed.Page;

        // Long names at the design's edges once made the fit zoom out to make room for them, leaving the devices a
        // third of the canvas; now they take their other places, inside it. Measured once the fit has the canvas's
        // size (until then the server's picture is scaled into it through a viewBox).
        await Assertions.Expect(page.Locator("svg.oad-canvas[data-attached]:not([viewBox])")).ToHaveCountAsync(1);
        var share = await page.EvaluateAsync<double>("""
            () => {
              const svg = document.querySelector('svg.oad-canvas');
              const nodes = [...svg.querySelectorAll('.oad-node')].map(n => n.getBoundingClientRect());
              return (Math.max(...nodes.map(b => b.right)) - Math.min(...nodes.map(b => b.left))) / svg.getBoundingClientRect().width;
            }
            """);
        Assert.True(share >= 0.65, $"the devices span {share:P0} of the canvas's width");
        var cut = await page.EvaluateAsync<string[]>("""
            () => {
              const svg = document.querySelector('svg.oad-canvas');
              const c = svg.getBoundingClientRect();
              return [...svg.querySelectorAll('text')]
                .filter(t => { const b = t.getBoundingClientRect(); return b.width > 0 && (b.left < c.left - 1 || b.right > c.right + 1 || b.top < c.top - 1 || b.bottom > c.bottom + 1); })
                .map(t => t.textContent);
            }
            """);
        Assert.Empty(cut);
        Assert.True(await page.Locator("svg.oad-canvas text").CountAsync() > 5, "hardly any label is shown");
        await observed.ScreenshotAsync("designer-large-fitted-1024");
        Assert.Empty(observed.ConsoleErrors);
    }
}
