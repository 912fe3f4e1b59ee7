using System.Net;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>A walkthrough's address carries everything shown (flow, step, mode), and a bad one is explained, never a 500.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeepLinkTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_step_link_of_a_custom_flow_reopens_that_flow_at_that_step()
    {
        string link;
        await using (var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric"))
        {
            var page = observed.Page;
            var designer = new Designer(page);
            await designer.EnterAsync("flow-from", "LaptopB");
            await designer.EnterAsync("flow-to", "LaptopA");
            await page.GetByTestId("run-flow").ClickAsync();
            for (var i = 0; i < 6; i++)
            {
                await page.GetByTestId("step-forward").ClickAsync();
            }

            await Assertions.Expect(page.GetByTestId("step-counter")).ToContainTextAsync("step 6 of");
            await page.ArrivedAtAsync(new System.Text.RegularExpressions.Regex("step=6"));
            link = page.Url;
            Assert.Contains("from=LaptopB", link);
            Assert.Contains("to=LaptopA", link);
        }

        await using var reopened = await browser.OpenPageAsync(link[browser.App.BaseUrl.Length..]);
        await Assertions.Expect(reopened.Page.GetByTestId("step-counter")).ToContainTextAsync("step 6 of");
        var fields = new Designer(reopened.Page);
        await Assertions.Expect(fields.Field("flow-from")).ToHaveValueAsync("LaptopB");
        await Assertions.Expect(fields.Field("flow-to")).ToHaveValueAsync("LaptopA");
        await Assertions.Expect(reopened.Page.Locator("[data-testid=event-row][data-step='1']")).ToContainTextAsync("LaptopB sends the packet");
        Assert.Empty(reopened.ConsoleErrors);
    }

    [Theory]
    [InlineData("step=abc", "step: 'abc' is not a step number")]
    [InlineData("step=1.5", "step: '1.5' is not a step number")]
    [InlineData("step=-3", "step: '-3' is not a step number")]
    [InlineData("from=Nobody", "from: 'Nobody' is not a host in this design")]
    [InlineData("from=LaptopB&to=LaptopB", "to: 'LaptopB' is the same host as from")]
    [InlineData("protocol=sctp", "protocol: 'sctp' is not tcp, udp or icmp")]
    [InlineData("port=70000", "port: '70000' is not a port")]
    [InlineData("mode=exam", "mode: 'exam' is not a mode")]
    public async Task A_link_with_a_bad_value_answers_400_with_a_page_that_names_it(string query, string problem)
    {
        using var http = browser.App.CreateHttpClient();
        var response = await http.GetAsync($"walkthroughs/one-arm-asymmetric?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("999999999999999999999999999999")]
    public async Task A_step_past_the_end_opens_the_last_step(string step)
    {
        using var http = browser.App.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"walkthroughs/one-arm-asymmetric?step={step}")).StatusCode);

        await using var observed = await browser.OpenPageAsync($"/walkthroughs/one-arm-asymmetric?step={step}");
        await Assertions.Expect(observed.Page.GetByTestId("step-counter")).ToHaveTextAsync("step 27 of 27");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task The_bad_link_page_explains_itself_and_offers_the_walkthrough_from_the_start()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.App.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/walkthroughs/one-arm-asymmetric?step=abc");

        await Assertions.Expect(page.GetByTestId("link-problem")).ToContainTextAsync("step: 'abc' is not a step number");
        var path = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "walkthrough-bad-link.png") });
        await page.GetByText("Open it from the start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-counter")).ToHaveTextAsync("step 0 of 27");
        await context.CloseAsync();
    }
}
