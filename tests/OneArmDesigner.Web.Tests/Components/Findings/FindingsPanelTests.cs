using Bunit;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Web.Components.Findings;

namespace OneArmDesigner.Web.Tests.Components.Findings;

public sealed class FindingsPanelTests : ComponentTestContext
{
    [Fact]
    public void A_complete_analysis_that_found_nothing_says_there_are_no_problems()
    {
        var panel = Render<FindingsPanel>(p => p.Add(x => x.Report, new ValidationReport([])));

        Assert.Equal("no problems", panel.Find("[data-testid=findings-summary]").TextContent.Trim());
    }

    [Fact]
    public void An_analysis_cut_short_before_it_found_anything_does_not_claim_there_are_no_problems()
    {
        var cutShort = new ValidationReport([]) { Incomplete = "over the time budget: 10 s ran out after 20 of 441 host pairs" };

        var panel = Render<FindingsPanel>(p => p.Add(x => x.Report, cutShort));

        Assert.Equal("none found so far", panel.Find("[data-testid=findings-summary]").TextContent.Trim());
        Assert.Contains("Nothing looks wrong in the part analysed", panel.Markup);
    }
}
