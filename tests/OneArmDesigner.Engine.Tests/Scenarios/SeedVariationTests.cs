using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Tests.Scenarios;

public sealed class SeedVariationTests
{
    private static readonly Flow Rdp = new("LaptopA", "LaptopB", DestinationPort: 3389);

    [Fact]
    public void A_stateless_router_in_place_of_the_ASA_lets_the_broken_design_complete()
    {
        var design = Networks.Broken.WithDevice("ASA", d => d with { Firewall = d.Firewall! with { Stateful = false, SameSecurityIntraInterface = true } });

        var result = Simulator.Run(design, Rdp);

        Assert.Equal(Verdict.Completed, result.Verdict);
    }

    [Fact]
    public void Tcp_state_bypass_alone_still_fails_because_the_SYN_ACK_hairpins_out_of_the_inside_interface()
    {
        var design = Networks.Broken.WithFirewall("ASA", f => f with { TcpStateBypass = [Bypass] });

        var result = Simulator.Run(design, Rdp);

        result.Packet("SYN-ACK").ShouldBeDroppedAt("ASA", DropReason.HairpinDenied);
    }

    [Fact]
    public void Tcp_state_bypass_with_same_security_intra_interface_lets_the_broken_design_complete()
    {
        var design = Networks.Broken.WithFirewall("ASA", f => f with { TcpStateBypass = [Bypass], SameSecurityIntraInterface = true });

        var result = Simulator.Run(design, Rdp);

        Assert.Equal(Verdict.Completed, result.Verdict);
        Assert.Contains(result.Packet("SYN-ACK").Steps, s => s.Device == "ASA" && s.Evidence == "tcp-state-bypass");
    }

    [Fact]
    public void Without_the_static_route_to_10_0_0_0_24_the_fixed_ASA_sends_the_SYN_ACK_to_the_Internet_where_it_dies()
    {
        var design = Networks.Fixed.WithoutRoute("ASA", "10.0.0.0/24");

        var result = Simulator.Run(design, Rdp);

        result.Packet("SYN").ShouldBeDelivered();
        result.Packet("SYN-ACK").ShouldBeDroppedAt("Internet", DropReason.PrivateAddressOnInternet);
        Assert.Equal("outside", result.Packet("SYN-ACK").StepAt("ASA", StepAction.Route).Egress);
    }

    [Fact]
    public void Without_the_port_forward_the_tunnel_is_down_and_the_SYN_never_arrives()
    {
        var design = Networks.Fixed.WithFirewall("ASA", f => f with { Nat = [] });

        var result = Simulator.Run(design, Rdp);

        var syn = result.Packet("SYN");
        syn.ShouldBeDroppedAt("ASA", DropReason.VpnDown);
        Assert.Contains("not-listening", syn.Summary);
        Assert.Single(result.Packets);
    }

    [Fact]
    public void LaptopB_connecting_to_LaptopA_in_the_broken_design_dies_at_the_ASA_on_the_hairpin()
    {
        var design = Networks.Broken.Listening("LaptopA", 22);

        var result = Simulator.Run(design, new Flow("LaptopB", "LaptopA", DestinationPort: 22));

        var syn = result.Packet("SYN");
        syn.ShouldBeDroppedAt("ASA", DropReason.HairpinDenied);
        Assert.Contains("same-security-traffic permit intra-interface", syn.Summary);
        Assert.StartsWith("The SYN was dropped by ASA (hairpin-denied). The packet would leave ASA by inside", syn.Summary);
    }

    [Fact]
    public void LaptopB_to_LaptopA_with_hairpinning_allowed_reaches_LaptopA_but_its_SYN_ACK_has_no_connection_at_the_ASA()
    {
        var design = Networks.Broken.Listening("LaptopA", 22).WithFirewall("ASA", f => f with { SameSecurityIntraInterface = true });

        var result = Simulator.Run(design, new Flow("LaptopB", "LaptopA", DestinationPort: 22));

        result.Packet("SYN").ShouldBeDelivered();
        // The SYN-ACK comes back through the tunnel and MX80-B hands it straight to LaptopB: it never meets the ASA.
        result.Packet("SYN-ACK").ShouldBeDelivered();
        // LaptopB's ACK goes to its gateway, the ASA, which saw the SYN but never the SYN-ACK.
        result.Packet("ACK").ShouldBeDroppedAt("ASA", DropReason.InvalidTcpState);
    }

    [Fact]
    public void A_closed_port_is_answered_with_a_RST_and_the_exchange_fails()
    {
        var result = Simulator.Run(Networks.Fixed, Rdp with { DestinationPort = 22 });

        result.Packet("SYN").ShouldBeDelivered();
        result.Packet("RST").ShouldBeDelivered();
        Assert.Equal(Verdict.Failed, result.Verdict);
        Assert.Contains("port-closed", result.Summary);
    }

    [Fact]
    public void An_ICMP_echo_and_its_reply_cross_the_fixed_design()
    {
        var result = Simulator.Run(Networks.Fixed, new Flow("LaptopA", "LaptopB", Protocol.Icmp));

        Assert.Equal(["ECHO", "ECHO-REPLY"], result.Packets.Select(p => p.Kind));
        Assert.Equal(Verdict.Completed, result.Verdict);
    }

    [Fact]
    public void A_UDP_request_to_a_listening_port_gets_its_reply_and_to_a_closed_port_is_dropped()
    {
        var listening = Networks.Fixed.WithDevice("LaptopB", d => d with { Host = d.Host! with { UdpPorts = [53] } });

        Assert.Equal(Verdict.Completed, Simulator.Run(listening, new Flow("LaptopA", "LaptopB", Protocol.Udp, 53)).Verdict);
        Simulator.Run(listening, new Flow("LaptopA", "LaptopB", Protocol.Udp, 54)).Packet("UDP")
            .ShouldBeDroppedAt("LaptopB", DropReason.PortClosed);
    }

    [Fact]
    public void Without_the_transit_access_list_the_SYN_is_refused_going_from_lower_to_higher_security()
    {
        var design = Networks.Fixed.WithFirewall("ASA", f => f with { Acl = [.. f.Acl.Where(r => r.Interface != "transit")] });

        var syn = Simulator.Run(design, Rdp).Packet("SYN");

        syn.ShouldBeDroppedAt("ASA", DropReason.AclDeny);
        Assert.Equal("%ASA-2-106001: Inbound TCP connection denied from 10.0.0.2/5000 to 192.168.1.3/3389 flags SYN on interface transit", syn.Log);
    }

    [Fact]
    public void An_access_list_deny_names_the_rule_with_the_106023_line()
    {
        var deny = new AclRule("transit", AclAction.Deny, Protocol.Tcp, Ipv4Prefix.Default, Ipv4Prefix.Parse("192.168.1.3/32"), 3389);
        var design = Networks.Fixed.WithFirewall("ASA", f => f with { Acl = [deny, .. f.Acl] });

        var syn = Simulator.Run(design, Rdp).Packet("SYN");

        syn.ShouldBeDroppedAt("ASA", DropReason.AclDeny);
        Assert.StartsWith("%ASA-4-106023: Deny tcp src transit:10.0.0.2/5000 dst inside:192.168.1.3/3389 by access-group", syn.Log);
    }

    [Fact]
    public void The_ASA_connection_table_follows_the_handshake_from_embryonic_to_established()
    {
        var result = Simulator.Run(Networks.Fixed, Rdp);

        var states = result.Packets.SelectMany(p => p.Steps)
            .SelectMany(s => s.SessionEvents ?? [])
            .Where(e => e.Device == "ASA" && e.Session.Original.Protocol == Protocol.Tcp)
            .Select(e => e.Session.State)
            .Distinct();
        Assert.Equal(["SYN sent (embryonic)", "SYN-ACK seen", "established"], states);
    }

    private static TrafficSelector Bypass => new(Ipv4Prefix.Parse("10.0.0.0/24"), Ipv4Prefix.Parse("192.168.1.0/24"));
}
