using Microsoft.AspNetCore.SignalR;
using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Classroom;

/// <summary>
/// The live classroom hub (docs/api.md). Followers <see cref="Join"/> with the code and receive <c>step</c> events;
/// the presenter moves everyone with <see cref="SetStep"/>, asks, reveals and ends, each call carrying the presenter
/// token. A refused call is a hub error naming the problem; nothing about the session changes for anyone else.
/// </summary>
public sealed class ClassroomHub(LiveClassroom classroom, ClassroomRateLimits limits) : Hub
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

        var found = await classroom.Store.GetAsync(code, Context.ConnectionAborted);
        if (found is null)
        {
            limits.TryFail(address);
            throw new HubException(ClassroomStore.UnknownCodeMessage);
        }

        // In the group before joining, so a step set in between reaches this follower too.
        var group = ClassroomNotifier.FollowersOf(found.Code);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        var joined = await classroom.JoinAsync(found.Code, Context.ConnectionId, Context.ConnectionAborted);
        if (!joined.Succeeded)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
            throw new HubException(joined.Message);
        }

        var state = joined.Value!;
        await Clients.Caller.SendAsync(ClassroomEvents.Step, ClassroomEvents.StepOf(state));
        return FollowerView(state);
    }

    /// <summary>Receives the presenter's events (follower counts, live answer counts) and the session as it stands.</summary>
    public async Task<ClassroomState> Present(string presenterToken)
    {
        var state = Succeeded(await classroom.Store.PresenterStateAsync(presenterToken, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, ClassroomNotifier.PresentersOf(state.Code));
        return state;
    }

    /// <summary>Moves every follower to this step (1-based; 0 before the first).</summary>
    public async Task SetStep(string presenterToken, int step) =>
        Succeeded(await classroom.SetStepAsync(presenterToken, step, Context.ConnectionAborted));

    /// <summary>Asks the class a Predict question about the current step: kind next-device or disposition.</summary>
    public async Task Ask(string presenterToken, string kind) =>
        Succeeded(await classroom.AskAsync(presenterToken, kind, Context.ConnectionAborted));

    public async Task Answer(string code, string choice) =>
        Succeeded(await classroom.AnswerAsync(code, Context.ConnectionId, choice, Context.ConnectionAborted));

    public async Task Reveal(string presenterToken) =>
        Succeeded(await classroom.RevealAsync(presenterToken, Context.ConnectionAborted));

    public async Task End(string presenterToken) =>
        Succeeded(await classroom.EndAsync(presenterToken, Context.ConnectionAborted));

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await classroom.LeaveAsync(Context.ConnectionId);
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
        result.Succeeded ? result.Value! : throw new HubException(
            result.Problems.Count > 0 ? $"{result.Message} {string.Join("; ", result.Problems)}" : result.Message ?? "Refused.");
}
