using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Forwarding;

internal sealed partial class PacketWalker
{
    /// <summary>Stage 5: an MX that receives AutoVPN traffic addressed to itself decrypts it and carries on with the inner packet.</summary>
    private HopOutcome? Decapsulate(HopContext hop)
    {
        if (hop.Packet.Outer is not { } outer || hop.Node.Device.Mx is not { } mx || !hop.Node.Owns(outer.Destination)
            || outer.Protocol != Protocol.Udp || outer.DestinationPort != mx.VpnPort)
        {
            return null;
        }

        var peer = PeerAt(outer.Source);
        var inner = hop.Packet.Inner;
        hop.Record(StepAction.Decapsulate, new Packet(inner),
            $"{hop.Name} decrypts the ESP payload from {peer ?? outer.Source.ToString()} and takes out the inner packet {inner.Source}:{inner.SourcePort} → {inner.Destination}:{inner.DestinationPort}.",
            $"IPsec SA with {peer ?? outer.Source.ToString()} (UDP {mx.VpnPort})");
        return null;
    }

    /// <summary>
    /// Stage 8: a route learned over AutoVPN sends the packet into the tunnel: it is encrypted and wrapped in an
    /// ESP-in-UDP packet from this MX's uplink to the peer's public contact, and that outer packet is what the network
    /// routes from here on (through NAT and firewalls) until the peer takes it out again.
    /// </summary>
    private HopOutcome? EncapsulateIfVpn(HopContext hop)
    {
        if (hop.Route is not { Kind: RouteKind.Vpn, VpnPeer: { } peerName } || hop.Node.Device.Mx is not { } mx)
        {
            return null;
        }

        var peer = network.Get(peerName);
        if (CompiledNetwork.VpnContact(peer) is not { } contact || hop.Node.AddressOf(mx.Uplink) is not { } uplink)
        {
            return HopOutcome.Drop(DropReason.VpnDown, $"{peerName} has no address at which {hop.Name} could reach its VPN endpoint.");
        }

        var inner = hop.Packet.Inner;
        var outer = new PacketHeader(Protocol.Udp, uplink, mx.VpnPort, contact.Address, contact.Port);
        hop.Record(StepAction.Encapsulate, new Packet(inner, outer),
            $"{hop.Name} encrypts the packet and encapsulates it in IPsec (ESP in UDP) toward {peerName}: the outer packet goes from {uplink}:{mx.VpnPort} to {contact.Address}:{contact.Port}.",
            $"VPN peer {peerName} at {contact.Address}:{contact.Port}");
        return RouteLookup(hop);
    }

    /// <summary>The MX whose VPN endpoint sent from that address, for the narration (null when no MX owns it).</summary>
    private string? PeerAt(Domain.Addressing.Ipv4Address address) => network.VpnEndpointAt(address);
}
