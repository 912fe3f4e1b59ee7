namespace OneArmDesigner.Web.Classroom;

/// <summary>The classroom hub's event names and payloads (docs/api.md); every payload names its classroom.</summary>
public static class ClassroomEvents
{
    public const string Step = "step";

    public const string Followers = "followers";

    public const string Question = "question";

    public const string Tally = "tally";

    public const string Revealed = "revealed";

    public const string Ended = "ended";

    public static object StepOf(ClassroomState state) => StepOf(state.Code, state.Step);

    public static object StepOf(string code, int step) => new { code, step };

    public static object? QuestionOf(ClassroomState state) => state.Question is { } q
        ? new { code = state.Code, number = q.Number, kind = q.Kind, prompt = q.Prompt, choices = q.Choices }
        : null;

    public static object? TallyOf(ClassroomState state) => state.Question is { } q
        ? new { code = state.Code, number = q.Number, counts = q.Counts, answers = q.Answers }
        : null;

    public static object? RevealedOf(ClassroomState state) => state.Question is { } q
        ? new { code = state.Code, number = q.Number, answer = q.Answer, counts = q.Counts, step = state.Step }
        : null;
}
