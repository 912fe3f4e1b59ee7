using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Classroom;

/// <summary>A question the class answers before the presenter reveals the step that answers it.</summary>
/// <param name="RevealStep">The step (1-based) that shows the answer.</param>
public sealed record PredictQuestion(string Kind, string Prompt, IReadOnlyList<string> Choices, string Answer, int RevealStep);

/// <summary>
/// Predict questions made from a trace: which device the packet reaches next, and whether it is delivered or
/// dropped. Stands in until the teaching canvas's Predict mode (#13) ships its own generator; the two kinds and this
/// one entry point are what a classroom needs from it.
/// </summary>
public static class PredictQuestions
{
    public const string NextDevice = "next-device";

    public const string Disposition = "disposition";

    public static IReadOnlyList<string> Kinds { get; } = [NextDevice, Disposition];

    /// <summary>Most choices a next-device question offers, the answer always among them.</summary>
    private const int MaxDeviceChoices = 6;

    /// <summary>
    /// The question of this kind at a step (1-based; 0 before the first), or why there is none: the packet goes no
    /// further, or the walkthrough is over.
    /// </summary>
    public static (PredictQuestion? Question, string? Problem) At(IReadOnlyList<SimulationEvent> steps, int step, string kind)
    {
        if (steps.Count == 0 || step >= steps.Count)
        {
            return (null, "the walkthrough is at its last step: there is nothing left to predict");
        }

        var current = Math.Max(step - 1, 0);
        return kind switch
        {
            NextDevice => NextDeviceQuestion(steps, current),
            Disposition => DispositionQuestion(steps, current),
            _ => (null, $"kind: '{kind}' is not a question kind; use {string.Join(" or ", Kinds)}"),
        };
    }

    private static (PredictQuestion?, string?) NextDeviceQuestion(IReadOnlyList<SimulationEvent> steps, int current)
    {
        var here = steps[current];
        for (var next = current + 1; next < steps.Count && steps[next].PacketIndex == here.PacketIndex; next++)
        {
            if (steps[next].Device is { } device && device != here.Device)
            {
                var prompt = $"The {here.Packet} is at {here.Device}. Which device does it reach next?";
                return (new PredictQuestion(NextDevice, prompt, DeviceChoices(steps, device, here.Device), device, next + 1), null);
            }
        }

        return (null, $"the {here.Packet} goes no further than {here.Device}: ask whether it is delivered or dropped instead");
    }

    private static (PredictQuestion?, string?) DispositionQuestion(IReadOnlyList<SimulationEvent> steps, int current)
    {
        var packet = steps[current].PacketIndex;
        var last = current;
        while (last + 1 < steps.Count && steps[last + 1].PacketIndex == packet)
        {
            last++;
        }

        var answer = steps[last].Disposition ?? "dropped";
        var prompt = $"Is the {steps[current].Packet} delivered, or dropped on the way?";
        return (new PredictQuestion(Disposition, prompt, ["delivered", "dropped"], answer, last + 1), null);
    }

    /// <summary>
    /// The devices this exchange visits, in name order so their order gives nothing away, without the one the packet
    /// is at, cut to a few with the answer kept.
    /// </summary>
    private static IReadOnlyList<string> DeviceChoices(IReadOnlyList<SimulationEvent> steps, string answer, string? here)
    {
        var visited = steps.Select(s => s.Device).OfType<string>().Where(d => d != here && d != answer).Distinct().ToList();
        return [.. visited.Take(MaxDeviceChoices - 1).Append(answer).Order(StringComparer.Ordinal)];
    }
}
