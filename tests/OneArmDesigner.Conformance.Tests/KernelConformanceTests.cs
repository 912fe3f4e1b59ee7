using OneArmDesigner.Conformance.Tests.Kernel;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tests.Scenarios;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Conformance.Tests;

/// <summary>
/// The engine against a real Linux kernel: each design is built as network namespaces (conntrack and netfilter as the
/// ASA, see Kernel/LinuxFirewall.cs), each flow's first packet is sent by a real socket, and what the client sees must be
/// what the engine's trace says it would see; where the engine drops at a firewall, that firewall's netfilter must have
/// dropped for the same reason. Needs root, ip netns, iptables and python3 (.ci/prerequisites installs them); skipped,
/// with the reason, where the machine cannot build namespaces.
/// </summary>
public sealed class KernelConformanceTests
{
    private static readonly string? Unavailable = KernelLab.Unavailable();

    [SkippableFact]
    public void A_default_ASA_at_the_edge_passes_TCP_and_UDP_out_refuses_replies_to_pings_and_publishes_a_DMZ_server_by_proxy_ARP()
    {
        Agrees(EdgeNetwork.Design(),
            new Flow("PC", "Remote", DestinationPort: 22),
            new Flow("PC", "Remote", DestinationPort: 23),
            new Flow("PC", "Remote", Protocol.Udp, 53),
            new Flow("PC", "Remote", Protocol.Udp, 5353),
            new Flow("PC", "Remote", Protocol.Icmp),
            new Flow("Web", "Remote", DestinationPort: 22),
            new Flow("Web", "Remote", Protocol.Icmp));
    }

    [SkippableFact]
    public void With_inspect_icmp_the_ping_and_the_port_unreachable_come_back_through_the_ASAs_connections()
    {
        Agrees(EdgeNetwork.Design(f => f with { InspectIcmp = true }),
            new Flow("PC", "Remote", Protocol.Icmp),
            new Flow("PC", "Remote", Protocol.Udp, 5353),
            new Flow("Web", "Remote", Protocol.Icmp));
    }

    [SkippableFact]
    public void Without_proxy_ARP_the_published_server_gets_no_replies()
    {
        Agrees(EdgeNetwork.Design(f => f with { Nat = [.. f.Nat.Select(n => n.Kind == NatKind.Static ? n with { NoProxyArp = true } : n)] }),
            new Flow("Web", "Remote", DestinationPort: 22));
    }

    /// <summary>
    /// The guide's asymmetry without the tunnel: A's packets reach B through a shortcut router on B's LAN, B's replies go
    /// to its gateway, the ASA, which hairpins them back out to the shortcut (intra-interface permitted).
    /// </summary>
    private static Design Asymmetric(bool inspectIcmp) => new DesignBuilder("asymmetric")
        .Host("A", "10.0.0.2/24", "10.0.0.1").Host("B", "192.168.1.3/24", "192.168.1.1", tcpPorts: 3389)
        .Update("B", d => d with { Host = d.Host! with { UdpPorts = [53] } })
        .Vlan("LAN-A", 10, "10.0.0.0/24").Vlan("LAN-B", 20, "192.168.1.0/24")
        .Router("R1", 0, 0, ("lan", "10.0.0.1/24"), ("wan", "10.9.0.1/30"))
        .Router("Shortcut", 0, 0, ("lan", "192.168.1.2/24"), ("wan", "10.9.0.2/30"))
        .Firewall("ASA", 0, 0, ("inside", "192.168.1.1/24", 100))
        .Route("R1", "192.168.1.0/24", "10.9.0.2").Route("Shortcut", "10.0.0.0/24", "10.9.0.1").Route("ASA", "10.0.0.0/24", "192.168.1.2")
        .ConfigureFirewall("ASA", f => f with { SameSecurityIntraInterface = true, InspectIcmp = inspectIcmp })
        .Link("A:eth0", "LAN-A").Link("R1:lan", "LAN-A").Link("R1:wan", "Shortcut:wan")
        .Link("Shortcut:lan", "LAN-B").Link("ASA:inside", "LAN-B").Link("B:eth0", "LAN-B")
        .Build();

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Asymmetric_routing_kills_TCP_always_ICMP_only_when_inspected_and_never_UDP(bool inspectIcmp)
    {
        Agrees(Asymmetric(inspectIcmp),
            new Flow("A", "B", DestinationPort: 3389),
            new Flow("A", "B", Protocol.Icmp),
            new Flow("A", "B", Protocol.Udp, 53));
    }

    /// <summary>H1 — R1 — R2, default routes R1 ⇄ R2, and H3 on a LAN neither routes to.</summary>
    private static Design Loop() => new DesignBuilder("loop")
        .Host("H1", "10.1.0.10/24", "10.1.0.1").Host("H2", "10.2.0.10/24", "10.2.0.1").Host("H3", "10.3.0.10/24", "10.3.0.1")
        .Vlan("LAN1", 1, "10.1.0.0/24").Vlan("LAN2", 2, "10.2.0.0/24").Vlan("LAN3", 3, "10.3.0.0/24")
        .Router("R1", 0, 0, ("g0", "10.1.0.1/24"), ("g1", "10.9.0.1/30"))
        .Router("R2", 0, 0, ("g0", "10.2.0.1/24"), ("g1", "10.9.0.2/30"))
        .Router("R3", 0, 0, ("g0", "10.3.0.1/24"))
        .Route("R1", "0.0.0.0/0", "10.9.0.2").Route("R2", "0.0.0.0/0", "10.9.0.1").Route("R2", "10.1.0.0/24", "10.9.0.1")
        .Link("H1:eth0", "LAN1").Link("R1:g0", "LAN1").Link("R1:g1", "R2:g1").Link("R2:g0", "LAN2").Link("H2:eth0", "LAN2")
        .Link("H3:eth0", "LAN3").Link("R3:g0", "LAN3")
        .Build();

    [SkippableFact]
    public void A_routing_loop_ends_at_the_router_where_the_TTL_runs_out_and_its_time_exceeded_comes_from_the_same_address()
    {
        Agrees(Loop(),
            new Flow("H1", "H3", Protocol.Icmp),
            new Flow("H1", "H3", Protocol.Icmp, Ttl: 63),
            new Flow("H1", "H2", Protocol.Icmp),
            new Flow("H1", "H2", Protocol.Icmp, Ttl: 1));
    }

    /// <summary>H1 — R1 — ASA — H2: the ASA spends no TTL unless decrement-ttl.</summary>
    private static Design ThroughAnAsa(bool decrementTtl) => new DesignBuilder("asa")
        .Host("H1", "10.1.0.10/24", "10.1.0.1").Host("H2", "10.2.0.10/24", "10.2.0.1")
        .Vlan("LAN1", 1, "10.1.0.0/24").Vlan("LAN2", 2, "10.2.0.0/24")
        .Router("R1", 0, 0, ("g0", "10.1.0.1/24"), ("g1", "10.9.0.1/30"))
        .Firewall("FW", 0, 0, ("outside", "10.9.0.2/30", 0), ("inside", "10.2.0.1/24", 100))
        .Route("R1", "10.2.0.0/24", "10.9.0.2").Route("FW", "10.1.0.0/24", "10.9.0.1")
        .ConfigureFirewall("FW", f => f with { InspectIcmp = true, DecrementTtl = decrementTtl })
        .Link("H1:eth0", "LAN1").Link("R1:g0", "LAN1").Link("R1:g1", "FW:outside").Link("FW:inside", "LAN2").Link("H2:eth0", "LAN2")
        .Build();

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_ASA_spends_TTL_only_with_decrement_ttl(bool decrementTtl)
    {
        Agrees(ThroughAnAsa(decrementTtl), new Flow("H2", "H1", Protocol.Icmp));
    }

    /// <summary>
    /// Builds the design, sends every flow, and compares what the client saw with the engine; then, for each flow the
    /// engine drops at a firewall for its policy or state, that the firewall's netfilter dropped for the same reason.
    /// </summary>
    private static void Agrees(Design design, params Flow[] flows)
    {
        Skip.If(Unavailable is not null, Unavailable);
        var network = OneArmDesigner.Engine.Compilation.NetworkCompiler.Compile(design);
        using var lab = new KernelLab(design);
        var disagreements = new List<string>();
        foreach (var flow in flows)
        {
            var result = Simulator.Run(network, flow);
            var expected = EngineOutcome.Of(result);
            var seen = lab.Send(flow);
            if (seen != expected)
            {
                disagreements.Add($"{flow}: engine says '{expected}' ({result.Summary}), the kernel '{seen}'");
            }
            else if (result.FirstFailure is { DropDevice: { } firewall, Reason: { } reason } && ReasonTag(reason) is { } tag
                     && design.GetDevice(firewall).Firewall is not null && lab.Drops(firewall).GetValueOrDefault(tag) == 0)
            {
                disagreements.Add($"{flow}: engine drops it at {firewall} ({reason.ToJsonName()}), but {firewall}'s netfilter counted no {tag} drop");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    private static string? ReasonTag(DropReason reason) => reason switch
    {
        DropReason.NoSession or DropReason.InvalidTcpState => LinuxFirewall.NoSession,
        DropReason.AclDeny => LinuxFirewall.AclDeny,
        DropReason.HairpinDenied => LinuxFirewall.Hairpin,
        DropReason.SameSecurityDenied => LinuxFirewall.SameSecurity,
        _ => null,
    };
}
