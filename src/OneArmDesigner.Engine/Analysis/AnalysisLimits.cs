namespace OneArmDesigner.Engine.Analysis;

/// <summary>How far the analysis has got: host pairs decided so far out of all of them.</summary>
public readonly record struct AnalysisProgress(long PairsDone, long PairsTotal)
{
    public double Fraction => PairsTotal == 0 ? 1 : (double)PairsDone / PairsTotal;
}

/// <summary>
/// What bounds one analysis: a time budget after which it stops and reports what it found as incomplete, a
/// cancellation (the caller went away, or a newer revision superseded this one), and where to report progress.
/// </summary>
public sealed record AnalysisLimits
{
    public static AnalysisLimits None { get; } = new();

    /// <summary>Stop after this long; the result then says it is incomplete, and keeps what was found.</summary>
    public TimeSpan? Budget { get; init; }

    /// <summary>Cancelled: the analysis throws <see cref="OperationCanceledException"/> at its next check.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Told of progress now and then (at most a few hundred times per analysis).</summary>
    public IProgress<AnalysisProgress>? Progress { get; init; }

    /// <summary>
    /// How many threads the analysis may use, the caller's included (at least one). The result is the same whatever
    /// the number: rounds of sources are played on several threads, and their findings taken in round order.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>Asked for a core before each thread beyond the caller's starts, and given it back when it ends; null: take them.</summary>
    public ICoreLender? Cores { get; init; }

    /// <summary>
    /// An incomplete matrix of the same design from an earlier run, to go on from: the rounds of sources it played to
    /// their end are not played again, so a design that needs more than one budget is finished by asking again. The
    /// result is the same as one run from the start. Ignored when it is complete or its hosts are not this design's.
    /// </summary>
    public ReachabilityMatrix? Continuing { get; init; }

    /// <summary>The clock the budget is measured on.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The most ordered host pairs the analysis takes on (a matrix holds a byte or more per pair): a design with more
    /// hosts gets its structural findings and an incomplete matrix that says why, without playing a pair. At most
    /// <see cref="ReachabilityMatrix.MostHostPairs"/>, which is the default.
    /// </summary>
    public long MaxHostPairs { get; init; } = ReachabilityMatrix.MostHostPairs;
}

/// <summary>
/// Shares a machine's cores between analyses: one that runs alone may use them all, while analyses that run together
/// keep to their own thread each.
/// </summary>
public interface ICoreLender
{
    /// <summary>True when a core is free and is now the caller's until <see cref="Return"/>.</summary>
    bool TryBorrow();

    void Return();

    /// <summary>Called on each thread the analysis starts on a borrowed core, before it plays: to set it up as the caller's own (its priority).</summary>
    void PrepareThread();
}

/// <summary>
/// One analysis's clock against its <see cref="AnalysisLimits"/>: the matrix builder calls <see cref="Continue"/>
/// between units of work, and stops when it answers false.
/// </summary>
internal sealed class AnalysisRun(AnalysisLimits limits)
{
    private readonly long _started = limits.Clock.GetTimestamp();
    private long _reportEvery = 1;
    private long _nextReport;

    /// <summary>How many pairs progress is counted against; the budget runs from the run's start, before they are known.</summary>
    public long PairsTotal { get; private set; }

    public void CountAgainst(long pairsTotal) => (PairsTotal, _reportEvery) = (pairsTotal, Math.Max(1, pairsTotal / 200));

    /// <summary>Set once the budget ran out; the result is then incomplete.</summary>
    public bool OverBudget { get; private set; }

    /// <summary>True to go on; false when the budget is spent. Throws when cancelled. One thread at a time.</summary>
    public bool Continue(long pairsDone)
    {
        limits.Cancellation.ThrowIfCancellationRequested();
        if (limits.Progress is { } progress && pairsDone >= _nextReport)
        {
            _nextReport = pairsDone + _reportEvery;
            progress.Report(new AnalysisProgress(pairsDone, PairsTotal));
        }

        if (limits.Budget is { } budget && limits.Clock.GetElapsedTime(_started) > budget)
        {
            OverBudget = true;
        }

        return !OverBudget;
    }

    public void Finished(long pairsDone) => limits.Progress?.Report(new AnalysisProgress(pairsDone, PairsTotal));

    /// <summary>Why the result is incomplete, in words, or null when it is complete.</summary>
    public string? Incomplete(long pairsDone) => OverBudget
        ? $"over the time budget: {limits.Budget!.Value.TotalSeconds:0.#} s ran out after {pairsDone:N0} of {PairsTotal:N0} host pairs"
        : null;
}
