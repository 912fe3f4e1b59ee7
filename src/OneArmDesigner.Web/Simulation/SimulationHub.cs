using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OneArmDesigner.Web.Security;

namespace OneArmDesigner.Web.Simulation;

/// <summary>
/// Streams a simulation step by step (docs/api.md). A bad request ends the stream with one "error" event naming the
/// problem, never a dropped connection; each connection may run a limited number of streams at once.
/// </summary>
public sealed class SimulationHub(
    SimulationResolver resolver, StreamSlots slots, IOptions<SimulationLimits> limits, HubStreamLimiter rate, TimeProvider clock) : Hub
{
    public const string Path = "/hubs/simulation";

    /// <summary>
    /// Streams one exchange. The request arrives as JSON and is read here, not by SignalR's binder, so that a typo or a
    /// wrong type is an error event naming its path instead of a failed invocation that says nothing.
    /// </summary>
    public async IAsyncEnumerable<SimulationEvent> StreamSimulation(JsonElement request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var read = SimulationRequestReader.Read(request);
        if (read.Request is null)
        {
            yield return TraceEvents.Error("The simulation request has problems: " + string.Join("; ", read.Problems), read.Problems);
            yield break;
        }

        var client = Context.GetHttpContext() is { } http ? ClientAddress.Key(http) : "unknown";
        if (!rate.TryAcquire(client, out var wait))
        {
            var seconds = ClientRateLimits.RetryAfterSeconds(wait);
            yield return TraceEvents.Error($"This client has started too many simulations (limit {ClientRateLimits.SettingOf(ClientRateLimits.Simulate)}); try again in {seconds} s.");
            yield break;
        }

        var limit = limits.Value.MaxConcurrentStreamsPerConnection;
        if (!slots.TryTake(Context.ConnectionId, limit))
        {
            yield return TraceEvents.Error($"This connection already runs {limit} simulation streams (limit MaxConcurrentStreamsPerConnection); wait for one to finish or cancel it.");
            yield break;
        }

        try
        {
            var resolved = await resolver.ResolveAsync(read.Request, cancellationToken);
            if (!resolved.Succeeded)
            {
                yield return TraceEvents.Error("The simulation request has problems: " + string.Join("; ", resolved.Problems), resolved.Problems);
                yield break;
            }

            var delay = TimeSpan.FromMilliseconds(read.Request.StepDelayMs);
            await foreach (var item in Pacing.PaceAsync(resolved.Events, delay, clock, cancellationToken))
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
