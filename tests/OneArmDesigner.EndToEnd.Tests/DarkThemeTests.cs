using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DarkThemeTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_walkthrough_in_the_dark_theme_renders_without_errors()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric?step=27");
        await observed.Page.GetByTestId("theme-toggle").ClickAsync();

        await Microsoft.Playwright.Assertions.Expect(observed.Page.GetByTestId("drop-alert")).ToBeVisibleAsync();
        await observed.ScreenshotAsync("walkthrough-dark");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task The_designer_in_the_dark_theme_shows_a_firewalls_properties_without_errors()
    {
        await using var observed = await browser.OpenPageAsync("/templates");
        var page = observed.Page;
        await observed.OpenTemplateAsync("one-arm-asymmetric");
        // Clicks on the page as the server rendered it, before it is live, do nothing.
        await observed.WaitForCircuitAsync();
        await page.GetByTestId("theme-toggle").ClickAsync();

        await new Designer(page).SelectAsync("ASA");
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("nat-rule")).ToHaveCountAsync(1);
        await observed.ScreenshotAsync("designer-dark");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task The_dark_theme_is_remembered_and_a_reloaded_page_arrives_dark_before_it_becomes_live()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-transit-vlan");
        var page = observed.Page;
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(16, 24, 38)");

        var reloaded = await page.ReloadAsync();

        Assert.Contains("--mud-palette-background: rgba(16,24,38,1)", await reloaded!.TextAsync());
        await observed.WaitForCircuitAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(16, 24, 38)");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("svg.oad-canvas")).ToHaveCSSAsync("background-color", "rgb(23, 34, 51)");
        await observed.ScreenshotAsync("walkthrough-dark-after-reload");

        // The cookie is written when the server has handled the click: wait for the page to turn light first.
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(245, 247, 250)");
        var light = await page.ReloadAsync();
        Assert.Contains("--mud-palette-background: rgba(245,247,250,1)", await light!.TextAsync());
        Assert.Empty(observed.ConsoleErrors);
    }
}
