using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.SignalR.Client;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Simulation;
using OneArmDesigner.Web.Tests.Api;
using OneArmDesigner.Web.Tests.Designs;

namespace OneArmDesigner.Web.Tests.Security;

/// <summary>What one client may create, save and simulate is bounded; other clients do not pay for it.</summary>
public sealed class RateLimitTests
{
    private static RunningApp LimitedApp(Dictionary<string, string?> limits, bool behindProxy = true)
    {
        var settings = new Dictionary<string, string?>(limits) { ["RateLimits:Enabled"] = "true" };
        if (behindProxy)
        {
            settings["ForwardedHeaders:TrustedProxies:0"] = "127.0.0.1";
        }

        return new RunningApp(settings: settings);
    }

    private static HttpClient ClientAt(RunningApp app, string address)
    {
        var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    [Fact]
    public async Task Creating_past_a_clients_allowance_gets_429_problem_json_with_Retry_After_while_other_clients_carry_on()
    {
        using var app = LimitedApp(new() { ["RateLimits:Create:Burst"] = "3", ["RateLimits:Create:PerMinute"] = "1" });
        using var greedy = ClientAt(app, "203.0.113.7");
        using var other = ClientAt(app, "203.0.113.8");
        var api = new DesignsApiClient(greedy);

        var first = await api.CreateAsync("One");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync(first.EditToken, "fork")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync(DesignsApiClient.Document("Three"))).StatusCode);
        var refused = await api.PostAsync(DesignsApiClient.Document("Four"));
        var forkRefused = await api.PostAsync(first.ViewToken, "fork");

        var problem = await ProblemResponse.ReadAsync(refused);
        Assert.Equal(HttpStatusCode.TooManyRequests, problem.Status);
        Assert.Contains("RateLimits:Create", problem.Detail, StringComparison.Ordinal);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter, problem.Body.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, forkRefused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await new DesignsApiClient(other).PostAsync(DesignsApiClient.Document("Elsewhere"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(first.EditToken)).StatusCode);
    }

    [Fact]
    public async Task Without_a_trusted_proxy_X_Forwarded_For_buys_no_new_allowance()
    {
        using var app = LimitedApp(new() { ["RateLimits:Create:Burst"] = "2", ["RateLimits:Create:PerMinute"] = "1" }, behindProxy: false);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var client = ClientAt(app, $"198.51.100.{i + 1}");
            statuses.Add((await new DesignsApiClient(client).PostAsync(DesignsApiClient.Document($"D{i}"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Asking_for_a_design_to_be_analysed_again_draws_on_the_save_allowance_and_an_unknown_link_is_404()
    {
        using var app = LimitedApp(new() { ["RateLimits:Save:Burst"] = "2", ["RateLimits:Save:PerMinute"] = "1" });
        using var client = ClientAt(app, "203.0.113.10");
        var api = new DesignsApiClient(client);
        var created = await api.CreateAsync("Asked again");

        var asked = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            asked.Add((await api.PostAsync(created.ViewToken, "validation")).StatusCode);
        }

        Assert.All(asked.Take(2), status => Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.Accepted }));
        Assert.Equal(HttpStatusCode.TooManyRequests, asked[2]);
        using var other = ClientAt(app, "203.0.113.11");
        Assert.Equal(HttpStatusCode.NotFound, (await new DesignsApiClient(other).PostAsync("no-such-token", "validation")).StatusCode);
    }

    [Fact]
    public async Task Saves_and_simulations_have_allowances_of_their_own()
    {
        using var app = LimitedApp(new()
        {
            ["RateLimits:Save:Burst"] = "2", ["RateLimits:Save:PerMinute"] = "1",
            ["RateLimits:Simulate:Burst"] = "2", ["RateLimits:Simulate:PerMinute"] = "1",
        });
        using var client = ClientAt(app, "203.0.113.9");
        var api = new DesignsApiClient(client);
        var created = await api.CreateAsync("Saved");

        var saves = new List<HttpStatusCode>();
        for (var version = 1; version <= 3; version++)
        {
            saves.Add((await api.PutAsync(created.EditToken, DesignsApiClient.Document($"v{version + 1}"), version)).StatusCode);
        }

        var simulations = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var body = new StringContent("""{"template":"one-arm-asymmetric","from":"LaptopA","to":"LaptopB"}""", MediaTypeHeaderValue.Parse("application/json"));
            simulations.Add((await client.PostAsync(new Uri("api/simulations", UriKind.Relative), body)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], saves);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], simulations);
    }

    [Fact]
    public async Task The_hub_limits_a_clients_streams_with_an_error_event_and_its_new_connections_with_429()
    {
        using var app = LimitedApp(new()
        {
            ["RateLimits:Simulate:Burst"] = "2", ["RateLimits:Simulate:PerMinute"] = "1",
            ["RateLimits:HubConnect:Burst"] = "2", ["RateLimits:HubConnect:PerMinute"] = "1",
        }, behindProxy: false);
        var request = new SimulationRequest { Template = "one-arm-asymmetric", From = "LaptopA", To = "LaptopB" };

        // One connection: a negotiation and a WebSocket, two requests of the connect allowance.
        await using var connection = new HubConnectionBuilder().WithUrl(app.BaseUrl + SimulationHub.Path).Build();
        await connection.StartAsync();
        var streams = new List<SimulationEvent>();
        for (var i = 0; i < 3; i++)
        {
            await foreach (var item in connection.StreamAsync<SimulationEvent>("StreamSimulation", request))
            {
                streams.Add(item);
            }
        }

        await using var another = new HubConnectionBuilder().WithUrl(app.BaseUrl + SimulationHub.Path).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => another.StartAsync());

        Assert.Equal(2, streams.Count(e => e.Type == "verdict"));
        var error = Assert.Single(streams, e => e.Type == "error");
        Assert.Contains("RateLimits:Simulate", error.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, connection.State);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }
}
