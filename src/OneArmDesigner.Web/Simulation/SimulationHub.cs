using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace OneArmDesigner.Web.Simulation;

/// <summary>
/// Streams a simulation step by step (docs/api.md). A bad request ends the stream with one "error" event naming the
/// problem, never a dropped connection; each connection may run a limited number of streams at once.
/// </summary>
public sealed class SimulationHub(SimulationResolver resolver, StreamSlots slots, IOptions<SimulationLimits> limits, TimeProvider clock) : Hub
{
    public const string Path = "/hubs/simulation";

    public async IAsyncEnumerable<SimulationEvent> StreamSimulation(SimulationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = limits.Value.MaxConcurrentStreamsPerConnection;
        if (!slots.TryTake(Context.ConnectionId, limit))
        {
            yield return TraceEvents.Error($"This connection already runs {limit} simulation streams (limit MaxConcurrentStreamsPerConnection); wait for one to finish or cancel it.");
            yield break;
        }

        try
        {
            var resolved = await resolver.ResolveAsync(request, cancellationToken);
            if (!resolved.Succeeded)
            {
                yield return TraceEvents.Error("The simulation request has problems: " + string.Join("; ", resolved.Problems), resolved.Problems);
                yield break;
            }

            var delay = TimeSpan.FromMilliseconds(request.StepDelayMs);
            await foreach (var item in Pacing.PaceAsync(TraceEvents.From(resolved.Result!), delay, clock, cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            slots.Release(Context.ConnectionId);
        }
    }
}
