using Bunit;
using OneArmDesigner.Web.Classroom;
using OneArmDesigner.Web.Components.Classroom;

namespace OneArmDesigner.Web.Tests.Components.Classroom;

public sealed class AnswerChartTests : ComponentTestContext
{
    private static QuestionState Question(bool revealed) => new(1, PredictQuestions.NextDevice, "Which device next?", ["ASA", "Internet", "MX80-B"],
        new Dictionary<string, int> { ["ASA"] = 3, ["Internet"] = 6, ["MX80-B"] = 0 }, revealed, revealed ? "Internet" : null);

    [Fact]
    public void Each_choice_gets_a_bar_as_long_as_its_share_of_the_most_answered_one_and_the_total_is_counted()
    {
        var chart = Render<AnswerChart>(p => p.Add(x => x.Question, Question(revealed: false)));

        var rows = chart.FindAll("[data-testid=answer-row]");
        Assert.Equal(["ASA", "Internet", "MX80-B"], rows.Select(r => r.GetAttribute("data-choice")));
        Assert.Equal(["width:50%", "width:100%", "width:0%"], chart.FindAll(".answer-fill").Select(f => f.GetAttribute("style")));
        Assert.Equal("9 answers", chart.Find("[data-testid=answer-total]").TextContent);
        Assert.Empty(chart.FindAll(".answer-row.right"));
    }

    [Fact]
    public void Once_revealed_the_right_choice_is_marked_and_only_it()
    {
        var chart = Render<AnswerChart>(p => p.Add(x => x.Question, Question(revealed: true)));

        var right = Assert.Single(chart.FindAll(".answer-row.right"));
        Assert.Equal("Internet", right.GetAttribute("data-choice"));
        Assert.Contains("✓", right.TextContent, StringComparison.Ordinal);
    }
}
