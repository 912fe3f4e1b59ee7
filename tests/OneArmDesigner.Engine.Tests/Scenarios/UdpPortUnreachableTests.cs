using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Scenarios;

/// <summary>
/// A UDP datagram to a port nobody listens on is discarded and answered with an ICMP port unreachable, which travels
/// back like any packet: through NAT, through the tunnel, and past firewalls that relate it to the UDP connection only
/// when they inspect ICMP.
/// </summary>
public sealed class UdpPortUnreachableTests
{
    [Fact]
    public void The_closed_port_answers_with_a_port_unreachable_that_quotes_the_datagram_and_reaches_the_sender()
    {
        var result = Simulator.Run(Networks.Fixed, new Flow("LaptopA", "LaptopB", Protocol.Udp, 54));

        Assert.Equal(["UDP", Simulator.PortUnreachableKind], result.Packets.Select(p => p.Kind));
        result.Packet("UDP").ShouldBeDroppedAt("LaptopB", DropReason.PortClosed);
        var unreachable = result.Packet(Simulator.PortUnreachableKind);
        unreachable.ShouldBeDelivered();
        var sent = unreachable.StepAt("LaptopB", StepAction.Send).Before.Inner;
        Assert.Equal(new IcmpMessage(IcmpTypes.Unreachable, 3, new FlowKey(Protocol.Udp, sent.Destination, 5000, sent.Source, 54)), sent.Icmp);
        Assert.Contains("connection refused", unreachable.StepAt("LaptopA", StepAction.Deliver).Detail);
        Assert.Contains(unreachable.Steps, s => s.Action == StepAction.Encapsulate);
        Assert.Equal(Verdict.Failed, result.Verdict);
        Assert.EndsWith("answers with an ICMP port unreachable. The port unreachable reached LaptopA: the sender learns the port is closed.", result.Summary);
    }

    [Fact]
    public void An_ASA_that_inspects_ICMP_relates_the_port_unreachable_to_the_UDP_connection_it_reports_on()
    {
        var design = Networks.Fixed.WithFirewall("ASA", f => f with { InspectIcmp = true });

        var unreachable = Simulator.Run(design, new Flow("LaptopA", "LaptopB", Protocol.Udp, 54)).Packet(Simulator.PortUnreachableKind);

        unreachable.ShouldBeDelivered();
        var match = unreachable.StepAt("ASA", StepAction.SessionMatch);
        Assert.Contains("relates this ICMP port unreachable to its connection udp 10.0.0.2/5000 > 192.168.1.3/54", match.Detail);
    }

    [Fact]
    public void In_the_broken_design_the_ASA_never_saw_the_datagram_so_inspecting_ICMP_it_drops_the_port_unreachable()
    {
        var design = Networks.Broken.WithFirewall("ASA", f => f with { InspectIcmp = true, SameSecurityIntraInterface = true });

        var result = Simulator.Run(design, new Flow("LaptopA", "LaptopB", Protocol.Udp, 54));

        var unreachable = result.Packet(Simulator.PortUnreachableKind);
        unreachable.ShouldBeDroppedAt("ASA", DropReason.NoSession);
        Assert.Equal("%ASA-4-313004: Denied ICMP type=3, from laddr 192.168.1.3 on interface inside to 10.0.0.2: no matching session", unreachable.Log);
        Assert.EndsWith("was dropped by ASA (no-session): the sender is left waiting.", result.Summary);
    }

    [Fact]
    public void Behind_PAT_an_ASA_inspecting_ICMP_translates_the_error_back_to_the_inside_host_and_the_datagram_it_quotes()
    {
        var design = EdgeNetwork.Design(f => f with { InspectIcmp = true });

        var unreachable = Simulator.Run(design, new Flow("PC", "Remote", Protocol.Udp, 5353)).Packet(Simulator.PortUnreachableKind);

        unreachable.ShouldBeDelivered();
        var received = unreachable.StepAt("PC", StepAction.Deliver).Before.Inner;
        Assert.Equal("10.0.0.10", received.Destination.ToString());
        Assert.Equal(new FlowKey(Protocol.Udp, received.Destination, 5000, received.Source, 5353), received.Icmp!.Invoking);
    }

    [Fact]
    public void A_routed_MX_translates_the_port_unreachable_back_to_the_LAN_host_by_its_NAT_translation()
    {
        var design = new DesignBuilder("branch")
            .Host("PC", "10.0.0.10/24", "10.0.0.1").Server("Remote", "203.0.113.10/24", "203.0.113.1")
            .Vlan("LAN", 1, "10.0.0.0/24").Internet()
            .RoutedMx("MX", 0, 0, lan: "10.0.0.1/24", wan: "198.51.100.2/24", wanGateway: "198.51.100.1")
            .Link("PC:eth0", "LAN").Link("MX:lan", "LAN").Link("MX:wan", "Internet").Link("Remote:eth0", "Internet")
            .Build();

        var unreachable = Simulator.Run(design, new Flow("PC", "Remote", Protocol.Udp, 123)).Packet(Simulator.PortUnreachableKind);

        unreachable.ShouldBeDelivered();
        Assert.Equal("198.51.100.2", unreachable.StepAt("Remote", StepAction.Send).Before.Inner.Destination.ToString());
        Assert.Equal("10.0.0.10", unreachable.StepAt("PC", StepAction.Deliver).Before.Inner.Destination.ToString());
        Assert.Contains("relates this ICMP port unreachable to its connection udp 10.0.0.10/5000 > 203.0.113.10/123", unreachable.StepAt("MX", StepAction.SessionMatch).Detail);
    }

    [Fact]
    public void Without_ICMP_inspection_the_port_unreachable_from_outside_needs_an_access_list_entry_for_unreachable()
    {
        var refused = Simulator.Run(EdgeNetwork.Design(), new Flow("Web", "Remote", Protocol.Udp, 5353)).Packet(Simulator.PortUnreachableKind);
        var permitted = Simulator.Run(
            EdgeNetwork.Design(f => f with { Acl = [.. f.Acl, EdgeNetwork.Permit("outside", Protocol.Icmp, "0.0.0.0/0", "0.0.0.0/0", icmpType: IcmpTypes.Unreachable, icmpCode: 3)] }),
            new Flow("Web", "Remote", Protocol.Udp, 5353)).Packet(Simulator.PortUnreachableKind);

        refused.ShouldBeDroppedAt("ASA", DropReason.AclDeny);
        Assert.Contains("(type 3, code 3)", refused.Log);
        permitted.ShouldBeDelivered();
    }

    [Fact]
    public void A_port_unreachable_caught_in_a_loop_runs_out_of_TTL_but_no_error_is_sent_about_an_error()
    {
        var design = new DesignBuilder("loop back")
            .Host("H1", "10.1.0.10/24", "10.1.0.1").Host("H2", "10.2.0.10/24", "10.2.0.1")
            .Vlan("LAN1", 1, "10.1.0.0/24").Vlan("LAN2", 2, "10.2.0.0/24")
            .Router("R1", 0, 0, ("g0", "10.1.0.1/24"), ("g1", "10.9.0.1/30"))
            .Router("R2", 0, 0, ("g0", "10.2.0.1/24"), ("g1", "10.9.0.2/30"), ("g2", "10.8.0.1/30"))
            .Router("R3", 0, 0, ("g0", "10.8.0.2/30"))
            .Route("R1", "10.2.0.0/24", "10.9.0.2").Route("R2", "0.0.0.0/0", "10.8.0.2").Route("R3", "0.0.0.0/0", "10.8.0.1")
            .Link("H1:eth0", "LAN1").Link("R1:g0", "LAN1").Link("R1:g1", "R2:g1").Link("R2:g0", "LAN2").Link("H2:eth0", "LAN2")
            .Link("R2:g2", "R3:g0")
            .Build();

        var unreachable = Simulator.Run(design, new Flow("H1", "H2", Protocol.Udp, 53)).Packet(Simulator.PortUnreachableKind);

        Assert.Equal(DropReason.TtlExceeded, unreachable.Reason);
        Assert.Null(unreachable.IcmpSent);
        Assert.Contains("no time exceeded is sent about it", unreachable.Summary);
    }
}
