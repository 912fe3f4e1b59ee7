using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Tracing;

public enum Verdict
{
    Completed,
    Failed,
}

/// <summary>A whole exchange (TCP handshake, UDP request and reply, ICMP echo and reply): its packets in order.</summary>
public sealed record ExchangeResult(Flow Flow, Verdict Verdict, IReadOnlyList<PacketTrace> Packets, string Summary)
{
    public bool Completed => Verdict == Verdict.Completed;

    /// <summary>The first packet that did not arrive, if any.</summary>
    public PacketTrace? FirstFailure => Packets.FirstOrDefault(p => !p.Delivered);
}
