namespace OneArmDesigner.Engine.Packets;

/// <summary>
/// A packet in flight: the inner (original) header, and while it crosses an IPsec tunnel, the outer ESP-in-UDP header
/// that the network actually routes on.
/// </summary>
public readonly record struct Packet(PacketHeader Inner, PacketHeader? Outer = null)
{
    /// <summary>The header routers, firewalls and NAT act on: the outer one while encapsulated.</summary>
    public PacketHeader Routed => Outer ?? Inner;

    public bool IsEncapsulated => Outer is not null;

    public Packet WithRouted(PacketHeader header) => Outer is null ? this with { Inner = header } : this with { Outer = header };

    public bool Equals(Packet other) => Inner.Equals(other.Inner)
        && (Outer is { } outer ? other.Outer is { } otherOuter && outer.Equals(otherOuter) : other.Outer is null);

    public override int GetHashCode() => HashCode.Combine(Inner, Outer);

    public override string ToString() => Outer is { } outer ? $"ESP[{outer}] {{ {Inner} }}" : Inner.ToString();
}
