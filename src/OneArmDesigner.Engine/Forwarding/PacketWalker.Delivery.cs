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
        if (hop.IsOrigin || !hop.Node.Owns(header.Destination))
        {
            return null;
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
            return HopOutcome.Drop(DropReason.PortClosed, $"nothing on {hop.Name} listens on UDP port {header.DestinationPort}.");
        }

        var reason = (header.Protocol, header.Flags, listening) switch
        {
            (Protocol.Tcp, TcpFlags.Syn, true) => AcceptReason.SynListening,
            (Protocol.Tcp, TcpFlags.Syn, false) => AcceptReason.SynToClosedPort,
            (Protocol.Tcp, TcpFlags.Syn | TcpFlags.Ack, _) => AcceptReason.SynAck,
            (Protocol.Tcp, _, _) => AcceptReason.Established,
            (Protocol.Udp, _, _) when host.UdpPorts.Contains(header.DestinationPort) => AcceptReason.UdpListening,
            (Protocol.Udp, _, _) => AcceptReason.UdpReply,
            _ => AcceptReason.Echo,
        };
        hop.Note(StepAction.Deliver, StepFacts.Accept(reason));
        return HopOutcome.Deliver;
    }
}
