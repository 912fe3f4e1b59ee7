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

    // Stored narrow: a trace keeps every state of its packet, and copies headers at every stage. Ports, protocol and
    // TTL are validated where they enter (1-65535, 1-255), so a value out of range is a bug and throws.
    private readonly ushort _sourcePort = checked((ushort)SourcePort);
    private readonly ushort _destinationPort = checked((ushort)DestinationPort);
    private readonly byte _protocol = checked((byte)Protocol);
    private readonly byte _ttl = checked((byte)Ttl);

    // Set by the constructor, so a header that was made is never default: a packet stores "no outer header" as default.
    private readonly bool _made = true;

    public Protocol Protocol { get => (Protocol)_protocol; init => _protocol = checked((byte)value); }

    public int SourcePort { get => _sourcePort; init => _sourcePort = checked((ushort)value); }

    public int DestinationPort { get => _destinationPort; init => _destinationPort = checked((ushort)value); }

    public int Ttl { get => _ttl; init => _ttl = checked((byte)value); }

    /// <summary>False only for <c>default</c>: no header at all.</summary>
    internal bool IsMade => _made;

    /// <summary>Field by field: every hop compares packet states, and the generated equality goes through a comparer per field.</summary>
    public bool Equals(PacketHeader other) =>
        Source.Value == other.Source.Value && Destination.Value == other.Destination.Value && _sourcePort == other._sourcePort
        && _destinationPort == other._destinationPort && _protocol == other._protocol && _ttl == other._ttl && Flags == other.Flags
        && (ReferenceEquals(Icmp, other.Icmp) || (Icmp is not null && Icmp.Equals(other.Icmp)));

    public override int GetHashCode() => HashCode.Combine(Source.Value, Destination.Value, _sourcePort, _destinationPort, _protocol, _ttl, Flags, Icmp);

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
