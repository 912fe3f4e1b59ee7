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
    private readonly Func<string> _describe;
    private string? _summary;

    /// <param name="describe">Writes the summary; called once, when it is first read (bulk analysis never reads it).</param>
    internal ExchangeResult(Flow flow, Verdict verdict, IReadOnlyList<PacketTrace> packets, Func<string> describe)
    {
        Flow = flow;
        Verdict = verdict;
        Packets = packets;
        _describe = describe;
    }

    public Flow Flow { get; }

    public Verdict Verdict { get; }

    public IReadOnlyList<PacketTrace> Packets { get; }

    /// <summary>One sentence on how the exchange went.</summary>
    public string Summary => _summary ??= _describe();

    public bool Completed => Verdict == Verdict.Completed;

    /// <summary>The first packet that did not arrive, if any.</summary>
    public PacketTrace? FirstFailure => Packets.FirstOrDefault(p => !p.Delivered);
}
