using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Web.Analysis;

namespace OneArmDesigner.Web.Tests.Analysis;

/// <summary>
/// The real engine behind a gate: each analysis reports a first progress, then waits until the test lets one through
/// (or its job is cancelled), so a test can look at the queue while jobs are running, without timing anything.
/// </summary>
internal sealed class GatedAnalysisEngine : IAnalysisEngine
{
    private readonly SemaphoreSlim _gate = new(0);
    private readonly SemaphoreSlim _started = new(0);
    private int _calls;
    private int _cancelled;

    /// <summary>How many analyses the queue has asked for.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>How many saw their cancellation while waiting at the gate.</summary>
    public int Cancelled => Volatile.Read(ref _cancelled);

    /// <summary>The limits the queue gave the latest analysis.</summary>
    public AnalysisLimits? LastLimits { get; private set; }

    public DesignAnalysis Analyze(Design design, AnalysisLimits limits)
    {
        LastLimits = limits;
        Interlocked.Increment(ref _calls);
        limits.Progress?.Report(new AnalysisProgress(0, 100));
        _started.Release();
        try
        {
            _gate.Wait(limits.Cancellation);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _cancelled);
            throw;
        }

        return DesignAnalyzer.Analyze(design, limits);
    }

    /// <summary>Lets <paramref name="count"/> waiting (or future) analyses run to their end.</summary>
    public void Open(int count = 1) => _gate.Release(count);

    /// <summary>Waits until one more analysis has reached the gate.</summary>
    public async Task StartedAsync()
    {
        if (!await _started.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("No analysis started.");
        }
    }

    /// <summary>Waits until the queue has seen its job cancelled <paramref name="count"/> times.</summary>
    public async Task CancelledAsync(int count)
    {
        for (var i = 0; i < 600 && Cancelled < count; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(count, Cancelled);
    }
}
