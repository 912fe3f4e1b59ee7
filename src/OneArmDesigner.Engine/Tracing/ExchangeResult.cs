using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Tracing;

public enum Verdict
{
    Completed,
    Failed,
}

/// <summary>A whole exchange (TCP handshake, UDP request and reply, ICMP echo and reply): its packets in order.</summary>
public sealed class ExchangeResult
{
    private readonly CompiledNetwork _network;
    private string? _summary;

    /// <param name="network">What the summary is written against, when it is first read (bulk analysis never reads it).</param>
    internal ExchangeResult(CompiledNetwork network, Flow flow, Verdict verdict, IReadOnlyList<PacketTrace> packets)
    {
        _network = network;
        Flow = flow;
        Verdict = verdict;
        Packets = packets;
    }

    public Flow Flow { get; }

    public Verdict Verdict { get; }

    public IReadOnlyList<PacketTrace> Packets { get; }

    /// <summary>One sentence on how the exchange went.</summary>
    public string Summary => _summary ??= ExchangeSummary.Describe(_network, Flow, Verdict, Packets);

    public bool Completed => Verdict == Verdict.Completed;

    /// <summary>The first packet that did not arrive, if any.</summary>
    public PacketTrace? FirstFailure => Packets.FirstOrDefault(p => !p.Delivered);
}
