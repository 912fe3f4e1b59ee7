using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Forwarding;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>Every device of a network by number (its <see cref="NetworkNode.Index"/>), so states can name devices by number.</summary>
internal sealed class DeviceNumbers(CompiledNetwork network)
{
    public NetworkNode[] Nodes { get; } = [.. network.Nodes];

    public static int Of(NetworkNode node) => node.Index;

    /// <summary>A device the walker named (a session's or a socket's owner).</summary>
    public int Of(string name) => network.Get(name).Index;
}

/// <summary>
/// One host pair's reading of a state: its tags become the pair's addresses and hosts, and back. The analysis leaves
/// out hosts whose address the design uses anywhere else, so an address equal to the pair's is the pair's.
/// </summary>
internal readonly struct PairBinding(DeviceNumbers devices, NetworkNode source, NetworkNode destination, uint sourceAddress, uint destinationAddress)
{
    public NetworkNode Source => source;

    public NetworkNode Destination => destination;

    public uint SourceAddress => sourceAddress;

    public uint DestinationAddress => destinationAddress;

    public long TagOf(Ipv4Address address) =>
        address.Value == sourceAddress ? Tag.PairSource : address.Value == destinationAddress ? Tag.PairDestination : address.Value;

    public Ipv4Address AddressOf(long tag) =>
        new(tag == Tag.PairSource ? sourceAddress : tag == Tag.PairDestination ? destinationAddress : (uint)tag);

    public int DeviceOf(string name) =>
        name == source.Name ? (int)Tag.PairSource : name == destination.Name ? (int)Tag.PairDestination : devices.Of(name);

    public int DeviceOf(NetworkNode node) =>
        ReferenceEquals(node, source) ? (int)Tag.PairSource : ReferenceEquals(node, destination) ? (int)Tag.PairDestination : DeviceNumbers.Of(node);

    public NetworkNode NodeOf(int device) =>
        device == Tag.PairSource ? source : device == Tag.PairDestination ? destination : devices.Nodes[device];

    public AbstractHeader Abstract(PacketHeader h) =>
        new(h.Protocol, TagOf(h.Source), h.SourcePort, TagOf(h.Destination), h.DestinationPort, h.Flags, h.Ttl,
            h.Icmp is { } icmp ? icmp.Invoking is { } key ? new AbstractIcmp(icmp.Type, icmp.Code, Abstract(key)) : AbstractIcmp.Of(icmp.Type, icmp.Code) : null);

    public PacketHeader Concrete(AbstractHeader h) =>
        new(h.Protocol, AddressOf(h.Source), h.SourcePort, AddressOf(h.Destination), h.DestinationPort, h.Flags, h.Ttl,
            h.Icmp is { } icmp ? icmp.Invoking is { } key ? new IcmpMessage(icmp.Type, icmp.Code, Concrete(key)) : IcmpMessage.Of(icmp.Type, icmp.Code) : null);

    public AbstractPacket Abstract(Packet p) => new(Abstract(p.Inner), p.Outer is { } outer ? Abstract(outer) : null);

    public Packet Concrete(AbstractPacket p) => new(Concrete(p.Inner), p.Outer is { } outer ? Concrete(outer) : null);

    public AbstractKey Abstract(FlowKey k) => new(k.Protocol, TagOf(k.Source), k.SourcePort, TagOf(k.Destination), k.DestinationPort);

    public FlowKey Concrete(AbstractKey k) => new(k.Protocol, AddressOf(k.Source), k.SourcePort, AddressOf(k.Destination), k.DestinationPort);
}
