using System.Collections.Concurrent;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Web.Simulation;

/// <summary>
/// Finished runs of template walkthroughs, shared by every stream that asks for the same template and flow: a class of
/// a thousand students opening one walkthrough costs one trace and one set of events, not a thousand. Templates never
/// change, so an entry never goes stale. The flow is the client's to choose, so the cache holds at most
/// <see cref="Capacity"/> entries; beyond that a run is simply not kept.
/// </summary>
public sealed class TemplateRunCache
{
    public const int Capacity = 512;

    private readonly ConcurrentDictionary<(string Template, Flow Flow), ResolvedSimulation> _runs = new();

    public int Count => _runs.Count;

    public ResolvedSimulation GetOrRun(string template, Flow flow, Func<ResolvedSimulation> run)
    {
        if (_runs.TryGetValue((template, flow), out var known))
        {
            return known;
        }

        var resolved = run();
        if (resolved.Succeeded && _runs.Count < Capacity)
        {
            // Two streams racing on a new entry may both run it; they agree, and the first kept is every later one's.
            resolved = _runs.GetOrAdd((template, flow), resolved);
        }

        return resolved;
    }
}
