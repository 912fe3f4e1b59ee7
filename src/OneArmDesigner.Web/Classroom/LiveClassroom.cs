using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Classroom;

/// <summary>
/// Every classroom action as the hub and the pages perform it: the change in the store, then, when it succeeded,
/// the news to everyone in the class. Refusals change nothing and tell no one.
/// </summary>
public sealed class LiveClassroom(ClassroomStore store, ClassroomNotifier notifier)
{
    public ClassroomStore Store => store;

    public Task<StoreResult<ClassroomState>> JoinAsync(string? code, string followerId, CancellationToken ct = default) =>
        Then(store.JoinAsync(code, followerId, ct), notifier.FollowersAsync);

    public async Task LeaveAsync(string followerId)
    {
        foreach (var state in await store.LeaveAsync(followerId, CancellationToken.None))
        {
            await notifier.FollowersAsync(state);
        }
    }

    /// <summary>
    /// The step goes out to the class as soon as it is stored; the follower count and answers, which only pages
    /// show, are read after, so they add nothing to the delay every follower sees.
    /// </summary>
    public async Task<StoreResult<ClassroomState>> SetStepAsync(string? token, int step, CancellationToken ct = default)
    {
        var moved = await store.MoveAsync(token, step, ct);
        if (!moved.Succeeded)
        {
            return moved.As<ClassroomState>();
        }

        await notifier.StepToHubAsync(moved.Value!.Code, moved.Value.Step);
        var state = await store.StateAsync(moved.Value, ct);
        await notifier.ToPagesAsync(state);
        return StoreResult<ClassroomState>.Ok(state);
    }

    public Task<StoreResult<ClassroomState>> AskAsync(string? token, string? kind, CancellationToken ct = default) =>
        Then(store.AskAsync(token, kind, ct), notifier.QuestionAsync);

    public Task<StoreResult<ClassroomState>> AnswerAsync(string? code, string followerId, string? choice, CancellationToken ct = default) =>
        Then(store.AnswerAsync(code, followerId, choice, ct), notifier.TallyAsync);

    public Task<StoreResult<ClassroomState>> RevealAsync(string? token, CancellationToken ct = default) =>
        Then(store.RevealAsync(token, ct), notifier.RevealedAsync);

    public Task<StoreResult<ClassroomState>> EndAsync(string? token, CancellationToken ct = default) =>
        Then(store.EndAsync(token, ct), notifier.EndedAsync);

    private static async Task<StoreResult<ClassroomState>> Then(Task<StoreResult<ClassroomState>> change, Func<ClassroomState, Task> tell)
    {
        var result = await change;
        if (result.Succeeded)
        {
            await tell(result.Value!);
        }

        return result;
    }
}
