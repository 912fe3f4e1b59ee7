using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class WalkthroughTests(BrowserFixture browser)
{
    private static async Task PlayToEndAsync(IPage page)
    {
        await page.GetByTestId("play").ClickAsync();
        await Assertions.Expect(page.GetByTestId("summary")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
    }

    [Fact]
    public async Task The_broken_walkthrough_plays_the_SYN_through_and_shows_the_SYN_ACK_dropped_at_the_ASA_with_its_log_line()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric");
        var page = observed.Page;
        await Assertions.Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("step 0 of 27");

        await PlayToEndAsync(page);

        await Assertions.Expect(page.GetByTestId("drop-alert")).ToContainTextAsync("SYN-ACK dropped at ASA (no-session)");
        await Assertions.Expect(page.GetByTestId("vendor-log")).ToHaveTextAsync(
            "%ASA-6-106015: Deny TCP (no connection) from 192.168.1.3/3389 to 10.0.0.2/5000 flags SYN ACK on interface inside");
        await Assertions.Expect(page.Locator(".oad-node.oad-error[data-node-id='ASA']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=event-row][data-step='22']")).ToContainTextAsync("LaptopB accepts the packet");
        await observed.ScreenshotAsync("walkthrough-broken-end");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task The_fixed_walkthrough_delivers_all_three_packets()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-transit-vlan");
        var page = observed.Page;

        await page.GetByTestId("end").ClickAsync();

        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("SYN, SYN-ACK and ACK were all delivered");
        await Assertions.Expect(page.GetByTestId("narration")).ToContainTextAsync("ACK delivered to LaptopB");
        await Assertions.Expect(page.Locator("[data-testid=connection-tables] [data-device='ASA']")).ToContainTextAsync("established");
        foreach (var packet in new[] { "SYN", "SYN-ACK", "ACK" })
        {
            await page.GetByTestId($"filter-{packet}").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=event-row]").Last).ToContainTextAsync("accepts the packet");
            await page.GetByTestId($"filter-{packet}").ClickAsync();
        }

        await observed.ScreenshotAsync("walkthrough-fixed-end");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task Stepping_forward_and_back_moves_the_narration_and_the_packet_one_step_at_a_time()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric");
        var page = observed.Page;

        await page.GetByTestId("step-forward").ClickAsync();
        await page.GetByTestId("step-forward").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("step 2 of 27");
        await Assertions.Expect(page.GetByTestId("narration-text")).ToContainTextAsync("default gateway 10.0.0.1");
        await Assertions.Expect(page.Locator(".packet-marker[data-packet='SYN']")).ToHaveCountAsync(1);

        await page.GetByTestId("step-back").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("step 1 of 27");
        await Assertions.Expect(page.GetByTestId("narration-text")).ToContainTextAsync("LaptopA sends the packet");
        Assert.Contains("step=1", page.Url);
    }

    [Fact]
    public async Task A_step_link_opens_the_walkthrough_at_that_step_with_the_packet_wrapped_in_the_tunnel()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-transit-vlan?step=9");
        var page = observed.Page;

        await Assertions.Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("step 9 of 75");
        await Assertions.Expect(page.Locator(".packet-marker[data-encapsulated='true']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("inspector")).ToContainTextAsync("outer (ESP/UDP)");
        await observed.ScreenshotAsync("walkthrough-fixed-step-9");
    }

    [Fact]
    public async Task Presenter_keys_work_right_after_load_without_clicking_and_End_and_Home_never_scroll_the_page()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric", 1024, 700);
        var page = observed.Page;

        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("step 2 of 27");
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        await Assertions.Expect(page.GetByTestId("narration")).ToContainTextAsync("MX80-A");

        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("step 27 of 27");
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));
        await page.Keyboard.PressAsync("Home");
        await Assertions.Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("step 0 of 27");
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task After_clicking_Play_space_pauses_and_plays_again_and_the_focus_stays_visible()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric");
        var page = observed.Page;

        await page.GetByTestId("play").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pause")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.GetByTestId("play")).ToBeVisibleAsync();
        var paused = await page.GetByTestId("step-counter").TextContentAsync();
        await page.WaitForTimeoutAsync(1200);
        await Assertions.Expect(page.GetByTestId("step-counter")).ToHaveTextAsync(paused!);

        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.GetByTestId("pause")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.GetByTestId("play")).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Tab");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task F_turns_presenter_mode_on_and_off_the_player_fills_the_window_in_larger_type()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric?step=27", 1440, 900);
        var page = observed.Page;

        // Measure the fitted view: until the canvas has reported its size, its labels are laid out for the size a
        // waiting fit assumes, and the view is scaled by the browser instead (no viewBox once the size is known).
        await page.Locator("[data-testid=player-canvas] svg[data-attached]:not([viewBox])").WaitForAsync();
        var label = page.Locator("[data-testid=player-canvas] .oad-node-label").First;
        var before = await label.EvaluateAsync<double>("t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a");

        await page.Keyboard.PressAsync("f");

        var player = page.GetByTestId("player");
        await Assertions.Expect(player).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("presenter"));
        var box = (await player.BoundingBoxAsync())!;
        Assert.True(box.Width >= 1400 && box.Y <= 1, $"the player covers {box.Width:0} px from y {box.Y:0}");
        await page.WaitForFunctionAsync("b => { const t = document.querySelector('[data-testid=player-canvas] .oad-node-label'); return parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a > b + 1; }", before);
        await observed.ScreenshotAsync("walkthrough-presenter");

        await page.Keyboard.PressAsync("f");
        await Assertions.Expect(player).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("presenter"));
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task The_walkthroughs_page_lists_both_scenarios()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs");

        await observed.Page.GetByTestId("walkthrough-one-arm-asymmetric").ClickAsync();

        await Assertions.Expect(observed.Page.GetByTestId("player")).ToBeVisibleAsync();
    }
}
