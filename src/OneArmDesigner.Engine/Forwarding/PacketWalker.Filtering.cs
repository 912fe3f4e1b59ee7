using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

internal sealed partial class PacketWalker
{
    /// <summary>
    /// Stage 3: a packet entering a firewall that no inspected session covers (a new flow, or one the firewall only
    /// translates) is checked against the access list on its ingress interface, as it arrived (before NAT). With no list
    /// there, the security-level rule decides once the exit interface is known. A deny is logged with the addresses the
    /// packet is translated to, where a session already translated it, as the ASA logs real addresses.
    /// </summary>
    private HopOutcome? IngressFilter(HopContext hop)
    {
        if (hop.Matched is { Session.TranslationOnly: false } || hop.Node.Device.Firewall is not { } firewall || hop.Ingress is not { } ingress)
        {
            return null;
        }

        var header = hop.Arrived;
        var acl = firewall.Acl;
        var line = 0;
        for (var i = 0; i < acl.Count; i++)
        {
            var rule = acl[i];
            if (rule.Interface != ingress)
            {
                continue;
            }

            line++;
            if (AclEntryMatches(rule, header))
            {
                if (rule.Action == AclAction.Permit)
                {
                    hop.Note(StepAction.Filter, StepFacts.AclPermit(rule, line));
                    return null;
                }

                return HopOutcome.Drop(DropReason.AclDeny, $"line {line} of the access list on {ingress} denies it.",
                    VendorLog.AccessGroupDeny(hop.Routed, ingress, ExitFor(hop, hop.Routed.Destination)));
            }
        }

        if (line == 0)
        {
            hop.SecurityLevelRuleApplies = true;
            return null;
        }

        return HopOutcome.Drop(DropReason.AclDeny,
            $"no line of the access list on {ingress} permits it, and an access list ends with an implicit deny.",
            VendorLog.AccessGroupDeny(hop.Routed, ingress, ExitFor(hop, hop.Routed.Destination)));
    }

    /// <summary>
    /// Whether one access-list entry matches the packet: protocol, source and destination prefixes, then the source and
    /// destination port ranges (TCP and UDP only: an ICMP packet has no ports to match) and the ICMP type and code.
    /// </summary>
    private static bool AclEntryMatches(AclRule rule, PacketHeader header)
    {
        if (!rule.Protocol.Matches(header.Protocol) || !rule.Source.Contains(header.Source) || !rule.Destination.Contains(header.Destination))
        {
            return false;
        }

        if (rule.SourcePort is not null || rule.DestinationPort is not null)
        {
            var hasPorts = header.Protocol is Protocol.Tcp or Protocol.Udp;
            if (!hasPorts || rule.SourcePort?.Contains(header.SourcePort) == false || rule.DestinationPort?.Contains(header.DestinationPort) == false)
            {
                return false;
            }
        }

        return rule.IcmpType is not { } type
            || (header.Icmp is { } message && message.Type == type && (rule.IcmpCode is not { } code || message.Code == code));
    }

    private static string ExitFor(HopContext hop, Domain.Addressing.Ipv4Address destination) =>
        hop.Node.Fib.Lookup(destination)?.Interface ?? "unknown";
}
