using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>
/// An engineer brings the guide's broken deployment in as it is: the ASA's running-config pasted, the Meraki file
/// uploaded. The dialog reports what it left out, opens the design, the laptop flow traced by address dies at the
/// ASA, and the transit fix comes back out as commands.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ImportConfigurationTests(BrowserFixture browser)
{
    private static string Guide(string name) => Path.Combine(AppContext.BaseDirectory, "Configurations", "guide", name);

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(1024, 700)]
    public async Task The_guides_configurations_import_through_the_dialog_and_the_fix_comes_back_as_commands(int width, int height)
    {
        await using var observed = await browser.OpenPageAsync("/designs", width, height);
        var page = observed.Page;

        await page.GetByTestId("import-configuration").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Field(page, "import-config-name").FillAsync("Branch B from its configs");
        await dialog.GetByTestId("asa-text").FillAsync(await File.ReadAllTextAsync(Guide("asa-broken.cfg")));
        await dialog.Locator("input[type=file]").SetInputFilesAsync(Guide("meraki-broken.json"));
        await Assertions.Expect(dialog.GetByTestId("meraki-file")).ToContainTextAsync("meraki-broken.json");
        await observed.ScreenshotAsync($"import-1-filled-{width}");

        await dialog.GetByTestId("import-config-submit").ClickAsync();

        await Assertions.Expect(dialog.GetByTestId("import-config-created")).ToContainTextAsync("Created “Branch B from its configs”");
        await Assertions.Expect(dialog.GetByTestId("import-file-summary").First).ToContainTextAsync("ASA configuration 1 (Cisco ASA, ASA)");
        await Assertions.Expect(dialog.GetByTestId("import-notes")).ToContainTextAsync("peers reach MX80-B at 203.0.113.2");
        await observed.ScreenshotAsync($"import-2-report-{width}");

        await dialog.GetByTestId("open-imported").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(DesignUrl());
        await Assertions.Expect(page.Locator(".oad-node[data-node-id='MX80-B']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("findings")).ToContainTextAsync("ASYMMETRIC_ROUTING_STATEFUL", new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });
        await observed.ScreenshotAsync($"import-3-design-{width}");

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Simulate" }).ClickAsync();
        await TypeEndpointAsync(page, "flow-from", "10.0.0.2");
        await TypeEndpointAsync(page, "flow-to", "192.168.1.3");
        foreach (var field in new[] { "flow-from", "flow-to" })
        {
            Assert.True(await Field(page, field).EvaluateAsync<bool>("input => input.scrollWidth <= input.clientWidth"), $"{field} cuts its address short");
        }

        await page.GetByTestId("run-flow").ClickAsync();
        await page.GetByTestId("end").ClickAsync();
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("SYN-ACK was dropped by ASA");
        await Assertions.Expect(page.GetByTestId("player")).ToContainTextAsync("%ASA-6-106015");
        await observed.ScreenshotAsync($"import-4-simulated-{width}");

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Design" }).ClickAsync();
        await page.Locator("[data-testid=finding][data-code='ASYMMETRIC_ROUTING_STATEFUL']").ClickAsync();
        await page.Locator("[data-testid=apply-fix][data-fix='move-concentrator-to-transit-vlan:MX80-B']").ClickAsync();
        var commands = page.GetByTestId("fix-commands-asa");
        await Assertions.Expect(commands).ToContainTextAsync("nameif transit");
        await Assertions.Expect(commands).ToContainTextAsync("route transit 10.0.0.0 255.255.255.0 172.16.1.2 1");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Meraki API calls" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("fix-commands-meraki")).ToContainTextAsync("PUT /devices/{serial of MX80-B}/appliance/uplinks/settings");
        await observed.ScreenshotAsync($"import-5-fix-commands-{width}");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task Another_vendors_configuration_is_refused_with_the_reason_and_nothing_is_created()
    {
        await using var observed = await browser.OpenPageAsync("/designs");
        var page = observed.Page;
        await Assertions.Expect(page.GetByTestId("no-designs")).ToBeVisibleAsync();

        await page.GetByTestId("import-configuration").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByTestId("asa-text").FillAsync("version 15.2\nhostname r1\ninterface GigabitEthernet0/0\n ip address 10.0.0.1 255.255.255.0\n ip nat inside\nip route 0.0.0.0 0.0.0.0 10.0.0.254\n");
        await dialog.GetByTestId("import-config-submit").ClickAsync();
        await observed.ScreenshotAsync("import-refused");

        await Assertions.Expect(dialog.GetByTestId("import-config-problems")).ToContainTextAsync("looks like a Cisco IOS configuration");
        await observed.ScreenshotAsync("import-refused");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("no-designs")).ToBeVisibleAsync();
        Assert.Empty(observed.ConsoleErrors);
    }

    /// <summary>Types into a From/To field (a host's name or an address) and leaves it, as a person tabs on.</summary>
    private static async Task TypeEndpointAsync(IPage page, string testId, string text)
    {
        var input = Field(page, testId);
        await input.FillAsync(text);
        await input.PressAsync("Tab");
        await Assertions.Expect(input).ToHaveValueAsync(text);
    }

    /// <summary>MudBlazor puts a field's data-testid on its input, or on a wrapper around it.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    [GeneratedRegex("/designs/[A-Za-z0-9_-]+$")]
    private static partial Regex DesignUrl();
}
