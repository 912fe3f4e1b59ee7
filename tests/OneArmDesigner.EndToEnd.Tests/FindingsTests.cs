using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class FindingsTests(BrowserFixture browser)
{
    [GeneratedRegex("/designs/[A-Za-z0-9_-]{43}$")]
    private static partial Regex DesignLink();

    [Fact]
    public async Task The_broken_design_shows_its_asymmetric_routing_and_one_click_fixes_it()
    {
        await using var observed = await browser.OpenPageAsync("/templates");
        var page = observed.Page;
        await observed.OpenTemplateAsync("one-arm-asymmetric");

        var asymmetric = page.Locator("[data-testid=finding][data-code='ASYMMETRIC_ROUTING_STATEFUL']");
        await Assertions.Expect(asymmetric).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".oad-node[data-node-id='ASA'] .oad-badges")).ToHaveCountAsync(1);
        await asymmetric.ClickAsync();
        await Assertions.Expect(page.Locator(".oad-node.oad-highlighted[data-node-id='ASA']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".oad-link.oad-highlighted[data-source='LaptopB']")).ToHaveCountAsync(1);
        await Assertions.Expect(asymmetric.GetByTestId("finding-interfaces")).ToHaveTextAsync("Interfaces: ASA:inside");
        await observed.ScreenshotAsync("findings-broken");

        await page.Locator("[data-testid=apply-fix][data-fix='move-concentrator-to-transit-vlan:MX80-B']").ClickAsync();

        await Assertions.Expect(page.GetByTestId("findings-summary")).ToHaveTextAsync("no problems");
        await Assertions.Expect(page.Locator(".oad-node[data-node-id='Transit VLAN']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("before-after")).ToContainTextAsync("LaptopA → LaptopB: SYN-ACK dropped at ASA (no-session) ⟶ reachable");
        await observed.ScreenshotAsync("findings-fixed");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Simulate" }).ClickAsync();
        await page.GetByTestId("run-flow").ClickAsync();
        await page.GetByTestId("end").ClickAsync();
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("completed: SYN, SYN-ACK and ACK were all delivered");

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Design" }).ClickAsync();
        await page.GetByTestId("undo").ClickAsync();
        await Assertions.Expect(asymmetric).ToBeVisibleAsync();
        Assert.Empty(observed.ConsoleErrors);
    }
}
