using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class ReachabilityTests(BrowserFixture browser)
{
    [GeneratedRegex("/designs/[A-Za-z0-9_-]{43}$")]
    private static partial Regex DesignLink();

    [Fact]
    public async Task The_reachability_tab_shows_every_pair_and_plays_a_failing_one_in_the_simulator()
    {
        await using var observed = await browser.OpenPageAsync("/templates");
        var page = observed.Page;
        await observed.OpenTemplateAsync("one-arm-asymmetric");

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Reachability" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("reachability-summary")).ToHaveTextAsync("0 of 2 host pairs reachable");
        await observed.ScreenshotAsync("reachability");

        await page.Locator("[data-testid=reachability-cell][data-from=LaptopB][data-to=LaptopA]").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Simulate" })).ToHaveAttributeAsync("aria-selected", "true");
        await page.GetByTestId("end").ClickAsync();
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("The ECHO was dropped by ASA (hairpin-denied)");
        await observed.ScreenshotAsync("reachability-simulated");
        Assert.Empty(observed.ConsoleErrors);
    }
}
