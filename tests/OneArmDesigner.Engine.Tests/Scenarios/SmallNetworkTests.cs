using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Scenarios;

public sealed class SmallNetworkTests
{
    /// <summary>Two LANs joined by two routers: H1 — LAN1 — R1 —(10.9.0.0/30)— R2 — LAN2 — H2.</summary>
    private static DesignBuilder TwoRouters() => new DesignBuilder("two routers")
        .Host("H1", "10.1.0.10/24", "10.1.0.1", tcpPorts: 80)
        .Host("H2", "10.2.0.10/24", "10.2.0.1", tcpPorts: 80)
        .Vlan("LAN1", 1, "10.1.0.0/24").Vlan("LAN2", 2, "10.2.0.0/24")
        .Router("R1", 0, 0, ("g0", "10.1.0.1/24"), ("g1", "10.9.0.1/30"))
        .Router("R2", 0, 0, ("g0", "10.2.0.1/24"), ("g1", "10.9.0.2/30"))
        .Link("H1:eth0", "LAN1").Link("R1:g0", "LAN1").Link("R1:g1", "R2:g1").Link("R2:g0", "LAN2").Link("H2:eth0", "LAN2");

    [Fact]
    public void Static_routes_both_ways_carry_a_handshake_across_a_direct_cable()
    {
        var design = TwoRouters().Route("R1", "10.2.0.0/24", "10.9.0.2").Route("R2", "10.1.0.0/24", "10.9.0.1").Build();

        var result = Simulator.Run(design, new Flow("H1", "H2", DestinationPort: 80));

        Assert.Equal(Verdict.Completed, result.Verdict);
        Assert.Null(result.Packet("SYN").StepAt("R1", StepAction.Forward).Crossing!.Segment);
    }

    [Fact]
    public void A_missing_return_route_drops_the_SYN_ACK_with_no_route()
    {
        var design = TwoRouters().Route("R1", "10.2.0.0/24", "10.9.0.2").Build();

        var result = Simulator.Run(design, new Flow("H1", "H2", DestinationPort: 80));

        result.Packet("SYN").ShouldBeDelivered();
        result.Packet("SYN-ACK").ShouldBeDroppedAt("R2", DropReason.NoRoute);
    }

    [Fact]
    public void Default_routes_pointing_at_each_other_make_a_loop_that_is_detected()
    {
        var design = TwoRouters().Route("R1", "0.0.0.0/0", "10.9.0.2").Route("R2", "0.0.0.0/0", "10.9.0.1")
            .Host("H3", "10.3.0.10/24", "10.3.0.1").Vlan("LAN3", 3, "10.3.0.0/24").Router("R3", 0, 0, ("g0", "10.3.0.1/24"))
            .Link("H3:eth0", "LAN3").Link("R3:g0", "LAN3")
            .Build();

        var syn = Simulator.Run(design, new Flow("H1", "H3", DestinationPort: 80)).Packet("SYN");

        Assert.False(syn.Delivered);
        Assert.Contains(syn.Reason, new DropReason?[] { DropReason.Loop, DropReason.TtlExceeded });
    }

    [Fact]
    public void A_next_hop_that_nobody_owns_is_neighbor_unreachable()
    {
        var design = TwoRouters().Route("R1", "10.2.0.0/24", "10.9.0.3").Build();

        var syn = Simulator.Run(design, new Flow("H1", "H2", DestinationPort: 80)).Packet("SYN");

        syn.ShouldBeDroppedAt("R1", DropReason.NeighborUnreachable);
    }

    [Fact]
    public void A_host_without_a_gateway_cannot_reach_another_subnet()
    {
        var design = TwoRouters().Update("H1", d => d with { DefaultGateway = null }).Build();

        var syn = Simulator.Run(design, new Flow("H1", "H2", DestinationPort: 80)).Packet("SYN");

        syn.ShouldBeDroppedAt("H1", DropReason.NoRoute);
    }

    [Fact]
    public void Flows_between_unknown_or_non_host_devices_are_refused_with_the_field_named()
    {
        var network = Compilation.NetworkCompiler.Compile(TwoRouters().Build());

        var problems = Simulator.Check(network, new Flow("Nobody", "R1", DestinationPort: 0));

        Assert.Contains(problems, p => p.StartsWith("from: 'Nobody' is not a device in this design", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("to: 'R1' is a Router", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("port: 0 is not a port", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => Simulator.Run(network, new Flow("Nobody", "R1")));
    }
}
