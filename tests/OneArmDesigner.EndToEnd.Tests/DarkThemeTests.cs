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
}
