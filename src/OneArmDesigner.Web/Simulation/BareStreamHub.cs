using Microsoft.AspNetCore.SignalR;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Web.Simulation;

/// <summary>
/// The yardstick for the simulation hub's load test: the same events the real hub streams for the broken seed
/// walkthrough, computed once, paced the same way, with nothing else (no request to resolve, no trace, no stream
/// slots). Mapped only when <c>LoadTest:BareHub</c> is true, never in a normal run (docs/performance.md).
/// </summary>
public sealed class BareStreamHub(TimeProvider clock) : Hub
{
    public const string Path = "/hubs/load-test-bare";

    public const string Setting = "LoadTest:BareHub";

    private static readonly Lazy<IReadOnlyList<SimulationEvent>> Events = new(() =>
        TraceEvents.From(Simulator.Run(SeedTemplates.Asymmetric(), new Flow("LaptopA", "LaptopB", Protocol.Tcp, 3389))));

    /// <summary>Same name and request as <see cref="SimulationHub.StreamSimulation"/>, so the load tool drives both alike.</summary>
    public IAsyncEnumerable<SimulationEvent> StreamSimulation(SimulationRequest request, CancellationToken cancellationToken) =>
        Pacing.PaceAsync(Events.Value, TimeSpan.FromMilliseconds(request.StepDelayMs), clock, cancellationToken);
}
