using Bunit;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Web.Analysis;
using OneArmDesigner.Web.Components.Reachability;

namespace OneArmDesigner.Web.Tests.Components.Reachability;

public sealed class ReachabilityPanelTests : ComponentTestContext
{
    private static AnalysisJob Analysed(Design design) => AnalysisJob.Completed(DesignContentHash.Of(design), DesignAnalyzer.Analyze(design));

    [Fact]
    public void While_the_analysis_runs_the_tab_shows_its_progress_and_then_the_matrix_when_it_is_done()
    {
        var design = SeedTemplates.Asymmetric();
        var job = new AnalysisJob(DesignContentHash.Of(design));
        job.Start();
        job.Report(new AnalysisProgress(1, 2));

        var panel = Render<ReachabilityPanel>(p => p.Add(x => x.Analysis, job));

        Assert.Matches(@"^Analysing… 50% \(1 of 2 host pairs\), [\d.]+ s of at most 10 s$", panel.Find("[data-testid=analysis-progress]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=reachability-summary]"));

        job.Finish(DesignAnalyzer.Analyze(design));
        panel.Render(p => p.Add(x => x.Analysis, job));

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=analysis-running]")));
        Assert.Equal("0 of 2 host pairs reachable", panel.Find("[data-testid=reachability-summary]").TextContent.Trim());
    }

    [Fact]
    public void Over_the_time_budget_the_tab_says_incomplete_and_shows_the_pairs_it_found()
    {
        var design = HubAndSpoke.Generate(20);
        var partial = DesignAnalyzer.Analyze(design, new AnalysisLimits { Budget = TimeSpan.Zero });

        var panel = Render<ReachabilityPanel>(p => p.Add(x => x.Analysis, AnalysisJob.Completed("partial", partial)));

        Assert.StartsWith("Incomplete: over the time budget", panel.Find("[data-testid=analysis-incomplete]").TextContent.Trim());
        Assert.Contains($"of {partial.Matrix.Count} decided host pairs reachable", panel.Find("[data-testid=reachability-summary]").TextContent);
        Assert.Equal("Every pair decided so far, by outcome", panel.Find("[data-testid=outcomes-heading]").TextContent.Trim());
    }

    [Fact]
    public void Cut_short_with_every_decided_pair_reachable_the_summary_is_a_warning_not_an_all_clear()
    {
        var cutShort = DesignAnalyzer.Analyze(HubAndSpoke.Generate(20), new AnalysisLimits { Budget = TimeSpan.Zero });
        Assert.False(cutShort.Matrix.Complete);
        Assert.True(cutShort.Matrix.AllReachable);

        var panel = Render<ReachabilityPanel>(p => p.Add(x => x.Analysis, AnalysisJob.Completed("cut", cutShort)));

        var summary = panel.Find("[data-testid=reachability-summary]");
        Assert.EndsWith("decided host pairs reachable", summary.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("warning", summary.ClassName, StringComparison.Ordinal);
    }
    [Fact]
    public void The_broken_template_shows_which_pairs_fail_and_why_in_a_grid_and_as_outcomes()
    {
        var panel = Render<ReachabilityPanel>(p => p.Add(x => x.Analysis, Analysed(SeedTemplates.Asymmetric())));

        Assert.Equal("0 of 2 host pairs reachable", panel.Find("[data-testid=reachability-summary]").TextContent.Trim());
        var cell = panel.Find("[data-testid=reachability-cell][data-from=LaptopA][data-to=LaptopB]");
        Assert.Equal("✗", cell.TextContent.Trim());
        Assert.Contains("SYN-ACK dropped at ASA (no-session)", cell.GetAttribute("title"));
        Assert.Contains(panel.FindAll("[data-testid=reachability-outcome]"), o => o.TextContent.Contains("SYN-ACK dropped at ASA (no-session)"));
    }

    [Fact]
    public void The_fixed_template_is_all_reachable()
    {
        var panel = Render<ReachabilityPanel>(p => p.Add(x => x.Analysis, Analysed(SeedTemplates.TransitVlan())));

        Assert.Equal("2 of 2 host pairs reachable", panel.Find("[data-testid=reachability-summary]").TextContent.Trim());
        Assert.All(panel.FindAll("[data-testid=reachability-cell]"), c => Assert.Equal("✓", c.TextContent.Trim()));
    }

    [Fact]
    public void Clicking_a_cell_asks_to_simulate_that_pairs_default_exchange()
    {
        Flow? asked = null;
        var panel = Render<ReachabilityPanel>(p => p
            .Add(x => x.Analysis, Analysed(SeedTemplates.Asymmetric()))
            .Add(x => x.Simulate, flow => asked = flow));

        panel.Find("[data-testid=reachability-cell][data-from=LaptopA][data-to=LaptopB]").Click();

        Assert.Equal(new Flow("LaptopA", "LaptopB", Protocol.Tcp, 3389), asked);
    }

    [Fact]
    public void A_large_design_gets_its_outcomes_without_a_grid()
    {
        var panel = Render<ReachabilityPanel>(p => p.Add(x => x.Analysis, Analysed(HubAndSpoke.Generate(20))));

        Assert.Empty(panel.FindAll("[data-testid=reachability-grid]"));
        Assert.Contains("of 420 host pairs reachable", panel.Find("[data-testid=reachability-summary]").TextContent);
        Assert.NotEmpty(panel.FindAll("[data-testid=reachability-outcome]"));
    }

    [Fact]
    public async Task On_a_large_design_one_pair_is_looked_up_by_its_hosts_and_played_in_the_simulator()
    {
        var design = HubAndSpoke.Generate(20);
        var matrix = ReachabilityMatrix.Compute(design);
        var (from, to) = (matrix.Hosts[1], matrix.Hosts[2]);
        Flow? asked = null;
        var panel = Render<ReachabilityPanel>(p => p
            .Add(x => x.Analysis, Analysed(design))
            .Add(x => x.Simulate, flow => asked = flow));

        await LookUpAsync(panel, from, to);

        var expected = matrix.Pair(from, to)!;
        var result = panel.Find("[data-testid=lookup-result]").TextContent;
        Assert.Contains($"{from} → {to}", result, StringComparison.Ordinal);
        Assert.Contains(expected.Outcome.Describe(), result, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"{matrix.Find(from, to)!.Pairs:N0} host pairs end this way"), result, StringComparison.Ordinal);
        panel.Find("[data-testid=simulate-lookup]").Click();
        Assert.Equal(expected.Flow, asked);
    }

    [Theory]
    [InlineData("LaptopA", "Nobody", "No host or server named 'Nobody' has an address in this design.")]
    [InlineData("ASA", "LaptopB", "No host or server named 'ASA' has an address in this design.")]
    [InlineData("LaptopA", "LaptopA", "A host and itself are not a pair.")]
    public async Task A_lookup_that_names_no_pair_says_why(string from, string to, string why)
    {
        var panel = Render<ReachabilityPanel>(p => p.Add(x => x.Analysis, Analysed(SeedTemplates.Asymmetric())));

        await LookUpAsync(panel, from, to);

        Assert.Equal(why, panel.Find("[data-testid=lookup-result]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=simulate-lookup]"));
    }

    [Fact]
    public async Task A_pair_the_time_budget_left_undecided_says_so()
    {
        var design = HubAndSpoke.Generate(20);
        var partial = DesignAnalyzer.Analyze(design, new AnalysisLimits { Budget = TimeSpan.Zero });
        var matrix = partial.Matrix;
        var undecided = matrix.Hosts.SelectMany(f => matrix.Hosts.Select(t => (From: f, To: t)))
            .First(p => p.From != p.To && matrix.Pair(p.From, p.To) is null);
        var panel = Render<ReachabilityPanel>(p => p.Add(x => x.Analysis, AnalysisJob.Completed("partial", partial)));

        await LookUpAsync(panel, undecided.From, undecided.To);

        Assert.StartsWith($"{undecided.From} → {undecided.To} was not decided before the analysis stopped (over the time budget",
            panel.Find("[data-testid=lookup-result]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_have_thousands_separators_and_only_the_first_thirty_outcomes_show_until_all_are_asked_for()
    {
        var analysis = DesignAnalyzer.Analyze(IrregularNetwork.Generate(200));
        Assert.True(analysis.Matrix.Outcomes.Count > 30, "the design should end its pairs in more than thirty ways");
        var panel = Render<ReachabilityPanel>(p => p.Add(x => x.Analysis, AnalysisJob.Completed("irregular", analysis)));

        Assert.EndsWith(FormattableString.Invariant($"of {analysis.Matrix.Count:N0} host pairs reachable"), panel.Find("[data-testid=reachability-summary]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(",", panel.Find("[data-testid=reachability-summary]").TextContent, StringComparison.Ordinal);
        Assert.Equal(30, panel.FindAll("[data-testid=reachability-outcome]").Count);

        panel.Find("[data-testid=show-all-outcomes]").Click();

        Assert.Equal(analysis.Matrix.Outcomes.Count, panel.FindAll("[data-testid=reachability-outcome]").Count);
        Assert.Empty(panel.FindAll("[data-testid=show-all-outcomes]"));
    }

    private static async Task LookUpAsync(IRenderedComponent<ReachabilityPanel> panel, string from, string to)
    {
        var fields = panel.FindComponents<MudBlazor.MudAutocomplete<string>>();
        await panel.InvokeAsync(() => fields[0].Instance.ValueChanged.InvokeAsync(from));
        await panel.InvokeAsync(() => fields[1].Instance.ValueChanged.InvokeAsync(to));
    }
}
