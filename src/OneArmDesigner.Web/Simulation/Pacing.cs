using System.Runtime.CompilerServices;

namespace OneArmDesigner.Web.Simulation;

/// <summary>
/// Releases items on a fixed schedule: item i is due at start + i × delay. Waiting for a due time rather than
/// sleeping a fixed delay after each send keeps a slow send from pushing every later event back.
/// </summary>
public static class Pacing
{
    public static async IAsyncEnumerable<T> PaceAsync<T>(
        IEnumerable<T> items, TimeSpan delay, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var start = clock.GetTimestamp();
        var index = 0;
        foreach (var item in items)
        {
            ct.ThrowIfCancellationRequested();
            if (delay > TimeSpan.Zero)
            {
                var due = delay * index;
                var wait = due - clock.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, ct);
                }
            }

            yield return item;
            index++;
        }
    }
}
