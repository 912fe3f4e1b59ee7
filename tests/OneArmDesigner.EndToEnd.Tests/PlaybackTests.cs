using System.Text.Json.Serialization;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>What the walkthrough's picture shows: the packet travelling along the cables, and the way it took.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlaybackTests(BrowserFixture browser)
{
    /// <summary>Where the moving packet was at one animation frame, measured against the cables it should follow.</summary>
    private sealed record Sample(
        [property: JsonPropertyName("x")] double X,
        [property: JsonPropertyName("y")] double Y,
        [property: JsonPropertyName("offCable")] double OffCable,
        [property: JsonPropertyName("onIcon")] bool OnIcon);

    private static async Task SlowDownAsync(IPage page)
    {
        await new Designer(page).ChooseAsync("speed", "0.25×");
    }

    [Fact]
    public async Task The_packet_glides_along_the_cable_between_the_two_devices_taking_the_time_the_speed_gives_it()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric?step=2");
        var page = observed.Page;
        await SlowDownAsync(page);

        // Step 3 sends the SYN from LaptopA across LAN-A to MX80-A: sample the marker on every frame of its glide.
        await page.GetByTestId("step-forward").ClickAsync();
        var samples = await CanvasText.EvaluateAsync<Sample[]>(page,
            """
            async () => {
              const svg = document.querySelector('[data-testid=player-canvas] svg');
              const ends = id => {
                const line = svg.querySelector(`[data-link-id='${id}'] .oad-link-line`);
                const m = line.getScreenCTM();
                const at = (x, y) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
                return [at(+line.getAttribute('x1'), +line.getAttribute('y1')), at(+line.getAttribute('x2'), +line.getAttribute('y2'))];
              };
              const cables = ['link-0', 'link-1'].map(ends);
              const icons = [...svg.querySelectorAll('.oad-node-glyph')].map(g => g.getBoundingClientRect());
              const distance = (p, [a, b]) => {
                const dx = b.x - a.x, dy = b.y - a.y;
                const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
                return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
              };
              const samples = [];
              const start = performance.now();
              while (performance.now() - start < 2600) {
                await new Promise(requestAnimationFrame);
                const dot = svg.querySelector('.packet-marker[data-step="3"] .packet-dot');
                if (!dot) continue;
                const r = dot.getBoundingClientRect();
                const p = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
                samples.push({ x: p.x, y: p.y, offCable: Math.min(...cables.map(c => distance(p, c))),
                               onIcon: icons.some(i => p.x >= i.left && p.x <= i.right && p.y >= i.top && p.y <= i.bottom) });
              }
              return samples;
            }
            """);

        var midLeg = samples.Where(s => !s.OnIcon).ToList();
        Assert.True(midLeg.Count >= 20, $"only {midLeg.Count} of {samples.Length} frames caught the packet between the devices");
        Assert.All(midLeg, s => Assert.True(s.OffCable <= 2.5, $"the packet at ({s.X:0},{s.Y:0}) is {s.OffCable:0.0} px off the cable"));
        Assert.True(midLeg[^1].X > midLeg[0].X + 100, "the packet moves from LaptopA towards MX80-A");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task The_trail_keeps_every_leg_taken_in_its_packets_colour_with_the_tunnel_and_the_drop_marked()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric");
        var page = observed.Page;

        await page.GetByTestId("jump-to-drop").ClickAsync();

        await Assertions.Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("step 27 of 27");
        var legs = page.Locator(".trail-leg");
        await Assertions.Expect(legs.Locator("xpath=self::*[@data-packet='SYN']")).ToHaveCountAsync(5);
        await Assertions.Expect(legs.Locator("xpath=self::*[@data-packet='SYN-ACK']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".trail-leg[data-tunnelled='true']")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".trail-leg[data-tunnelled='true'] .trail-tunnel")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("trail-drop")).ToHaveCountAsync(1);

        // The key contrast, on one picture: the SYN reached LaptopB from MX80-B, the SYN-ACK went to the ASA.
        Assert.Equal("rgb(46, 125, 50)", await page.Locator(".trail-leg[data-packet='SYN'] .trail-line").First.EvaluateAsync<string>("l => getComputedStyle(l).stroke"));
        Assert.Equal("rgb(21, 101, 192)", await page.Locator(".trail-leg[data-packet='SYN-ACK'] .trail-line").First.EvaluateAsync<string>("l => getComputedStyle(l).stroke"));
        await observed.ScreenshotAsync("walkthrough-broken-trail");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task At_the_no_session_drop_the_table_says_no_entry_matches_and_the_end_leads_to_the_same_packet_in_the_fixed_design()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric");
        var page = observed.Page;

        await page.GetByTestId("end").ClickAsync();

        var noMatch = page.GetByTestId("no-matching-connection");
        await Assertions.Expect(noMatch).ToContainTextAsync("No entry matches this packet");
        await Assertions.Expect(noMatch).ToContainTextAsync("tcp 192.168.1.3:3389 → 10.0.0.2:5000 [SYN ACK]");
        await Assertions.Expect(page.Locator("[data-testid=connection-tables] [data-device='ASA'] [data-testid=connection-row]")).ToContainTextAsync("udp");

        await page.GetByTestId("see-fixed").ClickAsync();
        await page.ArrivedAtAsync(new System.Text.RegularExpressions.Regex("/walkthroughs/one-arm-transit-vlan"));
        await Assertions.Expect(page.GetByTestId("narration")).ToContainTextAsync("SYN-ACK");
        await Assertions.Expect(page.GetByTestId("narration")).ToContainTextAsync("LaptopB sends the packet");
        Assert.Contains("step=", page.Url);
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task Next_packet_and_next_device_skip_ahead_and_the_event_list_keeps_the_current_step_in_view()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-transit-vlan", 1024, 700);
        var page = observed.Page;

        await page.GetByTestId("next-packet").ClickAsync();
        await page.GetByTestId("next-packet").ClickAsync();
        await Assertions.Expect(page.GetByTestId("narration")).ToContainTextAsync("SYN-ACK");
        await page.GetByTestId("next-device").ClickAsync();
        await Assertions.Expect(page.GetByTestId("narration")).Not.ToContainTextAsync("LaptopB sends");

        var shown = await page.Locator(".event-row.selected").EvaluateAsync<bool>(
            """
            row => {
              const list = row.closest('.event-rows').getBoundingClientRect(), r = row.getBoundingClientRect();
              return r.top >= list.top - 1 && r.bottom <= list.bottom + 1;
            }
            """);
        Assert.True(shown, "the current step's row is scrolled out of the event list");
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task Side_by_side_the_broken_and_fixed_designs_play_the_same_packets_in_step_until_they_part()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric");
        var page = observed.Page;
        await page.GetByTestId("end").ClickAsync();
        await page.GetByTestId("compare").ClickAsync();
        await page.ArrivedAtAsync(new System.Text.RegularExpressions.Regex("/compare/one-arm-transit-vlan"));

        await Assertions.Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("tick 0");
        var broken = page.GetByTestId("side-one-arm-asymmetric");
        var fixedSide = page.GetByTestId("side-one-arm-transit-vlan");
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await Assertions.Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("tick 3");
        await Assertions.Expect(broken.GetByTestId("narration")).ToContainTextAsync("LaptopA sends it out of eth0");
        await Assertions.Expect(fixedSide.GetByTestId("narration")).ToContainTextAsync("LaptopA sends it out of eth0");

        // Both SYN-ACKs set off together: one is dropped at the ASA, the other goes on to LaptopA.
        var brokenPacket = broken.Locator(".narration-head .packet-chip");
        while (await brokenPacket.TextContentAsync() != "SYN-ACK")
        {
            var tick = await page.GetByTestId("step-counter").TextContentAsync();
            await page.GetByTestId("step-forward").ClickAsync();
            await Assertions.Expect(page.GetByTestId("step-counter")).Not.ToHaveTextAsync(tick!);
        }

        await Assertions.Expect(fixedSide.Locator(".narration-head .packet-chip")).ToHaveTextAsync("SYN-ACK");
        await page.GetByTestId("end").ClickAsync();
        await Assertions.Expect(broken.GetByTestId("drop-alert")).ToContainTextAsync("SYN-ACK dropped at ASA");
        await Assertions.Expect(fixedSide.GetByTestId("summary")).ToContainTextAsync("all delivered");
        await observed.ScreenshotAsync("walkthrough-side-by-side");
        Assert.Empty(observed.ConsoleErrors);
    }
}
