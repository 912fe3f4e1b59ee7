using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Web.Analysis;

/// <summary>
/// The server's cores as analyses share them: every running analysis holds one for its own thread, and lends the
/// others to whichever analysis asks while they are free. A design analysed alone then uses the whole machine, and
/// analyses that run together keep to a thread each instead of crowding each other and the requests out.
/// </summary>
internal sealed class AnalysisCores(int cores) : ICoreLender
{
    private int _busy;

    /// <summary>An analysis starts on its own thread: it holds a core whether or not one was free.</summary>
    public void Occupy() => Interlocked.Increment(ref _busy);

    public void Release() => Interlocked.Decrement(ref _busy);

    public bool TryBorrow()
    {
        var busy = Volatile.Read(ref _busy);
        while (busy < cores)
        {
            var seen = Interlocked.CompareExchange(ref _busy, busy + 1, busy);
            if (seen == busy)
            {
                return true;
            }

            busy = seen;
        }

        return false;
    }

    public void Return() => Interlocked.Decrement(ref _busy);

    /// <summary>Helper threads yield to requests as the analysis's own thread does.</summary>
    public void PrepareThread() => BackgroundThreadPriority.LowerCurrentThread();
}
