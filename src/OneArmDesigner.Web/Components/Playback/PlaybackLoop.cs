namespace OneArmDesigner.Web.Components.Playback;

/// <summary>
/// Plays: takes a step, waits the pace, and again, until the step says there is nothing more or it is stopped. Steps
/// run through the component's dispatcher; the component is told when playing ends on its own.
/// </summary>
public sealed class PlaybackLoop(Func<Func<Task>, Task> dispatch) : IDisposable
{
    private CancellationTokenSource? _running;

    public bool Playing => _running is not null;

    /// <param name="step">Takes one step; false when playing should end.</param>
    /// <param name="pace">The time between steps, read before each wait (the speed can change while playing).</param>
    /// <param name="ended">Called (on the dispatcher) when playing ends by itself.</param>
    public void Start(Func<Task<bool>> step, Func<TimeSpan> pace, Action ended)
    {
        Stop();
        var running = new CancellationTokenSource();
        _running = running;
        _ = RunAsync(step, pace, ended, running);
    }

    public void Stop()
    {
        _running?.Cancel();
        _running?.Dispose();
        _running = null;
    }

    public void Dispose() => Stop();

    private async Task RunAsync(Func<Task<bool>> step, Func<TimeSpan> pace, Action ended, CancellationTokenSource running)
    {
        var ct = running.Token;
        try
        {
            var more = true;
            while (more && !ct.IsCancellationRequested)
            {
                await dispatch(async () => more = !ct.IsCancellationRequested && await step());
                if (more)
                {
                    await Task.Delay(pace(), ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Paused or disposed.
            return;
        }

        await dispatch(() =>
        {
            if (_running == running)
            {
                Stop();
                ended();
            }

            return Task.CompletedTask;
        });
    }
}
