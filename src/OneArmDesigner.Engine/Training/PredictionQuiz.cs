namespace OneArmDesigner.Engine.Training;

/// <summary>
/// One person's run through a quiz: the questions, the answers given so far and the score. The player asks each
/// question when playback reaches it; a live class would keep one of these per follower.
/// </summary>
public sealed class PredictionQuiz(IReadOnlyList<PredictionQuestion> questions)
{
    private readonly Dictionary<int, string> _answers = [];

    public IReadOnlyList<PredictionQuestion> Questions { get; } = questions;

    public int Answered => _answers.Count;

    public int Right => _answers.Count(a => Questions[a.Key - 1].IsRight(a.Value));

    public bool Finished => _answers.Count == Questions.Count;

    /// <summary>The first unanswered question to ask before this step is shown, if any.</summary>
    public PredictionQuestion? AskedBefore(int stepIndex) =>
        Questions.FirstOrDefault(q => q.AskBefore == stepIndex && !_answers.ContainsKey(q.Number));

    /// <summary>The answered questions whose answer this step shows.</summary>
    public IEnumerable<PredictionQuestion> RevealedAt(int stepIndex) =>
        Questions.Where(q => q.RevealAt == stepIndex && _answers.ContainsKey(q.Number));

    public string? AnswerTo(PredictionQuestion question) => _answers.GetValueOrDefault(question.Number);

    /// <summary>Records an answer; false if the question was already answered or the option is not one of its own.</summary>
    public bool Answer(PredictionQuestion question, string key)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Options.Any(o => o.Key == key) && _answers.TryAdd(question.Number, key);
    }
}
