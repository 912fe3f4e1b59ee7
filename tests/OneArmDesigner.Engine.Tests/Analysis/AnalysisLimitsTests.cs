using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Engine.Tests.Analysis;

public sealed class AnalysisLimitsTests
{
    [Fact]
    public void Without_limits_the_analysis_is_complete()
    {
        var analysis = DesignAnalyzer.Analyze(SeedTemplates.Asymmetric());

        Assert.True(analysis.Report.Complete);
        Assert.True(analysis.Matrix.Complete);
        Assert.Null(analysis.Report.Incomplete);
    }

    [Fact]
    public void Over_the_time_budget_the_report_says_incomplete_and_why_and_keeps_what_it_found()
    {
        var design = HubAndSpoke.Generate(40);
        var complete = DesignAnalyzer.Analyze(design);

        var analysis = DesignAnalyzer.Analyze(design, new AnalysisLimits { Budget = TimeSpan.Zero });

        Assert.False(analysis.Report.Complete);
        Assert.Contains("over the time budget", analysis.Report.Incomplete, StringComparison.Ordinal);
        Assert.Equal(analysis.Report.Incomplete, analysis.Matrix.Incomplete);
        Assert.True(analysis.Matrix.Count < complete.Matrix.Count);
        Assert.All(analysis.Matrix, entry => Assert.Equal(complete.Matrix.Find(entry.From, entry.To)!.Outcome, entry.Outcome));
        Assert.Contains("\"complete\":false", AnalysisJson.Write(analysis.Report), StringComparison.Ordinal);
        Assert.Equal(analysis.Matrix.Count, analysis.Report.PairsDecided);
        Assert.Contains($"\"pairsDecided\":{analysis.Matrix.Count}", AnalysisJson.Write(analysis.Report), StringComparison.Ordinal);
        Assert.DoesNotContain("pairsDecided", AnalysisJson.Write(complete.Report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_analysis_stops_with_OperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            DesignAnalyzer.Analyze(HubAndSpoke.Generate(10), new AnalysisLimits { Cancellation = cancelled.Token }));
    }

    [Fact]
    public void Progress_is_reported_up_to_every_pair()
    {
        var reports = new List<AnalysisProgress>();
        var progress = new SynchronousProgress(reports.Add);

        var analysis = DesignAnalyzer.Analyze(HubAndSpoke.Generate(20), new AnalysisLimits { Progress = progress });

        Assert.True(reports.Count >= 2);
        Assert.Equal(reports[^1].PairsTotal, reports[^1].PairsDone);
        Assert.True(analysis.Report.Complete);
        Assert.Equal(reports.OrderBy(r => r.PairsDone).Select(r => r.PairsDone), reports.Select(r => r.PairsDone));
    }

    [Fact]
    public void A_design_with_more_host_pairs_than_the_limit_gets_its_structural_findings_and_an_incomplete_matrix_that_says_why()
    {
        var lan = FlatLan.Generate(40);
        var spare = new DesignBuilder("spare").Router("Spare", 0, 0, ("g0", "10.9.0.1/24")).Build().Devices[0];
        var design = lan with { Devices = [.. lan.Devices, spare] };

        var analysis = DesignAnalyzer.Analyze(design, new AnalysisLimits { MaxHostPairs = 1_000 });

        Assert.True(analysis.Matrix.TooManyHosts);
        Assert.Empty(analysis.Matrix);
        Assert.Equal("too many hosts: 41 hosts make 1,640 host pairs, more than the 1,000 an analysis takes on", analysis.Report.Incomplete);
        Assert.Contains(analysis.Report.Findings, f => f.Code == "UNCONNECTED_DEVICE" && f.Devices.Contains("Spare"));
        Assert.False(DesignAnalyzer.Analyze(design, new AnalysisLimits { MaxHostPairs = 1_640 }).Matrix.TooManyHosts);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; a test wants every report before it asserts.</summary>
    private sealed class SynchronousProgress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }
}
