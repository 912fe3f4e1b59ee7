using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class DrawingTests(BrowserFixture browser)
{
    [GeneratedRegex("/designs/[A-Za-z0-9_-]{43}$")]
    private static partial Regex DesignLink();

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    [Fact]
    public async Task Devices_are_added_from_the_palette_addressed_in_the_properties_and_cabled_with_the_mouse()
    {
        await using var observed = await browser.OpenPageAsync("/designs");
        var page = observed.Page;
        await page.GetByTestId("new-design").ClickAsync();
        await page.ArrivedAtAsync(DesignLink());

        await page.GetByTestId("palette-host").ClickAsync();
        var host = page.Locator(".oad-node[data-node-id='Host1']");
        await Assertions.Expect(host).ToHaveCountAsync(1);
        await Assertions.Expect(Field(page, "prop-name")).ToHaveValueAsync("Host1");

        await Field(page, "prop-address-eth0").FillAsync("10.0.0.300/24");
        await Field(page, "prop-address-eth0").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("properties")).ToContainTextAsync("'10.0.0.300/24' is not an IPv4 prefix");

        await Field(page, "prop-address-eth0").FillAsync("10.0.0.5/24");
        await Field(page, "prop-address-eth0").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("properties")).Not.ToContainTextAsync("is not an IPv4 prefix");
        await Assertions.Expect(page.Locator(".oad-link")).ToHaveCountAsync(0);

        await page.GetByTestId("palette-vlan").ClickAsync();
        var vlan = page.Locator(".oad-node[data-node-id='VLAN1']");
        await Assertions.Expect(vlan).ToHaveCountAsync(1);
        await vlan.DragToAsync(page.GetByTestId("design-canvas"), new LocatorDragToOptions { TargetPosition = new TargetPosition { X = 150, Y = 120 } });

        // Drag a cable from the host's port handle onto the VLAN; the dialog offers the host's free interface.
        await new Designer(page).CableAsync("Host1", "VLAN1");

        await Assertions.Expect(page.Locator(".oad-link")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".oad-link")).ToContainTextAsync("eth0 10.0.0.5/24");
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("saved", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
        await observed.ScreenshotAsync("drawing");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task Copy_and_paste_duplicate_the_selection_and_question_mark_opens_the_shortcut_sheet()
    {
        await using var observed = await browser.OpenPageAsync("/designs");
        var page = observed.Page;
        await page.GetByTestId("new-design").ClickAsync();
        await page.ArrivedAtAsync(DesignLink());
        await page.GetByTestId("palette-router").ClickAsync();
        var router = page.Locator(".oad-node[data-node-id='Router1']");
        await router.Locator("image").ClickAsync();
        await Assertions.Expect(Field(page, "prop-name")).ToHaveValueAsync("Router1");

        await page.Keyboard.PressAsync("Control+c");
        await page.Keyboard.PressAsync("Control+v");

        await Assertions.Expect(page.Locator(".oad-node[data-node-id='Router1 copy']")).ToHaveCountAsync(1);
        await page.GetByTestId("undo").ClickAsync();
        await Assertions.Expect(page.Locator(".oad-node[data-node-id='Router1 copy']")).ToHaveCountAsync(0);

        var zoom = page.GetByTestId("zoom-level");
        var before = await zoom.TextContentAsync();
        await page.GetByTestId("zoom-in").ClickAsync();
        await Assertions.Expect(zoom).Not.ToHaveTextAsync(before!);
        await page.GetByTestId("zoom-out").ClickAsync();
        await Assertions.Expect(zoom).ToHaveTextAsync(before!);

        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.GetByTestId("shortcuts-dialog")).ToContainTextAsync("copy / cut / paste the selected devices");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task A_value_typed_and_left_by_clicking_another_device_is_kept()
    {
        await using var observed = await browser.OpenPageAsync("/templates");
        var page = observed.Page;
        await observed.OpenTemplateAsync("one-arm-asymmetric");
        var designer = new Designer(page);

        await designer.SelectAsync("LaptopB");
        await designer.Field("prop-tcp-ports").FillAsync("3389, 22");
        await designer.SelectAsync("LaptopA");
        await designer.SelectAsync("LaptopB");

        await Assertions.Expect(designer.Field("prop-tcp-ports")).ToHaveValueAsync("3389, 22");
        Assert.Empty(observed.ConsoleErrors);
    }

    /// <summary>The on-screen boxes of every device icon, which must not overlap.</summary>
    private static async Task AssertNoIconHidesAnotherAsync(IPage page)
    {
        var icons = await CanvasText.IconsAsync(page, "[data-testid=design-canvas] svg");
        for (var i = 0; i < icons.Length; i++)
        {
            for (var j = i + 1; j < icons.Length; j++)
            {
                var (a, b) = (icons[i], icons[j]);
                Assert.False(a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height, $"{a.Id} and {b.Id} overlap");
            }
        }
    }

    [Fact]
    public async Task Devices_added_by_click_and_pasted_again_and_again_never_land_on_one_another()
    {
        await using var observed = await browser.OpenPageAsync("/designs");
        var page = observed.Page;
        await page.GetByTestId("new-design").ClickAsync();
        await page.ArrivedAtAsync(DesignLink());

        await page.GetByTestId("palette-router").ClickAsync();
        await page.GetByTestId("palette-router").ClickAsync();
        await Assertions.Expect(page.Locator(".oad-node")).ToHaveCountAsync(2);
        await new Designer(page).SelectAsync("Router1");
        await page.Keyboard.PressAsync("Control+c");
        await page.Keyboard.PressAsync("Control+v");
        await Assertions.Expect(page.Locator(".oad-node")).ToHaveCountAsync(3);
        await page.Keyboard.PressAsync("Control+v");
        await Assertions.Expect(page.Locator(".oad-node")).ToHaveCountAsync(4);

        await AssertNoIconHidesAnotherAsync(page);
        await observed.ScreenshotAsync("designer-no-stacking");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task Selecting_a_cable_shows_both_its_ends_and_an_end_takes_the_address_suggested_from_the_vlans_subnet()
    {
        await using var observed = await browser.OpenPageAsync("/templates");
        var page = observed.Page;
        await observed.OpenTemplateAsync("one-arm-asymmetric");
        var designer = new Designer(page);

        // A new host on LAN-B: the cable dialog offers the first free address of 192.168.1.0/24.
        await page.GetByTestId("palette-host").ClickAsync();
        await Assertions.Expect(designer.Field("prop-name")).ToHaveValueAsync("Host1");
        await designer.CableAsync("Host1", "LAN-B");
        await Assertions.Expect(page.Locator(".oad-link").Last).ToContainTextAsync("192.168.1.4/24");

        var cable = page.Locator(".oad-link[data-link-id='link-4']");
        await cable.Locator(".oad-link-hit").ClickAsync(new LocatorClickOptions { Force = true });
        var section = page.GetByTestId("cable-section");
        await Assertions.Expect(section).ToContainTextAsync("Cable ASA — LAN-B");
        await Assertions.Expect(section.GetByTestId("cable-end-LAN-B")).ToContainTextAsync("VLAN 20, subnet 192.168.1.0/24");
        await Assertions.Expect(designer.Field("cable-address-ASA")).ToHaveValueAsync("192.168.1.1/24");
        await Assertions.Expect(cable).ToHaveClassAsync(new Regex("oad-selected"));

        await designer.Field("cable-address-ASA").FillAsync("192.168.1.254/24");
        await designer.Field("cable-address-ASA").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("cable-section")).ToBeVisibleAsync();
        await observed.ScreenshotAsync("designer-cable-selected");
        await designer.SelectAsync("ASA");
        await Assertions.Expect(designer.Field("prop-address-inside")).ToHaveValueAsync("192.168.1.254/24");
        Assert.Empty(observed.ConsoleErrors);
    }
}
