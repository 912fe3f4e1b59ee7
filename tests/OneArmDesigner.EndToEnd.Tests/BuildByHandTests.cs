using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>
/// The guide's broken network, drawn from an empty canvas with the mouse and keyboard only, must behave exactly like
/// the one-arm-asymmetric template: RDP from LaptopA to LaptopB dies when the ASA drops the SYN-ACK.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BuildByHandTests(BrowserFixture browser)
{
    [GeneratedRegex("/designs/([A-Za-z0-9_-]{43})$")]
    private static partial Regex DesignLink();

    [Fact]
    public async Task The_one_arm_asymmetric_network_built_by_hand_simulates_like_the_template()
    {
        await using var observed = await browser.OpenPageAsync("/designs", width: 1600, height: 1000);
        var page = observed.Page;
        var designer = new Designer(page);
        await page.GetByTestId("new-design").ClickAsync();
        await page.ArrivedAtAsync(DesignLink());
        await designer.TypeAsync("design-name", "Built by hand");

        await designer.DropAsync("host", "LaptopA", 60, 100);
        await designer.DropAsync("vlan", "LAN-A", 60, 260);
        await designer.DropAsync("mx", "MX80-A", 200, 260);
        await designer.DropAsync("internet", "Internet", 360, 180);
        await designer.DropAsync("firewall", "ASA", 520, 180);
        await designer.DropAsync("vlan", "LAN-B", 660, 260);
        await designer.DropAsync("mx", "MX80-B", 520, 400);
        await designer.DropAsync("host", "LaptopB", 660, 100);
        await observed.ScreenshotAsync("by-hand-1-devices");

        await designer.CableAsync("LaptopA", "LAN-A", fromEnd: (null, "10.0.0.2/24"));
        await designer.CableAsync("MX80-A", "LAN-A", fromEnd: ("lan", "10.0.0.1/24"));
        await designer.CableAsync("MX80-A", "Internet", fromEnd: ("wan", "198.51.100.2/24"));
        await designer.CableAsync("ASA", "Internet", fromEnd: ("outside", "203.0.113.2/24"));
        await designer.CableAsync("ASA", "LAN-B", fromEnd: ("inside", "192.168.1.1/24"));
        await designer.CableAsync("MX80-B", "LAN-B", fromEnd: ("wan", "192.168.1.2/24"));
        await designer.CableAsync("LaptopB", "LAN-B", fromEnd: (null, "192.168.1.3/24"));
        await Assertions.Expect(page.Locator(".oad-link")).ToContainTextAsync(["eth0 10.0.0.2/24"]);
        await observed.ScreenshotAsync("by-hand-2-cabled");

        await designer.SelectAsync("LaptopA");
        await designer.TypeAsync("prop-gateway", "10.0.0.1");
        await designer.SelectAsync("LaptopB");
        await designer.TypeAsync("prop-gateway", "192.168.1.1");
        await designer.TypeAsync("prop-tcp-ports", "3389");
        await designer.SelectAsync("LAN-A");
        await designer.TypeAsync("prop-vlan-id", "10");
        await designer.TypeAsync("prop-vlan-subnet", "10.0.0.0/24");
        await designer.SelectAsync("LAN-B");
        await designer.TypeAsync("prop-vlan-id", "20");
        await designer.TypeAsync("prop-vlan-subnet", "192.168.1.0/24");

        await designer.SelectAsync("MX80-A");
        await page.GetByTestId("prop-mx-routed").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Switch, new PageGetByRoleOptions { Name = "NAT to the Internet" })).ToBeCheckedAsync();
        await designer.TypeAsync("prop-mx-gateway", "198.51.100.1");
        await designer.TypeAsync("prop-mx-advertised", "10.0.0.0/24");
        await page.GetByRole(AriaRole.Checkbox, new PageGetByRoleOptions { Name = "MX80-B" }).CheckAsync();

        await designer.SelectAsync("MX80-B");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new PageGetByRoleOptions { Name = "MX80-A" })).ToBeCheckedAsync();
        await designer.TypeAsync("prop-mx-gateway", "192.168.1.1");
        await designer.TypeAsync("prop-mx-public", "203.0.113.2");
        await designer.TypeAsync("prop-mx-advertised", "192.168.1.0/24");

        await designer.SelectAsync("ASA");
        await designer.TypeAsync("prop-security-inside", "100");
        await designer.DraftAsync("route-prefix", "0.0.0.0/0");
        await designer.DraftAsync("route-next-hop", "203.0.113.1");
        await page.GetByTestId("add-route").ClickAsync();
        await designer.DraftAsync("route-prefix", "10.0.0.0/24");
        await designer.DraftAsync("route-next-hop", "192.168.1.2");
        await page.GetByTestId("add-route").ClickAsync();
        await Assertions.Expect(page.GetByTestId("route")).ToHaveTextAsync(["default via 203.0.113.1", "10.0.0.0/24 via 192.168.1.2"]);

        await designer.DraftAsync("nat-public-port", "4500");
        await designer.DraftAsync("nat-private-address", "192.168.1.2");
        await page.GetByTestId("add-nat").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nat-rule")).ToHaveTextAsync("port forward udp outside:4500 ⇄ 192.168.1.2:4500 on outside");

        await designer.ChooseAsync("acl-protocol", "udp");
        await designer.DraftAsync("acl-destination", "203.0.113.2/32");
        await designer.DraftAsync("acl-port", "4500");
        await page.GetByTestId("add-acl").ClickAsync();
        await Assertions.Expect(page.GetByTestId("acl-rule")).ToHaveTextAsync("outside permit udp 0.0.0.0/0 203.0.113.2/32 eq 4500");
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("saved", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
        await observed.ScreenshotAsync("by-hand-3-configured");

        // The findings panel already names the seed's failure, as on the template.
        await Assertions.Expect(page.GetByTestId("findings")).ToContainTextAsync("ASYMMETRIC_ROUTING_STATEFUL");

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Simulate" }).ClickAsync();
        await page.GetByTestId("run-flow").ClickAsync();
        await page.GetByTestId("end").ClickAsync();
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("SYN-ACK");
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("ASA");
        await observed.ScreenshotAsync("by-hand-4-simulated");

        // And the saved document behaves like the template, packet by packet and device by device.
        var token = DesignLink().Match(page.Url).Groups[1].Value;
        using var http = new HttpClient { BaseAddress = new Uri(browser.App.BaseUrl) };
        var loaded = DesignDocument.Load(await http.GetStringAsync($"/api/designs/{token}"));
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        var rdp = new Flow("LaptopA", "LaptopB", DestinationPort: 3389);
        var mine = Simulator.Run(loaded.Design!, rdp);
        var template = Simulator.Run(SeedTemplates.Asymmetric(), rdp);
        Assert.False(mine.Completed);
        Assert.Equal(Describe(template), Describe(mine));
        Assert.Empty(observed.ConsoleErrors);
    }

    private static IEnumerable<string> Describe(Engine.Tracing.ExchangeResult result) =>
        result.Packets.Select(p => $"{p.Kind} {p.Disposition} {p.Reason} at {p.DropDevice}: {string.Join(" > ", p.Hops.Select(h => h.Device))}");
}
