using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

internal sealed partial class PacketWalker
{
    /// <summary>
    /// Stage 4: a new flow arriving on a firewall's outside interface for a static NAT or port-forward address is sent
    /// on to the private address behind it.
    /// </summary>
    private HopOutcome? DestinationNat(HopContext hop)
    {
        if (hop.Matched is not null || hop.Node.Device.Firewall is not { } firewall || hop.Ingress is not { } ingress)
        {
            return null;
        }

        var header = hop.Routed;
        var rules = firewall.Nat;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.Kind == NatKind.Pat || rule.OutsideInterface != ingress || rule.PrivateAddress is not { } privateAddress
                || !rule.Protocol.Matches(header.Protocol) || PublicAddressOf(hop, rule) != header.Destination
                || (rule.Kind == NatKind.PortForward && rule.PublicPort != header.DestinationPort))
            {
                continue;
            }

            var port = rule.Kind == NatKind.PortForward ? rule.PrivatePort ?? header.DestinationPort : header.DestinationPort;
            var translated = header.WithDestination(privateAddress, port);
            hop.Record(StepAction.NatDestination, hop.Packet.WithRouted(translated), StepFacts.NatDestination(rule));
            return null;
        }

        return null;
    }

    /// <summary>
    /// Stage 9: a new flow leaving a firewall by a NAT rule's outside interface takes its public address (the reverse
    /// of a static NAT or port forward, or PAT for an inside network); a routed MX NATs LAN traffic to its uplink.
    /// </summary>
    private HopOutcome? SourceNat(HopContext hop)
    {
        if (hop.Matched is not null || hop.Egress is not { } egress)
        {
            return null;
        }

        var header = hop.Routed;
        if (hop.Node.Device.Firewall is { } firewall)
        {
            var rules = firewall.Nat;
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                if (rule.OutsideInterface != egress || !rule.Protocol.Matches(header.Protocol) || PublicAddressOf(hop, rule) is not { } publicAddress)
                {
                    continue;
                }

                var matches = rule.Kind switch
                {
                    NatKind.Static => rule.PrivateAddress == header.Source,
                    NatKind.PortForward => rule.PrivateAddress == header.Source && (rule.PrivatePort ?? rule.PublicPort) == header.SourcePort,
                    _ => rule.InsideNetwork is { } inside && inside.Contains(header.Source),
                };
                if (matches)
                {
                    var port = rule.Kind == NatKind.PortForward ? rule.PublicPort ?? header.SourcePort : header.SourcePort;
                    TranslateSource(hop, header, publicAddress, port, rule);
                    return null;
                }
            }
        }
        else if (hop.Node.Device.Mx is { Mode: MxMode.Routed, Nat: true } mx && egress == mx.Uplink && !hop.IsEncapsulated
                 && header.Source.IsPrivate && hop.Node.AddressOf(mx.Uplink) is { } uplinkAddress)
        {
            TranslateSource(hop, header, uplinkAddress, header.SourcePort, rule: null);
        }

        return null;
    }

    private static void TranslateSource(HopContext hop, Packets.PacketHeader header, Ipv4Address address, int port, NatRule? rule)
    {
        var translated = header.WithSource(address, port);
        hop.SourceTranslated = true;
        hop.Record(StepAction.NatSource, hop.Packet.WithRouted(translated), StepFacts.NatSource(rule, hop.Egress));
    }

    /// <summary>A rule's public address, or the outside interface's own address when the rule names none.</summary>
    private static Ipv4Address? PublicAddressOf(HopContext hop, NatRule rule) =>
        rule.Kind == NatKind.Pat ? hop.Node.AddressOf(rule.OutsideInterface) : rule.PublicAddress ?? hop.Node.AddressOf(rule.OutsideInterface);
}
