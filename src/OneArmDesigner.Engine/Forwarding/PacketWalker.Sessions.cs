using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

internal sealed partial class PacketWalker
{
    /// <summary>
    /// Stage 2: a packet of a known flow matches its session (and takes its NAT translation); on a stateful firewall a
    /// TCP packet that is not an opening SYN and matches nothing is dropped at once, before any access list, and so is an
    /// ICMP reply or error that matches nothing on a firewall that inspects ICMP.
    /// </summary>
    private HopOutcome? MatchSession(HopContext hop)
    {
        if (!KeepsSessions(hop))
        {
            return null;
        }

        var header = hop.Routed;
        if (header.Icmp is { IsError: true, Invoking: { } reported })
        {
            return MatchIcmpError(hop, header, reported);
        }

        if (state.Match(hop.Name, header.Key) is not { } hit)
        {
            return RequireOpeningSyn(hop, header) ?? RequireIcmpRequest(hop, header);
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

    /// <summary>
    /// On a firewall that inspects ICMP only a request (an echo) opens an ICMP session; an echo reply that matches none
    /// was never asked for, as far as the firewall knows, and is dropped before any access list (ASA 313004).
    /// Depends on: the protocol, the ICMP type, and the firewall's stateful and inspectIcmp settings.
    /// </summary>
    private static HopOutcome? RequireIcmpRequest(HopContext hop, PacketHeader header)
    {
        if (header.Protocol != Protocol.Icmp || header.Icmp is not { IsRequest: false } message
            || hop.Node.Device.Firewall is not { } firewall || !Inspects(firewall, Protocol.Icmp))
        {
            return null;
        }

        return HopOutcome.Drop(DropReason.NoSession,
            $"{hop.Name} inspects ICMP and has no session for this {message.Name}: it never saw the echo request that would have opened one. This is what asymmetric routing does to a firewall that inspects ICMP.",
            VendorLog.NoIcmpSession(header, hop.Ingress ?? "?"));
    }

    /// <summary>
    /// An ICMP error travels back along the connection of the packet it reports on. A firewall that inspects ICMP (and a
    /// NATting MX, like Linux conntrack) finds that connection by the reported packet's 5-tuple, translates the error's
    /// addresses and the reported packet back the way the connection was translated, and lets it through; a firewall that
    /// inspects ICMP drops an error about no connection it knows (ASA 313004). Without ICMP inspection the error is
    /// filtered like any new ICMP packet. Depends on: the reported 5-tuple, the sessions, and the device's settings.
    /// </summary>
    private HopOutcome? MatchIcmpError(HopContext hop, PacketHeader header, FlowKey reported)
    {
        var firewall = hop.Node.Device.Firewall;
        if (firewall is not null && !Inspects(firewall, Protocol.Icmp))
        {
            return null;
        }

        if (state.MatchReported(hop.Name, reported) is not { } hit)
        {
            return firewall is null
                ? null
                : HopOutcome.Drop(DropReason.NoSession,
                    $"{hop.Name} inspects ICMP and knows no connection for the packet this {header.Icmp!.Name} reports on ({reported}), so it drops the error.",
                    VendorLog.NoIcmpSession(header, hop.Ingress ?? "?"));
        }

        var (session, forward) = hit;
        var asArrived = forward ? session.Original : session.Translated.Reverse;
        var source = header.Source == reported.Destination ? asArrived.Destination : header.Source;
        var translated = header with { Source = source, Destination = asArrived.Source, Icmp = header.Icmp! with { Invoking = asArrived } };
        hop.Matched = (session, !forward);
        hop.Record(StepAction.SessionMatch, hop.Packet.WithRouted(translated), StepFacts.IcmpErrorMatch(session));
        return null;
    }

    /// <summary>Whether the firewall keeps state for this protocol: TCP and UDP when stateful, ICMP only with inspect icmp too.</summary>
    private static bool Inspects(FirewallSettings firewall, Protocol protocol) =>
        firewall.Stateful && (protocol != Protocol.Icmp || firewall.InspectIcmp);

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
        var selectors = firewall.TcpStateBypass;
        for (var i = 0; i < selectors.Count; i++)
        {
            if (header.Protocol == Protocol.Tcp && selectors[i].Matches(header.Source, header.Destination))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Stage 10: a new flow through a firewall must be allowed by the security levels (when no access list decided),
    /// may not hairpin without same-security-traffic, and opens a session: a connection for what the firewall inspects,
    /// a translation only for what it does not but translated. Packets of a translation-only session are admitted like
    /// new ones. A NATting MX records its translation.
    /// </summary>
    private HopOutcome? SetUpSession(HopContext hop)
    {
        if (hop.Matched is { Session.TranslationOnly: false } || !KeepsSessions(hop) || hop.Egress is not { } egress)
        {
            return null;
        }

        var header = hop.Routed;
        var ingress = hop.Ingress ?? egress;
        var translationOnly = false;
        if (hop.Node.Device.Firewall is { } firewall)
        {
            if (FirewallAdmission(hop, firewall, header, ingress, egress) is { } refused)
            {
                return refused;
            }

            var inspected = Inspects(firewall, header.Protocol);
            if (hop.Matched is not null || header.Icmp is { IsError: true } || (!inspected && !hop.SourceTranslated))
            {
                // Already translated by its session, an error (which never opens one), or nothing to remember.
                return null;
            }

            if (inspected && header.Protocol == Protocol.Tcp && header.Flags != TcpFlags.Syn)
            {
                hop.Note(StepAction.Filter, StepFacts.StateBypass);
                return null;
            }

            translationOnly = !inspected;
        }

        else if (!hop.SourceTranslated)
        {
            // A NATting MX only needs to remember flows it actually translated.
            return null;
        }

        var session = new Session(state.NextSessionId(), hop.Arrived.Key, header.Key, ingress, egress,
            header.Protocol == Protocol.Tcp && !translationOnly ? TcpState.SynSent : null, translationOnly);
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
