using OneArmDesigner.Web.Analysis;

namespace OneArmDesigner.Web.Tests.Analysis;

public sealed class AnalysisCoresTests
{
    [Fact]
    public void An_analysis_running_alone_may_borrow_every_other_core_and_no_more()
    {
        var cores = new AnalysisCores(4);
        cores.Occupy();

        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => cores.TryBorrow()));

        cores.Return();
        Assert.True(cores.TryBorrow());
    }

    [Fact]
    public void Analyses_that_run_together_hold_a_core_each_even_beyond_the_machines_and_leave_none_to_lend()
    {
        var cores = new AnalysisCores(2);
        cores.Occupy();
        cores.Occupy();
        cores.Occupy();

        Assert.False(cores.TryBorrow());

        cores.Release();
        cores.Release();
        Assert.True(cores.TryBorrow());
        Assert.False(cores.TryBorrow());
    }
}
