using Microsoft.AspNetCore.SignalR;

namespace OneArmDesigner.Web.Classroom;

/// <summary>
/// Tells everyone in a classroom what changed: hub clients through the hub's groups (across instances through the
/// SignalR backplane), pages through the classroom bus. Followers are in group <see cref="FollowersOf"/>, presenters
/// in <see cref="PresentersOf"/>; the answer counts reach presenters only until the answer is revealed.
/// </summary>
public sealed class ClassroomNotifier(IHubContext<ClassroomHub> hub, IClassroomBus bus)
{
    public static string FollowersOf(string code) => "classroom:" + code;

    public static string PresentersOf(string code) => "classroom-presenters:" + code;

    public async Task StepAsync(ClassroomState state)
    {
        await StepToHubAsync(state.Code, state.Step);
        await bus.PublishAsync(state);
    }

    /// <summary>The <c>step</c> event to the hub's clients alone.</summary>
    public Task StepToHubAsync(string code, int step) =>
        Everyone(code).SendAsync(ClassroomEvents.Step, ClassroomEvents.StepOf(code, step));

    /// <summary>The new state to the pages alone.</summary>
    public Task ToPagesAsync(ClassroomState state) => bus.PublishAsync(state);

    public async Task FollowersAsync(ClassroomState state)
    {
        await hub.Clients.Group(PresentersOf(state.Code)).SendAsync(ClassroomEvents.Followers, new { code = state.Code, followers = state.Followers });
        await bus.PublishAsync(state);
    }

    public async Task QuestionAsync(ClassroomState state)
    {
        await Everyone(state.Code).SendAsync(ClassroomEvents.Question, ClassroomEvents.QuestionOf(state));
        await bus.PublishAsync(state);
    }

    public async Task TallyAsync(ClassroomState state)
    {
        await hub.Clients.Group(PresentersOf(state.Code)).SendAsync(ClassroomEvents.Tally, ClassroomEvents.TallyOf(state));
        await bus.PublishAsync(state);
    }

    /// <summary>The answer and its counts to everyone, then the step that shows it.</summary>
    public async Task RevealedAsync(ClassroomState state)
    {
        await Everyone(state.Code).SendAsync(ClassroomEvents.Revealed, ClassroomEvents.RevealedOf(state));
        await StepAsync(state);
    }

    public async Task EndedAsync(ClassroomState state)
    {
        await Everyone(state.Code).SendAsync(ClassroomEvents.Ended, new { code = state.Code });
        await bus.PublishAsync(state);
    }

    private IClientProxy Everyone(string code) => hub.Clients.Groups(FollowersOf(code), PresentersOf(code));
}
