using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Scenarios;

/// <summary>
/// Every routing hop spends one TTL from the sender's initial TTL; where it would reach zero the packet is dropped
/// (ttl-exceeded) and the device sends an ICMP time exceeded back. An ASA spends none unless told to.
/// </summary>
public sealed class TtlTests
{
    /// <summary>H1 — LAN1 — R1 —(10.9.0.0/30)— R2 — LAN2 — H2, with default routes R1 ⇄ R2 for anything else.</summary>
    private static DesignBuilder Looping() => new DesignBuilder("loop")
        .Host("H1", "10.1.0.10/24", "10.1.0.1", tcpPorts: 80)
        .Host("H2", "10.2.0.10/24", "10.2.0.1", tcpPorts: 80)
        .Host("H3", "10.3.0.10/24", "10.3.0.1", tcpPorts: 80)
        .Vlan("LAN1", 1, "10.1.0.0/24").Vlan("LAN2", 2, "10.2.0.0/24").Vlan("LAN3", 3, "10.3.0.0/24")
        .Router("R1", 0, 0, ("g0", "10.1.0.1/24"), ("g1", "10.9.0.1/30"))
        .Router("R2", 0, 0, ("g0", "10.2.0.1/24"), ("g1", "10.9.0.2/30"))
        .Router("R3", 0, 0, ("g0", "10.3.0.1/24"))
        .Route("R1", "0.0.0.0/0", "10.9.0.2").Route("R2", "0.0.0.0/0", "10.9.0.1")
        .Link("H1:eth0", "LAN1").Link("R1:g0", "LAN1").Link("R1:g1", "R2:g1").Link("R2:g0", "LAN2").Link("H2:eth0", "LAN2")
        .Link("H3:eth0", "LAN3").Link("R3:g0", "LAN3");

    private static readonly Flow ToTheUnroutedLan = new("H1", "H3", DestinationPort: 80);

    [Theory]
    [InlineData(64, "R2", "10.9.0.2")]
    [InlineData(63, "R1", "10.1.0.1")]
    [InlineData(128, "R2", "10.9.0.2")]
    public void A_routing_loop_is_stopped_where_the_TTL_runs_out_and_that_router_sends_a_time_exceeded_back(int ttl, string dropper, string from)
    {
        var design = Looping().Update("H1", d => d with { Host = d.Host! with { InitialTtl = ttl } }).Build();

        var syn = Simulator.Run(design, ToTheUnroutedLan).Packet("SYN");

        syn.ShouldBeDroppedAt(dropper, DropReason.TtlExceeded);
        Assert.Equal(ttl, syn.Hops.Count(h => h.Device is "R1" or "R2"));
        Assert.Equal(1, syn.Hops[^1].Steps[0].Before.Inner.Ttl);
        Assert.Equal(new IcmpReport(dropper, Ipv4Address.Parse(from), Ipv4Address.Parse("10.1.0.10"),
            new IcmpMessage(IcmpTypes.TimeExceeded, 0)), syn.IcmpSent);
        Assert.Contains($"{dropper} ({from}) sends an ICMP time exceeded (type 11, code 0) back to 10.1.0.10", syn.Summary);
    }

    [Fact]
    public void The_routing_loop_finding_names_the_two_routers_of_the_loop_and_not_the_path_into_it()
    {
        var finding = DesignAnalyzer.Validate(Looping().Build()).Findings.First(f => f.Code == "ROUTING_LOOP");

        Assert.Equal(["R1", "R2"], finding.Devices.Order());
        Assert.Contains("loops between R2, R1", finding.Message);
    }

    [Fact]
    public void Each_router_spends_one_TTL_and_a_Windows_host_starts_at_128()
    {
        var design = Looping().Route("R1", "10.2.0.0/24", "10.9.0.2").Route("R2", "10.1.0.0/24", "10.9.0.1")
            .Update("H1", d => d with { Host = d.Host! with { InitialTtl = 128 } }).Build();

        var result = Simulator.Run(design, new Flow("H1", "H2", DestinationPort: 80));

        Assert.Equal(Verdict.Completed, result.Verdict);
        Assert.Equal(126, result.Packet("SYN").StepAt("H2", StepAction.Deliver).Before.Inner.Ttl);
        Assert.Equal(62, result.Packet("SYN-ACK").StepAt("H1", StepAction.Deliver).Before.Inner.Ttl);
    }

    [Fact]
    public void A_TTL_too_small_for_the_path_expires_without_a_loop_and_is_its_own_finding()
    {
        var design = Looping().Route("R1", "10.2.0.0/24", "10.9.0.2").Route("R2", "10.1.0.0/24", "10.9.0.1")
            .Update("H1", d => d with { Host = d.Host! with { InitialTtl = 2 } }).Build();

        var syn = Simulator.Run(design, new Flow("H1", "H2", DestinationPort: 80)).Packet("SYN");

        syn.ShouldBeDroppedAt("R2", DropReason.TtlExceeded);
        var finding = DesignAnalyzer.Validate(design).Findings.First(f => f.Code == "TTL_EXPIRED");
        Assert.Equal(["R2", "H1"], finding.Devices);
    }

    [Fact]
    public void A_flow_can_start_with_its_own_TTL_like_ping_with_a_TTL_option()
    {
        var design = Looping().Route("R1", "10.2.0.0/24", "10.9.0.2").Route("R2", "10.1.0.0/24", "10.9.0.1").Build();

        Simulator.Run(design, new Flow("H1", "H2", DestinationPort: 80, Ttl: 1)).Packet("SYN").ShouldBeDroppedAt("R1", DropReason.TtlExceeded);
        Assert.Equal(Verdict.Completed, Simulator.Run(design, new Flow("H1", "H2", DestinationPort: 80, Ttl: 3)).Verdict);
        Assert.Contains("ttl: 0 is not a TTL; use 1 to 255",
            Simulator.Check(Compilation.NetworkCompiler.Compile(design), new Flow("H1", "H2", Ttl: 0)));
    }

    /// <summary>H1 — LAN1 — R1 —(10.9.0.0/30)— FW — LAN2 — H2, with R1's default route to the ASA and the ASA's back to R1.</summary>
    private static DesignBuilder ThroughAnAsa() => new DesignBuilder("asa")
        .Host("H1", "10.1.0.10/24", "10.1.0.1", tcpPorts: 80)
        .Host("H2", "10.2.0.10/24", "10.2.0.1", tcpPorts: 80)
        .Vlan("LAN1", 1, "10.1.0.0/24").Vlan("LAN2", 2, "10.2.0.0/24")
        .Router("R1", 0, 0, ("g0", "10.1.0.1/24"), ("g1", "10.9.0.1/30"))
        .Firewall("FW", 0, 0, ("outside", "10.9.0.2/30", 0), ("inside", "10.2.0.1/24", 100))
        .Route("R1", "0.0.0.0/0", "10.9.0.2").Route("FW", "0.0.0.0/0", "10.9.0.1")
        .ConfigureFirewall("FW", f => f with { SameSecurityIntraInterface = true, Acl = [EdgeNetwork.Permit("outside", Protocol.Any, "0.0.0.0/0", "0.0.0.0/0")] })
        .Link("H1:eth0", "LAN1").Link("R1:g0", "LAN1").Link("R1:g1", "FW:outside").Link("FW:inside", "LAN2").Link("H2:eth0", "LAN2");

    [Fact]
    public void An_ASA_forwards_without_spending_TTL_unless_set_connection_decrement_ttl_is_on()
    {
        var flow = new Flow("H1", "H2", DestinationPort: 80);

        var hidden = Simulator.Run(ThroughAnAsa().Build(), flow).Packet("SYN");
        var counted = Simulator.Run(ThroughAnAsa().ConfigureFirewall("FW", f => f with { DecrementTtl = true }).Build(), flow).Packet("SYN");

        Assert.Equal(63, hidden.StepAt("H2", StepAction.Deliver).Before.Inner.Ttl);
        Assert.Equal(62, counted.StepAt("H2", StepAction.Deliver).Before.Inner.Ttl);
    }

    [Fact]
    public void In_a_loop_between_a_router_and_an_ASA_only_the_router_spends_TTL_so_it_is_always_the_router_that_drops()
    {
        var toNowhere = ThroughAnAsa().Host("H9", "10.99.0.10/24", "10.99.0.1").Vlan("LAN9", 9, "10.99.0.0/24").Link("H9:eth0", "LAN9").Build();

        var syn = Simulator.Run(toNowhere, new Flow("H1", "H9", DestinationPort: 80)).Packet("SYN");

        syn.ShouldBeDroppedAt("R1", DropReason.TtlExceeded);
        Assert.Equal(64, syn.Hops.Count(h => h.Device == "R1"));
        Assert.All(syn.Hops.Where(h => h.Device == "FW"), h => Assert.Equal(h.Steps[0].Before.Inner.Ttl, h.Steps[^1].After.Inner.Ttl));
    }

    [Fact]
    public void Two_ASAs_routing_at_each_other_would_circle_for_ever_and_the_loop_is_caught_at_the_first_repeat()
    {
        var design = new DesignBuilder("asas")
            .Host("H1", "10.1.0.10/24", "10.1.0.1").Host("H9", "10.99.0.10/24", "10.99.0.1", tcpPorts: 80)
            .Vlan("LAN1", 1, "10.1.0.0/24").Vlan("LAN9", 9, "10.99.0.0/24")
            .Firewall("FW1", 0, 0, ("inside", "10.1.0.1/24", 100), ("outside", "10.9.0.1/30", 0))
            .Firewall("FW2", 0, 0, ("outside", "10.9.0.2/30", 0), ("dmz", "10.8.0.1/24", 50))
            .Route("FW1", "0.0.0.0/0", "10.9.0.2").Route("FW2", "0.0.0.0/0", "10.9.0.1")
            .ConfigureFirewall("FW1", f => f with { SameSecurityIntraInterface = true, Acl = [EdgeNetwork.Permit("outside", Protocol.Any, "0.0.0.0/0", "0.0.0.0/0")] })
            .ConfigureFirewall("FW2", f => f with { SameSecurityIntraInterface = true, Acl = [EdgeNetwork.Permit("outside", Protocol.Any, "0.0.0.0/0", "0.0.0.0/0")] })
            .Link("H1:eth0", "LAN1").Link("FW1:inside", "LAN1").Link("FW1:outside", "FW2:outside").Link("H9:eth0", "LAN9")
            .Build();

        var syn = Simulator.Run(design, new Flow("H1", "H9", DestinationPort: 80)).Packet("SYN");

        syn.ShouldBeDroppedAt("FW2", DropReason.Loop);
        Assert.Contains("do not decrement the TTL", syn.Summary);
        Assert.Null(syn.IcmpSent);
    }
}
