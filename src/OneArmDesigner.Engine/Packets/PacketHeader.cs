using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Packets;

/// <summary>
/// The IP and transport header fields the simulation looks at. An ICMP packet carries its message in
/// <see cref="Icmp"/>; its ports are the echo identifier (0 here), so an echo and its reply share one 5-tuple.
/// </summary>
public readonly record struct PacketHeader(
    Protocol Protocol,
    Ipv4Address Source,
    int SourcePort,
    Ipv4Address Destination,
    int DestinationPort,
    TcpFlags Flags = TcpFlags.None,
    int Ttl = PacketHeader.InitialTtl,
    IcmpMessage? Icmp = null)
{
    public const int InitialTtl = HostSettings.DefaultTtl;

    public PacketHeader WithSource(Ipv4Address address, int port) => this with { Source = address, SourcePort = port };

    public PacketHeader WithDestination(Ipv4Address address, int port) => this with { Destination = address, DestinationPort = port };

    /// <summary>The same flow seen from the other end: addresses and ports swapped.</summary>
    public FlowKey ReverseKey => new(Protocol, Destination, DestinationPort, Source, SourcePort);

    public FlowKey Key => new(Protocol, Source, SourcePort, Destination, DestinationPort);

    public override string ToString() => Protocol switch
    {
        Protocol.Icmp => Icmp is { } message ? $"ICMP {Source} > {Destination} {message.Name}" : $"ICMP {Source} > {Destination}",
        Protocol.Tcp => $"TCP {Source}:{SourcePort} > {Destination}:{DestinationPort} [{Flags.ToLogText()}]",
        _ => $"{Protocol.ToJsonName().ToUpperInvariant()} {Source}:{SourcePort} > {Destination}:{DestinationPort}",
    };
}

/// <summary>A 5-tuple, used to find sessions and NAT translations.</summary>
public readonly record struct FlowKey(Protocol Protocol, Ipv4Address Source, int SourcePort, Ipv4Address Destination, int DestinationPort)
{
    public FlowKey Reverse => new(Protocol, Destination, DestinationPort, Source, SourcePort);

    public override string ToString() => $"{Protocol.ToJsonName()} {Source}/{SourcePort} > {Destination}/{DestinationPort}";
}
