using Microsoft.AspNetCore.SignalR;
using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Classroom;

/// <summary>
/// The live classroom hub (docs/api.md). Followers <see cref="Join"/> with the code and receive <c>step</c> events;
/// the presenter moves everyone with <see cref="SetStep"/>, asks, reveals and ends, each call carrying the presenter
/// token. A refused call is a hub error naming the problem; nothing about the session changes for anyone else.
/// </summary>
public sealed class ClassroomHub(ClassroomStore store, ClassroomNotifier notifier, ClassroomRateLimits limits) : Hub
{
    public const string Path = "/hubs/classroom";

    /// <summary>Follows a session: the caller gets a <c>step</c> event with the current step at once, then every move.</summary>
    public async Task<object> Join(string code)
    {
        if (!limits.TryJoin(Context.ConnectionId))
        {
            throw new HubException("Too many joins from this connection this minute (limit Classroom:JoinsPerConnectionPerMinute); wait a minute.");
        }

        var address = ClassroomRateLimits.AddressOf(Context.GetHttpContext());
        if (!limits.MayGuess(address))
        {
            throw new HubException("Too many joins with unknown codes from this address this minute (limit Classroom:FailedJoinsPerAddressPerMinute); wait a minute.");
        }

        var joined = await store.JoinAsync(code, Context.ConnectionId, Context.ConnectionAborted);
        if (!joined.Succeeded)
        {
            limits.TryFail(address);
            throw new HubException(joined.Message);
        }

        var state = joined.Value!;
        await Groups.AddToGroupAsync(Context.ConnectionId, ClassroomNotifier.FollowersOf(state.Code));
        await Clients.Caller.SendAsync(ClassroomEvents.Step, ClassroomEvents.StepOf(state));
        await notifier.FollowersAsync(state);
        return FollowerView(state);
    }

    /// <summary>Receives the presenter's events (follower counts, live answer counts) and the session as it stands.</summary>
    public async Task<ClassroomState> Present(string presenterToken)
    {
        var state = Succeeded(await store.PresenterStateAsync(presenterToken, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, ClassroomNotifier.PresentersOf(state.Code));
        return state;
    }

    /// <summary>Moves every follower to this step (1-based; 0 before the first).</summary>
    public async Task SetStep(string presenterToken, int step) =>
        await notifier.StepAsync(Succeeded(await store.SetStepAsync(presenterToken, step, Context.ConnectionAborted)));

    /// <summary>Asks the class a Predict question about the current step: kind next-device or disposition.</summary>
    public async Task Ask(string presenterToken, string kind) =>
        await notifier.QuestionAsync(Succeeded(await store.AskAsync(presenterToken, kind, Context.ConnectionAborted)));

    public async Task Answer(string code, string choice) =>
        await notifier.TallyAsync(Succeeded(await store.AnswerAsync(code, Context.ConnectionId, choice, Context.ConnectionAborted)));

    public async Task Reveal(string presenterToken) =>
        await notifier.RevealedAsync(Succeeded(await store.RevealAsync(presenterToken, Context.ConnectionAborted)));

    public async Task End(string presenterToken) =>
        await notifier.EndedAsync(Succeeded(await store.EndAsync(presenterToken, Context.ConnectionAborted)));

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var state in await store.LeaveAsync(Context.ConnectionId, CancellationToken.None))
        {
            await notifier.FollowersAsync(state);
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>What a follower may see: no answer before it is revealed, no counts before then either.</summary>
    private static object FollowerView(ClassroomState state) => new
    {
        code = state.Code,
        title = state.Title,
        step = state.Step,
        stepCount = state.StepCount,
        followers = state.Followers,
        question = state.Question is { Revealed: false } ? ClassroomEvents.QuestionOf(state) : null,
    };

    private static ClassroomState Succeeded(StoreResult<ClassroomState> result) =>
        result.Succeeded ? result.Value! : throw new HubException(Describe(result));

    private static string Describe<T>(StoreResult<T> result) =>
        result.Problems.Count > 0 ? $"{result.Message} {string.Join("; ", result.Problems)}" : result.Message ?? "Refused.";
}
