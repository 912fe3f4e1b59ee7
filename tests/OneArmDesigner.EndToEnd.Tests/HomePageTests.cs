using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Home_page_shows_the_layout_with_no_console_error_and_no_outside_request()
    {
        await using var observed = await browser.OpenPageAsync("/");
        var page = observed.Page;

        await Assertions.Expect(page.Locator(".mud-appbar .brand-name")).ToHaveTextAsync("OneArmDesigner");
        await Assertions.Expect(page.Locator(".mud-navmenu")).ToContainTextAsync("Designs");
        await Assertions.Expect(page.Locator(".mud-navmenu")).ToContainTextAsync("Templates");
        await Assertions.Expect(page.Locator(".mud-navmenu")).ToContainTextAsync("Walkthroughs");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("handshake");
        await Assertions.Expect(page.Locator("img.hero-figure")).ToBeVisibleAsync();
        await observed.ScreenshotAsync("home-light");

        Assert.Empty(observed.ConsoleErrors);
        var outside = observed.Requests.Where(url => !new Uri(url).Host.Equals("127.0.0.1", StringComparison.Ordinal)).ToList();
        Assert.Empty(outside);
    }

    [Fact]
    public async Task Theme_toggle_switches_the_page_to_the_dark_palette()
    {
        await using var observed = await browser.OpenPageAsync("/");
        var page = observed.Page;
        var lightBackground = await BackgroundColourAsync(page);

        await page.GetByTestId("theme-toggle").ClickAsync();

        await Assertions.Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", lightBackground);
        await observed.ScreenshotAsync("home-dark");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task Unknown_address_shows_the_friendly_not_found_page()
    {
        await using var observed = await browser.OpenPageAsync("/designs-that-do-not-exist/42");

        await Assertions.Expect(observed.Page.Locator("h1")).ToHaveTextAsync("No route to this page");
        await Assertions.Expect(observed.Page.GetByText("Back to the start")).ToBeVisibleAsync();
    }

    private static Task<string> BackgroundColourAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
