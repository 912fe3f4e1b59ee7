using Microsoft.AspNetCore.SignalR.Client;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Tests.Simulation;

/// <summary>The load test's yardstick hub exists only when the load-test setting turns it on.</summary>
public sealed class BareStreamHubTests
{
    [Fact]
    public async Task Without_the_load_test_setting_the_bare_hub_is_not_there()
    {
        using var app = new RunningApp();
        await using var connection = new HubConnectionBuilder().WithUrl(app.BaseUrl + BareStreamHub.Path).Build();

        await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
    }

    [Fact]
    public async Task With_it_the_bare_hub_streams_the_same_events_as_the_real_hub_for_the_broken_walkthrough()
    {
        using var app = new RunningApp(settings: new Dictionary<string, string?> { [BareStreamHub.Setting] = "true" });
        var request = new SimulationRequest { Template = OneArmDesigner.Domain.Templates.SeedTemplates.AsymmetricName, From = "LaptopA", To = "LaptopB", Port = 3389 };

        var bare = await CollectAsync(app.BaseUrl + BareStreamHub.Path, request);
        var real = await CollectAsync(app.BaseUrl + SimulationHub.Path, request);

        Assert.Equal(real.Count, bare.Count);
        Assert.Equal(real.Select(e => (e.Seq, e.Type)), bare.Select(e => (e.Seq, e.Type)));
    }

    private static async Task<List<SimulationEvent>> CollectAsync(string url, SimulationRequest request)
    {
        await using var connection = new HubConnectionBuilder().WithUrl(url).Build();
        await connection.StartAsync();
        var events = new List<SimulationEvent>();
        await foreach (var item in connection.StreamAsync<SimulationEvent>("StreamSimulation", request))
        {
            events.Add(item);
        }

        return events;
    }
}
