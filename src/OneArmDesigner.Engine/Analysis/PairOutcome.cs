using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// How a host pair's default exchange ended, reduced to what the matrix and the findings read: the verdict, the first
/// packet that did not arrive (kind, reason, device), and the two facts the behavioural findings need from the path.
/// Many pairs share one outcome, so a 5,000-site matrix holds a handful of these and an index per pair.
/// </summary>
/// <param name="FailedPacket">The kind of the first packet that was dropped (SYN, SYN-ACK...); null when none was.</param>
/// <param name="RequestDelivered">Whether the exchange's first packet reached the destination.</param>
/// <param name="Concentrator">
/// For a reply dropped after the request arrived: the one-armed concentrator that took the request out of the tunnel,
/// which the asymmetric-routing fix moves.
/// </param>
/// <param name="PathDifference">For a completed exchange whose request and reply took different paths: how they differ.</param>
public sealed record PairOutcome(
    Verdict Verdict,
    string? FailedPacket,
    DropReason? Reason,
    string? DropDevice,
    bool RequestDelivered,
    string? Concentrator,
    string? PathDifference)
{
    public bool Reachable => Verdict == Verdict.Completed;

    public string Describe() => Reachable
        ? "reachable"
        : FailedPacket is not null
            ? $"{FailedPacket} dropped at {DropDevice} ({Reason?.ToJsonName()})"
            : "answered with RST (port closed)";

    /// <summary>The outcome of an exchange traced with full records.</summary>
    public static PairOutcome Of(CompiledNetwork network, ExchangeResult result)
    {
        // The analysis asks this of many pairs, on several threads: each thread reuses its lists.
        var facts = (t_facts ??= new PathFacts()).Clear();
        for (var p = 0; p < Math.Min(2, result.Packets.Count); p++)
        {
            result.Packets[p].ReadInto(facts);
        }

        return Of(network, result.Verdict, result.Packets, facts);
    }

    /// <summary>The outcome of an exchange whose packets kept no record, from what was read of its path as it went.</summary>
    internal static PairOutcome Of(CompiledNetwork network, Verdict verdict, IReadOnlyList<PacketTrace> packets, PathFacts facts)
    {
        var failure = FirstFailure(packets);
        var requestDelivered = packets[0].Delivered;
        return new PairOutcome(
            verdict,
            failure?.Kind,
            failure?.Reason,
            failure?.DropDevice,
            requestDelivered,
            failure is not null && requestDelivered ? ConcentratorOf(network, facts) : null,
            verdict == Verdict.Completed && packets.Count >= 2 && !SameDevices(facts.RequestInClear, facts.ReplyInClear)
                ? DescribePathDifference([.. facts.RequestInClear], [.. facts.ReplyInClear])
                : null);
    }

    private static PacketTrace? FirstFailure(IReadOnlyList<PacketTrace> packets)
    {
        foreach (var packet in packets)
        {
            if (!packet.Delivered)
            {
                return packet;
            }
        }

        return null;
    }

    private static string? ConcentratorOf(CompiledNetwork network, PathFacts facts)
    {
        foreach (var device in facts.RequestDecapsulatedAt)
        {
            if (network.Find(device)?.Device.Mx is { Mode: MxMode.Passthrough })
            {
                return device;
            }
        }

        return null;
    }

    private static bool SameDevices(List<string> forward, List<string> back)
    {
        if (forward.Count != back.Count)
        {
            return false;
        }

        foreach (var device in forward)
        {
            if (!back.Contains(device))
            {
                return false;
            }
        }

        return true;
    }

    [ThreadStatic]
    private static PathFacts? t_facts;

    /// <summary>
    /// The devices only one direction saw in clear, each list in the order its packet reached them; null when both
    /// directions saw the same devices.
    /// </summary>
    internal static string? DescribePathDifference(IReadOnlyList<string> forward, IReadOnlyList<string> back)
    {
        var onlyForward = forward.Except(back).ToList();
        var onlyBack = back.Except(forward).ToList();
        if (onlyForward.Count == 0 && onlyBack.Count == 0)
        {
            return null;
        }

        return $"only on the way there: {(onlyForward.Count == 0 ? "none" : string.Join(", ", onlyForward))}; only on the way back: {(onlyBack.Count == 0 ? "none" : string.Join(", ", onlyBack))}";
    }
}
