namespace OneArmDesigner.Engine.Packets;

/// <summary>
/// A packet in flight: the inner (original) header, and while it crosses an IPsec tunnel, the outer ESP-in-UDP header
/// that the network actually routes on.
/// </summary>
public readonly record struct Packet
{
    // "No outer header" is stored as default rather than as a Nullable: a trace keeps every state of its packet, and
    // a Nullable's flag would pad each by 8 bytes. A header made by its constructor is never default.
    private readonly PacketHeader _outer;

    public Packet(PacketHeader Inner, PacketHeader? Outer = null)
    {
        this.Inner = Inner;
        _outer = Outer ?? default;
    }

    public PacketHeader Inner { get; init; }

    public PacketHeader? Outer
    {
        get => _outer.IsMade ? _outer : null;
        init => _outer = value ?? default;
    }

    /// <summary>The header routers, firewalls and NAT act on: the outer one while encapsulated.</summary>
    public PacketHeader Routed => _outer.IsMade ? _outer : Inner;

    public bool IsEncapsulated => _outer.IsMade;

    public Packet WithRouted(PacketHeader header) => _outer.IsMade ? this with { Outer = header } : this with { Inner = header };

    public void Deconstruct(out PacketHeader Inner, out PacketHeader? Outer)
    {
        Inner = this.Inner;
        Outer = this.Outer;
    }

    public bool Equals(Packet other) => Inner.Equals(other.Inner)
        && _outer.IsMade == other._outer.IsMade && (!_outer.IsMade || _outer.Equals(other._outer));

    public override int GetHashCode() => HashCode.Combine(Inner, Outer);

    public override string ToString() => Outer is { } outer ? $"ESP[{outer}] {{ {Inner} }}" : Inner.ToString();
}
