using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Analysis;
using OneArmDesigner.Web.Tests.Designs;

namespace OneArmDesigner.Web.Tests.Analysis;

/// <summary>
/// Analysis is bounded and in the background: writes answer without it, a newer save cancels an older job, results
/// are shared by content, and the validation endpoint says 202 until they are ready.
/// </summary>
public sealed class BackgroundAnalysisTests : IDisposable
{
    private readonly GatedAnalysisEngine _engine = new();
    private readonly List<RunningApp> _apps = [];
    private readonly List<string> _folders = [];

    public void Dispose()
    {
        _engine.Open(100);
        foreach (var app in _apps)
        {
            app.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A database folder that outlives one app, to restart on it.</summary>
    private string KeptFolder()
    {
        var folder = Directory.CreateTempSubdirectory("onearm-test-").FullName;
        _folders.Add(folder);
        return folder;
    }

    private RunningApp Start(Dictionary<string, string?>? settings = null, string? databaseFolder = null, bool gated = true)
    {
        var app = new RunningApp(databaseFolder, settings,
            gated ? services => services.AddSingleton<IAnalysisEngine>(_engine) : null);
        _apps.Add(app);
        return app;
    }

    private static string Document(Design design) => DesignDocument.Serialize(design);

    private static AnalysisQueue Queue(RunningApp app) => app.Services.GetRequiredService<AnalysisQueue>();

    [Fact]
    public async Task The_validation_endpoint_answers_202_with_progress_while_the_analysis_runs_then_200_with_the_findings()
    {
        var app = Start();
        using var http = app.CreateHttpClient();
        var api = new DesignsApiClient(http);
        var created = await api.CreateFromAsync(Document(SeedTemplates.Asymmetric()));
        await _engine.StartedAsync();

        using var running = await api.ValidationAsync(created.ViewToken);

        Assert.Equal(HttpStatusCode.Accepted, running.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), running.Headers.RetryAfter?.Delta);
        var progress = JsonDocument.Parse(await running.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("running", progress.GetProperty("status").GetString());
        Assert.Equal(100, progress.GetProperty("pairsTotal").GetInt64());
        Assert.Equal(10, progress.GetProperty("budgetSeconds").GetDouble());
        Assert.InRange(progress.GetProperty("elapsedSeconds").GetDouble(), 0, 60);

        _engine.Open();
        var findings = await api.FindingsAsync(created.ViewToken);
        Assert.True(findings.GetProperty("complete").GetBoolean());
        Assert.Contains(findings.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "ASYMMETRIC_ROUTING_STATEFUL");
    }

    [Fact]
    public async Task A_newer_save_cancels_the_older_job_and_the_newer_content_is_analysed()
    {
        var app = Start();
        using var http = app.CreateHttpClient();
        var api = new DesignsApiClient(http);
        var created = await api.CreateFromAsync(Document(SeedTemplates.Asymmetric()));
        await _engine.StartedAsync();

        using var saved = await api.PutAsync(created.EditToken, Document(SeedTemplates.TransitVlan()), baseVersion: 1);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await _engine.CancelledAsync(1);
        await _engine.StartedAsync();
        _engine.Open();
        var findings = await api.FindingsAsync(created.EditToken);
        Assert.DoesNotContain(findings.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
        Assert.Equal(2, _engine.Calls);
    }

    [Fact]
    public async Task A_job_whose_only_requester_went_away_is_cancelled_but_one_that_someone_else_wants_goes_on()
    {
        var app = Start();
        var queue = Queue(app);
        using var page = new CancellationTokenSource();
        using var otherPage = new CancellationTokenSource();
        var design = HubAndSpoke.Generate(3);

        var alone = queue.Request("page-1", design, requesterGone: page.Token);
        await _engine.StartedAsync();
        page.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => alone.Completion);
        Assert.Equal(AnalysisState.Cancelled, alone.State);
        await _engine.CancelledAsync(1);

        var shared = queue.Request("page-2", HubAndSpoke.Generate(4), requesterGone: otherPage.Token);
        var joined = queue.Request("design:stored", HubAndSpoke.Generate(4));
        await _engine.StartedAsync();
        otherPage.Cancel();
        _engine.Open();

        Assert.Same(shared, joined);
        Assert.Equal(AnalysisState.Done, (await shared.Completion.ContinueWith(_ => shared)).State);
        Assert.Equal(1, _engine.Cancelled);
    }

    [Fact]
    public async Task No_analysis_starts_for_a_get_of_a_design_or_its_page_only_for_the_validation_it_asks_for()
    {
        var folder = KeptFolder();
        var first = Start(databaseFolder: folder);
        DesignsApiClient.Created created;
        using (var http = first.CreateHttpClient())
        {
            created = await new DesignsApiClient(http).CreateFromAsync(Document(HubAndSpoke.Generate(5)));
        }

        // The server stops before the job ends: the stored revision has no findings yet.
        await _engine.StartedAsync();
        _apps.Remove(first);
        first.Dispose();

        var restarted = Start(databaseFolder: folder);
        using var client = restarted.CreateHttpClient();
        var api = new DesignsApiClient(client);
        using var document = await api.GetAsync(created.EditToken);
        using var page = await client.GetAsync(new Uri($"designs/{created.EditToken}", UriKind.Relative));
        using var viewPage = await client.GetAsync(new Uri($"designs/{created.ViewToken}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viewPage.StatusCode);
        Assert.Equal(0, Queue(restarted).Pending);
        Assert.Equal(0, Queue(restarted).Started);

        using var asked = await api.ValidationAsync(created.EditToken);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        await _engine.StartedAsync();
        Assert.Equal(1, Queue(restarted).Started);
    }

    [Fact]
    public async Task A_fork_an_unchanged_save_and_a_moved_device_reuse_the_findings_in_memory_and_after_a_restart()
    {
        var folder = KeptFolder();
        var app = Start(databaseFolder: folder);
        using var http = app.CreateHttpClient();
        var api = new DesignsApiClient(http);
        var design = SeedTemplates.Asymmetric();
        var created = await api.CreateFromAsync(Document(design));
        _engine.Open();
        await api.FindingsAsync(created.EditToken);

        using var fork = await api.PostAsync(created.ViewToken, "fork");
        var forked = (await fork.Content.ReadFromJsonAsync<DesignsApiClient.Created>())!;
        using var unchanged = await api.PutAsync(created.EditToken, Document(design), baseVersion: 1);
        var moved = design with { Devices = [.. design.Devices.Select(d => d with { Position = new Position(d.Position.X + 10, d.Position.Y) })] };
        using var movedSave = await api.PutAsync(created.EditToken, Document(moved), baseVersion: 2);

        Assert.Equal(HttpStatusCode.OK, (await api.ValidationAsync(forked.EditToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.ValidationAsync(created.EditToken)).StatusCode);
        Assert.Equal(1, _engine.Calls);

        // After a restart the memory is gone, but the database still knows the findings of this content.
        _apps.Remove(app);
        app.Dispose();
        var restarted = Start(databaseFolder: folder);
        using var again = restarted.CreateHttpClient();
        var afterRestart = await new DesignsApiClient(again).CreateFromAsync(Document(design));
        Assert.Equal(HttpStatusCode.OK, (await new DesignsApiClient(again).ValidationAsync(afterRestart.EditToken)).StatusCode);
        Assert.Equal(0, Queue(restarted).Started);
        Assert.Equal(1, _engine.Calls);
    }

    [Fact]
    public async Task No_more_than_MaxConcurrent_analyses_run_at_once_and_the_rest_wait_their_turn()
    {
        var app = Start(new() { ["Analysis:MaxConcurrent"] = "1" });
        using var http = app.CreateHttpClient();
        var api = new DesignsApiClient(http);
        var designs = new List<DesignsApiClient.Created>();
        foreach (var sites in new[] { 2, 3, 4 })
        {
            designs.Add(await api.CreateFromAsync(Document(HubAndSpoke.Generate(sites))));
        }

        await _engine.StartedAsync();
        using var waiting = await api.ValidationAsync(designs[2].EditToken);
        Assert.Equal(HttpStatusCode.Accepted, waiting.StatusCode);
        var queued = JsonDocument.Parse(await waiting.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("queued", queued.GetProperty("status").GetString());
        Assert.Equal(0, queued.GetProperty("elapsedSeconds").GetDouble());
        Assert.Equal(1, Queue(app).Running);

        _engine.Open(3);
        foreach (var design in designs)
        {
            await api.FindingsAsync(design.EditToken);
        }

        Assert.Equal(3, Queue(app).Started);
        Assert.Equal(1, Queue(app).PeakRunning);
    }

    [Fact]
    public async Task A_design_over_the_time_budget_still_saves_and_its_findings_say_incomplete_with_what_was_found()
    {
        var app = Start(new() { ["Analysis:MaxSeconds"] = "0.000001" }, gated: false);
        using var http = app.CreateHttpClient();
        var api = new DesignsApiClient(http);

        using var response = await api.PostAsync(Document(HubAndSpoke.Generate(200)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<DesignsApiClient.Created>())!;
        var findings = await api.FindingsAsync(created.EditToken);
        Assert.False(findings.GetProperty("complete").GetBoolean());
        Assert.Matches(@"^over the time budget: .* ran out after [\d,]+ of [\d,]+ host pairs$", findings.GetProperty("incomplete").GetString());
        Assert.Equal(JsonValueKind.Array, findings.GetProperty("findings").ValueKind);
    }

    [Fact]
    public async Task A_design_with_more_host_pairs_than_MaxHostPairs_saves_and_its_findings_say_too_many_hosts()
    {
        var app = Start(new() { ["Analysis:MaxHostPairs"] = "100" }, gated: false);
        using var http = app.CreateHttpClient();
        var api = new DesignsApiClient(http);

        var created = await api.CreateFromAsync(Document(HubAndSpoke.Generate(20)));

        var findings = await api.FindingsAsync(created.ViewToken);
        Assert.False(findings.GetProperty("complete").GetBoolean());
        Assert.Equal("too many hosts: 21 hosts make 420 host pairs, more than the 100 an analysis takes on", findings.GetProperty("incomplete").GetString());
        // The job answers its findings before it has stored them on the revision.
        await Queue(app).IdleAsync();
        Assert.True(await LatestRevisionIncompleteAsync(http, created.ViewToken));
    }

    [Fact]
    public async Task Findings_cut_short_by_a_busy_server_are_computed_again_on_request_and_replace_the_stored_ones()
    {
        var folder = KeptFolder();
        var engine = new BusyOnceAnalysisEngine();
        var app = new RunningApp(folder, services: services => services.AddSingleton<IAnalysisEngine>(engine));
        _apps.Add(app);
        using var http = app.CreateHttpClient();
        var api = new DesignsApiClient(http);
        var created = await api.CreateFromAsync(Document(HubAndSpoke.Generate(20)));
        var cut = await api.FindingsAsync(created.ViewToken);
        Assert.False(cut.GetProperty("complete").GetBoolean());

        // Reading them again does not analyse again: only asking does, and either link may ask.
        Assert.False((await api.FindingsAsync(created.EditToken)).GetProperty("complete").GetBoolean());
        // The job answers its findings before it has stored them on the revision.
        await Queue(app).IdleAsync();
        Assert.True(await LatestRevisionIncompleteAsync(http, created.ViewToken));
        Assert.Equal(1, engine.Calls);
        using var asked = await api.PostAsync(created.ViewToken, "validation");
        Assert.Contains(asked.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.OK });

        var complete = await api.FindingsAsync(created.ViewToken);
        Assert.True(complete.GetProperty("complete").GetBoolean());
        Assert.False(complete.TryGetProperty("incomplete", out _));
        Assert.Equal(2, engine.Calls);

        await Queue(app).IdleAsync();
        Assert.False(await LatestRevisionIncompleteAsync(http, created.ViewToken));

        // Complete findings are answered at once, without another analysis.
        using var again = await api.PostAsync(created.EditToken, "validation");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(2, engine.Calls);

        // The complete findings replaced the stored ones: a restarted server answers them without analysing.
        await Queue(app).IdleAsync();
        _apps.Remove(app);
        app.Dispose();
        var restarted = Start(databaseFolder: folder);
        using var restartedHttp = restarted.CreateHttpClient();
        using var afterRestart = await new DesignsApiClient(restartedHttp).ValidationAsync(created.ViewToken);
        Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
        Assert.True(JsonDocument.Parse(await afterRestart.Content.ReadAsStringAsync()).RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(0, Queue(restarted).Started);
    }

    [Fact]
    public async Task Asking_again_for_findings_cut_short_goes_on_from_them_until_they_are_those_of_one_whole_analysis()
    {
        var design = IrregularNetwork.Generate(300);
        var engine = new RationedAnalysisEngine(RationedAnalysisEngine.LooksFor(design) / 2);
        var app = new RunningApp(services: services => services.AddSingleton<IAnalysisEngine>(engine));
        _apps.Add(app);
        using var http = app.CreateHttpClient();
        var api = new DesignsApiClient(http);
        var created = await api.CreateFromAsync(Document(design));
        var findings = await api.FindingsAsync(created.ViewToken);
        Assert.False(findings.GetProperty("complete").GetBoolean());

        var decided = PairsDecided(findings);
        for (var press = 1; !findings.GetProperty("complete").GetBoolean(); press++)
        {
            Assert.True(press < 10, "the analysis never completed");
            await Queue(app).IdleAsync();
            using var asked = await api.PostAsync(created.EditToken, "validation");
            Assert.Contains(asked.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.OK });
            findings = await api.FindingsAsync(created.ViewToken);
            Assert.Equal(press, engine.Continued);
            if (!findings.GetProperty("complete").GetBoolean())
            {
                Assert.True(PairsDecided(findings) > decided, $"press {press} decided {PairsDecided(findings)} pairs after {decided}");
                decided = PairsDecided(findings);
            }
        }

        using var answer = await api.ValidationAsync(created.ViewToken);
        Assert.Equal(Engine.Analysis.AnalysisJson.Write(Engine.Analysis.DesignAnalyzer.Validate(design)), await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task After_a_restart_an_analysis_that_starts_over_never_replaces_findings_that_had_decided_more()
    {
        var folder = KeptFolder();
        var design = IrregularNetwork.Generate(300);
        var ration = RationedAnalysisEngine.LooksFor(design) / 4;
        RunningApp StartRationed() => new(folder, services: services => services.AddSingleton<IAnalysisEngine>(new RationedAnalysisEngine(ration)));
        var app = StartRationed();
        _apps.Add(app);
        var api = new DesignsApiClient(app.CreateHttpClient());
        var created = await api.CreateFromAsync(Document(design));
        await api.FindingsAsync(created.ViewToken);
        await Queue(app).IdleAsync();
        using (await api.PostAsync(created.EditToken, "validation"))
        {
        }

        var stored = await api.FindingsAsync(created.ViewToken);
        await Queue(app).IdleAsync();
        Assert.False(stored.GetProperty("complete").GetBoolean());
        Assert.Equal(PairsDecided(stored), stored.GetProperty("pairsDecided").GetInt64());
        _apps.Remove(app);
        app.Dispose();

        // The restarted server holds no result to go on from: asked again, it starts over and decides less.
        var restarted = StartRationed();
        _apps.Add(restarted);
        var again = new DesignsApiClient(restarted.CreateHttpClient());
        using (await again.PostAsync(created.EditToken, "validation"))
        {
        }

        var answered = await again.FindingsAsync(created.ViewToken);
        await Queue(restarted).IdleAsync();
        Assert.True(Queue(restarted).Started > 0);
        Assert.Equal(PairsDecided(stored), PairsDecided(answered));
        var kept = await again.FindingsAsync(created.EditToken);
        Assert.Equal(stored.GetRawText(), kept.GetRawText());
    }

    /// <summary>"... ran out after 1,234 of 5,678 host pairs": the 1,234.</summary>
    private static long PairsDecided(JsonElement findings) =>
        long.Parse(System.Text.RegularExpressions.Regex.Match(findings.GetProperty("incomplete").GetString()!, @"after ([\d,]+) of").Groups[1].Value.Replace(",", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<bool> LatestRevisionIncompleteAsync(HttpClient http, string token)
    {
        var revisions = await http.GetFromJsonAsync<JsonElement>(new Uri($"api/designs/{token}/revisions", UriKind.Relative));
        return revisions[0].GetProperty("incomplete").GetBoolean();
    }

    [Fact]
    public async Task Each_analysis_may_use_MaxThreads_threads_on_cores_no_other_analysis_holds()
    {
        var app = Start(new() { ["Analysis:MaxThreads"] = "3" });
        using var http = app.CreateHttpClient();
        var api = new DesignsApiClient(http);

        var created = await api.CreateFromAsync(Document(HubAndSpoke.Generate(2)));
        await _engine.StartedAsync();

        var limits = _engine.LastLimits!;
        Assert.Equal(3, limits.Threads);
        var lent = 0;
        while (lent <= Environment.ProcessorCount && limits.Cores!.TryBorrow())
        {
            lent++;
        }

        // The running analysis holds one core: the others, and no more, are free to lend.
        Assert.Equal(Environment.ProcessorCount - 1, lent);
        for (var i = 0; i < lent; i++)
        {
            limits.Cores!.Return();
        }

        _engine.Open();
        Assert.True((await api.FindingsAsync(created.EditToken)).GetProperty("complete").GetBoolean());
    }
}
