using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>Findings read from what the engine saw happen to each host pair's default exchange.</summary>
internal static class TraceChecks
{
    public static void Run(Design design, IReadOnlyList<ReachabilityEntry> matrix, List<Finding> findings)
    {
        foreach (var entry in matrix)
        {
            if (entry.Result.FirstFailure is { } failure)
            {
                FromDrop(design, entry, failure, findings);
            }
            else if (entry.Reachable && Asymmetric(entry.Result) is { } difference)
            {
                findings.Add(new Finding("ASYMMETRIC_ROUTING", Severity.Warning, [entry.From, entry.To],
                    $"Traffic from {entry.From} to {entry.To} and its replies take different paths ({difference}). Nothing stateful is in the way today, but a stateful device added on either path would drop half of every flow.",
                    difference, []));
            }
        }
    }

    private static void FromDrop(Design design, ReachabilityEntry entry, PacketTrace failure, List<Finding> findings)
    {
        var at = failure.DropDevice!;
        var flow = $"{entry.Flow} ({failure.Kind} dropped at {at})";
        switch (failure.Reason)
        {
            case DropReason.NoSession or DropReason.InvalidTcpState when entry.Result.Packets[0].Delivered:
                var concentrator = Concentrator(design, entry.Result);
                findings.Add(new Finding("ASYMMETRIC_ROUTING_STATEFUL", Severity.Error,
                    [at, .. concentrator is null ? [] : new[] { concentrator }, entry.From, entry.To],
                    $"{at} is a stateful firewall that sees only one direction of {entry.From} ↔ {entry.To}: the {entry.Result.Packets[0].Kind} reached {entry.To} without {at} seeing it, then {at} dropped the {failure.Kind} because it matches no connection it knows of.",
                    $"{flow}; {failure.Log}",
                    AsymmetryFixes(design, at, concentrator)));
                break;
            case DropReason.HairpinDenied:
                findings.Add(new Finding("HAIRPIN_WITHOUT_SAME_SECURITY", Severity.Error, [at, entry.From, entry.To],
                    $"{entry.Flow} has to leave {at} by the interface it came in on, and {at} does not permit that (same-security-traffic permit intra-interface is off).",
                    flow, [EnableIntraInterface(at)]));
                break;
            case DropReason.NoRoute or DropReason.PrivateAddressOnInternet:
                findings.Add(new Finding("NO_ROUTE", Severity.Error, [at, entry.From, entry.To],
                    $"{entry.Flow} dies at {at}: {failure.Summary}", flow, []));
                break;
            case DropReason.Loop or DropReason.TtlExceeded:
                findings.Add(new Finding("ROUTING_LOOP", Severity.Error, [.. failure.Hops.Select(h => h.Device).Distinct()],
                    $"{entry.Flow} loops: {failure.Summary}", flow, []));
                break;
            case DropReason.NeighborUnreachable:
                findings.Add(new Finding("NEXT_HOP_UNRESOLVED", Severity.Error, [at],
                    $"{at} cannot hand {entry.Flow} to its next hop: {failure.Summary}", flow, []));
                break;
            case DropReason.VpnDown:
                findings.Add(new Finding("VPN_PEER_UNREACHABLE", Severity.Error, [at, .. VpnEnds(failure)],
                    $"The AutoVPN tunnel cannot carry {entry.Flow}: its encrypted packets do not get through at {at}. A one-armed concentrator behind a firewall needs a port forward (UDP {MxSettings.DefaultVpnPort}) toward it.",
                    $"{flow}; {failure.Summary}", []));
                break;
            case DropReason.AclDeny or DropReason.SameSecurityDenied:
                findings.Add(new Finding("TRAFFIC_DENIED", Severity.Warning, [at, entry.From, entry.To],
                    $"{at}'s policy refuses {entry.Flow}. If that is intended, nothing to do; otherwise permit it.", $"{flow}; {failure.Log}", []));
                break;
        }
    }

    /// <summary>The one-armed concentrator that took the tunnel traffic out on the way in, if there is one.</summary>
    private static string? Concentrator(Design design, ExchangeResult result) =>
        result.Packets[0].Steps
            .Where(s => s.Action == StepAction.Decapsulate)
            .Select(s => design.FindDevice(s.Device))
            .FirstOrDefault(d => d?.Mx is { Mode: MxMode.Passthrough })?.Name;

    private static IReadOnlyList<FixOption> AsymmetryFixes(Design design, string firewall, string? concentrator)
    {
        var fixes = new List<FixOption>();
        if (concentrator is not null && design.FindDevice(firewall)?.Firewall is not null)
        {
            fixes.Add(new FixOption(DesignFixes.MoveToTransitVlan(concentrator), $"Move {concentrator} onto a transit VLAN with {firewall}",
                $"Gives {concentrator} its own segment with {firewall}, so every flow between the LAN and the VPN crosses a layer-3 boundary at {firewall} and {firewall} sees both directions. Re-addresses {concentrator}, and updates {firewall}'s port forward, routes and access list. The robust fix (the guide's)."));
        }

        fixes.Add(new FixOption(DesignFixes.TcpStateBypass(firewall), $"Enable tcp-state-bypass on {firewall} for the VPN networks",
            $"{firewall} stops checking TCP state for flows between the local and remote VPN subnets (and permits hairpinning, which the return traffic needs). Quick, but those flows lose stateful inspection; prefer the transit VLAN."));
        return fixes;
    }

    private static FixOption EnableIntraInterface(string firewall) =>
        new(DesignFixes.IntraInterface(firewall), $"Enable same-security-traffic permit intra-interface on {firewall}",
            $"Lets traffic leave {firewall} by the interface it arrived on. Needed for hairpinning; it also widens what {firewall} will forward within one segment.");

    private static IEnumerable<string> VpnEnds(PacketTrace failure) =>
        failure.Steps.Where(s => s.Action is StepAction.Encapsulate).Select(s => s.Device).Distinct();

    /// <summary>Describes how the request's and the reply's paths differ, ignoring hops taken inside a tunnel.</summary>
    private static string? Asymmetric(ExchangeResult result)
    {
        if (result.Packets.Count < 2)
        {
            return null;
        }

        var forward = result.Packets[0].DevicesInClear();
        var back = result.Packets[1].DevicesInClear();
        if (forward.SetEquals(back))
        {
            return null;
        }

        var onlyForward = forward.Except(back).ToList();
        var onlyBack = back.Except(forward).ToList();
        return $"only on the way there: {(onlyForward.Count == 0 ? "none" : string.Join(", ", onlyForward))}; only on the way back: {(onlyBack.Count == 0 ? "none" : string.Join(", ", onlyBack))}";
    }
}
