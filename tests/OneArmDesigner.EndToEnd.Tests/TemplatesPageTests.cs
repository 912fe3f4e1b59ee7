using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class TemplatesPageTests(BrowserFixture browser)
{
    [GeneratedRegex("/designs/[A-Za-z0-9_-]{43}$")]
    private static partial Regex DesignLink();

    [Fact]
    public async Task Both_seed_templates_are_offered()
    {
        await using var observed = await browser.OpenPageAsync("/templates");

        await Assertions.Expect(observed.Page.GetByTestId("template-one-arm-asymmetric")).ToBeVisibleAsync();
        await Assertions.Expect(observed.Page.GetByTestId("template-one-arm-transit-vlan")).ToBeVisibleAsync();
        await observed.ScreenshotAsync("templates");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task Opening_a_template_creates_a_design_of_ones_own_listed_on_the_designs_page()
    {
        await using var observed = await browser.OpenPageAsync("/templates");
        var page = observed.Page;

        await observed.OpenTemplateAsync("one-arm-asymmetric");
        await observed.GotoAsync("/designs");
        await Assertions.Expect(page.GetByTestId("design-link")).ToHaveTextAsync("one-arm-asymmetric");
    }
}
