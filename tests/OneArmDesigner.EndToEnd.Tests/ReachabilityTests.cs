using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;
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

    [Fact]
    public async Task On_a_design_too_large_for_the_grid_one_pair_is_looked_up_by_name_and_played_in_the_simulator()
    {
        var design = HubAndSpoke.Generate(30);
        var matrix = ReachabilityMatrix.Compute(design);
        var (from, to) = (matrix.Hosts[^1], matrix.Hosts[0]);
        var expected = matrix.Pair(from, to)!;
        await using var observed = await browser.OpenPageAsync(await browser.CreateDesignAsync(design), width: 1024);
        var page = observed.Page;
        var designer = new Designer(page);

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Reachability" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("reachability-summary")).ToContainTextAsync(FormattableString.Invariant($"of {matrix.Count:N0} host pairs reachable"));
        await Assertions.Expect(page.GetByTestId("reachability-grid")).ToHaveCountAsync(0);
        await designer.EnterAsync("lookup-from", from);
        await designer.EnterAsync("lookup-to", to);

        var result = page.GetByTestId("lookup-result");
        await Assertions.Expect(result).ToContainTextAsync($"{from} → {to}");
        await Assertions.Expect(result).ToContainTextAsync(expected.Outcome.Describe());
        await observed.ScreenshotAsync("reachability-lookup-1024");
        await page.GetByTestId("simulate-lookup").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Simulate" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(designer.Field("flow-from")).ToHaveValueAsync(from);
        await Assertions.Expect(designer.Field("flow-to")).ToHaveValueAsync(to);
        Assert.Empty(observed.ConsoleErrors);
    }
}
