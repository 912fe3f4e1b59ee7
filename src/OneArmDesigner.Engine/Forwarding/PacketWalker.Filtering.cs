using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

internal sealed partial class PacketWalker
{
    /// <summary>
    /// Stage 3: a new flow entering a firewall is checked against the access list on its ingress interface, as it
    /// arrived (before NAT). With no list there, the security-level rule decides once the exit interface is known.
    /// </summary>
    private HopOutcome? IngressFilter(HopContext hop)
    {
        if (hop.Matched is not null || hop.Node.Device.Firewall is not { } firewall || hop.Ingress is not { } ingress)
        {
            return null;
        }

        var header = hop.Routed;
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
            if (rule.Protocol.Matches(header.Protocol) && rule.Source.Contains(header.Source) && rule.Destination.Contains(header.Destination)
                && (rule.DestinationPort is null || rule.DestinationPort == header.DestinationPort))
            {
                if (rule.Action == AclAction.Permit)
                {
                    hop.Note(StepAction.Filter, StepFacts.AclPermit(rule, line));
                    return null;
                }

                return HopOutcome.Drop(DropReason.AclDeny, $"line {line} of the access list on {ingress} denies it.",
                    VendorLog.AccessGroupDeny(header, ingress, ExitFor(hop, header.Destination)));
            }
        }

        if (line == 0)
        {
            hop.SecurityLevelRuleApplies = true;
            return null;
        }

        return HopOutcome.Drop(DropReason.AclDeny,
            $"no line of the access list on {ingress} permits it, and an access list ends with an implicit deny.",
            VendorLog.AccessGroupDeny(header, ingress, ExitFor(hop, header.Destination)));
    }

    private static string ExitFor(HopContext hop, Domain.Addressing.Ipv4Address destination) =>
        hop.Node.Fib.Lookup(destination)?.Interface ?? "unknown";
}
