using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>
/// Under the app's content security policy every page still does its whole job (styles, the live circuit, the
/// canvas, playback, exports, dialogs, a live classroom), and the browser reports not one violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [GeneratedRegex("/designs/[A-Za-z0-9_-]{43}$")]
    private static partial Regex DesignLink();

    /// <summary>Records every violation the browser reports, from before the first script of each document runs.</summary>
    private const string ViolationRecorder =
        "document.addEventListener('securitypolicyviolation', e => { (window.__csp ??= []).push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber); });";

    private static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => window.__csp ?? []");

    [Theory]
    [InlineData(1440)]
    [InlineData(1024)]
    public async Task Every_page_works_under_the_policy_with_no_violation(int width)
    {
        await using var observed = await browser.OpenPageAsync("/", width: width);
        var page = observed.Page;
        await page.Context.AddInitScriptAsync(ViolationRecorder);
        var violations = new List<string>();

        // The home page, with its styles applied: the app bar is MudBlazor's, coloured by its stylesheet and theme.
        await observed.GotoAsync("/");
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.Locator(".mud-appbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        violations.AddRange(await ViolationsAsync(page));

        // A walkthrough plays over the live connection.
        await observed.GotoAsync("/walkthroughs/one-arm-asymmetric");
        await page.GetByTestId("end").ClickAsync();
        await Assertions.Expect(page.GetByTestId("vendor-log")).ToContainTextAsync("%ASA-6-106015");
        await observed.ScreenshotAsync($"csp-walkthrough-{width}");
        violations.AddRange(await ViolationsAsync(page));

        // The walkthrough presented live: the presenter's page, then a follower's, over the classroom hub.
        await page.GetByTestId("present-live").ClickAsync();
        await page.ArrivedAtAsync(new System.Text.RegularExpressions.Regex("/present/"));
        var code = (await page.GetByTestId("live-code").InnerTextAsync()).Trim();
        await observed.ScreenshotAsync($"csp-present-{width}");
        violations.AddRange(await ViolationsAsync(page));
        await observed.GotoAsync($"/classroom/{code}");
        await Assertions.Expect(page.GetByTestId("step-counter")).ToContainTextAsync(" of 27");
        await observed.ScreenshotAsync($"csp-follow-{width}");
        violations.AddRange(await ViolationsAsync(page));

        // A design from a template: edit it, simulate it, export it as SVG and PNG (icons inlined as data: URIs,
        // the PNG drawn through a blob: image).
        await observed.GotoAsync("/templates");
        await observed.OpenTemplateAsync("one-arm-transit-vlan");
        var name = page.Locator("input[data-testid='design-name'], [data-testid='design-name'] input").First;
        await name.FillAsync("Under the policy");
        await name.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("saved", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
        await page.GetByTestId("export").ClickAsync();
        var svg = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-svg").ClickAsync());
        await page.GetByTestId("export").ClickAsync();
        var png = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-png").ClickAsync());
        Assert.Contains("data:image/svg+xml;base64,", await File.ReadAllTextAsync(await svg.PathAsync()), StringComparison.Ordinal);
        Assert.True(new FileInfo(await png.PathAsync()).Length > 1000);
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Simulate" }).ClickAsync();
        await page.GetByTestId("run-flow").ClickAsync();
        await page.GetByTestId("end").ClickAsync();
        await Assertions.Expect(page.GetByTestId("summary")).ToContainTextAsync("all delivered");
        await page.GetByTestId("share").ClickAsync();
        await Assertions.Expect(page.Locator("input[data-testid='view-link'], [data-testid='view-link'] input").First).ToHaveValueAsync(DesignLink());
        await observed.ScreenshotAsync($"csp-design-{width}");
        violations.AddRange(await ViolationsAsync(page));

        // The designs list and its import dialog.
        await observed.GotoAsync("/designs");
        await page.GetByTestId("import-configuration").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        violations.AddRange(await ViolationsAsync(page));

        Assert.Empty(violations);
        Assert.Empty(observed.ConsoleErrors);
    }
}
