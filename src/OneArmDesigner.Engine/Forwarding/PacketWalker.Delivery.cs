using OneArmDesigner.Domain.Model;
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
        var header = hop.Packet.Routed;
        if (hop.IsOrigin || !hop.Node.Owns(header.Destination))
        {
            return null;
        }

        if (hop.Packet.IsEncapsulated)
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
            return HopOutcome.Drop(DropReason.PortClosed, $"nothing on {hop.Name} listens on UDP port {header.DestinationPort}.");
        }

        var answer = (header.Protocol, header.Flags, listening) switch
        {
            (Protocol.Tcp, TcpFlags.Syn, true) => $"it listens on TCP {header.DestinationPort} and will answer with a SYN-ACK",
            (Protocol.Tcp, TcpFlags.Syn, false) => $"nothing listens on TCP {header.DestinationPort}, so it will answer with a RST",
            (Protocol.Tcp, TcpFlags.Syn | TcpFlags.Ack, _) => "it will complete the handshake with an ACK",
            (Protocol.Tcp, _, _) => "the connection is established",
            (Protocol.Udp, _, _) when host.UdpPorts.Contains(header.DestinationPort) => $"an application listens on UDP {header.DestinationPort} and will reply",
            (Protocol.Udp, _, _) => $"it is the reply to the request {hop.Name} sent from UDP port {header.DestinationPort}",
            _ => "it will answer the echo",
        };
        hop.Note(StepAction.Deliver, $"{hop.Name} accepts the packet: {answer}.");
        return HopOutcome.Deliver;
    }
}
