using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>Predict mode as a trainee uses it: each decision asked before it is shown, answered, explained, scored.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PredictModeTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_whole_quiz_is_answered_each_answer_explained_by_the_narration_and_the_score_counts_the_right_ones()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric?mode=predict");
        var page = observed.Page;
        await Assertions.Expect(page.GetByTestId("player")).ToHaveAttributeAsync("data-mode", "predict");

        var verdicts = new Dictionary<string, bool>();
        var asked = 0;
        while (!await page.GetByTestId("quiz-score").IsVisibleAsync())
        {
            var question = page.GetByTestId("question");
            if (await question.IsVisibleAsync())
            {
                asked++;
                var prompt = await page.GetByTestId("question-prompt").TextContentAsync();
                Assert.True(await page.Locator("[data-testid=event-row]").CountAsync() <= int.Parse((await page.GetByTestId("step-counter").TextContentAsync())!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture),
                    "the event list gives away no step that is not shown yet");
                var choice = prompt switch
                {
                    "LaptopB sends the SYN-ACK to LaptopA. What becomes of it?" => "dropped:ASA:no-session",
                    "Where does LaptopB send the SYN-ACK next?" => "device:MX80-B",
                    _ => null,
                };
                var option = choice is null ? page.GetByTestId("option").First : page.Locator($"[data-testid=option][data-key='{choice}']");
                if (prompt!.StartsWith("Where does LaptopB send the SYN-ACK", StringComparison.Ordinal))
                {
                    await observed.ScreenshotAsync("predict-question");
                }

                await option.ClickAsync();
                await Assertions.Expect(page.GetByTestId("quiz-progress")).ToContainTextAsync($"Answered {asked} of");
            }
            else if (await page.GetByTestId("step-forward").IsEnabledAsync())
            {
                var before = await page.GetByTestId("step-counter").TextContentAsync();
                await page.GetByTestId("step-forward").ClickAsync();
                await page.WaitForFunctionAsync(
                    "before => document.querySelector('[data-testid=step-counter]').textContent !== before || document.querySelector('[data-testid=question]')",
                    before);
            }
            else
            {
                await Assertions.Expect(page.GetByTestId("quiz-score")).ToBeVisibleAsync();
            }

            var shown = await page.GetByTestId("feedback").EvaluateAllAsync<string[]>("all => all.map(f => f.dataset.right + '|' + f.textContent)");
            foreach (var feedback in shown)
            {
                var (right, text) = (feedback.StartsWith("true|", StringComparison.Ordinal), feedback[(feedback.IndexOf('|') + 1)..]);
                verdicts[text[..Math.Min(90, text.Length)]] = right;
            }

            Assert.True(asked < 40, "the quiz never ends");
        }

        Assert.Equal(asked, verdicts.Count);
        await Assertions.Expect(page.GetByTestId("quiz-score")).ToHaveTextAsync($"You predicted {verdicts.Count(v => v.Value)} of {asked} decisions right.");
        Assert.Contains(verdicts, v => v.Key.Contains("What becomes of it?") && v.Key.Contains("SYN-ACK") && v.Value);
        Assert.Contains(verdicts, v => v.Key.Contains("Where does LaptopB send the SYN-ACK next?") && !v.Value);
        await observed.ScreenshotAsync("predict-score");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task A_wrong_answer_is_corrected_with_the_narration_of_what_really_happened_and_the_quiz_has_its_own_link()
    {
        await using var observed = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric?step=22");
        var page = observed.Page;
        await page.GetByTestId("predict-toggle").ClickAsync();

        var link = await page.GetByTestId("quiz-link").GetAttributeAsync("href");
        Assert.Contains("mode=predict", link);
        await page.GetByTestId("step-forward").ClickAsync();
        await Assertions.Expect(page.GetByTestId("question-prompt")).ToHaveTextAsync("LaptopA sends the SYN to LaptopB. What becomes of it?");

        await using var quiz = await browser.OpenPageAsync(link![browser.App.BaseUrl.Length..]);
        await quiz.Page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(quiz.Page.GetByTestId("question-prompt")).ToHaveTextAsync("LaptopA sends the SYN to LaptopB. What becomes of it?");
        await quiz.Page.Keyboard.PressAsync("1");
        await Assertions.Expect(quiz.Page.GetByTestId("quiz-progress")).ToContainTextAsync("Answered 1 of");
        Assert.Empty(observed.ConsoleErrors);
        Assert.Empty(quiz.ConsoleErrors);
    }

    [Fact]
    public async Task A_design_flow_has_its_quiz_too_and_the_quiz_link_opens_its_simulate_tab_in_predict_mode()
    {
        await using var observed = await browser.OpenPageAsync("/templates");
        var page = observed.Page;
        await observed.OpenTemplateAsync("one-arm-transit-vlan");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Simulate" }).ClickAsync();
        await page.GetByTestId("run-flow").ClickAsync();
        await page.GetByTestId("predict-toggle").ClickAsync();
        var link = (await page.GetByTestId("quiz-link").GetAttributeAsync("href"))!;
        Assert.Contains("tab=simulate", link);
        Assert.Contains("mode=predict", link);

        await using var quiz = await browser.OpenPageAsync(link[browser.App.BaseUrl.Length..]);
        await Assertions.Expect(quiz.Page.GetByTestId("player")).ToHaveAttributeAsync("data-mode", "predict");
        await quiz.Page.GetByTestId("step-forward").ClickAsync();
        await Assertions.Expect(quiz.Page.GetByTestId("question-prompt")).ToHaveTextAsync("LaptopA sends the SYN to LaptopB. What becomes of it?");
        await quiz.ScreenshotAsync("design-quiz");
        Assert.Empty(observed.ConsoleErrors);
        Assert.Empty(quiz.ConsoleErrors);
    }
}
