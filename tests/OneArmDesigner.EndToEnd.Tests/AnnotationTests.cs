using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>Notes and labelled areas: written on the canvas, moved with what they hold, kept with the design.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnnotationTests(BrowserFixture browser)
{
    private static async Task<(double X, double Y)> CornerAsync(ILocator node) =>
        (double.Parse((await node.GetAttributeAsync("data-x"))!, System.Globalization.CultureInfo.InvariantCulture),
         double.Parse((await node.GetAttributeAsync("data-y"))!, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task An_area_carries_its_devices_when_dragged_and_notes_and_areas_survive_saving_and_reloading()
    {
        await using var observed = await browser.OpenPageAsync("/designs");
        var page = observed.Page;
        var designer = new Designer(page);
        await page.GetByTestId("new-design").ClickAsync();
        await page.ArrivedAtAsync(new Regex("/designs/"));

        await page.GetByTestId("palette-area").ClickAsync();
        await designer.TypeAsync("prop-annotation-text", "Data centre");
        await page.GetByTestId("palette-server").ClickAsync();
        await Assertions.Expect(designer.Field("prop-name")).ToHaveValueAsync("Server1");
        await page.GetByTestId("palette-note").ClickAsync();
        await designer.Field("prop-annotation-text").FillAsync("The server listens on 443");
        await designer.Field("prop-annotation-text").PressAsync("Enter");

        // Move the note out of the way, then drag the area by its title bar: the server inside goes with it.
        var area = page.Locator(".oad-node[data-kind='area']");
        var note = page.Locator(".oad-node[data-kind='note']");
        var server = designer.Node("Server1");
        await Assertions.Expect(area).ToContainTextAsync("Data centre");
        await Assertions.Expect(note.Locator(".note-box")).ToBeVisibleAsync();
        await Assertions.Expect(note).ToContainTextAsync("The server listens on 443");
        var grip = (await area.Locator(".area-grip").BoundingBoxAsync())!;
        var noteBox = (await note.Locator(".note-box").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(noteBox.X + 10, noteBox.Y + 10);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(noteBox.X + 10, grip.Y - 120, new MouseMoveOptions { Steps = 6 });
        await page.Mouse.UpAsync();
        var (areaX, areaY) = await CornerAsync(area);
        var (serverX, serverY) = await CornerAsync(server);
        await page.Mouse.MoveAsync(grip.X + 20, grip.Y + 10);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(grip.X + 120, grip.Y + 70, new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();

        await Assertions.Expect(area).Not.ToHaveAttributeAsync("data-x", areaX.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (movedX, movedY) = await CornerAsync(area);
        var (serverMovedX, serverMovedY) = await CornerAsync(server);
        Assert.Equal((movedX - areaX, movedY - areaY), (serverMovedX - serverX, serverMovedY - serverY));
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("saved", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
        await observed.ScreenshotAsync("designer-annotations");

        await page.ReloadAsync();
        await observed.WaitForCircuitAsync();
        await Assertions.Expect(area).ToContainTextAsync("Data centre");
        await Assertions.Expect(note).ToContainTextAsync("The server listens on 443");
        Assert.Equal((movedX, movedY), await CornerAsync(area));
        Assert.Equal((serverMovedX, serverMovedY), await CornerAsync(server));
        Assert.Empty(observed.ConsoleErrors);
    }
}
