using Microsoft.Extensions.Time.Testing;
using OneArmDesigner.Web.Editing;

namespace OneArmDesigner.Web.Tests.Editing;

public sealed class AutosaveSchedulerTests : IAsyncLifetime
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _clock = new();
    private readonly List<SaveState> _states = [];
    private AutosaveScheduler _scheduler = null!;
    private int _saves;
    private AutosaveScheduler.Outcome _nextOutcome = AutosaveScheduler.Outcome.Saved;

    public Task InitializeAsync()
    {
        _scheduler = new AutosaveScheduler(_ =>
        {
            _saves++;
            return Task.FromResult(_nextOutcome);
        }, Pause, _clock);
        _scheduler.StateChanged += _states.Add;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _scheduler.DisposeAsync();

    [Fact]
    public async Task A_burst_of_edits_is_saved_once_after_the_pause()
    {
        _scheduler.EditMade();
        _clock.Advance(TimeSpan.FromSeconds(1));
        _scheduler.EditMade();
        _clock.Advance(TimeSpan.FromSeconds(1));
        _scheduler.EditMade();
        Assert.Equal(0, _saves);

        _clock.Advance(Pause);
        await WaitForStateAsync(SaveState.Saved);

        Assert.Equal(1, _saves);
        Assert.Equal([SaveState.Pending, SaveState.Saving, SaveState.Saved], _states);
    }

    [Fact]
    public async Task A_failed_save_is_reported_and_retried_with_the_next_save()
    {
        _nextOutcome = AutosaveScheduler.Outcome.Failed;
        _scheduler.EditMade();
        _clock.Advance(Pause);
        await WaitForStateAsync(SaveState.Failed);

        _nextOutcome = AutosaveScheduler.Outcome.Saved;
        await _scheduler.SaveNowAsync();

        Assert.Equal(SaveState.Saved, _scheduler.State);
        Assert.Equal(2, _saves);
    }

    [Fact]
    public async Task A_conflict_stops_autosave_until_resumed()
    {
        _nextOutcome = AutosaveScheduler.Outcome.Conflict;
        _scheduler.EditMade();
        _clock.Advance(Pause);
        await WaitForStateAsync(SaveState.Conflict);

        _scheduler.EditMade();
        _clock.Advance(Pause);
        await _scheduler.SaveNowAsync();

        Assert.Equal(1, _saves);
        Assert.Equal(SaveState.Conflict, _scheduler.State);
        _scheduler.Resume();
        Assert.Equal(SaveState.Saved, _scheduler.State);
    }

    [Fact]
    public async Task Save_now_with_nothing_unsaved_does_not_call_the_server()
    {
        await _scheduler.SaveNowAsync();

        Assert.Equal(0, _saves);
    }

    private async Task WaitForStateAsync(SaveState expected)
    {
        // The timer callback runs the save on the thread pool; wait (bounded) for it to land.
        for (var i = 0; i < 200 && _scheduler.State != expected; i++)
        {
            await Task.Delay(5);
        }

        Assert.Equal(expected, _scheduler.State);
    }
}
