using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Web.Analysis;

namespace OneArmDesigner.Testing;

/// <summary>
/// The real engine, whose first analysis runs out of its time budget at once, as on a server too busy to give it any
/// time; every later one gets the budget the queue gives. Real partial findings first, then real complete ones.
/// </summary>
public sealed class BusyOnceAnalysisEngine : IAnalysisEngine
{
    private int _calls;

    /// <summary>How many analyses the queue has asked for.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public DesignAnalysis Analyze(Design design, AnalysisLimits limits) =>
        DesignAnalyzer.Analyze(design, Interlocked.Increment(ref _calls) == 1 ? limits with { Budget = TimeSpan.Zero } : limits);
}
