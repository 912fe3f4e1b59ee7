using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Tests;

/// <summary>
/// A hand-written HQ ASA configuration that uses every construct the importer reads (sub-interfaces with VLANs,
/// shutdown and management-only interfaces, names, objects and groups of every kind, object and twice NAT, inbound,
/// outbound and global access lists, same-security-traffic, tcp-state-bypass, inspection) beside lines it ignores
/// and lines it cannot model; and a Meraki organisation with a passthrough hub, a routed spoke on a single LAN, static
/// routes, a warm spare and a second uplink. The design and the report are golden files, reviewed line by line;
/// set UPDATE_GOLDEN=1 to rewrite them after a deliberate change, and review the difference.
/// </summary>
public sealed class ConstructGoldenTests
{
    private static ImportResult Imported() => Configurations.Import("constructs/meraki-org.json", "constructs/hq-asa.cfg");

    [Fact]
    public void The_design_matches_its_golden_file() =>
        Golden.Matches("constructs/golden-design.json", DesignDocument.Serialize(Imported().Design!) + "\n");

    [Fact]
    public void The_report_matches_its_golden_file() =>
        Golden.Matches("constructs/golden-report.txt", Imported().Report!.ToText());

    [Fact]
    public void Sub_interfaces_carry_their_VLAN_to_the_segment_and_shut_or_management_interfaces_are_left_out()
    {
        var design = Imported().Design!;

        Assert.Equal(["outside", "inside", "dmz", "partners"], design.GetDevice("HQ-ASA").Interfaces.Select(i => i.Name));
        Assert.Equal(10, design.GetDevice("inside").Vlan!.VlanId);
        Assert.Equal(20, design.GetDevice("dmz").Vlan!.VlanId);
    }

    [Fact]
    public void Object_and_twice_NAT_become_static_NAT_port_forwards_and_PAT_in_the_ASAs_order()
    {
        var nat = Imported().Design!.GetDevice("HQ-ASA").Firewall!.Nat;

        Assert.Equal(
        [
            "static NAT 10.1.10.40 ⇄ 172.20.0.9 on partners no-proxy-arp",
            "static NAT 10.1.20.10 ⇄ 198.51.100.11 on outside",
            "port forward tcp outside:2222 ⇄ 10.1.20.22:22 on outside",
            "PAT of 0.0.0.0/0 behind outside",
        ], nat.Select(n => n.ToString()));
    }

    [Fact]
    public void Object_groups_expand_into_one_rule_per_member_and_port_names_become_numbers()
    {
        var acl = Imported().Design!.GetDevice("HQ-ASA").Firewall!.Acl.Where(a => a.Interface == "inside").Select(a => a.ToString()).ToList();

        Assert.Contains("permit any 10.1.10.200/30 0.0.0.0/0", acl);
        Assert.Contains("permit tcp 10.1.10.0/24 0.0.0.0/0 eq 587", acl);
        Assert.Contains("permit tcp 10.1.10.0/24 10.1.20.10/32 eq 465", acl);
        Assert.Contains("permit udp 10.1.10.0/24 10.1.10.53/32 eq 53", acl);
        Assert.Equal("deny tcp 0.0.0.0/0 0.0.0.0/0 eq 135", acl[^1]);
    }

    [Fact]
    public void Port_ranges_source_ports_and_ICMP_types_and_codes_are_one_rule_each()
    {
        var acl = Imported().Design!.GetDevice("HQ-ASA").Firewall!.Acl.Select(a => a.ToString()).ToList();

        Assert.Contains("permit tcp 10.1.10.0/24 0.0.0.0/0 range 8000 8003", acl);
        Assert.Contains("permit tcp 10.1.10.0/24 0.0.0.0/0 gt 1023", acl);
        Assert.Contains("permit tcp 0.0.0.0/0 eq 1234 0.0.0.0/0", acl);
        Assert.Contains("permit udp 10.1.10.123/32 eq 123 0.0.0.0/0 eq 123", acl);
        Assert.Contains("permit udp 10.1.10.0/24 lt 1024 0.0.0.0/0 gt 1023", acl);
        Assert.Equal(
            ["permit icmp 0.0.0.0/0 0.0.0.0/0 echo-reply", "permit icmp 0.0.0.0/0 0.0.0.0/0 unreachable", "permit icmp 0.0.0.0/0 0.0.0.0/0 time-exceeded",
                "permit icmp 0.0.0.0/0 0.0.0.0/0 unreachable 4", "deny icmp 0.0.0.0/0 0.0.0.0/0 redirect 1"],
            acl.Where(a => a.Contains("icmp", StringComparison.Ordinal)));
    }

    [Fact]
    public void Neq_is_the_two_ranges_either_side_of_the_port()
    {
        var toWebServer = Imported().Design!.GetDevice("HQ-ASA").Firewall!.Acl
            .Where(a => a.Destination.ToString() == "10.1.20.10/32" && a.DestinationPort is { IsSinglePort: false });

        Assert.Equal(["permit tcp 10.1.10.0/24 10.1.20.10/32 lt 23", "permit tcp 10.1.10.0/24 10.1.20.10/32 gt 23"], toWebServer.Select(a => a.ToString()));
    }

    [Fact]
    public void Same_security_traffic_tcp_state_bypass_ICMP_inspection_and_TTL_decrement_are_read_from_their_commands()
    {
        var firewall = Imported().Design!.GetDevice("HQ-ASA").Firewall!;

        Assert.True(firewall.SameSecurityInterInterface);
        Assert.True(firewall.SameSecurityIntraInterface);
        Assert.Equal([new TrafficSelector(Ipv4Prefix.Parse("10.1.10.0/24"), Ipv4Prefix.Parse("172.31.0.0/16"))], firewall.TcpStateBypass);
        Assert.True(firewall.InspectIcmp);
        Assert.True(firewall.DecrementTtl);
    }

    [Fact]
    public void The_Meraki_hub_and_spoke_become_AutoVPN_peers_with_their_advertised_subnets()
    {
        var design = Imported().Design!;
        var hub = design.GetDevice("HQ-MX").Mx!;
        var spoke = design.GetDevice("Q2BC-0000-0001").Mx!;

        Assert.Equal(MxMode.Passthrough, hub.Mode);
        Assert.Equal(["Q2BC-0000-0001"], hub.VpnPeers);
        Assert.Equal(["HQ-MX"], spoke.VpnPeers);
        Assert.Equal(["10.3.0.0/24"], spoke.AdvertisedSubnets.Select(s => s.ToString()));
        Assert.Equal("198.51.100.13", hub.PublicAddress.ToString());
        Assert.Equal([new StaticRoute(Ipv4Prefix.Parse("10.3.50.0/24"), Ipv4Address.Parse("10.3.0.250"))], design.GetDevice("Q2BC-0000-0001").Routes);
    }

    [Fact]
    public void Every_line_the_design_does_not_carry_is_in_the_report_with_a_reason()
    {
        var report = Imported().Report!;

        Assert.Contains(report.Lines, l => l.Text.StartsWith("router ospf 1", StringComparison.Ordinal) && l.Disposition == LineDisposition.NotModelled);
        Assert.Contains(report.Lines, l => l.Text == "inspect icmp error" && l.Disposition == LineDisposition.NotModelled);
        Assert.DoesNotContain(report.Lines, l => l.Text is "inspect icmp" or "set connection decrement-ttl");
        Assert.Contains(report.Lines, l => l.Text.StartsWith("logging enable", StringComparison.Ordinal) && l.Disposition == LineDisposition.Ignored);
        Assert.Contains(report.Lines, l => l.Text.Contains("time-range BUSINESS-HOURS", StringComparison.Ordinal) && l.Disposition == LineDisposition.NotModelled);
        var asa = report.Files[0];
        Assert.Equal(asa.Lines, asa.Modelled + asa.Ignored + asa.NotModelled + asa.Comments);
    }

    [Fact]
    public void A_representative_host_never_takes_the_failover_standby_address()
    {
        var result = Configurations.Asa("hostname fw\ninterface GigabitEthernet0/1\n nameif inside\n security-level 100\n ip address 10.5.0.1 255.255.255.0 standby 10.5.0.2\n");

        Assert.Equal("10.5.0.3/24", result.Design!.GetDevice("Host 10.5.0.0/24").Interfaces[0].Address.ToString());
    }
}
