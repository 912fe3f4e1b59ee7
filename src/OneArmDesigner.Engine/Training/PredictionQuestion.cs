namespace OneArmDesigner.Engine.Training;

/// <summary>What a question asks the trainee to predict.</summary>
public enum PredictionKind
{
    /// <summary>Which device the packet goes to next.</summary>
    NextDevice,

    /// <summary>Whether the packet arrives, or which device drops it and why.</summary>
    Outcome,
}

/// <summary>One answer offered; <see cref="Key"/> is stable (for links, classrooms and tests), <see cref="Text"/> is for people.</summary>
public sealed record PredictionOption(string Key, string Text);

/// <summary>
/// One decision of a traced exchange to predict before it is shown. Step indexes count the exchange's steps in order
/// across all its packets, from 0 (as the playback's event list does, less one).
/// </summary>
/// <param name="Number">1-based position in the quiz.</param>
/// <param name="Packet">The packet the question is about (SYN, SYN-ACK...).</param>
/// <param name="AskBefore">Ask before this step is shown: for a next device, the device's first step with the packet
/// (its route lookup would give the answer away); for an outcome, the packet's first step.</param>
/// <param name="RevealAt">The step that shows the answer: the crossing to the next device, or the packet's last step.</param>
/// <param name="Answer">The key of the right option.</param>
/// <param name="Explanation">The steps whose narration explains the answer, to show as feedback.</param>
public sealed record PredictionQuestion(
    int Number,
    PredictionKind Kind,
    string Packet,
    int AskBefore,
    int RevealAt,
    string Prompt,
    IReadOnlyList<PredictionOption> Options,
    string Answer,
    IReadOnlyList<int> Explanation)
{
    public PredictionOption RightOption => Options.First(o => o.Key == Answer);

    public bool IsRight(string key) => key == Answer;
}
