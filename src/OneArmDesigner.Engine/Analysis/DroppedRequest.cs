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
    private readonly Route?[] _routes;
    private readonly Ipv4Address _destination;

    public DroppedRequest(CompiledNetwork network, PacketTrace request, Ipv4Address destination, int flowGroup, int outcome)
    {
        _visited = [.. request.Hops.Select(h => h.Device).Distinct(StringComparer.Ordinal).Select(network.Get)];
        _routes = [.. _visited.Select(n => n.Fib.Lookup(destination))];
        _destination = destination;
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

        for (var i = 0; i < _visited.Length; i++)
        {
            if (!TreatsAlike(_visited[i], _routes[i], other))
            {
                return false;
            }
        }

        return true;
    }

    private bool TreatsAlike(NetworkNode node, Route? route, Ipv4Address other)
    {
        var known = _destination;
        if (node.Kind == DeviceKind.Internet)
        {
            // Private addresses die here; public ones are delivered to whoever owns them, so both must be owned by nobody.
            return known.IsPrivate == other.IsPrivate
                && (known.IsPrivate || (node.OwnSegment!.Resolve(known) is null && node.OwnSegment.Resolve(other) is null));
        }

        if (node.Owns(known) || node.Owns(other) || !ReferenceEquals(route, node.Fib.Lookup(other)))
        {
            return false;
        }

        if (route is { NextHop: null, Interface: { } egress } && node.SegmentOf(egress) is { } segment)
        {
            // With no next hop the destination itself is the neighbour: it must be as unresolvable as the known one.
            if (segment.Resolve(known) is not null || segment.Resolve(other) is not null || (segment.IsInternet && known.IsPrivate != other.IsPrivate))
            {
                return false;
            }
        }

        return node.Device.Firewall is not { } firewall || FirewallTreatsAlike(firewall, known, other);
    }

    private static bool FirewallTreatsAlike(FirewallSettings firewall, Ipv4Address known, Ipv4Address other)
    {
        foreach (var rule in firewall.Acl)
        {
            if (rule.Destination.Contains(known) != rule.Destination.Contains(other) || rule.Source.Contains(known) != rule.Source.Contains(other))
            {
                return false;
            }
        }

        foreach (var rule in firewall.Nat)
        {
            if (rule.PublicAddress == known || rule.PublicAddress == other || rule.PrivateAddress == known || rule.PrivateAddress == other
                || (rule.InsideNetwork is { } inside && inside.Contains(known) != inside.Contains(other)))
            {
                return false;
            }
        }

        foreach (var selector in firewall.TcpStateBypass)
        {
            if (selector.Source.Contains(known) != selector.Source.Contains(other) || selector.Destination.Contains(known) != selector.Destination.Contains(other))
            {
                return false;
            }
        }

        return true;
    }
}
