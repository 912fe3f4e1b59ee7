using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Endpoints;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;
using OneArmDesigner.Import.Emit;

namespace OneArmDesigner.Import.Tests;

/// <summary>
/// The guide's deployment as an engineer would export it: the branch-B ASA's running-config and the organisation's
/// Meraki Dashboard responses. Broken (MX80-B on the hosts' subnet) and fixed (MX80-B on a transit VLAN).
/// </summary>
public sealed class GuideDeploymentTests
{
    private static ExchangeResult LaptopFlow(Design design)
    {
        var flow = AddressedFlows.Resolve(design, "10.0.0.2", "192.168.1.3", Protocol.Tcp, 3389);
        Assert.True(flow.Succeeded, string.Join("; ", flow.Problems));
        return Simulator.Run(flow.Design, flow.Flow!);
    }

    [Fact]
    public void The_broken_deployment_imports_into_the_guides_topology()
    {
        var design = Configurations.Design("guide/meraki-broken.json", "guide/asa-broken.cfg");

        var asa = design.GetDevice("ASA");
        Assert.Equal(["outside", "inside"], asa.Interfaces.Select(i => i.Name));
        Assert.Equal(new NatRule(NatKind.PortForward, "outside", Protocol.Udp, null, 4500, Domain.Addressing.Ipv4Address.Parse("192.168.1.2"), 4500), asa.Firewall!.Nat[0]);
        var mxB = design.GetDevice("MX80-B");
        Assert.Equal(MxMode.Passthrough, mxB.Mx!.Mode);
        Assert.Equal("203.0.113.2", mxB.Mx.PublicAddress.ToString());
        Assert.Equal(["MX80-A"], mxB.Mx.VpnPeers);
        Assert.Equal("inside", design.FindLink("MX80-B", "wan1")!.B.Device);
        Assert.Equal("Internet", design.FindLink("ASA", "outside")!.B.Device);
        Assert.Equal("Internet", design.FindLink("MX80-A", "wan1")!.B.Device);
        Assert.Equal("192.168.1.3/24", design.GetDevice("Host 192.168.1.0/24").Interfaces[0].Address.ToString());
        Assert.Equal("10.0.0.2/24", design.GetDevice("Host 10.0.0.0/24").Interfaces[0].Address.ToString());
    }

    [Fact]
    public void In_the_broken_deployment_the_laptop_flow_dies_at_the_firewall_with_106015()
    {
        var result = LaptopFlow(Configurations.Design("guide/meraki-broken.json", "guide/asa-broken.cfg"));

        var synAck = result.Packets.Single(p => p.Kind == "SYN-ACK");
        Assert.Equal(DropReason.NoSession, synAck.Reason);
        Assert.Equal("ASA", synAck.DropDevice);
        Assert.Equal("%ASA-6-106015: Deny TCP (no connection) from 192.168.1.3/3389 to 10.0.0.2/5000 flags SYN ACK on interface inside", synAck.Log);
    }

    [Fact]
    public void Validation_of_the_broken_deployment_offers_the_transit_vlan_fix()
    {
        var report = DesignAnalyzer.Validate(Configurations.Design("guide/meraki-broken.json", "guide/asa-broken.cfg"));

        var finding = Assert.Single(report.Findings, f => f.Code == "ASYMMETRIC_ROUTING_STATEFUL");
        Assert.Contains(DesignFixes.MoveToTransitVlan("MX80-B"), finding.Fixes.Select(f => f.Id));
    }

    [Fact]
    public void The_transit_vlan_fix_comes_out_as_ASA_commands_in_the_configurations_own_names()
    {
        var imported = Configurations.Import("guide/meraki-broken.json", "guide/asa-broken.cfg");
        var fixedDesign = DesignFixes.Apply(imported.Design!, DesignFixes.MoveToTransitVlan("MX80-B")).Design!;

        var commands = FixCommands.Asa(imported.Design!, fixedDesign, imported.Names);

        Assert.Equal(Configurations.Text("guide/transit-fix.asa.txt"), commands);
    }

    [Fact]
    public void The_transit_vlan_fix_comes_out_as_the_Meraki_call_that_re_addresses_MX80_B()
    {
        var imported = Configurations.Import("guide/meraki-broken.json", "guide/asa-broken.cfg");
        var fixedDesign = DesignFixes.Apply(imported.Design!, DesignFixes.MoveToTransitVlan("MX80-B")).Design!;

        var calls = FixCommands.Meraki(imported.Design!, fixedDesign, imported.Names);

        Assert.Equal(Configurations.Text("guide/transit-fix.meraki.txt"), calls);
        Assert.Contains("PUT /devices/Q2BB-BBBB-0001/appliance/uplinks/settings", calls);
    }

    [Fact]
    public void The_fixed_configuration_holds_every_command_the_fix_adds()
    {
        var fixedConfig = Configurations.Text("guide/asa-fixed.cfg").Split('\n').Select(l => l.TrimEnd()).ToHashSet();
        var added = Configurations.Text("guide/transit-fix.asa.txt").Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('!') && !l.TrimStart().StartsWith("no ", StringComparison.Ordinal));

        Assert.All(added, line => Assert.Contains(line, fixedConfig));
    }

    [Fact]
    public void The_fixed_deployment_imports_into_a_design_where_the_laptop_flow_completes()
    {
        var design = Configurations.Design("guide/meraki-fixed.json", "guide/asa-fixed.cfg");

        var result = LaptopFlow(design);

        Assert.Equal(Verdict.Completed, result.Verdict);
        Assert.Equal(["SYN", "SYN-ACK", "ACK"], result.Packets.Select(p => p.Kind));
        Assert.Contains(result.Packets[1].Hops, h => h.Device == "ASA");
    }
}
