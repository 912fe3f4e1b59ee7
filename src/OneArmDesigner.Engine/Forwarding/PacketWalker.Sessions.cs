using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

internal sealed partial class PacketWalker
{
    /// <summary>
    /// Stage 2: a packet of a known flow matches its session (and takes its NAT translation); on a stateful firewall a
    /// TCP packet that is not an opening SYN and matches nothing is dropped at once, before any access list.
    /// </summary>
    private HopOutcome? MatchSession(HopContext hop)
    {
        if (!KeepsSessions(hop))
        {
            return null;
        }

        var header = hop.Routed;
        if (state.Match(hop.Name, header.Key) is not { } hit)
        {
            return RequireOpeningSyn(hop, header);
        }

        hop.Matched = hit;
        var (session, forward) = hit;
        var translated = forward
            ? header.WithSource(session.Translated.Source, session.Translated.SourcePort)
                .WithDestination(session.Translated.Destination, session.Translated.DestinationPort)
            : header.WithSource(session.Original.Destination, session.Original.DestinationPort)
                .WithDestination(session.Original.Source, session.Original.SourcePort);

        if (TcpStateViolation(hop, session, forward, header) is { } violation)
        {
            return violation;
        }

        hop.Record(StepAction.SessionMatch, hop.Packet.WithRouted(translated), StepFacts.SessionMatch(session, forward));
        return null;
    }

    private static HopOutcome? RequireOpeningSyn(HopContext hop, PacketHeader header)
    {
        if (hop.Node.Device.Firewall is not { Stateful: true } firewall || header.Protocol != Protocol.Tcp
            || header.Flags == TcpFlags.Syn || Bypassed(firewall, header))
        {
            return null;
        }

        return HopOutcome.Drop(DropReason.NoSession,
            $"{hop.Name} is a stateful firewall and has no connection for this flow: it never saw the SYN that would have opened it, so it treats this {header.Flags.ToLogText()} as invalid. This is what asymmetric routing does to a stateful firewall.",
            VendorLog.NoConnection(header, hop.Ingress ?? "?"));
    }

    /// <summary>The TCP handshake as a stateful firewall follows it; tcp-state-bypass flows skip the checks.</summary>
    private HopOutcome? TcpStateViolation(HopContext hop, Session session, bool forward, PacketHeader header)
    {
        if (session.Tcp is not { } tcp || hop.Node.Device.Firewall is not { Stateful: true } firewall || Bypassed(firewall, header))
        {
            return null;
        }

        var flags = header.Flags;
        if (forward && flags == TcpFlags.Ack && tcp == TcpState.SynSent)
        {
            return HopOutcome.Drop(DropReason.InvalidTcpState,
                $"{hop.Name} saw the SYN of this connection but never its SYN-ACK, so an ACK from the initiator is out of order and is dropped.");
        }

        session.Tcp = (forward, flags, tcp) switch
        {
            (_, _, _) when (flags & TcpFlags.Rst) != 0 => TcpState.Closed,
            (false, TcpFlags.Syn | TcpFlags.Ack, TcpState.SynSent) => TcpState.SynAckSeen,
            (true, TcpFlags.Ack, TcpState.SynAckSeen) => TcpState.Established,
            _ => tcp,
        };
        return null;
    }

    private static bool Bypassed(FirewallSettings firewall, PacketHeader header)
    {
        foreach (var selector in firewall.TcpStateBypass)
        {
            if (header.Protocol == Protocol.Tcp && selector.Matches(header.Source, header.Destination))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Stage 10: a new flow through a firewall must be allowed by the security levels (when no access list decided),
    /// may not hairpin without same-security-traffic, and opens a session; a NATting MX records its translation.
    /// </summary>
    private HopOutcome? SetUpSession(HopContext hop)
    {
        if (hop.Matched is not null || !KeepsSessions(hop) || hop.Egress is not { } egress)
        {
            return null;
        }

        var header = hop.Routed;
        var ingress = hop.Ingress ?? egress;
        if (hop.Node.Device.Firewall is { } firewall)
        {
            if (FirewallAdmission(hop, firewall, header, ingress, egress) is { } refused)
            {
                return refused;
            }

            if (!firewall.Stateful)
            {
                return null;
            }

            if (header.Protocol == Protocol.Tcp && header.Flags != TcpFlags.Syn)
            {
                hop.Note(StepAction.Filter, StepFacts.StateBypass);
                return null;
            }
        }

        else if (!hop.SourceTranslated)
        {
            // A NATting MX only needs to remember flows it actually translated.
            return null;
        }

        var session = new Session(state.NextSessionId(), hop.Arrived.Key, header.Key, ingress, egress,
            header.Protocol == Protocol.Tcp ? TcpState.SynSent : null);
        state.Add(hop.Name, session);
        hop.Note(StepAction.SessionCreate, StepFacts.SessionCreate(session, onFirewall: hop.Node.Device.Firewall is not null, egress));
        return null;
    }

    private static HopOutcome? FirewallAdmission(HopContext hop, FirewallSettings firewall, PacketHeader header, string ingress, string egress)
    {
        if (ingress == egress && !firewall.SameSecurityIntraInterface)
        {
            return HopOutcome.Drop(DropReason.HairpinDenied,
                $"the packet would leave {hop.Name} by {egress}, the interface it came in on, and {hop.Name} is not configured with 'same-security-traffic permit intra-interface'.");
        }

        if (!hop.SecurityLevelRuleApplies || ingress == egress)
        {
            return null;
        }

        var inLevel = hop.Node.Interface(ingress)?.SecurityLevel ?? 0;
        var outLevel = hop.Node.Interface(egress)?.SecurityLevel ?? 0;
        if (inLevel > outLevel || (inLevel == outLevel && firewall.SameSecurityInterInterface))
        {
            hop.Note(StepAction.Filter, StepFacts.SecurityLevels(egress, inLevel, outLevel));
            return null;
        }

        if (inLevel == outLevel)
        {
            return HopOutcome.Drop(DropReason.SameSecurityDenied,
                $"{ingress} and {egress} have the same security level ({inLevel}) and no access list permits the flow; {hop.Name} would need 'same-security-traffic permit inter-interface' or an access list.");
        }

        return HopOutcome.Drop(DropReason.AclDeny,
            $"traffic from {ingress} (security {inLevel}) to {egress} (security {outLevel}) goes from lower to higher security, which needs an access list that permits it, and {ingress} has none.",
            VendorLog.SecurityLevelDeny(header, ingress, egress));
    }
}
