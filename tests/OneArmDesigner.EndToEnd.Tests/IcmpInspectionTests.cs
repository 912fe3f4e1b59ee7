using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>
/// The Linux finding, played in the browser: on the broken design with hairpinning allowed a ping completes on
/// a default ASA, and once the ASA inspects ICMP its echo reply dies with the ASA's 313004 line.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class IcmpInspectionTests(BrowserFixture browser)
{
    [GeneratedRegex("/designs/[A-Za-z0-9_-]{43}$")]
    private static partial Regex DesignLink();

    [Theory]
    [InlineData(1440)]
    [InlineData(1024)]
    public async Task Turning_on_inspect_icmp_on_the_ASA_makes_the_ping_across_the_broken_design_lose_its_reply(int width)
    {
        await using var observed = await browser.OpenPageAsync("/templates", width: width, height: 900);
        var page = observed.Page;
        var designer = new Designer(page);
        await observed.OpenTemplateAsync("one-arm-asymmetric");

        await designer.SelectAsync("ASA");
        await page.Locator("input[data-testid=prop-same-security]").ClickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=prop-same-security]")).ToBeCheckedAsync();
        await PingAsync(page, designer);
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("The ping from LaptopA to LaptopB and its reply were both delivered.");

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Design" }).ClickAsync();
        await designer.SelectAsync("ASA");
        await page.Locator("input[data-testid=prop-inspect-icmp]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("firewall-section")).ToContainTextAsync("unmatched ones are dropped (313004)");
        await observed.ScreenshotAsync($"inspect-icmp-switch-{width}");
        await PingAsync(page, designer);

        await Assertions.Expect(page.GetByTestId("vendor-log")).ToHaveTextAsync(
            "%ASA-4-313004: Denied ICMP type=0, from laddr 192.168.1.3 on interface inside to 10.0.0.2: no matching session");
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("no inspect icmp on ASA");
        await observed.ScreenshotAsync($"inspect-icmp-dropped-{width}");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task An_access_list_entry_is_written_with_an_ICMP_type_picked_by_name_and_with_ASA_style_port_ranges()
    {
        await using var observed = await browser.OpenPageAsync("/templates", width: 1440, height: 1400);
        var page = observed.Page;
        var designer = new Designer(page);
        await observed.OpenTemplateAsync("one-arm-asymmetric");
        await designer.SelectAsync("ASA");

        await designer.ChooseAsync("acl-protocol", "icmp");
        await Assertions.Expect(page.Locator("[data-testid=acl-port]")).ToHaveCountAsync(0);
        await designer.ChooseAsync("acl-icmp-type", "echo-reply (0)");
        await observed.ScreenshotAsync("acl-icmp-type");
        await page.GetByTestId("add-acl").ClickAsync();

        await designer.ChooseAsync("acl-protocol", "tcp");
        await designer.DraftAsync("acl-source-port", "gt 1023");
        await designer.DraftAsync("acl-destination", "192.168.1.3/32");
        await designer.DraftAsync("acl-port", "range 3389 3390");
        await page.GetByTestId("add-acl").ClickAsync();

        await Assertions.Expect(page.GetByTestId("acl-rule")).ToHaveTextAsync([
            "outside permit udp 0.0.0.0/0 203.0.113.2/32 eq 4500",
            "outside permit icmp 0.0.0.0/0 0.0.0.0/0 echo-reply",
            "outside permit tcp 0.0.0.0/0 gt 1023 192.168.1.3/32 range 3389 3390",
        ]);
        await observed.ScreenshotAsync("acl-entries");
        Assert.Empty(observed.ConsoleErrors);
    }

    private static async Task PingAsync(IPage page, Designer designer)
    {
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Simulate" }).ClickAsync();
        await designer.ChooseAsync("flow-protocol", "ICMP");
        await page.GetByTestId("run-flow").ClickAsync();
        await page.GetByTestId("end").ClickAsync();
    }
}
