using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Web.Classroom;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Tests.Classroom;

public sealed class PredictQuestionsTests
{
    /// <summary>The broken seed walkthrough: the SYN reaches LaptopB through the tunnel, the SYN-ACK dies at the ASA.</summary>
    private static readonly IReadOnlyList<SimulationEvent> Steps =
        [.. TraceEvents.From(Simulator.Run(SeedTemplates.Asymmetric(), new Flow("LaptopA", "LaptopB"))).Where(e => e.Type == "step")];

    [Fact]
    public void The_next_device_question_names_the_first_other_device_the_packet_reaches_and_reveals_that_step()
    {
        var (question, problem) = PredictQuestions.At(Steps, step: 1, PredictQuestions.NextDevice);

        Assert.Null(problem);
        var next = Steps.Skip(1).First(s => s.Device != Steps[0].Device);
        Assert.Equal(next.Device, question!.Answer);
        Assert.Equal(next.Device, Steps[question.RevealStep - 1].Device);
        Assert.Contains(question.Answer, question.Choices);
        Assert.DoesNotContain(Steps[0].Device, question.Choices);
        Assert.Equal(question.Choices.Order(StringComparer.Ordinal), question.Choices);
    }

    [Fact]
    public void The_disposition_question_is_answered_by_the_packets_last_step()
    {
        var synAck = Steps.Select((s, i) => (s, i)).First(x => x.s.Packet == "SYN-ACK").i + 1;

        var (question, _) = PredictQuestions.At(Steps, synAck, PredictQuestions.Disposition);

        Assert.Equal(["delivered", "dropped"], question!.Choices);
        Assert.Equal("dropped", question.Answer);
        Assert.Equal("ASA", Steps[question.RevealStep - 1].Device);
        Assert.Equal("dropped", Steps[question.RevealStep - 1].Disposition);
    }

    [Fact]
    public void At_a_packets_last_step_there_is_no_next_device_and_at_the_end_nothing_to_predict()
    {
        var lastOfSyn = Steps.Select((s, i) => (s, i)).Last(x => x.s.Packet == "SYN").i + 1;

        Assert.Contains("goes no further", PredictQuestions.At(Steps, lastOfSyn, PredictQuestions.NextDevice).Problem, StringComparison.Ordinal);
        Assert.Contains("last step", PredictQuestions.At(Steps, Steps.Count, PredictQuestions.Disposition).Problem, StringComparison.Ordinal);
        Assert.Contains("not a question kind", PredictQuestions.At(Steps, 1, "colour").Problem, StringComparison.Ordinal);
    }
}
