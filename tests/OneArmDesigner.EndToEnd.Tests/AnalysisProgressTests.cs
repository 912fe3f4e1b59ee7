using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.EndToEnd.Tests.Infrastructure;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Analysis;

namespace OneArmDesigner.EndToEnd.Tests;

/// <summary>
/// A big design analysed under a small time budget: the designer shows the analysis running with its progress, then
/// "incomplete: over the time budget" with what was found, in the findings panel and on the Reachability tab.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalysisProgressTests(BrowserFixture browser) : IDisposable
{
    /// <summary>
    /// Long enough to watch the progress, short enough to run out on this design. The budget starts with the POST, and
    /// opening the page and two full-page screenshots come before the Reachability tab is checked: at 5 s a slow CI
    /// machine had used the whole window before it looked.
    /// </summary>
    private const string BudgetSeconds = "10";

    /// <summary>How long the paced engine would take for the whole design: twice the budget.</summary>
    private static readonly TimeSpan PacedTotal = TimeSpan.FromSeconds(20);

    private readonly RunningApp _app = new(settings: new Dictionary<string, string?> { ["Analysis:MaxSeconds"] = BudgetSeconds },
        services: services => services.AddSingleton<IAnalysisEngine>(new PacedAnalysisEngine(PacedTotal)));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_design_over_the_budget_shows_progress_while_it_runs_then_incomplete_with_what_was_found()
    {
        var editToken = await CreateAsync(HubAndSpoke.Generate(40));

        await using var observed = await browser.OpenPageAsync($"/designs/{editToken}", width: 1440, app: _app);
        var page = observed.Page;
        var findings = page.GetByTestId("findings");

        await Assertions.Expect(findings.GetByTestId("analysis-progress")).ToContainTextAsync("host pairs");
        await Assertions.Expect(findings.GetByTestId("analysis-progress")).ToContainTextAsync($"s of at most {BudgetSeconds} s");
        await observed.ScreenshotAsync("analysis-running-1440");
        await page.SetViewportSizeAsync(1024, 800);
        await observed.ScreenshotAsync("analysis-running-1024");

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Reachability" }).ClickAsync();
        var reachability = page.GetByTestId("reachability");
        await Assertions.Expect(reachability.GetByTestId("analysis-progress")).ToContainTextAsync("Analysing…");
        await observed.ScreenshotAsync("analysis-running-reachability-1024");

        await Assertions.Expect(reachability.GetByTestId("analysis-incomplete"))
            .ToContainTextAsync("Incomplete: over the time budget", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await Assertions.Expect(reachability.GetByTestId("reachability-summary")).ToContainTextAsync("host pairs reachable");
        await Assertions.Expect(reachability.GetByTestId("reachability-outcome").First).ToBeVisibleAsync();
        await observed.ScreenshotAsync("analysis-incomplete-reachability-1024");

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Design" }).ClickAsync();
        await Assertions.Expect(findings.GetByTestId("analysis-incomplete")).ToContainTextAsync("ran out after");
        await Assertions.Expect(findings.GetByTestId("analysis-running")).ToHaveCountAsync(0);
        await observed.ScreenshotAsync("analysis-incomplete-1024");
        await page.SetViewportSizeAsync(1440, 900);
        await observed.ScreenshotAsync("analysis-incomplete-1440");
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task An_analysis_cut_short_by_a_busy_server_runs_again_at_a_press_and_shows_what_it_found()
    {
        var engine = new BusyOnceAnalysisEngine();
        using var app = new RunningApp(services: services => services.AddSingleton<IAnalysisEngine>(engine));
        var viewToken = (await CreateAsync(app, SeedTemplates.Asymmetric())).GetProperty("viewToken").GetString()!;

        await using var observed = await browser.OpenPageAsync($"/designs/{viewToken}", width: 1024, app: app);
        var findings = observed.Page.GetByTestId("findings");
        await Assertions.Expect(findings.GetByTestId("analysis-incomplete")).ToContainTextAsync("Incomplete: over the time budget");
        await observed.ScreenshotAsync("analysis-cut-short-1024");

        await findings.GetByTestId("analysis-again").ClickAsync();

        await Assertions.Expect(findings.GetByTestId("analysis-incomplete")).ToHaveCountAsync(0);
        await Assertions.Expect(findings.Locator("[data-testid=finding][data-code=ASYMMETRIC_ROUTING_STATEFUL]")).ToBeVisibleAsync();
        await observed.ScreenshotAsync("analysis-run-again-1024");
        await observed.Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Reachability" }).ClickAsync();
        await Assertions.Expect(observed.Page.GetByTestId("reachability").GetByTestId("reachability-summary")).ToHaveTextAsync("0 of 2 host pairs reachable");
        Assert.Equal(2, engine.Calls);
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task A_design_that_needs_more_than_one_budget_is_finished_by_continuing_its_analysis()
    {
        // Each job stops at the same point on any machine: half of what the whole analysis looks at the clock.
        var design = IrregularNetwork.Generate(300);
        var engine = new RationedAnalysisEngine(RationedAnalysisEngine.LooksFor(design) / 2);
        using var app = new RunningApp(services: services => services.AddSingleton<IAnalysisEngine>(engine));
        var viewToken = (await CreateAsync(app, design)).GetProperty("viewToken").GetString()!;
        var whole = DesignAnalyzer.Validate(design);

        await using var observed = await browser.OpenPageAsync($"/designs/{viewToken}", width: 1440, app: app);
        var findings = observed.Page.GetByTestId("findings");
        await Assertions.Expect(findings.GetByTestId("analysis-incomplete")).ToContainTextAsync("Incomplete: over the time budget");
        await Assertions.Expect(findings.GetByTestId("analysis-again")).ToHaveTextAsync("Continue analysis");

        await findings.GetByTestId("analysis-again").ClickAsync();

        await Assertions.Expect(findings.GetByTestId("analysis-incomplete")).ToContainTextAsync("more than the time before");
        await Assertions.Expect(findings.GetByTestId("analysis-needs-more")).ToHaveCountAsync(0);
        await observed.ScreenshotAsync("analysis-continued-1440");

        await findings.GetByTestId("analysis-again").ClickAsync();

        await Assertions.Expect(findings.GetByTestId("analysis-incomplete")).ToHaveCountAsync(0);
        await Assertions.Expect(findings.GetByTestId("findings-summary")).ToHaveTextAsync(
            $"{whole.Count(Severity.Error)} errors, {whole.Count(Severity.Warning)} warnings");
        await Assertions.Expect(findings.GetByTestId("finding").First).ToContainTextAsync(whole.Findings[0].Message[..40]);
        await observed.ScreenshotAsync("analysis-continued-to-the-end-1440");
        Assert.Equal(2, engine.Continued);
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task An_analysis_cut_short_again_after_a_press_says_the_design_needs_more_than_the_budget()
    {
        // The real engine with no time at all: every analysis runs out, however quiet the server.
        using var app = new RunningApp(settings: new Dictionary<string, string?> { ["Analysis:MaxSeconds"] = "0.000001" });
        var viewToken = (await CreateAsync(app, HubAndSpoke.Generate(20))).GetProperty("viewToken").GetString()!;

        await using var observed = await browser.OpenPageAsync($"/designs/{viewToken}", width: 1024, app: app);
        var findings = observed.Page.GetByTestId("findings");
        await Assertions.Expect(findings.GetByTestId("analysis-incomplete")).ToContainTextAsync("Incomplete: over the time budget");
        await Assertions.Expect(findings.GetByTestId("analysis-needs-more")).ToHaveCountAsync(0);

        await findings.GetByTestId("analysis-again").ClickAsync();

        await Assertions.Expect(findings.GetByTestId("analysis-incomplete")).ToContainTextAsync("Incomplete again: over the time budget");
        await Assertions.Expect(findings.GetByTestId("analysis-needs-more")).ToContainTextAsync("onearm validate --design FILE");
        await Assertions.Expect(findings.GetByTestId("findings-summary")).ToHaveTextAsync("none found so far");
        await observed.ScreenshotAsync("analysis-cut-short-twice-1024");

        // The page opened again reads the same result from memory, and says the same.
        await observed.Page.ReloadAsync();
        await observed.WaitForCircuitAsync();
        await Assertions.Expect(findings.GetByTestId("analysis-incomplete")).ToContainTextAsync("Incomplete again: over the time budget");
        await Assertions.Expect(findings.GetByTestId("analysis-needs-more")).ToBeVisibleAsync();
        Assert.Empty(observed.ConsoleErrors);
    }

    [Fact]
    public async Task Leaving_the_page_cancels_the_analysis_only_that_page_was_waiting_for()
    {
        var folder = Directory.CreateTempSubdirectory("onearm-test-").FullName;
        try
        {
            // The design is stored, but its server stops before the stored analysis ends, so no findings are kept.
            string viewToken;
            using (var first = new RunningApp(folder, services: services => services.AddSingleton<IAnalysisEngine>(new PacedAnalysisEngine(TimeSpan.FromHours(1)))))
            {
                viewToken = (await CreateAsync(first, HubAndSpoke.Generate(40))).GetProperty("viewToken").GetString()!;
            }

            // On the next server only the page that opens it asks for its analysis: a view link cannot save.
            var engine = new PacedAnalysisEngine(TimeSpan.FromMinutes(5));
            using var second = new RunningApp(folder, new Dictionary<string, string?> { ["Analysis:MaxSeconds"] = "600" },
                services => services.AddSingleton<IAnalysisEngine>(engine));
            var queue = second.Services.GetRequiredService<AnalysisQueue>();
            await using var observed = await browser.OpenPageAsync($"/designs/{viewToken}", app: second);
            await Assertions.Expect(observed.Page.GetByTestId("findings").GetByTestId("analysis-progress")).ToContainTextAsync("host pairs");
            Assert.Equal(1, queue.Pending);

            // Leaving the page ends its circuit (Blazor tells the server as the page unloads).
            await observed.Page.GotoAsync("about:blank");

            for (var i = 0; i < 300 && !engine.SawCancellation; i++)
            {
                await Task.Delay(50);
            }

            Assert.True(engine.SawCancellation, "the analysis was still running after the page was left");
            Assert.Equal(0, queue.Pending);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task<string> CreateAsync(Design design) =>
        CreateAsync(_app, design).ContinueWith(t => t.Result.GetProperty("editToken").GetString()!, TaskScheduler.Default);

    private static async Task<JsonElement> CreateAsync(RunningApp app, Design design)
    {
        using var http = app.CreateHttpClient();
        using var response = await http.PostAsync(new Uri("api/designs", UriKind.Relative),
            new StringContent(DesignDocument.Serialize(design), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// The real engine, slowed at each progress report as a design many times larger would be (real findings, a real
    /// partial matrix), so the budget runs out part of the way through on a design small enough for the canvas to
    /// draw quickly. It notes whether an analysis of it was cancelled.
    /// </summary>
    private sealed class PacedAnalysisEngine(TimeSpan total) : IAnalysisEngine
    {
        private volatile bool _sawCancellation;

        public bool SawCancellation => _sawCancellation;

        public DesignAnalysis Analyze(Design design, AnalysisLimits limits)
        {
            try
            {
                return DesignAnalyzer.Analyze(design, limits with { Progress = new Paced(limits.Progress, total, limits.Cancellation) });
            }
            catch (OperationCanceledException)
            {
                _sawCancellation = true;
                throw;
            }
        }

        /// <summary>Sleeps in proportion to the pairs done since the last report, as if each took its share of the total.</summary>
        private sealed class Paced(IProgress<AnalysisProgress>? inner, TimeSpan total, CancellationToken cancellation) : IProgress<AnalysisProgress>
        {
            private long _reported;

            public void Report(AnalysisProgress value)
            {
                inner?.Report(value);
                var share = value.PairsTotal == 0 ? 0 : Math.Max(0, (double)(value.PairsDone - _reported) / value.PairsTotal);
                _reported = value.PairsDone;

                // Woken early by a cancellation, so the engine sees it at its next check as it would mid-work.
                cancellation.WaitHandle.WaitOne(total * share);
            }
        }
    }
}
