using System.Collections.Concurrent;

namespace OneArmDesigner.Web.Simulation;

/// <summary>Counts the streams each connection is running, so the per-connection limit can be enforced.</summary>
public sealed class StreamSlots
{
    private readonly ConcurrentDictionary<string, int> _running = new();

    /// <summary>Takes a slot for the connection, or returns false when it already runs <paramref name="limit"/> streams.</summary>
    public bool TryTake(string connectionId, int limit)
    {
        while (true)
        {
            var current = _running.GetOrAdd(connectionId, 0);
            if (current >= limit)
            {
                return false;
            }

            if (_running.TryUpdate(connectionId, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Release(string connectionId)
    {
        while (_running.TryGetValue(connectionId, out var current))
        {
            if (current <= 1 ? _running.TryRemove(new KeyValuePair<string, int>(connectionId, current))
                             : _running.TryUpdate(connectionId, current - 1, current))
            {
                return;
            }
        }
    }

    public int RunningFor(string connectionId) => _running.TryGetValue(connectionId, out var n) ? n : 0;
}
