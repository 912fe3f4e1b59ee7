using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;
using OneArmDesigner.Engine.Training;

namespace OneArmDesigner.Engine.Tests.Training;

public sealed class PredictionQuestionsTests
{
    private static readonly Flow Rdp = new("LaptopA", "LaptopB", DestinationPort: 3389);
    private static readonly OneArmDesigner.Domain.Model.Design Broken = SeedTemplates.Asymmetric();
    private static readonly ExchangeResult BrokenResult = Simulator.Run(Broken, Rdp);
    private static readonly IReadOnlyList<PredictionQuestion> BrokenQuiz = PredictionQuestions.For(Broken, BrokenResult);

    private static IReadOnlyList<Step> AllSteps(ExchangeResult result) => [.. result.Packets.SelectMany(p => p.Steps)];

    [Fact]
    public void The_broken_walkthrough_asks_where_LaptopB_sends_the_SYN_ACK_with_the_ASA_right_and_MX80_B_offered()
    {
        var question = BrokenQuiz.Single(q => q.Kind == PredictionKind.NextDevice && q.Packet == "SYN-ACK");

        Assert.Equal("Where does LaptopB send the SYN-ACK next?", question.Prompt);
        Assert.Equal("device:ASA", question.Answer);
        Assert.Contains(question.Options, o => o.Text == "MX80-B");
        var revealed = AllSteps(BrokenResult)[question.RevealAt];
        Assert.Equal("ASA", revealed.Crossing!.ToDevice);
        Assert.True(question.AskBefore < question.RevealAt, "asked before LaptopB's route lookup gives the answer away");
        Assert.Equal(StepAction.Send, AllSteps(BrokenResult)[question.AskBefore].Action);
        Assert.Contains(question.Explanation, i => AllSteps(BrokenResult)[i].Detail.Contains("default gateway 192.168.1.1", StringComparison.Ordinal));
    }

    [Fact]
    public void It_asks_what_becomes_of_each_packet_as_it_sets_off_and_shows_the_answer_at_the_packets_last_step()
    {
        var outcomes = BrokenQuiz.Where(q => q.Kind == PredictionKind.Outcome).ToList();

        Assert.Equal(["SYN", "SYN-ACK"], outcomes.Select(q => q.Packet));
        Assert.Equal("delivered:LaptopB", outcomes[0].Answer);
        var synAck = outcomes[1];
        Assert.Equal("LaptopB sends the SYN-ACK to LaptopA. What becomes of it?", synAck.Prompt);
        Assert.Equal("dropped:ASA:no-session", synAck.Answer);
        Assert.StartsWith("ASA drops it: no connection matches it", synAck.RightOption.Text, StringComparison.Ordinal);
        Assert.Contains(synAck.Options, o => o.Key == "delivered:LaptopA");
        Assert.Equal(22, synAck.AskBefore);
        Assert.Equal(26, synAck.RevealAt);
    }

    [Fact]
    public void A_crossing_with_only_one_way_to_go_is_not_a_question()
    {
        Assert.DoesNotContain(BrokenQuiz, q => q.Prompt == "Where does LaptopA send the SYN next?");
    }

    [Theory]
    [InlineData(SeedTemplates.AsymmetricName)]
    [InlineData(SeedTemplates.TransitVlanName)]
    public void Every_question_offers_its_answer_among_at_most_four_distinct_options_and_is_revealed_no_earlier_than_asked(string template)
    {
        var design = TemplateCatalog.Find(template)!.Create();
        var result = Simulator.Run(design, Rdp);

        var quiz = PredictionQuestions.For(design, result);

        Assert.True(quiz.Count >= 5);
        Assert.Equal(Enumerable.Range(1, quiz.Count), quiz.Select(q => q.Number));
        Assert.All(quiz, q =>
        {
            Assert.InRange(q.Options.Count, 2, 4);
            Assert.Equal(q.Options.Count, q.Options.Select(o => o.Key).Distinct().Count());
            Assert.Single(q.Options, o => o.Key == q.Answer);
            Assert.True(q.RevealAt >= q.AskBefore);
            Assert.Contains(q.RevealAt, q.Explanation);
        });
        Assert.Equivalent(quiz, PredictionQuestions.For(design, result), strict: true);
        Assert.NotEqual(1, quiz.Select(q => q.Options.ToList().FindIndex(o => o.Key == q.Answer)).Distinct().Count());
    }

    [Fact]
    public void A_quiz_scores_each_question_once_and_only_with_its_own_options()
    {
        var quiz = new PredictionQuiz(BrokenQuiz);
        var first = quiz.AskedBefore(0)!;
        var wrong = first.Options.First(o => o.Key != first.Answer).Key;

        Assert.False(quiz.Answer(first, "device:Nowhere"));
        Assert.True(quiz.Answer(first, wrong));
        Assert.False(quiz.Answer(first, first.Answer));
        Assert.Null(quiz.AskedBefore(0));
        var second = BrokenQuiz[1];
        Assert.True(quiz.Answer(second, second.Answer));

        Assert.Equal((2, 1), (quiz.Answered, quiz.Right));
        Assert.False(quiz.Finished);
        Assert.Equal([first], quiz.RevealedAt(first.RevealAt));
    }
}
