namespace OneArmDesigner.Web.Editing;

/// <summary>
/// Debounced autosave: each edit restarts a short pause, and when the pause passes with no new edit the latest
/// state is saved once. Saves never overlap; an edit made during a save is saved right after it.
/// </summary>
public sealed class AutosaveScheduler : IAsyncDisposable
{
    /// <summary>The outcome a save callback reports.</summary>
    public enum Outcome
    {
        Saved,
        Failed,
        Conflict,
    }

    private readonly Func<CancellationToken, Task<Outcome>> _save;
    private readonly TimeSpan _pause;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _disposed = new();
    private readonly SemaphoreSlim _saving = new(1, 1);
    private ITimer? _timer;
    private int _editsSinceSave;

    public AutosaveScheduler(Func<CancellationToken, Task<Outcome>> save, TimeSpan pause, TimeProvider clock)
    {
        _save = save;
        _pause = pause;
        _clock = clock;
    }

    public SaveState State { get; private set; } = SaveState.Saved;

    /// <summary>Raised whenever <see cref="State"/> changes; may be raised on a timer thread.</summary>
    public event Action<SaveState>? StateChanged;

    /// <summary>Notes an edit and (re)starts the pause. Ignored after a conflict until <see cref="Resume"/>.</summary>
    public void EditMade()
    {
        if (State == SaveState.Conflict)
        {
            return;
        }

        Interlocked.Increment(ref _editsSinceSave);
        SetState(SaveState.Pending);
        _timer?.Dispose();
        _timer = _clock.CreateTimer(_ => _ = SaveNowAsync(), null, _pause, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Saves at once if anything is unsaved (used by the Save button and before leaving the page).</summary>
    public async Task SaveNowAsync()
    {
        if (_disposed.IsCancellationRequested || State == SaveState.Conflict)
        {
            return;
        }

        await _saving.WaitAsync();
        try
        {
            var edits = Interlocked.Exchange(ref _editsSinceSave, 0);
            if (edits == 0 && State != SaveState.Failed)
            {
                return;
            }

            SetState(SaveState.Saving);
            Outcome outcome;
            try
            {
                outcome = await _save(_disposed.Token);
            }
            catch (Exception) when (!_disposed.IsCancellationRequested)
            {
                outcome = Outcome.Failed;
            }

            if (outcome == Outcome.Failed)
            {
                Interlocked.Add(ref _editsSinceSave, edits);
            }

            SetState(outcome switch
            {
                Outcome.Conflict => SaveState.Conflict,
                Outcome.Failed => SaveState.Failed,
                _ when Volatile.Read(ref _editsSinceSave) > 0 => SaveState.Pending,
                _ => SaveState.Saved,
            });
        }
        finally
        {
            _saving.Release();
        }
    }

    /// <summary>After the user resolved a conflict (reloaded or forked), autosave may run again.</summary>
    public void Resume()
    {
        Interlocked.Exchange(ref _editsSinceSave, 0);
        SetState(SaveState.Saved);
    }

    private void SetState(SaveState state)
    {
        if (State == state)
        {
            return;
        }

        State = state;
        StateChanged?.Invoke(state);
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        _timer?.Dispose();
        _disposed.Dispose();
        _saving.Dispose();
    }
}
