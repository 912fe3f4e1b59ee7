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
