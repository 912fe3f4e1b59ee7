using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;

namespace OneArmDesigner.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class ClassroomTests(BrowserFixture browser)
{
    private static Task ExpectStepAsync(IPage page, int step) =>
        Assertions.Expect(page.GetByTestId("step-counter")).ToHaveTextAsync($"step {step} of 27");

    [Fact]
    public async Task A_presenter_and_two_followers_follow_step_for_step_and_the_presenter_sees_the_class_answers_counted()
    {
        await using var presenting = await browser.OpenPageAsync("/walkthroughs/one-arm-asymmetric", width: 1440);
        var presenter = presenting.Page;
        await presenter.GetByTestId("present-live").ClickAsync();
        await presenter.ArrivedAtAsync(PresenterLink());
        await presenting.WaitForCircuitAsync();
        var code = (await presenter.GetByTestId("live-code").InnerTextAsync()).Trim();
        Assert.Matches("^[A-HJ-NP-Z2-9]{6}$", code);

        // One follower opens the join link, the other types the code, in lower case, on the join page.
        await using var first = await browser.OpenPageAsync($"/classroom/{code}", width: 1440);
        await using var second = await browser.OpenPageAsync("/classroom", width: 1024);
        await second.Page.Locator("input[data-testid=join-code], [data-testid=join-code] input").First.FillAsync(code.ToLowerInvariant());
        await second.PressToNavigateAsync(second.Page.GetByTestId("join"), "Join", new Regex($"/classroom/{code}$"));
        await second.WaitForCircuitAsync();
        var followers = new[] { first.Page, second.Page };
        await Assertions.Expect(presenter.GetByTestId("follower-count")).ToHaveTextAsync("2 following");

        for (var step = 1; step <= 3; step++)
        {
            await presenter.GetByTestId("step-forward").ClickAsync();
            foreach (var follower in followers)
            {
                await ExpectStepAsync(follower, step);
            }
        }

        await Assertions.Expect(first.Page.GetByTestId("narration-text")).ToHaveTextAsync(await presenter.GetByTestId("narration-text").InnerTextAsync());

        // The first follower looks around on their own: the class goes on without them until they snap back with F.
        await first.Page.GetByTestId("step-back").ClickAsync();
        await Assertions.Expect(first.Page.GetByTestId("looking-around")).ToBeVisibleAsync();
        await presenter.GetByTestId("step-forward").ClickAsync();
        await ExpectStepAsync(second.Page, 4);
        await ExpectStepAsync(first.Page, 2);
        await first.Page.GetByTestId("player").PressAsync("f");
        await ExpectStepAsync(first.Page, 4);
        await Assertions.Expect(first.Page.GetByTestId("following")).ToBeVisibleAsync();

        // Ask the class which device the packet reaches next; both answer; the presenter sees them counted.
        await presenter.GetByTestId("ask-next-device").ClickAsync();
        foreach (var follower in followers)
        {
            await Assertions.Expect(follower.GetByTestId("question-prompt")).ToContainTextAsync("Which device does it reach next?");
        }

        var choices = await first.Page.GetByTestId("choice").AllInnerTextsAsync();
        await first.Page.Locator($"[data-testid=choice][data-choice='{choices[0].Trim()}']").ClickAsync();
        await second.Page.Locator($"[data-testid=choice][data-choice='{choices[^1].Trim()}']").ClickAsync();
        await Assertions.Expect(presenter.GetByTestId("answer-total")).ToHaveTextAsync("2 answers");
        await Assertions.Expect(presenter.Locator($"[data-testid=answer-row][data-choice='{choices[0].Trim()}']")).ToHaveAttributeAsync("data-count", choices.Count == 1 ? "2" : "1");
        await Assertions.Expect(first.Page.GetByTestId("answer-chart")).ToHaveCountAsync(0);
        await presenting.ScreenshotAsync("classroom-presenter-1440");
        await second.ScreenshotAsync("classroom-follower-question-1024");

        await presenter.GetByTestId("reveal").ClickAsync();
        foreach (var follower in followers)
        {
            await Assertions.Expect(follower.GetByTestId("revealed-answer")).ToContainTextAsync("The answer:");
            await Assertions.Expect(follower.GetByTestId("step-counter")).Not.ToHaveTextAsync("step 4 of 27");
        }

        var revealedStep = await presenter.GetByTestId("step-counter").InnerTextAsync();
        await Assertions.Expect(second.Page.GetByTestId("step-counter")).ToHaveTextAsync(revealedStep);
        await first.ScreenshotAsync("classroom-follower-revealed-1440");

        await presenter.GetByTestId("end-class").ClickAsync();
        foreach (var follower in followers)
        {
            await Assertions.Expect(follower.GetByTestId("class-ended")).ToBeVisibleAsync();
        }

        Assert.Empty(presenting.ConsoleErrors);
        Assert.Empty(first.ConsoleErrors);
        Assert.Empty(second.ConsoleErrors);
    }

    [Fact]
    public async Task An_unknown_code_says_so_and_offers_another_try()
    {
        await using var observed = await browser.OpenPageAsync("/classroom/ZZZZZZ", width: 1024);

        await Assertions.Expect(observed.Page.GetByTestId("follow-problem")).ToContainTextAsync("No live classroom has this code");
        await observed.GotoAsync("/classroom");
        await observed.Page.Locator("input[data-testid=join-code], [data-testid=join-code] input").First.FillAsync("12");
        await observed.Page.GetByTestId("join").ClickAsync();
        await Assertions.Expect(observed.Page.Locator(".mud-input-helper-text")).ToContainTextAsync("code: six letters and digits");
    }

    [GeneratedRegex("/present/[A-Za-z0-9_-]{43}$")]
    private static partial Regex PresenterLink();
}
