using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Tracing;

/// <summary>The steps one device took with a packet, in order.</summary>
public sealed record Hop(string Device, IReadOnlyList<Step> Steps);

public enum Disposition
{
    Delivered,
    Dropped,
}

/// <summary>
/// One packet of an exchange (a SYN, a SYN-ACK...): where it went, and how it ended. A drop names the device, a
/// reason code, and the vendor's log line where the device would have logged one.
/// </summary>
/// <remarks>
/// The walk is kept compactly and turned into <see cref="Hop"/>s and <see cref="Step"/>s on first read of
/// <see cref="Hops"/>: bulk simulation and analysis mostly need only the outcome.
/// </remarks>
public sealed class PacketTrace
{
    private readonly TraceRecord _record;

    /// <summary>Null for a delivery: most packets are delivered, so a drop's facts live in an object of their own.</summary>
    private readonly DropFacts? _drop;

    private Hop[]? _hops;
    private DeferredText? _summary;

    /// <param name="summary">Null for a delivery, whose summary is written on first read.</param>
    internal PacketTrace(string kind, Disposition disposition, DropReason? reason, string? dropDevice, string? log, TraceRecord record,
        DeferredText? summary = null, IcmpReport? icmpSent = null)
    {
        Kind = kind;
        _drop = disposition == Disposition.Dropped ? new DropFacts(reason, dropDevice, log, icmpSent) : null;
        _record = record;
        _summary = summary;
    }

    public string Kind { get; }

    public Disposition Disposition => _drop is null ? Disposition.Delivered : Disposition.Dropped;

    public DropReason? Reason => _drop?.Reason;

    public string? DropDevice => _drop?.Device;

    public string? Log => _drop?.Log;

    /// <summary>For a drop that makes the device answer the source (a TTL running out): the ICMP error it sends back.</summary>
    public IcmpReport? IcmpSent => _drop?.IcmpSent;

    /// <summary>Built once, even when several threads read a shared result at the same time.</summary>
    public IReadOnlyList<Hop> Hops => _hops ?? Interlocked.CompareExchange(ref _hops, _record.BuildHops(), null) ?? _hops;

    public string Summary => (_summary ??= $"The {Kind} was delivered to {_record.LastDevice}.").Text;

    public bool Delivered => Disposition == Disposition.Delivered;

    public IEnumerable<Step> Steps => Hops.SelectMany(h => h.Steps);

    /// <summary>The packet as its last step left it: for a delivery, what the destination received.</summary>
    internal Packet FinalPacket => _record.FinalPacket;

    /// <summary>
    /// The devices that handled this packet unencrypted at some step (a tunnel endpoint counts: it decrypts or
    /// encrypts it). A firewall that only ever saw the packet inside ESP cannot have tracked its connection.
    /// </summary>
    public IReadOnlySet<string> DevicesInClear() => _record.DevicesInClear();

    /// <summary>What the analysis reads of this packet's path, into <paramref name="facts"/> (a packet with a full record only).</summary>
    internal void ReadInto(PathFacts facts) => _record.ReadInto(facts);

    /// <summary>Whether the packet passed through the device at all (in clear or not).</summary>
    internal bool Visited(string device) => _record.Visited(device);

    private sealed record DropFacts(DropReason? Reason, string? Device, string? Log, IcmpReport? IcmpSent);
}
