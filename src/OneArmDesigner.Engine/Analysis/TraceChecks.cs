using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// Findings read from what the engine saw happen to the host pairs' default exchanges. Pairs that fail the same way
/// (same finding, same dropping device, same reason) make one finding, which quotes one of them as its example and
/// says how many share it: a 5,000-site design with one missing route gets one finding, not 25 million.
/// </summary>
internal static class TraceChecks
{
    public static void Run(Design design, ReachabilityMatrix matrix, List<Finding> findings)
    {
        var classes = new Dictionary<(string Code, string? Device, DropReason? Reason, string? Detail), (Finding Finding, int Pairs)>();
        var order = new List<(string, string?, DropReason?, string?)>();
        foreach (var outcome in matrix.Outcomes)
        {
            if (FindingFor(design, outcome) is not { } finding)
            {
                continue;
            }

            var pair = outcome.Outcome;
            var key = (finding.Code, pair.DropDevice, pair.Reason, pair.Concentrator ?? pair.PathDifference);
            if (classes.TryGetValue(key, out var known))
            {
                classes[key] = (known.Finding, known.Pairs + outcome.Pairs);
            }
            else
            {
                classes[key] = (finding, outcome.Pairs);
                order.Add(key);
            }
        }

        foreach (var key in order)
        {
            var (finding, pairs) = classes[key];
            findings.Add(pairs == 1 ? finding : finding with
            {
                Message = $"{finding.Message} The same happens to {pairs - 1} other host pair{(pairs == 2 ? "" : "s")}.",
            });
        }
    }

    /// <summary>The finding an outcome shows, with the cables its example crossed and the interface where it died.</summary>
    private static Finding? FindingFor(Design design, MatrixOutcome outcome) => Located(Classify(design, outcome), outcome.Example);

    private static Finding? Located(Finding? finding, ExchangeResult example)
    {
        if (finding is null)
        {
            return null;
        }

        var links = new SortedSet<int>();
        foreach (var packet in example.Packets)
        {
            foreach (var step in packet.Steps)
            {
                links.UnionWith(step.Crossing?.LinkIndexes ?? []);
            }
        }

        var died = example.FirstFailure is { Hops: [.., var last] } failure && last.Steps is [var first, ..] && first.Ingress is { } ingress
            ? new[] { $"{failure.DropDevice}:{ingress}" }
            : [];
        return finding with { Links = [.. links], Interfaces = died };
    }

    private static Finding? Classify(Design design, MatrixOutcome outcome)
    {
        var example = outcome.Example;
        if (example.FirstFailure is { } failure)
        {
            return FromDrop(design, outcome, failure);
        }

        return outcome.Outcome is { Reachable: true, PathDifference: { } difference }
            ? new Finding("ASYMMETRIC_ROUTING", Severity.Warning, [example.Flow.From, example.Flow.To],
                $"Traffic from {example.Flow.From} to {example.Flow.To} and its replies take different paths ({difference}). Nothing stateful is in the way today, but a stateful device added on either path would drop half of every flow.",
                difference, [])
            : null;
    }

    private static Finding? FromDrop(Design design, MatrixOutcome outcome, PacketTrace failure)
    {
        var example = outcome.Example;
        var at = failure.DropDevice!;
        var (from, to) = (example.Flow.From, example.Flow.To);
        var flow = $"{example.Flow} ({failure.Kind} dropped at {at})";
        switch (failure.Reason)
        {
            case DropReason.NoSession or DropReason.InvalidTcpState when example.Packets[0].Delivered:
                var concentrator = outcome.Outcome.Concentrator;
                return new Finding("ASYMMETRIC_ROUTING_STATEFUL", Severity.Error,
                    [at, .. concentrator is null ? [] : new[] { concentrator }, from, to],
                    $"{at} is a stateful firewall that sees only one direction of {from} ↔ {to}: the {example.Packets[0].Kind} reached {to} without {at} seeing it, then {at} dropped the {failure.Kind} because it matches no connection it knows of.",
                    $"{flow}; {failure.Log}",
                    AsymmetryFixes(design, at, concentrator, example.Flow.Protocol));
            case DropReason.HairpinDenied:
                return new Finding("HAIRPIN_WITHOUT_SAME_SECURITY", Severity.Error, [at, from, to],
                    $"{example.Flow} has to leave {at} by the interface it came in on, and {at} does not permit that (same-security-traffic permit intra-interface is off).",
                    flow, [EnableIntraInterface(at)]);
            case DropReason.NoRoute or DropReason.PrivateAddressOnInternet:
                return new Finding("NO_ROUTE", Severity.Error, [at, from, to],
                    $"{example.Flow} dies at {at}: {failure.Summary}", flow, []);
            case DropReason.Loop or DropReason.TtlExceeded when LoopDevices(failure) is { Count: > 0 } loop:
                return new Finding("ROUTING_LOOP", Severity.Error, loop,
                    $"{example.Flow} loops between {string.Join(", ", loop)}: {failure.Summary}", flow, []);
            case DropReason.TtlExceeded:
                return new Finding("TTL_EXPIRED", Severity.Error, [at, from],
                    $"{example.Flow} runs out of TTL at {at} without looping: the path has more routing hops than the TTL its sender starts with. {failure.Summary}",
                    flow, []);
            case DropReason.NeighborUnreachable:
                return new Finding("NEXT_HOP_UNRESOLVED", Severity.Error, [at],
                    $"{at} cannot hand {example.Flow} to its next hop: {failure.Summary}", flow, []);
            case DropReason.VpnDown:
                return new Finding("VPN_PEER_UNREACHABLE", Severity.Error, [at, .. VpnEnds(failure)],
                    $"The AutoVPN tunnel cannot carry {example.Flow}: its encrypted packets do not get through at {at}. A one-armed concentrator behind a firewall needs a port forward (UDP {MxSettings.DefaultVpnPort}) toward it.",
                    $"{flow}; {failure.Summary}", []);
            case DropReason.AclDeny or DropReason.SameSecurityDenied:
                return new Finding("TRAFFIC_DENIED", Severity.Warning, [at, from, to],
                    $"{at}'s policy refuses {example.Flow}. If that is intended, nothing to do; otherwise permit it.", $"{flow}; {failure.Log}", []);
            default:
                return null;
        }
    }

    /// <summary>The transit VLAN always; tcp-state-bypass only for TCP, the one protocol it exempts.</summary>
    private static IReadOnlyList<FixOption> AsymmetryFixes(Design design, string firewall, string? concentrator, Protocol protocol)
    {
        var fixes = new List<FixOption>();
        if (concentrator is not null && design.FindDevice(firewall)?.Firewall is not null)
        {
            fixes.Add(new FixOption(DesignFixes.MoveToTransitVlan(concentrator), $"Move {concentrator} onto a transit VLAN with {firewall}",
                $"Gives {concentrator} its own segment with {firewall}, so every flow between the LAN and the VPN crosses a layer-3 boundary at {firewall} and {firewall} sees both directions. Re-addresses {concentrator}, and updates {firewall}'s port forward, routes and access list. The robust fix (the guide's)."));
        }

        if (protocol != Protocol.Tcp)
        {
            return fixes;
        }

        fixes.Add(new FixOption(DesignFixes.TcpStateBypass(firewall), $"Enable tcp-state-bypass on {firewall} for the VPN networks",
            $"{firewall} stops checking TCP state for flows between the local and remote VPN subnets (and permits hairpinning, which the return traffic needs). Quick, but those flows lose stateful inspection; prefer the transit VLAN."));
        return fixes;
    }

    private static FixOption EnableIntraInterface(string firewall) =>
        new(DesignFixes.IntraInterface(firewall), $"Enable same-security-traffic permit intra-interface on {firewall}",
            $"Lets traffic leave {firewall} by the interface it arrived on. Needed for hairpinning; it also widens what {firewall} will forward within one segment.");

    /// <summary>
    /// The devices a looping packet entered more than once by the same interface, in the order it first met them: the
    /// loop itself, without the path that led into it (a path may pass one device twice by different interfaces).
    /// </summary>
    private static List<string> LoopDevices(PacketTrace failure) =>
        [.. failure.Hops.GroupBy(h => (h.Device, h.Steps.FirstOrDefault()?.Ingress)).Where(g => g.Count() > 1).Select(g => g.Key.Device).Distinct()];

    private static IEnumerable<string> VpnEnds(PacketTrace failure) =>
        failure.Steps.Where(s => s.Action is StepAction.Encapsulate).Select(s => s.Device).Distinct();
}
