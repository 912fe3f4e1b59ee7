using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Analysis;
using OneArmDesigner.Web.Components.Findings;

namespace OneArmDesigner.Web.Tests.Components.Findings;

public sealed class AnalysisStatusTests : ComponentTestContext
{
    private static AnalysisJob Done(AnalysisLimits limits)
    {
        var design = HubAndSpoke.Generate(20);
        return AnalysisJob.Completed(DesignContentHash.Of(design), DesignAnalyzer.Analyze(design, limits));
    }

    [Fact]
    public void A_running_analysis_that_has_not_yet_counted_its_host_pairs_says_it_is_reading_the_design_not_that_it_is_done()
    {
        var job = new AnalysisJob("hash");
        var status = Render<AnalysisStatus>(p => p.Add(x => x.Job, job));

        job.Start();

        status.WaitForAssertion(() => Assert.Equal(
            "Analysing… reading the design", status.Find("[data-testid=analysis-progress]").TextContent.Trim()));
        Assert.Equal(0, job.Fraction);

        // At once, as the engine counts the pairs as soon as it has compiled a small design: shown all the same.
        job.Report(new AnalysisProgress(0, 400));

        status.WaitForAssertion(() => Assert.Matches(
            @"^Analysing… 0% \(0 of 400 host pairs\), [\d.]+ s of at most 10 s$", status.Find("[data-testid=analysis-progress]").TextContent.Trim()));
    }

    [Fact]
    public void An_analysis_cut_short_by_the_time_budget_offers_to_go_on_and_a_press_asks_for_it()
    {
        var asked = 0;
        var status = Render<AnalysisStatus>(p => p
            .Add(x => x.Job, Done(new AnalysisLimits { Budget = TimeSpan.Zero }))
            .Add(x => x.Reanalyse, () => asked++));

        Assert.StartsWith("Incomplete: over the time budget", status.Find("[data-testid=analysis-incomplete]").TextContent.Trim());
        Assert.Empty(status.FindAll("[data-testid=analysis-needs-more]"));
        status.Find("[data-testid=analysis-again]").Click();

        Assert.Equal(1, asked);
    }

    [Fact]
    public void An_analysis_that_went_on_and_decided_nothing_more_says_the_design_needs_more_than_the_budget_and_where_to_run_it()
    {
        var design = HubAndSpoke.Generate(20);
        var first = DesignAnalyzer.Analyze(design, new AnalysisLimits { Budget = TimeSpan.Zero });
        var job = AnalysisJob.Completed("hash", DesignAnalyzer.Analyze(design, new AnalysisLimits { Budget = TimeSpan.Zero, Continuing = first.Matrix }),
            decidedBefore: first.Matrix.Count);

        var status = Render<AnalysisStatus>(p => p.Add(x => x.Job, job).Add(x => x.Reanalyse, () => { }));

        Assert.StartsWith("Incomplete again: over the time budget", status.Find("[data-testid=analysis-incomplete]").TextContent.Trim());
        var advice = status.Find("[data-testid=analysis-needs-more]").TextContent;
        Assert.Contains("a part of this design needs more than its 10 s", advice);
        Assert.Contains("onearm validate --design FILE", advice);
        Assert.NotNull(status.Find("[data-testid=analysis-again]"));
    }

    [Fact]
    public void An_analysis_that_went_on_and_decided_more_says_how_many_more_and_offers_to_go_on()
    {
        var design = HubAndSpoke.Generate(60);
        var ration = TimeSpan.FromTicks(RationedAnalysisEngine.LooksFor(design) / 2);
        var first = DesignAnalyzer.Analyze(design, new AnalysisLimits { Budget = ration, Clock = new TickPerLookClock() });
        var second = DesignAnalyzer.Analyze(design, new AnalysisLimits { Budget = ration, Clock = new TickPerLookClock(), Continuing = first.Matrix });
        Assert.True(second.Matrix.Count > first.Matrix.Count && !second.Report.Complete);
        var job = AnalysisJob.Completed(DesignContentHash.Of(design), second, decidedBefore: first.Matrix.Count);

        var status = Render<AnalysisStatus>(p => p.Add(x => x.Job, job).Add(x => x.Reanalyse, () => { }));

        var notice = status.Find("[data-testid=analysis-incomplete]").TextContent.Trim();
        Assert.StartsWith("Incomplete: over the time budget", notice);
        Assert.Contains($"({second.Matrix.Count - first.Matrix.Count:N0} more than the time before)", notice);
        Assert.Empty(status.FindAll("[data-testid=analysis-needs-more]"));
        Assert.Equal("Continue analysis", status.Find("[data-testid=analysis-again]").TextContent.Trim());
    }

    [Fact]
    public void A_complete_analysis_offers_nothing_to_run_again()
    {
        var status = Render<AnalysisStatus>(p => p
            .Add(x => x.Job, Done(new AnalysisLimits()))
            .Add(x => x.Reanalyse, () => { }));

        Assert.Empty(status.FindAll("[data-testid=analysis-incomplete]"));
        Assert.Empty(status.FindAll("[data-testid=analysis-again]"));
    }

    [Fact]
    public void Where_nobody_can_run_it_again_the_incomplete_analysis_offers_no_button()
    {
        var status = Render<AnalysisStatus>(p => p.Add(x => x.Job, Done(new AnalysisLimits { Budget = TimeSpan.Zero })));

        Assert.NotEmpty(status.FindAll("[data-testid=analysis-incomplete]"));
        Assert.Empty(status.FindAll("[data-testid=analysis-again]"));
    }

    [Fact]
    public void A_design_with_more_host_pairs_than_the_server_takes_on_says_so_names_the_limit_and_offers_no_continuing()
    {
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new AnalysisOptions { MaxHostPairs = 100 }));
        var status = Render<AnalysisStatus>(p => p
            .Add(x => x.Job, Done(new AnalysisLimits { MaxHostPairs = 100 }))
            .Add(x => x.Reanalyse, () => { }));

        var notice = status.Find("[data-testid=analysis-incomplete]");
        Assert.Equal("too-many-hosts", notice.GetAttribute("data-state"));
        Assert.StartsWith("Not analysed: too many hosts: 21 hosts make 420 host pairs, more than the 100 an analysis takes on.", notice.TextContent.Trim());
        Assert.Contains("This server analyses at most 100 host pairs a design.", status.Find("[data-testid=analysis-needs-more]").TextContent);
        Assert.Empty(status.FindAll("[data-testid=analysis-again]"));
    }
}
