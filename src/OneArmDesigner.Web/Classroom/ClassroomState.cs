namespace OneArmDesigner.Web.Classroom;

/// <summary>Where a classroom stands, as every page and event shows it.</summary>
/// <param name="Step">The presenter's step, 1-based; 0 before the first.</param>
/// <param name="StepCount">How many steps the walkthrough has.</param>
public sealed record ClassroomState(string Code, string Title, int Step, int StepCount, int Followers, QuestionState? Question, bool Ended);

/// <summary>The latest question: open while answers come in, then revealed with its answer.</summary>
/// <param name="Counts">Answers per choice, every choice listed (zero included), in the choices' order.</param>
/// <param name="Answer">The right choice; null until revealed, so it never reaches a follower early.</param>
public sealed record QuestionState(int Number, string Kind, string Prompt, IReadOnlyList<string> Choices,
    IReadOnlyDictionary<string, int> Counts, bool Revealed, string? Answer)
{
    public int Answers => Counts.Values.Sum();
}

/// <summary>A new classroom: the code followers type, and the presenter's secret.</summary>
public sealed record CreatedClassroom(string Code, string PresenterToken, string Title);
