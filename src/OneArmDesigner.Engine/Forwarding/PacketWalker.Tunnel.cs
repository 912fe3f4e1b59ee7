using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Narration;
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

        hop.Record(StepAction.Decapsulate, new Packet(hop.Packet.Inner), StepFacts.Decapsulate(PeerAt(outer.Source)));
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
        hop.Record(StepAction.Encapsulate, new Packet(inner, outer), StepFacts.Encapsulate(peerName));
        return RouteLookup(hop, spendsTtl: false);
    }

    /// <summary>The MX whose VPN endpoint sent from that address, for the narration (null when no MX owns it).</summary>
    private string? PeerAt(Domain.Addressing.Ipv4Address address) => network.VpnEndpointAt(address);
}
