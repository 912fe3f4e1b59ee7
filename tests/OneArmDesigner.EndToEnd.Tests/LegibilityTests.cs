using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>The walkthrough canvas at fit, as a trainee first sees it: everything written on it can be read.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LegibilityTests(BrowserFixture browser)
{
    private const string Canvas = "[data-testid=player-canvas] svg.oad-canvas";

    [Theory]
    [InlineData("one-arm-asymmetric", 1440, 900)]
    [InlineData("one-arm-asymmetric", 1024, 700)]
    [InlineData("one-arm-transit-vlan", 1440, 900)]
    [InlineData("one-arm-transit-vlan", 1024, 700)]
    public async Task At_fit_no_label_overlaps_another_or_an_icon_and_no_text_is_smaller_than_11_pixels(string template, int width, int height)
    {
        await using var observed = await browser.OpenPageAsync($"/walkthroughs/{template}?step=9", width, height);
        var page = observed.Page;
        await Assertions.Expect(page.Locator(".packet-marker")).ToHaveCountAsync(1);
        await page.WaitForTimeoutAsync(1200); // the packet's glide along its cable, so it rests where it is measured

        var texts = await CanvasText.TextsAsync(page, Canvas);
        var icons = await CanvasText.IconsAsync(page, Canvas);

        var labels = texts.Where(t => t.IsLabel).ToList();
        Assert.True(labels.Count >= 10, $"only {labels.Count} labels are drawn");
        Assert.All(texts, t => Assert.True(t.Pixels >= 10.95, $"{t} is smaller than 11 px"));
        for (var i = 0; i < labels.Count; i++)
        {
            Assert.DoesNotContain(icons, icon => labels[i].Overlaps(icon));
            for (var j = i + 1; j < labels.Count; j++)
            {
                Assert.False(labels[i].Overlaps(labels[j]), $"{labels[i]} overlaps {labels[j]}");
            }
        }

        // Fit fills the canvas: the drawing spans (nearly) its whole width or its whole height.
        var canvas = (await page.Locator(Canvas).BoundingBoxAsync())!;
        var left = Math.Min(icons.Min(i => i.X), texts.Min(t => t.X));
        var right = Math.Max(icons.Max(i => i.X + i.Width), texts.Max(t => t.X + t.Width));
        var top = Math.Min(icons.Min(i => i.Y), texts.Min(t => t.Y));
        var bottom = Math.Max(icons.Max(i => i.Y + i.Height), texts.Max(t => t.Y + t.Height));
        Assert.True(right - left >= canvas.Width * 0.9 || bottom - top >= canvas.Height * 0.85,
            $"the drawing ({right - left:0} × {bottom - top:0}) leaves most of the canvas ({canvas.Width:0} × {canvas.Height:0}) empty");
        await observed.ScreenshotAsync($"legible-{template}-{width}");
        Assert.Empty(observed.ConsoleErrors);
    }
}
