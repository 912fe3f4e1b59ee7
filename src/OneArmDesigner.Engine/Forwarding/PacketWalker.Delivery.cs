using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

internal sealed partial class PacketWalker
{
    /// <summary>
    /// Stage 6: a packet addressed to this device ends here. A host takes it if something listens on the port (a SYN to
    /// a closed TCP port is taken too, and answered with a RST); any other device offers no service to it.
    /// </summary>
    private HopOutcome? AcceptIfAddressedHere(HopContext hop)
    {
        var header = hop.Routed;
        if (hop.IsOrigin)
        {
            return null;
        }

        if (!hop.Node.Owns(header.Destination))
        {
            return AddressedToMappedAddress(hop, header);
        }

        if (hop.IsEncapsulated)
        {
            return HopOutcome.Drop(DropReason.NotListening,
                $"the encrypted packet is addressed to {hop.Name} itself ({header.Destination}:{header.DestinationPort}), which is not a VPN endpoint and has no NAT rule sending UDP {header.DestinationPort} on to one.");
        }

        if (hop.Node.Device.Host is not { } host)
        {
            return HopOutcome.Drop(DropReason.NotListening, $"the packet is addressed to {hop.Name} itself ({header.Destination}), which offers no such service.");
        }

        var listening = header.Protocol switch
        {
            Protocol.Tcp => host.TcpPorts.Contains(header.DestinationPort),
            Protocol.Udp => host.UdpPorts.Contains(header.DestinationPort)
                || state.HasClientSocket(hop.Name, Protocol.Udp, header.DestinationPort),
            _ => true,
        };

        if (header.Protocol == Protocol.Udp && !listening)
        {
            return HopOutcome.Drop(DropReason.PortClosed,
                $"nothing on {hop.Name} listens on UDP port {header.DestinationPort}, so {hop.Name} discards the datagram and answers with an ICMP port unreachable.");
        }

        var reason = (header.Protocol, header.Flags, listening) switch
        {
            (Protocol.Tcp, TcpFlags.Syn, true) => AcceptReason.SynListening,
            (Protocol.Tcp, TcpFlags.Syn, false) => AcceptReason.SynToClosedPort,
            (Protocol.Tcp, TcpFlags.Syn | TcpFlags.Ack, _) => AcceptReason.SynAck,
            (Protocol.Tcp, _, _) => AcceptReason.Established,
            (Protocol.Udp, _, _) when host.UdpPorts.Contains(header.DestinationPort) => AcceptReason.UdpListening,
            (Protocol.Udp, _, _) => AcceptReason.UdpReply,
            _ => header.Icmp switch
            {
                { IsError: true } => AcceptReason.IcmpError,
                { Type: IcmpTypes.EchoReply } => AcceptReason.EchoReply,
                _ => AcceptReason.Echo,
            },
        };
        hop.Note(StepAction.Deliver, StepFacts.Accept(reason));
        return HopOutcome.Deliver;
    }

    /// <summary>
    /// A firewall receives packets for its mapped (NAT) addresses; one that no NAT rule translated (another protocol or
    /// port than the rule's) has nowhere to go. Depends on: the destination address and the firewall's NAT rules.
    /// </summary>
    private static HopOutcome? AddressedToMappedAddress(HopContext hop, Packets.PacketHeader header) =>
        hop.Node.OwnsMapped(header.Destination)
            ? HopOutcome.Drop(DropReason.NotListening,
                $"the packet is addressed to {header.Destination}, a mapped address of {hop.Name}, and none of {hop.Name}'s NAT rules for it takes {header.Protocol.ToJsonName().ToUpperInvariant()}{(header.Protocol == Protocol.Icmp ? "" : $" port {header.DestinationPort}")}.")
            : null;
}
