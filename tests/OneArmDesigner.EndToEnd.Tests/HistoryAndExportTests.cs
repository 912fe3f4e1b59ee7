using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class HistoryAndExportTests(BrowserFixture browser)
{
    [GeneratedRegex("/designs/[A-Za-z0-9_-]{43}$")]
    private static partial Regex DesignLink();

    private static ILocator NameField(IPage page) =>
        page.Locator("input[data-testid='design-name'], [data-testid='design-name'] input").First;

    private static async Task OpenTemplateAsDesignAsync(ObservedPage observed)
    {
        await observed.GotoAsync("/templates");
        await observed.OpenTemplateAsync("one-arm-transit-vlan");
        await Assertions.Expect(NameField(observed.Page)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_earlier_revision_can_be_restored_from_the_history()
    {
        await using var observed = await browser.OpenPageAsync("/");
        var page = observed.Page;
        await OpenTemplateAsDesignAsync(observed);
        await NameField(page).FillAsync("Renamed");
        await NameField(page).PressAsync("Tab");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Renamed"));
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("saved", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });

        await page.GetByTestId("history").ClickAsync();
        await Assertions.Expect(page.GetByTestId("revision-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=revision-row][data-revision='1']")).ToContainTextAsync("0 errors");
        await observed.ScreenshotAsync("history");
        await page.Locator("[data-testid=revision-row][data-revision='1'] [data-testid=restore-revision]").ClickAsync();

        await Assertions.Expect(NameField(page)).ToHaveValueAsync("one-arm-transit-vlan");
    }

    [Fact]
    public async Task An_exported_svg_carries_the_design_and_imports_back_as_a_new_design()
    {
        await using var observed = await browser.OpenPageAsync("/");
        var page = observed.Page;
        await OpenTemplateAsDesignAsync(observed);

        await page.GetByTestId("export").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-svg").ClickAsync());
        var path = await download.PathAsync();
        var svg = await File.ReadAllTextAsync(path);
        Assert.Contains("<metadata id=\"onearm-design\">", svg);
        Assert.Contains("data:image/svg+xml;base64,", svg);
        Assert.Contains("data-node-id=\"MX80-B\"", svg);

        await page.GetByTestId("export").ClickAsync();
        var png = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-png").ClickAsync());
        var pngBytes = await File.ReadAllBytesAsync(await png.PathAsync());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], pngBytes[..4]);

        var before = page.Url;
        await observed.GotoAsync("/designs");
        await page.Locator("input[type=file]").SetInputFilesAsync(path);
        await page.ArrivedAtAsync(DesignLink(), before);
        await Assertions.Expect(NameField(page)).ToHaveValueAsync("one-arm-transit-vlan");
        Assert.Empty(observed.ConsoleErrors);
    }
}
