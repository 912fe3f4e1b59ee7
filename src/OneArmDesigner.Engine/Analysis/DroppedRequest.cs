using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// A traced exchange whose first packet was dropped before it reached its destination, kept so that other
/// destinations of the same source and flow can take its outcome without being traced.
/// </summary>
/// <remarks>
/// The first packet of an exchange starts with empty session tables and never reached its destination, so the only
/// thing that could make another destination's packet go differently is how a device on the way treats the destination
/// address. If every device the packet visited treats the other address exactly like this one, the other packet
/// takes the same steps, hop for hop, to the same drop: same verdict, packet kind, reason and device. The test below is
/// deliberately stricter than the walker (it looks at all of a firewall's rules, not only the ones that applied);
/// anything it is unsure about is traced instead.
/// </remarks>
internal sealed class DroppedRequest
{
    private readonly NetworkNode[] _visited;
    private readonly RouteScope[] _scopes;

    /// <summary>Per visited device: the segment where the destination itself is the next hop (its route names none), if so.</summary>
    private readonly Segment?[] _destinationSegments;

    private readonly Ipv4Address _destination;

    /// <summary>False when the known destination itself is special on the path: a device owns it, or someone answers for it.</summary>
    private readonly bool _shareable;

    public DroppedRequest(CompiledNetwork network, PacketTrace request, Ipv4Address destination, int flowGroup, int outcome,
        Func<NetworkNode, Route?, RouteScope> scopeOf)
    {
        _visited = [.. request.Hops.Select(h => h.Device).Distinct(StringComparer.Ordinal).Select(network.Get)];
        var routes = _visited.Select(n => n.Fib.Lookup(destination)).ToArray();
        _scopes = [.. _visited.Select((n, i) => scopeOf(n, routes[i]))];
        _destinationSegments = [.. _visited.Select((n, i) => n.Kind == DeviceKind.Internet ? n.OwnSegment
            : routes[i] is { NextHop: null, Interface: { } egress } ? n.SegmentOf(egress) : null)];
        _destination = destination;
        _shareable = !_visited.Any(n => n.Owns(destination)) && !_visited.Where((n, i) => Answers(n, _destinationSegments[i], destination)).Any();
        FlowGroup = flowGroup;
        Outcome = outcome;
    }

    /// <summary>Which default flow (protocol and port) the request was: only a destination with the same one can share.</summary>
    public int FlowGroup { get; }

    public int Outcome { get; }

    /// <summary>True when a request to <paramref name="other"/> is certain to be dropped the same way.</summary>
    public bool DecidesAlso(Ipv4Address other)
    {
        if (other == _destination)
        {
            return true;
        }

        if (!_shareable)
        {
            return false;
        }

        for (var i = 0; i < _visited.Length; i++)
        {
            if (!TreatsAlike(_visited[i], _scopes[i], _destinationSegments[i], other))
            {
                return false;
            }
        }

        return true;
    }

    private bool TreatsAlike(NetworkNode node, RouteScope scope, Segment? destinationSegment, Ipv4Address other)
    {
        // The Internet drops private addresses and hands public ones to their owner; elsewhere a private address can
        // only matter where the destination is put onto the Internet segment directly.
        if (destinationSegment is { IsInternet: true } && _destination.IsPrivate != other.IsPrivate)
        {
            return false;
        }

        if (Answers(node, destinationSegment, other))
        {
            return false;
        }

        if (node.Kind == DeviceKind.Internet)
        {
            return true;
        }

        if (node.Owns(other) || !scope.Contains(other))
        {
            return false;
        }

        return node.Device.Firewall is not { } firewall || FirewallRules.TreatAlike(firewall, _destination, other);
    }

    /// <summary>Whether a device on the segment owns the address (the Internet itself looks up public addresses only).</summary>
    private static bool Answers(NetworkNode node, Segment? segment, Ipv4Address address) =>
        segment is not null && (node.Kind != DeviceKind.Internet || !address.IsPrivate) && segment.Resolve(address) is not null;
}
