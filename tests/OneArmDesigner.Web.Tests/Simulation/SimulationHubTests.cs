using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Tests.Simulation;

public sealed class SimulationHubTests : IClassFixture<SimulationHubTests.App>
{
    public sealed class App : IDisposable
    {
        public RunningApp Running { get; } = new(settings: new Dictionary<string, string?>
        {
            ["Simulation:MaxConcurrentStreamsPerConnection"] = "2",
        });

        public void Dispose() => Running.Dispose();
    }

    private static readonly SimulationRequest Broken = new() { Template = SeedTemplates.AsymmetricName, From = "LaptopA", To = "LaptopB", Port = 3389 };
    private readonly RunningApp _app;

    public SimulationHubTests(App app) => _app = app.Running;

    private async Task<HubConnection> ConnectAsync()
    {
        var connection = new HubConnectionBuilder().WithUrl(_app.BaseUrl + SimulationHub.Path).Build();
        await connection.StartAsync();
        return connection;
    }

    private static async Task<List<SimulationEvent>> CollectAsync(HubConnection connection, SimulationRequest request, CancellationToken ct = default)
    {
        var events = new List<SimulationEvent>();
        await foreach (var item in connection.StreamAsync<SimulationEvent>("StreamSimulation", request, ct))
        {
            events.Add(item);
        }

        return events;
    }

    [Fact]
    public async Task The_broken_template_streams_every_step_in_order_and_ends_with_the_verdict()
    {
        await using var connection = await ConnectAsync();

        var events = await CollectAsync(connection, Broken);

        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Seq));
        Assert.Equal("verdict", events[^1].Type);
        Assert.Equal("failed", events[^1].Verdict);
        Assert.Equal(["SYN", "SYN-ACK"], events.Where(e => e.Type == "step").Select(e => e.Packet).Distinct());
        var drop = events.Single(e => e.Disposition == "dropped");
        Assert.Equal("ASA", drop.Device);
        Assert.Equal("no-session", drop.Reason);
        Assert.StartsWith("%ASA-6-106015", drop.Log, StringComparison.Ordinal);
        Assert.Equal("delivered", events.Single(e => e.Packet == "SYN" && e.Disposition is not null).Disposition);
        Assert.Contains(events, e => e.Link is { LinkIndexes.Count: > 0 });
        Assert.All(events.Where(e => e.Type == "step"), e => Assert.False(string.IsNullOrEmpty(e.Detail)));
    }

    [Fact]
    public async Task A_ttl_in_the_request_is_the_first_packets_and_the_stream_ends_where_it_runs_out()
    {
        await using var connection = await ConnectAsync();

        var events = await CollectAsync(connection, new SimulationRequest
        {
            Template = SeedTemplates.TransitVlanName, From = "LaptopA", To = "LaptopB", Protocol = "icmp", Ttl = 2,
        });

        Assert.Equal(2, events.First(e => e.Type == "step").Before!.Inner.Ttl);
        var drop = events.Single(e => e.Disposition == "dropped");
        Assert.Equal(("MX80-B", "ttl-exceeded"), (drop.Device, drop.Reason));
    }

    [Fact]
    public async Task Steps_are_paced_by_the_requested_delay()
    {
        await using var connection = await ConnectAsync();
        var arrivals = new List<long>();
        var clock = Stopwatch.StartNew();

        await foreach (var _ in connection.StreamAsync<SimulationEvent>("StreamSimulation", Broken with { StepDelayMs = 40 }))
        {
            arrivals.Add(clock.ElapsedMilliseconds);
        }

        // Event i is due at i × 40 ms after the first; generous bounds keep a busy machine from failing the test.
        var span = arrivals[^1] - arrivals[0];
        Assert.InRange(span, (arrivals.Count - 1) * 40 * 0.8, (arrivals.Count - 1) * 40 * 3);
    }

    [Fact]
    public async Task Cancelling_mid_stream_stops_it_and_frees_the_slot()
    {
        await using var connection = await ConnectAsync();
        // One unpaced run first: the pacing catches up on a schedule, so a cold first stream (JIT) could otherwise
        // arrive as a burst that the client has buffered before it can cancel.
        var whole = await CollectAsync(connection, Broken);
        using var cancel = new CancellationTokenSource();
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in connection.StreamAsync<SimulationEvent>("StreamSimulation", Broken with { StepDelayMs = 50 }, cancel.Token))
            {
                if (++received == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        // Events the client had already buffered when it cancelled are still handed out (a stall on the server can
        // make the paced stream catch up in a burst), but the stream ends before its verdict.
        Assert.InRange(received, 3, whole.Count - 1);

        // The slot is free again: two more streams run on the same connection.
        var again = await Task.WhenAll(CollectAsync(connection, Broken), CollectAsync(connection, Broken));
        Assert.All(again, events => Assert.Equal("verdict", events[^1].Type));
    }

    [Theory]
    [InlineData("nope", "LaptopA", "LaptopB", "template: 'nope' is not a template")]
    [InlineData("one-arm-asymmetric", "LaptopA", null, "to: is missing")]
    [InlineData("one-arm-asymmetric", "Ghost", "LaptopB", "from: 'Ghost' is not a device in this design")]
    public async Task A_bad_request_ends_the_stream_with_one_error_event_naming_the_problem(string template, string? from, string? to, string message)
    {
        await using var connection = await ConnectAsync();

        var events = await CollectAsync(connection, new SimulationRequest { Template = template, From = from, To = to });

        var error = Assert.Single(events);
        Assert.Equal("error", error.Type);
        Assert.Contains(message, error.Message);
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task An_inline_design_with_errors_is_refused_with_its_json_paths()
    {
        await using var connection = await ConnectAsync();
        using var document = JsonDocument.Parse("""{"schemaVersion":1,"devices":[{"name":"H","kind":"host","interfaces":[{"name":"eth0","address":"10.0.0.300/24"}]}]}""");

        var events = await CollectAsync(connection, new SimulationRequest { Design = document.RootElement.Clone(), From = "H", To = "H" });

        Assert.Contains("design.devices[0].interfaces[0].address: '10.0.0.300/24' is not an IPv4 prefix", Assert.Single(events).Problems!);
    }

    [Fact]
    public async Task An_inline_design_document_is_simulated()
    {
        await using var connection = await ConnectAsync();
        using var document = JsonDocument.Parse(DesignDocument.Serialize(SeedTemplates.TransitVlan()));

        var events = await CollectAsync(connection, new SimulationRequest { Design = document.RootElement.Clone(), From = "LaptopA", To = "LaptopB" });

        Assert.Equal("completed", events[^1].Verdict);
    }

    [Fact]
    public async Task A_connection_may_run_only_its_limit_of_streams_at_once_and_the_refusal_names_the_limit()
    {
        await using var connection = await ConnectAsync();
        var slow = Broken with { StepDelayMs = 30 };

        var all = await Task.WhenAll(CollectAsync(connection, slow), CollectAsync(connection, slow), CollectAsync(connection, slow));

        Assert.Equal(2, all.Count(events => events[^1].Type == "verdict"));
        var refused = Assert.Single(all, events => events[0].Type == "error");
        Assert.Contains("MaxConcurrentStreamsPerConnection", refused[0].Message);
    }

    [Fact]
    public async Task Several_connections_stream_at_once()
    {
        var connections = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ConnectAsync()));
        try
        {
            var results = await Task.WhenAll(connections.Select(c => CollectAsync(c, Broken with { StepDelayMs = 5 })));

            Assert.All(results, events => Assert.Equal("failed", events[^1].Verdict));
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task A_step_delay_over_the_limit_is_refused()
    {
        await using var connection = await ConnectAsync();

        var events = await CollectAsync(connection, Broken with { StepDelayMs = 60_000 });

        Assert.Contains("MaxStepDelayMs", Assert.Single(events).Message);
    }
}
