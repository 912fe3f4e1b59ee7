using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Import.Emit;

namespace OneArmDesigner.Import.Tests;

/// <summary>Changes to a design as device commands, for changes beyond the guide's transit fix.</summary>
public sealed class FixCommandTests
{
    private static Design WithDevice(Design design, string name, Func<Device, Device> change) =>
        design with { Devices = [.. design.Devices.Select(d => d.Name == name ? change(d) : d)] };

    [Fact]
    public void Tcp_state_bypass_comes_out_as_its_access_list_class_and_policy()
    {
        var before = SeedTemplates.Asymmetric();
        var after = DesignFixes.Apply(before, DesignFixes.TcpStateBypass("ASA")).Design!;

        var commands = FixCommands.Asa(before, after);

        Assert.Contains("same-security-traffic permit intra-interface", commands);
        Assert.Contains("access-list tcp_bypass extended permit tcp 10.0.0.0 255.255.255.0 192.168.1.0 255.255.255.0", commands);
        Assert.Contains("access-list tcp_bypass extended permit tcp 192.168.1.0 255.255.255.0 10.0.0.0 255.255.255.0", commands);
        Assert.Contains("  set connection advanced-options tcp-state-bypass", commands);
    }

    [Fact]
    public void A_changed_access_list_line_is_removed_and_inserted_again_at_its_place()
    {
        var before = SeedTemplates.Asymmetric();
        var after = WithDevice(before, "ASA", d => d with
        {
            Firewall = d.Firewall! with { Acl = [d.Firewall.Acl[0] with { DestinationPort = 4501 }] },
        });

        var commands = FixCommands.Asa(before, after);

        Assert.Contains("no access-list outside_access_in extended permit udp any host 203.0.113.2 eq 4500", commands);
        Assert.Contains("access-list outside_access_in line 1 extended permit udp any host 203.0.113.2 eq 4501", commands);
    }

    [Fact]
    public void Turning_on_ICMP_inspection_and_TTL_decrement_comes_out_as_lines_of_the_global_policy()
    {
        var before = SeedTemplates.Asymmetric();
        var after = WithDevice(before, "ASA", d => d with { Firewall = d.Firewall! with { InspectIcmp = true, DecrementTtl = true } });

        var commands = FixCommands.Asa(before, after).ReplaceLineEndings("\n");

        Assert.Contains("policy-map global_policy\n class inspection_default\n  inspect icmp\n", commands);
        Assert.Contains("policy-map global_policy\n class class-default\n  set connection decrement-ttl\n", commands);
        Assert.Contains("no inspect icmp", FixCommands.Asa(after, before));
    }

    [Fact]
    public void In_an_imported_configuration_the_policy_and_class_keep_their_own_names_and_a_missing_global_policy_is_applied()
    {
        const string policy = """
            class-map DEFAULTS
             match default-inspection-traffic
            policy-map EDGE
             class DEFAULTS
              inspect ftp
            service-policy EDGE global
            """;
        string Commands(string text)
        {
            var imported = Configurations.Asa(text);
            var after = WithDevice(imported.Design!, "fw", d => d with { Firewall = d.Firewall! with { InspectIcmp = true } });
            return FixCommands.Asa(imported.Design!, after, imported.Names).ReplaceLineEndings("\n");
        }

        Assert.Contains("policy-map EDGE\n class DEFAULTS\n  inspect icmp\n", Commands(Configurations.EdgeAsa + "\n" + policy));
        Assert.Contains("class-map inspection_default\n match default-inspection-traffic\npolicy-map global_policy\n class inspection_default\n  inspect icmp\nservice-policy global_policy global\n",
            Commands(Configurations.EdgeAsa));
    }

    [Fact]
    public void No_proxy_arp_on_an_object_NAT_is_changed_under_its_object()
    {
        var imported = Configurations.Import("guide/meraki-broken.json", "guide/asa-broken.cfg");
        var after = WithDevice(imported.Design!, "ASA", d => d with { Firewall = d.Firewall! with { Nat = [d.Firewall.Nat[0] with { NoProxyArp = true }, .. d.Firewall.Nat.Skip(1)] } });

        var commands = FixCommands.Asa(imported.Design!, after, imported.Names).ReplaceLineEndings("\n");

        Assert.Contains("object network MX80-B\n no nat (inside,outside) static interface service udp 4500 4500\n nat (inside,outside) static interface service udp 4500 4500 no-proxy-arp\n", commands);
    }

    [Fact]
    public void MX_changes_come_out_as_the_Dashboard_calls_that_make_them()
    {
        var before = SeedTemplates.Asymmetric();
        var after = WithDevice(before, "MX80-A", d => d with
        {
            Routes = [new StaticRoute(Ipv4Prefix.Parse("10.9.0.0/16"), Ipv4Address.Parse("10.0.0.254"))],
            Mx = d.Mx! with { AdvertisedSubnets = [Ipv4Prefix.Parse("10.0.0.0/24"), Ipv4Prefix.Parse("10.9.0.0/16")] },
        });

        var calls = FixCommands.Meraki(before, after);

        Assert.Contains("POST /networks/{networkId of MX80-A}/appliance/staticRoutes\n{\"name\":\"to 10.9.0.0/16\",\"subnet\":\"10.9.0.0/16\",\"gatewayIp\":\"10.0.0.254\"}", calls.ReplaceLineEndings("\n"));
        Assert.Contains("PUT /networks/{networkId of MX80-A}/appliance/vpn/siteToSiteVpn", calls);
        Assert.Contains("{\"localSubnet\":\"10.9.0.0/16\",\"useVpn\":true}", calls);
        Assert.StartsWith("# MX80-A: AutoVPN subnets and peers", calls);
    }
}
