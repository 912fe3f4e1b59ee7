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

    public static PairOutcome Of(CompiledNetwork network, ExchangeResult result)
    {
        var failure = result.FirstFailure;
        var requestDelivered = result.Packets[0].Delivered;
        return new PairOutcome(
            result.Verdict,
            failure?.Kind,
            failure?.Reason,
            failure?.DropDevice,
            requestDelivered,
            failure is not null && requestDelivered ? ConcentratorOf(network, result) : null,
            result.Completed ? PathDifferenceOf(result) : null);
    }

    private static string? ConcentratorOf(CompiledNetwork network, ExchangeResult result)
    {
        foreach (var step in result.Packets[0].Steps)
        {
            if (step.Action == StepAction.Decapsulate && network.Find(step.Device)?.Device.Mx is { Mode: MxMode.Passthrough })
            {
                return step.Device;
            }
        }

        return null;
    }

    /// <summary>How the request's and the reply's paths differ, ignoring hops taken inside a tunnel.</summary>
    private static string? PathDifferenceOf(ExchangeResult result)
    {
        if (result.Packets.Count < 2)
        {
            return null;
        }

        // The analysis asks this of every pair it traces, on several threads: each thread reuses its two lists.
        var (forward, back) = (t_forward ??= [], t_back ??= []);
        result.Packets[0].CollectDevicesInClear(forward);
        result.Packets[1].CollectDevicesInClear(back);
        return SameDevices(forward, back) ? null : DescribePathDifference([.. forward], [.. back]);
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
    private static List<string>? t_forward;

    [ThreadStatic]
    private static List<string>? t_back;

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
