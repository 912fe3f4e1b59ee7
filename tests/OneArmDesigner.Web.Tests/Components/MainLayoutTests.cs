using Bunit;
using Microsoft.AspNetCore.Components;
using OneArmDesigner.Web.Components.Layout;

namespace OneArmDesigner.Web.Tests.Components;

public sealed class MainLayoutTests : ComponentTestContext
{
    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"page-body\">page</p>"))));

    [Fact]
    public void Layout_shows_the_product_name_in_the_app_bar()
    {
        var layout = RenderLayout();

        Assert.Equal("OneArmDesigner", layout.Find(".mud-appbar .brand-name").TextContent);
    }

    [Fact]
    public void Layout_navigates_to_designs_templates_and_walkthroughs()
    {
        var layout = RenderLayout();

        var targets = layout.FindAll(".mud-nav-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("designs", targets);
        Assert.Contains("templates", targets);
        Assert.Contains("walkthroughs", targets);
    }

    [Fact]
    public void Layout_renders_the_page_body_inside_the_main_content()
    {
        var layout = RenderLayout();

        Assert.NotNull(layout.Find(".mud-main-content #page-body"));
    }

    [Fact]
    public void Theme_toggle_switches_between_the_light_and_dark_palettes()
    {
        var layout = RenderLayout();
        Assert.False(layout.Instance.IsDarkMode);
        Assert.Contains(AppTheme.Theme.PaletteLight.Background.ToString(), ThemeStyle(layout), StringComparison.OrdinalIgnoreCase);

        layout.Find("[data-testid=theme-toggle]").Click();

        Assert.True(layout.Instance.IsDarkMode);
        Assert.Contains(AppTheme.Theme.PaletteDark.Background.ToString(), ThemeStyle(layout), StringComparison.OrdinalIgnoreCase);

        layout.Find("[data-testid=theme-toggle]").Click();
        Assert.False(layout.Instance.IsDarkMode);
    }

    private static string ThemeStyle(IRenderedComponent<MainLayout> layout) =>
        string.Concat(layout.FindAll("style").Select(s => s.TextContent));
}
