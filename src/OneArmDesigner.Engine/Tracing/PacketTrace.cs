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
public sealed record PacketTrace(
    string Kind,
    Disposition Disposition,
    DropReason? Reason,
    string? DropDevice,
    string? Log,
    IReadOnlyList<Hop> Hops,
    string Summary)
{
    public bool Delivered => Disposition == Disposition.Delivered;

    public IEnumerable<Step> Steps => Hops.SelectMany(h => h.Steps);

    /// <summary>
    /// The devices that handled this packet unencrypted at some step (a tunnel endpoint counts: it decrypts or
    /// encrypts it). A firewall that only ever saw the packet inside ESP cannot have tracked its connection.
    /// </summary>
    public IReadOnlySet<string> DevicesInClear() =>
        Hops.Where(h => h.Steps.Any(s => !s.Before.IsEncapsulated || !s.After.IsEncapsulated)).Select(h => h.Device).ToHashSet(StringComparer.Ordinal);
}
