using System.Text.Json.Serialization;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>Exported pictures look like the canvas wherever they are opened, and carry the design back in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportTests(BrowserFixture browser)
{
    private sealed record CablePixels(
        [property: JsonPropertyName("cables")] int Cables,
        [property: JsonPropertyName("drawn")] int Drawn,
        [property: JsonPropertyName("background")] string Background);

    private static async Task<ObservedPage> OpenDesignAsync(BrowserFixture browser, bool dark = false)
    {
        var observed = await browser.OpenPageAsync("/templates");
        var page = observed.Page;
        if (dark)
        {
            await page.GetByTestId("theme-toggle").ClickAsync();
        }

        await observed.OpenTemplateAsync("one-arm-transit-vlan");
        await Assertions.Expect(page.Locator(".oad-link")).ToHaveCountAsync(8);
        return observed;
    }

    private static async Task<string> DownloadAsync(IPage page, string item)
    {
        await page.GetByTestId("export").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(item).ClickAsync());
        return (await download.PathAsync())!;
    }

    /// <summary>
    /// Draws the SVG file as an image in an empty page (none of the app's styles), and looks at the pixels in the middle
    /// of every cable: drawn means clearly darker or lighter than the background there would be.
    /// </summary>
    private async Task<CablePixels> RenderAloneAsync(string svgPath)
    {
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var result = await CanvasText.EvaluateAsync<CablePixels>(page,
            """
            async svgText => {
              const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
              const [w, h] = [+svg.getAttribute('width'), +svg.getAttribute('height')];
              const [, px, py, zoom] = svg.querySelector('.oad-viewport').getAttribute('transform').match(/translate\(([-\d.]+) ([-\d.]+)\) scale\(([-\d.]+)\)/).map(Number);
              const middles = [...svg.querySelectorAll('.oad-link-line')].map(l => ({
                x: px + zoom * (+l.getAttribute('x1') + +l.getAttribute('x2')) / 2,
                y: py + zoom * (+l.getAttribute('y1') + +l.getAttribute('y2')) / 2 }));
              const image = new Image();
              image.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(svgText)));
              await image.decode();
              const canvas = Object.assign(document.createElement('canvas'), { width: w, height: h });
              const g = canvas.getContext('2d');
              g.drawImage(image, 0, 0, w, h);
              const at = (x, y) => [...g.getImageData(Math.round(x), Math.round(y), 1, 1).data];
              const background = at(4, 4);
              const luma = ([r, gr, b]) => 0.3 * r + 0.59 * gr + 0.11 * b;
              const drawn = middles.filter(m => [-1, 0, 1].some(d => Math.abs(luma(at(m.x + d, m.y + d)) - luma(background)) > 60)).length;
              return { cables: middles.length, drawn, background: background.slice(0, 3).join(',') };
            }
            """, await File.ReadAllTextAsync(svgPath));
        await context.CloseAsync();
        return result;
    }

    [Theory]
    [InlineData(false, "255,255,255")]
    [InlineData(true, "23,34,51")]
    public async Task An_exported_svg_drawn_alone_shows_every_cable_on_the_themes_background(bool dark, string background)
    {
        await using var observed = await OpenDesignAsync(browser, dark);

        var path = await DownloadAsync(observed.Page, "export-svg");
        var pixels = await RenderAloneAsync(path);

        Assert.Equal(8, pixels.Cables);
        Assert.Equal(pixels.Cables, pixels.Drawn);
        Assert.Equal(background, pixels.Background);
        var svg = await File.ReadAllTextAsync(path);
        Assert.DoesNotContain("var(--", svg);
        Assert.Contains("<metadata id=\"onearm-design\">", svg);
        File.Copy(path, Path.Combine(BrowserFixture.ScreenshotFolder, $"export-{(dark ? "dark" : "light")}.svg"), overwrite: true);
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task An_exported_png_carries_the_design_and_imports_back_as_a_new_design()
    {
        await using var observed = await OpenDesignAsync(browser);
        var page = observed.Page;

        var path = await DownloadAsync(page, "export-png");
        File.Copy(path, Path.Combine(BrowserFixture.ScreenshotFolder, "export.png"), overwrite: true);
        var before = page.Url;
        await observed.GotoAsync("/designs");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "picture.png", MimeType = "image/png", Buffer = await File.ReadAllBytesAsync(path) });

        await page.ArrivedAtAsync(new System.Text.RegularExpressions.Regex("/designs/"), before);
        await Assertions.Expect(page.Locator(".oad-link")).ToHaveCountAsync(8);
        Assert.Empty(observed.ConsoleErrors);
    }
}
