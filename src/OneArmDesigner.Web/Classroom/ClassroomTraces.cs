using System.Collections.Concurrent;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Classroom;

/// <summary>A classroom's walkthrough: the design, the flow, and the trace's steps as the player shows them.</summary>
public sealed record ClassroomWalkthrough(Design Design, Flow Flow, IReadOnlyList<SimulationEvent> Steps);

/// <summary>
/// Each classroom's walkthrough, traced once per instance from the stored design and flow (the engine is
/// deterministic, so every instance gets the same steps) and kept while the session is used.
/// </summary>
public sealed class ClassroomTraces
{
    /// <summary>More sessions than any instance presents at once; past it the cache starts over rather than grow.</summary>
    private const int MaxKept = 1000;

    private readonly ConcurrentDictionary<string, ClassroomWalkthrough> _byCode = new(StringComparer.Ordinal);

    public ClassroomWalkthrough For(string code, string documentJson, Flow flow, SimulationResolver resolver) =>
        _byCode.TryGetValue(code, out var known) ? known : Add(code, Trace(documentJson, flow, resolver));

    public void Forget(string code) => _byCode.TryRemove(code, out _);

    /// <summary>Traces a stored session; a stored design always traced once, so a failure here is a bug, not bad input.</summary>
    public static ClassroomWalkthrough Trace(string documentJson, Flow flow, SimulationResolver resolver)
    {
        var design = DesignDocument.Load(documentJson).Design
            ?? throw new InvalidOperationException("A classroom's stored design no longer loads.");
        var resolved = resolver.Run(design, flow);
        if (!resolved.Succeeded)
        {
            throw new InvalidOperationException("A classroom's stored flow no longer traces: " + string.Join("; ", resolved.Problems));
        }

        return new ClassroomWalkthrough(resolved.Design ?? design, flow, [.. resolved.Events.Where(e => e.Type == "step")]);
    }

    private ClassroomWalkthrough Add(string code, ClassroomWalkthrough walkthrough)
    {
        if (_byCode.Count >= MaxKept)
        {
            _byCode.Clear();
        }

        return _byCode.GetOrAdd(code, walkthrough);
    }
}
