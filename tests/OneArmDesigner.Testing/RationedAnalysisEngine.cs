using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Web.Analysis;

namespace OneArmDesigner.Testing;

/// <summary>
/// The real engine with a budget counted in looks at its clock instead of seconds (<see cref="TickPerLookClock"/>):
/// each job stops at the same point on every machine, so a test sees a design cut short, then a job that goes on from
/// it decide more, until one completes.
/// </summary>
public sealed class RationedAnalysisEngine(long looksPerJob) : IAnalysisEngine
{
    private int _calls;

    /// <summary>How many analyses the queue has asked for.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>How many went on from an earlier result (<see cref="AnalysisLimits.Continuing"/>).</summary>
    public int Continued { get; private set; }

    /// <summary>The looks one analysis of <paramref name="design"/> takes from start to end: a ration is a share of it.</summary>
    public static long LooksFor(Design design)
    {
        var clock = new TickPerLookClock();
        DesignAnalyzer.Analyze(design, new AnalysisLimits { Budget = TimeSpan.MaxValue, Clock = clock });
        return clock.Looks;
    }

    public DesignAnalysis Analyze(Design design, AnalysisLimits limits)
    {
        Interlocked.Increment(ref _calls);
        Continued += limits.Continuing is null ? 0 : 1;
        // On one thread: threads playing rounds side by side would share the looks, where on a real clock each has the
        // whole budget, and where each stops would depend on how the threads interleave.
        return DesignAnalyzer.Analyze(design, limits with { Budget = TimeSpan.FromTicks(looksPerJob), Clock = new TickPerLookClock(), Threads = 1 });
    }
}
