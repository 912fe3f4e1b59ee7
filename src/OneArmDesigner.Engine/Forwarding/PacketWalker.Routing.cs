using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

internal sealed partial class PacketWalker
{
    /// <summary>
    /// Stage 7: longest-prefix match on the routed destination; a device that decrements TTL spends one on a packet it
    /// forwards (not on one it has just built, such as the outer packet of a tunnel).
    /// </summary>
    private HopOutcome? RouteLookup(HopContext hop, bool spendsTtl = true)
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

        if (spendsTtl && !hop.IsOrigin && DecrementsTtl(hop.Node) && SpendTtl(hop, replyFromRouter: true) is { } expired)
        {
            return expired;
        }

        hop.Route = route;
        hop.Note(StepAction.Route, StepFacts.Route(route, hop.Node.Kind.IsEndpoint()));
        return null;
    }

    /// <summary>
    /// The address a router sends an ICMP error from: that of the interface the error leaves by, toward the packet's
    /// source (RFC 1812 §4.3.2.4); the ingress interface's when it has no route back.
    /// </summary>
    private static Domain.Addressing.Ipv4Address? ErrorSourceAddress(HopContext hop, Packets.PacketHeader header) =>
        hop.Node.Fib.Lookup(header.Source)?.Interface is { } back && hop.Node.AddressOf(back) is { } address
            ? address
            : hop.Node.AddressOf(hop.Ingress ?? "");

    /// <summary>
    /// Spends one TTL on the packet being forwarded. Where it would reach zero the packet is dropped, and the device
    /// sends an ICMP time exceeded back to the packet's source (from <see cref="ErrorSourceAddress"/> on a router, from no
    /// address on the Internet), unless the packet is itself an ICMP error (RFC 1122: no error about an error).
    /// Depends on: the packet's TTL and source, and the ICMP type.
    /// </summary>
    /// <remarks>The error's source costs a second route look-up, so it is found only when the TTL runs out.</remarks>
    private static HopOutcome? SpendTtl(HopContext hop, bool replyFromRouter)
    {
        var header = hop.Routed;
        if (header.Ttl > 1)
        {
            hop.Packet = hop.Packet.WithRouted(header with { Ttl = header.Ttl - 1 });
            return null;
        }

        var where = hop.Node.Kind == DeviceKind.Internet ? "on the Internet" : $"at {hop.Name}";
        var detail = $"the packet arrived with TTL {header.Ttl} and its TTL runs out {where}: it has been routed as many times as its sender allowed.";
        if (header.Icmp is { IsError: true })
        {
            return HopOutcome.Drop(DropReason.TtlExceeded, detail + " It is itself an ICMP error, so no time exceeded is sent about it.");
        }

        var from = replyFromRouter ? ErrorSourceAddress(hop, header) : null;
        var report = new IcmpReport(hop.Name, from, header.Source, new IcmpMessage(IcmpTypes.TimeExceeded, IcmpTypes.TtlExceededCode));
        return HopOutcome.Drop(DropReason.TtlExceeded, $"{detail} {Sentences.Capitalised(report.ToString())}.", icmpSent: report);
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
            return HopOutcome.Forward(segment.NodeAt(neighbour), segment.MemberAt(neighbour));
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
        hop.Enter(StepAction.Receive, StepFacts.InternetReceive);
        if (header.Destination.IsPrivate)
        {
            var destination = header.Destination;
            return HopOutcome.Drop(DropReason.PrivateAddressOnInternet,
                new DeferredText(() => $"{destination} is a private address, and the Internet does not route private addresses."));
        }

        var segment = hop.Node.OwnSegment!;
        if (!segment.TryResolve(header.Destination, out var owner))
        {
            return HopOutcome.Drop(DropReason.NoRoute, $"no device attached to the Internet in this design has the address {header.Destination}.");
        }

        if (SpendTtl(hop, replyFromRouter: false) is { } expired)
        {
            return expired;
        }

        hop.Note(StepAction.Forward, StepFacts.InternetForward(segment.CrossingOutOfInternet(owner)));
        return HopOutcome.Forward(segment.NodeAt(owner), segment.MemberAt(owner));
    }
}
