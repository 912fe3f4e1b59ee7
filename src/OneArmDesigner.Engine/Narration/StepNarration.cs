using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Forwarding;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Narration;

/// <summary>
/// Writes a step's plain-English sentence and its evidence from the facts captured when it happened. Only run when a
/// reader asks: most traces (analysis, bulk simulation) never read a sentence.
/// </summary>
internal static class StepNarration
{
    public static string Detail(Step step, in StepFacts facts)
    {
        var name = step.Device;
        var before = step.Before.Routed;
        var after = step.After.Routed;
        switch (facts.Kind)
        {
            case StepKind.Send:
                return $"{name} sends the packet: {step.Before.Inner}.";
            case StepKind.Receive:
                return $"{name} receives {Arriving(step.Before)} on {step.Ingress}.";
            case StepKind.InternetReceive:
                return $"The Internet carries a packet for {before.Destination}.";
            case StepKind.Accept:
                return $"{name} accepts the packet: {Answer(facts.AcceptReason, name, before)}.";
            case StepKind.AclPermit:
                return $"The access list on {step.Ingress} permits the packet (line {facts.AclLine}).";
            case StepKind.NatDestination:
                return $"{name} translates the destination {before.Destination}:{before.DestinationPort} to {after.Destination}:{after.DestinationPort} ({facts.NatRule!.ToString()}).";
            case StepKind.NatSource:
                return $"{name} translates the source {before.Source}:{before.SourcePort} to {after.Source}:{after.SourcePort} as the packet leaves by {step.Egress}.";
            case StepKind.Route:
                return RouteSentence(name, facts.MatchedRoute, before, facts.FromEndpoint);
            case StepKind.ForwardToNeighbour:
                var crossing = step.Crossing!;
                return $"{name} sends it out of {step.Egress} to {crossing.ToDevice} ({facts.NextHop}){(crossing.Segment is null ? "" : $" across {crossing.Segment}")}.";
            case StepKind.ForwardToProvider:
                return $"{name} sends it out of {step.Egress} to its Internet provider ({facts.NextHop}).";
            case StepKind.InternetForward:
                return $"The Internet routes it to {step.Crossing!.ToDevice} ({before.Destination}).";
            case StepKind.SessionMatch:
                var direction = facts.MatchedForward ? "the direction it was opened in" : "the return direction";
                var nat = after == before ? "" : $" and is translated to {after.Source}:{after.SourcePort} → {after.Destination}:{after.DestinationPort}";
                var (matched, matchedState) = facts.SessionAsItStood!.Value;
                return matched.TranslationOnly
                    ? $"{name} finds a translation for this flow ({direction}){nat}; it does not inspect {before.Protocol.ToJsonName().ToUpperInvariant()}, so its access list still decides."
                    : $"{name} finds this flow in its connection table ({direction}){nat}; the session is {matchedState}.";
            case StepKind.IcmpErrorMatch:
                var reportedOn = facts.ReportedSession;
                var rewritten = after == before ? "" : $"; it is translated to {after.Source} → {after.Destination}";
                return $"{name} relates this ICMP {before.Icmp?.Name} to its connection {reportedOn.Original}, whose packet it reports on{rewritten}, and lets it through.";
            case StepKind.StateBypass:
                return $"tcp-state-bypass covers this flow, so {name} forwards the {before.Flags.ToLogText()} without a connection.";
            case StepKind.SecurityLevels:
                return facts.InLevel == facts.OutLevel
                    ? $"{step.Ingress ?? facts.ComparedEgress} and {facts.ComparedEgress} share security level {facts.InLevel}, and same-security-traffic permit inter-interface lets the flow pass without an access list."
                    : $"{step.Ingress ?? facts.ComparedEgress} (security {facts.InLevel}) to {facts.ComparedEgress} (security {facts.OutLevel}) is higher to lower: allowed without an access list.";
            case StepKind.SessionCreate:
                var (session, state) = facts.SessionAsItStood!.Value;
                return session.TranslationOnly
                    ? $"{name} records a NAT translation for {session.Original}; it does not inspect {before.Protocol.ToJsonName().ToUpperInvariant()}, so replies will be translated back but must still pass its access list."
                    : $"{name} opens a {(facts.OnFirewall ? "connection" : "NAT translation")} for {session.Original} ({state}); replies will match it.";
            case StepKind.Decapsulate:
                var inner = step.Before.Inner;
                return $"{name} decrypts the ESP payload from {facts.Peer ?? step.Before.Outer!.Value.Source.ToString()} and takes out the inner packet {(inner.Protocol == Protocol.Icmp ? $"{inner.Source} → {inner.Destination}" : $"{inner.Source}:{inner.SourcePort} → {inner.Destination}:{inner.DestinationPort}")}.";
            case StepKind.Encapsulate:
                var outer = step.After.Outer!.Value;
                return $"{name} encrypts the packet and encapsulates it in IPsec (ESP in UDP) toward {facts.Peer}: the outer packet goes from {outer.Source}:{outer.SourcePort} to {outer.Destination}:{outer.DestinationPort}.";
            default:
                return facts.DropDetail;
        }
    }

    /// <summary>What decided the step (a route, a rule, a session, a NAT entry), or null when nothing but the packet did.</summary>
    public static string? Evidence(Step step, in StepFacts facts)
    {
        switch (facts.Kind)
        {
            case StepKind.AclPermit:
                return $"access-list {step.Ingress}_access_in line {facts.AclLine}: {facts.AclRule.ToString()}";
            case StepKind.NatDestination:
                return facts.NatRule!.ToString();
            case StepKind.NatSource:
                return facts.NatRule is { } rule
                    ? rule.ToString()
                    : $"NAT of LAN traffic to the uplink address {step.After.Routed.Source}";
            case StepKind.Route:
                return facts.MatchedRoute.ToString();
            case StepKind.ForwardToNeighbour:
                return $"ARP: {facts.NextHop} is {step.Crossing!.ToDevice}:{step.Crossing.ToInterface}";
            case StepKind.ForwardToProvider:
                return $"provider gateway {facts.NextHop}";
            case StepKind.InternetForward:
                return $"{step.Before.Routed.Destination} is {step.Crossing!.ToDevice}:{step.Crossing.ToInterface}";
            case StepKind.SessionMatch:
                var matched = facts.SessionAsItStood!.Value.Session;
                return $"session #{matched.Id}: {matched.Original}";
            case StepKind.IcmpErrorMatch:
                return $"session #{facts.ReportedSession.Id}: {facts.ReportedSession.Original} (the packet the ICMP error reports on)";
            case StepKind.StateBypass:
                return "tcp-state-bypass";
            case StepKind.SecurityLevels:
                return facts.InLevel == facts.OutLevel
                    ? $"security levels {facts.InLevel} = {facts.OutLevel}, same-security-traffic permit inter-interface"
                    : $"security levels {facts.InLevel} > {facts.OutLevel}";
            case StepKind.SessionCreate:
                return $"session #{facts.SessionAsItStood!.Value.Session.Id}";
            case StepKind.Decapsulate:
                var outer = step.Before.Outer!.Value;
                return $"IPsec SA with {facts.Peer ?? outer.Source.ToString()} (UDP {outer.DestinationPort})";
            case StepKind.Encapsulate:
                var contact = step.After.Outer!.Value;
                return $"VPN peer {facts.Peer} at {contact.Destination}:{contact.DestinationPort}";
            default:
                return null;
        }
    }

    private static string Arriving(Packet packet) => packet.Outer is { } outer
        ? $"an encrypted ESP-in-UDP packet from {outer.Source} (carrying {packet.Inner.Protocol.ToJsonName().ToUpperInvariant()} {packet.Inner.Source} → {packet.Inner.Destination})"
        : $"{packet.Inner}";

    private static string Answer(AcceptReason reason, string host, PacketHeader header) => (reason, header.DestinationPort) switch
    {
        (AcceptReason.SynListening, var port) => $"it listens on TCP {port} and will answer with a SYN-ACK",
        (AcceptReason.SynToClosedPort, var port) => $"nothing listens on TCP {port}, so it will answer with a RST",
        (AcceptReason.SynAck, _) => "it will complete the handshake with an ACK",
        (AcceptReason.Established, _) => "the connection is established",
        (AcceptReason.UdpListening, var port) => $"an application listens on UDP {port} and will reply",
        (AcceptReason.UdpReply, var port) => $"it is the reply to the request {host} sent from UDP port {port}",
        (AcceptReason.EchoReply, _) => "it is the reply to its echo request",
        (AcceptReason.IcmpError, _) when header.Icmp?.Invoking is { } invoking =>
            $"it is an ICMP {header.Icmp.Name} about its {invoking.Protocol.ToJsonName().ToUpperInvariant()} datagram to {invoking.Destination}:{invoking.DestinationPort}, which the sending application sees as 'connection refused'",
        _ => "it will answer the echo",
    };

    private static string RouteSentence(string name, Route route, PacketHeader header, bool fromEndpoint) => route.Kind switch
    {
        RouteKind.Connected => $"{header.Destination} is on {name}'s own subnet {route.Prefix} (interface {route.Interface}), so {name} delivers it directly.",
        RouteKind.Vpn => $"{header.Destination} matches {route.Prefix}, a subnet {route.VpnPeer} advertises over AutoVPN, so the packet goes into the tunnel to {route.VpnPeer}.",
        RouteKind.Default when fromEndpoint => $"{header.Destination} is not on {name}'s subnet, so {name} sends it to its default gateway {route.NextHop}.",
        RouteKind.Default => $"{name} has no more specific route to {header.Destination}; its default route points to {route.NextHop} via {route.Interface}.",
        _ => $"{header.Destination} matches the static route {route.Prefix} via {route.NextHop} (interface {route.Interface}).",
    };
}
