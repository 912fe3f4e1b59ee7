using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Web.Analysis;

/// <summary>
/// Every analysis the server does goes through here, in the background and never on a request's or a circuit's
/// thread. Each requester names a key (a stored design, or one open design page): a key holds one claim on one job,
/// and a newer request under the same key moves the claim, cancelling the older job once nobody claims it. Requests
/// for the same content share one job; finished results are kept by content hash (in memory here, in the database
/// through <see cref="StoredAnalyses"/>), so the same design is never analysed twice. At most
/// <see cref="AnalysisOptions.MaxConcurrent"/> jobs run at once, each within <see cref="AnalysisOptions.MaxSeconds"/>.
/// </summary>
public sealed class AnalysisQueue : IDisposable
{
    /// <summary>
    /// Full results (findings and matrix) kept in memory, in megabytes as the matrix counts them (about one byte a
    /// host pair, at least one a result); the least recently used go first. The database keeps findings for longer.
    /// </summary>
    private const int CachedMegabytes = 256;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, AnalysisJob> _jobsByHash = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Claim> _claimsByKey = new(StringComparer.Ordinal);
    private readonly MemoryCache _results = new(new MemoryCacheOptions { SizeLimit = CachedMegabytes });
    private readonly SemaphoreSlim _places;
    private readonly AnalysisCores _cores = new(Environment.ProcessorCount);
    private readonly AnalysisOptions _options;
    private readonly IAnalysisEngine _engine;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<AnalysisQueue> _log;
    private int _running;
    private int _peakRunning;
    private int _started;

    public AnalysisQueue(IOptions<AnalysisOptions> options, IAnalysisEngine engine, IServiceScopeFactory scopes, ILogger<AnalysisQueue> log)
    {
        _options = options.Value;
        _engine = engine;
        _scopes = scopes;
        _log = log;
        _places = new SemaphoreSlim(_options.Concurrency, _options.Concurrency);
    }

    /// <summary>How many analyses have started computing since the app started (cache hits and joins excluded).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>How many are computing now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>The most that ever computed at once.</summary>
    public int PeakRunning => Volatile.Read(ref _peakRunning);

    /// <summary>Jobs queued or running, by content hash.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _jobsByHash.Count;
            }
        }
    }

    /// <summary>Waits until no job is queued or running (each finished one has stored its findings by then).</summary>
    public async Task IdleAsync(CancellationToken ct = default)
    {
        while (Pending > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), ct);
        }
    }

    /// <summary>The full result for this content, if it is still in memory.</summary>
    public DesignAnalysis? Cached(string contentHash) => _results.Get<CachedResult>(contentHash)?.Analysis;

    /// <summary>A result kept in memory, and what the result it went on from had decided (<see cref="AnalysisJob.DecidedBefore"/>).</summary>
    private sealed record CachedResult(DesignAnalysis Analysis, long? DecidedBefore);

    /// <summary>
    /// The analysis of <paramref name="design"/> for <paramref name="key"/>: done at once from the cache, joined when
    /// another key already asked for the same content, or started. It replaces the key's earlier request. When
    /// <paramref name="requesterGone"/> fires, the key's claim is dropped, and a job nobody claims is cancelled.
    /// </summary>
    public AnalysisJob Request(string key, Design design, string? contentHash = null, CancellationToken requesterGone = default) =>
        Request(key, design, contentHash ?? DesignContentHash.Of(design), requesterGone, earlier: null);

    private AnalysisJob Request(string key, Design design, string hash, CancellationToken requesterGone, DesignAnalysis? earlier)
    {
        AnalysisJob? toStart = null;
        AnalysisJob job;
        lock (_lock)
        {
            if (_claimsByKey.TryGetValue(key, out var current) && current.Job.ContentHash == hash && !current.Job.Finished)
            {
                return current.Job;
            }

            ReleaseLocked(key);
            if (_results.Get<CachedResult>(hash) is { } cached)
            {
                return AnalysisJob.Completed(hash, cached.Analysis, cached.DecidedBefore);
            }

            if (!_jobsByHash.TryGetValue(hash, out job!))
            {
                job = new AnalysisJob(hash) { Earlier = earlier, DecidedBefore = earlier?.Matrix.Count };
                _jobsByHash[hash] = job;
                toStart = job;
            }

            var claim = new Claim(key, job);
            job.Claims++;
            _claimsByKey[key] = claim;
            if (requesterGone.CanBeCanceled)
            {
                claim.Registration = requesterGone.Register(() => Release(key, claim));
            }
        }

        if (toStart is not null)
        {
            _ = RunAsync(toStart, design);
        }

        return job;
    }

    /// <summary>
    /// As <see cref="Request"/>, but a result in memory that the time budget cut short is replaced by a job that goes
    /// on from it (rounds of sources it finished are not played again, and the result is the same as one run from the
    /// start), so a design that needs more than one budget is finished by asking again, each job within the budget. A
    /// complete result is kept and answered at once, and a key whose job is still running keeps it, so asking again
    /// and again costs no more than one job per key.
    /// </summary>
    public AnalysisJob Reanalyse(string key, Design design, string? contentHash = null, CancellationToken requesterGone = default)
    {
        var hash = contentHash ?? DesignContentHash.Of(design);
        var cutShort = Cached(hash) is { Report.Complete: false } earlier ? earlier : null;
        if (cutShort is not null)
        {
            _results.Remove(hash);
        }

        return Request(key, design, hash, requesterGone, cutShort);
    }

    /// <summary>The job the key is waiting for, while it is queued or running.</summary>
    public AnalysisJob? Claimed(string key)
    {
        lock (_lock)
        {
            return _claimsByKey.TryGetValue(key, out var claim) && !claim.Job.Finished ? claim.Job : null;
        }
    }

    /// <summary>Drops the key's claim (its requester went away, or it no longer needs an analysis).</summary>
    public void Release(string key)
    {
        lock (_lock)
        {
            ReleaseLocked(key);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var job in _jobsByHash.Values)
            {
                job.Cancel();
            }
        }

        _results.Dispose();
    }

    private void Release(string key, Claim claim)
    {
        lock (_lock)
        {
            if (_claimsByKey.TryGetValue(key, out var current) && ReferenceEquals(current, claim))
            {
                ReleaseLocked(key);
            }
        }
    }

    private void ReleaseLocked(string key)
    {
        if (!_claimsByKey.Remove(key, out var claim))
        {
            return;
        }

        claim.Registration.Dispose();
        if (--claim.Job.Claims == 0 && !claim.Job.Finished)
        {
            _jobsByHash.Remove(claim.Job.ContentHash);
            claim.Job.Cancel();
        }
    }

    private async Task RunAsync(AnalysisJob job, Design design)
    {
        try
        {
            await _places.WaitAsync(job.Cancellation);
        }
        catch (OperationCanceledException)
        {
            KeepEarlier(job);
            return;
        }

        try
        {
            Interlocked.Increment(ref _started);
            _cores.Occupy();
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _peakRunning, running);
            job.Start();
            var limits = new AnalysisLimits
            {
                Budget = _options.Budget,
                Cancellation = job.Cancellation,
                Progress = new InlineProgress(job.Report),
                Threads = _options.Threads,
                Cores = _cores,
                Continuing = job.Earlier?.Matrix,
                MaxHostPairs = _options.MaxHostPairs,
            };

            // The engine is synchronous and CPU-bound for up to the budget: a thread of its own, not one of the
            // thread pool's few (one per core at first), which requests and circuits need to stay responsive.
            var result = await Task.Factory.StartNew(
                () =>
                {
                    BackgroundThreadPriority.LowerCurrentThread();
                    return _engine.Analyze(design, limits);
                },
                job.Cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            job.Earlier = null;
            Keep(job.ContentHash, new CachedResult(result, job.DecidedBefore));
            job.Finish(result);
            await PersistAsync(job.ContentHash, result.Report);
        }
        catch (OperationCanceledException)
        {
            job.Cancel();
            KeepEarlier(job);
        }
        catch (Exception error)
        {
            _log.LogError(error, "The analysis of design content {Hash} failed", job.ContentHash);
            job.Fail(error);
            KeepEarlier(job);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            _cores.Release();
            _places.Release();
            Forget(job);
        }
    }

    /// <summary>
    /// A job that went on from a result cut short and was cancelled puts that result back, so its findings are still
    /// shown and the next job can go on from it; it drops it in any case, since a result can hold a large matrix.
    /// </summary>
    private void KeepEarlier(AnalysisJob job)
    {
        if (job.Earlier is { } earlier)
        {
            Keep(job.ContentHash, new CachedResult(earlier, null));
        }

        job.Earlier = null;
    }

    /// <summary>Keeps a result in memory, counted by the size of its matrix.</summary>
    private void Keep(string contentHash, CachedResult cached) =>
        _results.Set(contentHash, cached, new MemoryCacheEntryOptions { Size = 1 + (cached.Analysis.Matrix.Count / 1_000_000) });

    private async Task PersistAsync(string contentHash, ValidationReport report)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StoredAnalyses>().AttachAsync(contentHash, report, CancellationToken.None);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The result is still served from memory; the next request for it stores it again.
            _log.LogWarning(error, "The findings of design content {Hash} could not be stored", contentHash);
        }
    }

    private void Forget(AnalysisJob job)
    {
        lock (_lock)
        {
            if (_jobsByHash.TryGetValue(job.ContentHash, out var current) && ReferenceEquals(current, job))
            {
                _jobsByHash.Remove(job.ContentHash);
            }

            foreach (var (key, claim) in _claimsByKey.Where(c => ReferenceEquals(c.Value.Job, job)).ToList())
            {
                claim.Registration.Dispose();
                _claimsByKey.Remove(key);
            }
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private sealed class Claim(string key, AnalysisJob job)
    {
        public string Key { get; } = key;

        public AnalysisJob Job { get; } = job;

        public CancellationTokenRegistration Registration { get; set; }
    }

    /// <summary>Reports on the engine's thread as it happens (Progress&lt;T&gt; would post to a context we do not want).</summary>
    private sealed class InlineProgress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }
}
