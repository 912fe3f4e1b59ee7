using Bunit;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Web.Components.Reachability;

namespace OneArmDesigner.Web.Tests.Components.Reachability;

public sealed class ReachabilityPanelTests : ComponentTestContext
{
    [Fact]
    public void The_broken_template_shows_which_pairs_fail_and_why_in_a_grid_and_as_outcomes()
    {
        var panel = Render<ReachabilityPanel>(p => p.Add(x => x.Design, SeedTemplates.Asymmetric()));

        Assert.Equal("0 of 2 host pairs reachable", panel.Find("[data-testid=reachability-summary]").TextContent.Trim());
        var cell = panel.Find("[data-testid=reachability-cell][data-from=LaptopA][data-to=LaptopB]");
        Assert.Equal("✗", cell.TextContent.Trim());
        Assert.Contains("SYN-ACK dropped at ASA (no-session)", cell.GetAttribute("title"));
        Assert.Contains(panel.FindAll("[data-testid=reachability-outcome]"), o => o.TextContent.Contains("SYN-ACK dropped at ASA (no-session)"));
    }

    [Fact]
    public void The_fixed_template_is_all_reachable()
    {
        var panel = Render<ReachabilityPanel>(p => p.Add(x => x.Design, SeedTemplates.TransitVlan()));

        Assert.Equal("2 of 2 host pairs reachable", panel.Find("[data-testid=reachability-summary]").TextContent.Trim());
        Assert.All(panel.FindAll("[data-testid=reachability-cell]"), c => Assert.Equal("✓", c.TextContent.Trim()));
    }

    [Fact]
    public void Clicking_a_cell_asks_to_simulate_that_pairs_default_exchange()
    {
        Flow? asked = null;
        var panel = Render<ReachabilityPanel>(p => p
            .Add(x => x.Design, SeedTemplates.Asymmetric())
            .Add(x => x.Simulate, flow => asked = flow));

        panel.Find("[data-testid=reachability-cell][data-from=LaptopA][data-to=LaptopB]").Click();

        Assert.Equal(new Flow("LaptopA", "LaptopB", Protocol.Tcp, 3389), asked);
    }

    [Fact]
    public void A_large_design_gets_its_outcomes_without_a_grid()
    {
        var panel = Render<ReachabilityPanel>(p => p.Add(x => x.Design, HubAndSpoke.Generate(20)));

        Assert.Empty(panel.FindAll("[data-testid=reachability-grid]"));
        Assert.Contains("of 420 host pairs reachable", panel.Find("[data-testid=reachability-summary]").TextContent);
        Assert.NotEmpty(panel.FindAll("[data-testid=reachability-outcome]"));
    }
}
