using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>The pages at the sizes people use them: a small laptop for the designer, a phone for a walkthrough.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture browser)
{
    private static async Task<ObservedPage> OpenTemplateAsync(BrowserFixture browser, string template, int width, int height)
    {
        var observed = await browser.OpenPageAsync("/templates", width, height);
        await observed.OpenTemplateAsync(template);
        await Assertions.Expect(observed.Page.Locator(".oad-node")).ToHaveCountAsync(8);
        return observed;
    }

    [Fact]
    public async Task At_1024_by_700_the_designer_shows_palette_canvas_and_properties_together_without_scrolling_the_page()
    {
        await using var observed = await OpenTemplateAsync(browser, "one-arm-asymmetric", 1024, 700);
        var page = observed.Page;
        await new Designer(page).SelectAsync("ASA");

        var palette = (await page.GetByTestId("palette").BoundingBoxAsync())!;
        var canvas = (await page.GetByTestId("design-canvas").BoundingBoxAsync())!;
        var properties = (await page.Locator(".properties").BoundingBoxAsync())!;
        await observed.ScreenshotAsync("designer-1024");

        Assert.True(palette.X + palette.Width <= canvas.X && canvas.X + canvas.Width <= properties.X, "palette, canvas and properties side by side");
        foreach (var (name, box) in new[] { ("palette", palette), ("canvas", canvas), ("properties", properties) })
        {
            Assert.True(box.Y >= 0 && box.Y + box.Height <= 700 && box.X + box.Width <= 1024, $"the {name} ({box.X:0},{box.Y:0} {box.Width:0}×{box.Height:0}) is not all on screen");
        }

        Assert.True(canvas.Width >= 450 && canvas.Height >= 380, $"the canvas is only {canvas.Width:0} × {canvas.Height:0}");
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollHeight <= innerHeight && document.scrollingElement.scrollWidth <= innerWidth"),
            "the page scrolls");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task On_a_390_by_844_phone_the_walkthrough_canvas_fits_the_width_the_narration_follows_and_nothing_scrolls_sideways()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric?step=25", 390, 844);
        var page = observed.Page;

        var canvas = (await page.GetByTestId("player-canvas").BoundingBoxAsync())!;
        var narration = (await page.GetByTestId("narration").BoundingBoxAsync())!;
        await observed.ScreenshotAsync("walkthrough-phone");

        Assert.True(canvas.X >= 0 && canvas.X + canvas.Width <= 390 && canvas.Width >= 330, $"the canvas spans {canvas.X:0} to {canvas.X + canvas.Width:0}");
        Assert.True(narration.Y >= canvas.Y + canvas.Height, "the narration comes after the canvas");
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= innerWidth"), "the page scrolls sideways");
        await Assertions.Expect(page.GetByTestId("step-forward")).ToBeInViewportAsync();
        Assert.Empty(observed.ConsoleErrors);
    }
}
