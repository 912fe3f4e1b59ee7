using Microsoft.AspNetCore.SignalR.Client;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Tests.Simulation;

/// <summary>
/// The hub reads designs as large as <c>Simulation__MaxDesignBytes</c> allows, and answers a larger one with an error
/// event naming the limit, on a connection that stays open for the next request.
/// </summary>
public sealed class HubMessageSizeTests
{
    /// <summary>The broken seed design, padded with a description to about <paramref name="bytes"/> bytes.</summary>
    private static SimulationRequest PaddedDesign(int bytes)
    {
        var design = SeedTemplates.Asymmetric() with { Description = new string('d', bytes) };
        using var document = System.Text.Json.JsonDocument.Parse(DesignDocument.Serialize(design));
        return new SimulationRequest { Design = document.RootElement.Clone(), From = "LaptopA", To = "LaptopB", Port = 3389 };
    }

    private static async Task<List<SimulationEvent>> StreamAsync(HubConnection connection, SimulationRequest request)
    {
        var events = new List<SimulationEvent>();
        await foreach (var item in connection.StreamAsync<SimulationEvent>("StreamSimulation", request))
        {
            events.Add(item);
        }

        return events;
    }

    [Fact]
    public async Task A_design_far_over_SignalRs_default_32_KB_streams_like_any_other()
    {
        using var app = new RunningApp();
        await using var connection = new HubConnectionBuilder().WithUrl(app.BaseUrl + SimulationHub.Path).Build();
        await connection.StartAsync();

        var events = await StreamAsync(connection, PaddedDesign(1_500_000));

        Assert.Equal("failed", events[^1].Verdict);
        Assert.Contains(events, e => e.Log?.StartsWith("%ASA-6-106015", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_design_over_MaxDesignBytes_gets_an_error_event_naming_the_limit_and_the_connection_stays_open()
    {
        using var app = new RunningApp(settings: new Dictionary<string, string?> { ["Simulation:MaxDesignBytes"] = "65536" });
        await using var connection = new HubConnectionBuilder().WithUrl(app.BaseUrl + SimulationHub.Path).Build();
        await connection.StartAsync();

        var tooLarge = await StreamAsync(connection, PaddedDesign(100_000));
        var next = await StreamAsync(connection, new SimulationRequest { Template = "one-arm-asymmetric", From = "LaptopA", To = "LaptopB" });

        var error = Assert.Single(tooLarge);
        Assert.Equal("error", error.Type);
        Assert.Contains("more than the limit of 65536 (limit MaxDesignBytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, connection.State);
        Assert.Equal("verdict", next[^1].Type);
    }

    [Fact]
    public async Task An_unknown_property_in_a_hub_request_is_an_error_event_naming_it()
    {
        using var app = new RunningApp();
        await using var connection = new HubConnectionBuilder().WithUrl(app.BaseUrl + SimulationHub.Path).Build();
        await connection.StartAsync();

        var events = new List<SimulationEvent>();
        await foreach (var item in connection.StreamAsync<SimulationEvent>("StreamSimulation",
            new { template = "one-arm-asymmetric", from = "LaptopA", to = "LaptopB", stepDelay = 500 }))
        {
            events.Add(item);
        }

        var error = Assert.Single(events);
        Assert.StartsWith("stepDelay: unknown property", Assert.Single(error.Problems!), StringComparison.Ordinal);
    }
}
