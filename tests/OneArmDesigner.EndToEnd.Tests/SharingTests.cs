using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class SharingTests(BrowserFixture browser)
{
    [GeneratedRegex("/designs/[A-Za-z0-9_-]{43}$")]
    private static partial Regex DesignLink();

    /// <summary>A MudBlazor text field's input, whether the test id sits on the input or on its wrapper.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    private static async Task<string> CreateFromTemplateAsync(ObservedPage observed)
    {
        // Wait for the live connection: a click on the prerendered page would do nothing.
        await observed.GotoAsync("/templates");
        var page = observed.Page;
        await observed.OpenTemplateAsync("one-arm-asymmetric");
        await Assertions.Expect(page.GetByTestId("design-name")).ToBeVisibleAsync();
        return page.Url;
    }

    [Fact]
    public async Task A_view_link_opens_read_only_plays_a_simulation_and_forks_into_an_editable_copy_leaving_the_original_alone()
    {
        // The owner creates a design and copies its view link.
        await using var owner = await browser.OpenPageAsync("/");
        await CreateFromTemplateAsync(owner);
        await owner.Page.GetByTestId("share").ClickAsync();
        var viewLink = await Field(owner.Page, "view-link").InputValueAsync();
        Assert.Matches(DesignLink(), viewLink);
        await owner.ScreenshotAsync("share-dialog");

        // Someone else opens it in a fresh browser: read-only.
        await using var viewer = await browser.OpenPageAsync(new Uri(viewLink).PathAndQuery);
        var page = viewer.Page;
        await Assertions.Expect(page.GetByTestId("view-only")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("design-title")).ToHaveTextAsync("one-arm-asymmetric");
        await Assertions.Expect(page.GetByTestId("design-name")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("share")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".oad-canvas .oad-port")).ToHaveCountAsync(0);
        await viewer.ScreenshotAsync("view-link");

        // The viewer plays the simulation.
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Simulate" }).ClickAsync();
        await page.GetByTestId("run-flow").ClickAsync();
        await page.GetByTestId("end").ClickAsync();
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("The SYN-ACK was dropped by ASA");

        // Forking gives an editable copy with its own link.
        var viewerAddress = page.Url;
        await page.GetByTestId("fork").ClickAsync();
        await page.ArrivedAtAsync(DesignLink(), before: viewerAddress);
        var name = Field(page, "design-name");
        await name.FillAsync("My fork");
        await name.PressAsync("Tab");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^My fork"));
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("saved", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
        await viewer.ScreenshotAsync("fork-edited");

        // The original is unchanged.
        await viewer.GotoAsync(new Uri(viewLink).PathAndQuery);
        await Assertions.Expect(page.GetByTestId("design-title")).ToHaveTextAsync("one-arm-asymmetric");
        Assert.Empty(viewer.ConsoleErrors);
        Assert.Empty(owner.ConsoleErrors);
    }

    [Fact]
    public async Task Renaming_is_saved_automatically_and_can_be_undone()
    {
        await using var observed = await browser.OpenPageAsync("/");
        var page = observed.Page;
        await CreateFromTemplateAsync(observed);
        var name = Field(page, "design-name");

        await name.FillAsync("Branch RDP review");
        await name.PressAsync("Tab");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Branch RDP review"));
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("saved", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
        await page.ReloadAsync();
        await observed.WaitForCircuitAsync();
        await Assertions.Expect(Field(page, "design-name")).ToHaveValueAsync("Branch RDP review");

        await Field(page, "design-name").FillAsync("Temporary");
        await Field(page, "design-name").PressAsync("Tab");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Temporary"));
        await page.GetByTestId("undo").ClickAsync();

        await Assertions.Expect(Field(page, "design-name")).ToHaveValueAsync("Branch RDP review");
    }

    [Fact]
    public async Task Deleting_a_device_removes_it_and_its_links_and_undo_brings_them_back()
    {
        await using var observed = await browser.OpenPageAsync("/");
        var page = observed.Page;
        await CreateFromTemplateAsync(observed);
        var laptop = page.Locator(".oad-node[data-node-id='LaptopB']");
        await Assertions.Expect(laptop).ToHaveCountAsync(1);

        await laptop.Locator("image").ClickAsync();
        // The selection reaches the server before Delete means anything: wait until the properties show it.
        await Assertions.Expect(Field(page, "prop-name")).ToHaveValueAsync("LaptopB");
        await page.Keyboard.PressAsync("Delete");

        await Assertions.Expect(laptop).ToHaveCountAsync(0);
        await page.GetByTestId("undo").ClickAsync();
        await Assertions.Expect(laptop).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("saved", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
    }

    [Fact]
    public async Task An_unknown_link_says_so_instead_of_failing()
    {
        await using var observed = await browser.OpenPageAsync("/designs/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        await Assertions.Expect(observed.Page.GetByTestId("design-unavailable")).ToContainTextAsync("No design answers to this link");
    }
}
