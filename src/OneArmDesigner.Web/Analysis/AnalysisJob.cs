using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Web.Analysis;

public enum AnalysisState
{
    /// <summary>Waiting for one of the <see cref="AnalysisOptions.MaxConcurrent"/> places.</summary>
    Queued,
    Running,
    Done,

    /// <summary>Superseded by a newer revision, or everyone who asked for it went away.</summary>
    Cancelled,
    Failed,
}

/// <summary>
/// One design's analysis, running in the background or already done (a cache hit is a job born done). Watchers read
/// its state and progress, and are told through <see cref="Changed"/> (on the analysis thread: marshal before
/// touching a UI).
/// </summary>
public sealed class AnalysisJob
{
    private readonly TaskCompletionSource<DesignAnalysis> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _cancel = new();

    internal AnalysisJob(string contentHash) => ContentHash = contentHash;

    /// <summary>The design's <see cref="DesignContentHash"/>: the same design, the same job.</summary>
    public string ContentHash { get; }

    public AnalysisState State { get; private set; } = AnalysisState.Queued;

    public AnalysisProgress Progress { get; private set; }

    /// <summary>How long it has been computing (zero while queued), and how long it took once it ended.</summary>
    public TimeSpan Elapsed => _startedAt == 0 ? TimeSpan.Zero
        : _endedAt == 0 ? System.Diagnostics.Stopwatch.GetElapsedTime(_startedAt)
        : System.Diagnostics.Stopwatch.GetElapsedTime(_startedAt, _endedAt);

    /// <summary>
    /// How far it has got, from 0 to 1: 0 until the engine has compiled the design and counted its host pairs (the
    /// progress then says none of none, which the engine calls done), and 1 once done.
    /// </summary>
    public double Fraction => State == AnalysisState.Done ? 1 : Progress.PairsTotal == 0 ? 0 : Progress.Fraction;

    /// <summary>The findings and matrix, once <see cref="State"/> is Done.</summary>
    public DesignAnalysis? Result { get; private set; }

    /// <summary>
    /// Asked for again by someone who saw an earlier analysis of the same content cut short by the time budget: how
    /// many host pairs that one had decided. The job goes on from there when the earlier result is still in memory
    /// (<see cref="AnalysisLimits.Continuing"/>), so each press decides more; null for a first analysis.
    /// </summary>
    public long? DecidedBefore { get; internal set; }

    /// <summary>
    /// Went on from a result cut short and was cut short again before finishing anything a further job could keep
    /// (<see cref="ReachabilityMatrix.Stalled"/>): unless the server is busy, a part of the design needs more than the
    /// budget, and asking again will not help.
    /// </summary>
    public bool Stalled => Result is { Matrix.Stalled: true };

    /// <summary>The earlier result cut short that this job goes on from; the queue drops it once the job has ended.</summary>
    internal DesignAnalysis? Earlier { get; set; }

    /// <summary>Why it failed, when <see cref="State"/> is Failed.</summary>
    public string? Error { get; private set; }

    public bool Finished => State is AnalysisState.Done or AnalysisState.Cancelled or AnalysisState.Failed;

    /// <summary>Completes with the result; cancelled or faulted as the job was.</summary>
    public Task<DesignAnalysis> Completion => _done.Task;

    /// <summary>Raised on every change of state or progress.</summary>
    public event Action<AnalysisJob>? Changed;

    internal CancellationToken Cancellation => _cancel.Token;

    /// <summary>How many keys want this job (guarded by the queue's lock); none left, and it is cancelled.</summary>
    internal int Claims { get; set; }

    internal static AnalysisJob Completed(string contentHash, DesignAnalysis result, long? decidedBefore = null)
    {
        var job = new AnalysisJob(contentHash) { DecidedBefore = decidedBefore };
        job.Finish(result);
        return job;
    }

    internal void Start() => Set(() =>
    {
        _startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        State = AnalysisState.Running;
    });

    internal void Report(AnalysisProgress progress) => Set(() => Progress = progress);

    internal void Finish(DesignAnalysis result)
    {
        if (!TryEnd())
        {
            return;
        }

        Set(() =>
        {
            Result = result;
            Progress = result.Matrix.Complete ? new AnalysisProgress(Progress.PairsTotal, Progress.PairsTotal) : Progress;
            State = AnalysisState.Done;
        });
        _done.TrySetResult(result);
    }

    internal void Cancel()
    {
        _cancel.Cancel();
        if (TryEnd())
        {
            Set(() => State = AnalysisState.Cancelled);
            _done.TrySetCanceled(_cancel.Token);
        }
    }

    internal void Fail(Exception error)
    {
        if (!TryEnd())
        {
            return;
        }

        Set(() =>
        {
            Error = error.Message;
            State = AnalysisState.Failed;
        });
        _done.TrySetException(error);
    }

    // A job ends once: a cancellation racing a result keeps whichever came first.
    private int _ended;
    private long _startedAt;
    private long _endedAt;

    private bool TryEnd()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return false;
        }

        _endedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        return true;
    }

    private void Set(Action change)
    {
        change();
        Changed?.Invoke(this);
    }
}
