using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

internal sealed partial class PacketWalker
{
    /// <summary>Stage 7: longest-prefix match on the routed destination; every forwarding device spends one TTL.</summary>
    private HopOutcome? RouteLookup(HopContext hop)
    {
        var header = hop.Routed;
        var route = hop.Node.Fib.Lookup(header.Destination);
        if (route is null)
        {
            return HopOutcome.Drop(DropReason.NoRoute,
                hop.Node.Kind.IsEndpoint()
                    ? $"{hop.Name} has no route to {header.Destination}: it is not on {hop.Name}'s subnet and {hop.Name} has no default gateway."
                    : $"{hop.Name} has no route to {header.Destination} and no default route.");
        }

        if (!hop.IsOrigin && !hop.Node.Kind.IsEndpoint())
        {
            if (header.Ttl <= 1)
            {
                return HopOutcome.Drop(DropReason.TtlExceeded, $"the packet's TTL ran out at {hop.Name}; it has been forwarded too many times.");
            }

            hop.Packet = hop.Packet.WithRouted(header with { Ttl = header.Ttl - 1 });
        }

        hop.Route = route;
        hop.Note(StepAction.Route, StepFacts.Route(route, hop.Node.Kind.IsEndpoint()));
        return null;
    }

    /// <summary>
    /// Stages 11 to 13: leave by the route's interface, find the neighbour that owns the next-hop address on that
    /// segment (ARP), and cross the cable. On the Internet, any public next hop is the provider's router.
    /// </summary>
    private HopOutcome ExitAndResolveNeighbour(HopContext hop)
    {
        var route = hop.Route!;
        var header = hop.Routed;
        var nextHop = route.NextHop ?? header.Destination;
        if (route.Interface is not { } egress)
        {
            return HopOutcome.Drop(DropReason.NeighborUnreachable,
                $"the next hop {nextHop} is not on any subnet {hop.Name} is connected to, so {hop.Name} cannot reach it.");
        }

        if (!hop.Node.TryGetPort(egress, out var segment, out var from))
        {
            return HopOutcome.Drop(DropReason.NeighborUnreachable, $"{hop.Name}'s interface {egress} is not connected to anything.");
        }

        if (segment.TryResolve(nextHop, out var neighbour))
        {
            hop.Note(StepAction.Forward, StepFacts.ForwardToNeighbour(segment.CrossingBetween(from, neighbour), nextHop, egress));
            return HopOutcome.Forward(segment.NodeAt(neighbour), segment.MemberAt(neighbour).Interface);
        }

        if (segment.IsInternet && !nextHop.IsPrivate)
        {
            hop.Note(StepAction.Forward, StepFacts.ForwardToProvider(segment.CrossingIntoInternet(from), nextHop, egress));
            return HopOutcome.Forward(segment.Owner!, null);
        }

        return HopOutcome.Drop(DropReason.NeighborUnreachable,
            $"no device on {segment.Name ?? $"the cable from {egress}"} answers ARP for the next hop {nextHop}.");
    }

    /// <summary>The Internet routes between the public addresses attached to it and drops anything private.</summary>
    private HopOutcome InternetHop(HopContext hop)
    {
        var header = hop.Routed;
        hop.Note(StepAction.Receive, StepFacts.InternetReceive);
        if (header.Destination.IsPrivate)
        {
            return HopOutcome.Drop(DropReason.PrivateAddressOnInternet,
                $"{header.Destination} is a private address, and the Internet does not route private addresses.");
        }

        var segment = hop.Node.OwnSegment!;
        if (!segment.TryResolve(header.Destination, out var owner))
        {
            return HopOutcome.Drop(DropReason.NoRoute, $"no device attached to the Internet in this design has the address {header.Destination}.");
        }

        if (header.Ttl <= 1)
        {
            return HopOutcome.Drop(DropReason.TtlExceeded, "the packet's TTL ran out on the Internet.");
        }

        hop.Packet = hop.Packet.WithRouted(header with { Ttl = header.Ttl - 1 });
        hop.Note(StepAction.Forward, StepFacts.InternetForward(segment.CrossingOutOfInternet(owner)));
        return HopOutcome.Forward(segment.NodeAt(owner), segment.MemberAt(owner).Interface);
    }
}
