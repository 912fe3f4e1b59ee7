using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Web.Editing;

namespace OneArmDesigner.Web.Tests.Editing;

public sealed class InterfaceAndMxEditsTests
{
    [Fact]
    public void Renaming_an_interface_carries_its_cable_and_the_firewall_rules_that_name_it()
    {
        var (renamed, problem) = InterfaceEdits.Rename(SeedTemplates.Asymmetric(), "ASA", "outside", "internet");

        Assert.Null(problem);
        Assert.Contains(renamed!.Links, l => l.A == new LinkEnd("ASA", "internet"));
        var asa = renamed.GetDevice("ASA").Firewall!;
        Assert.All(asa.Nat, r => Assert.Equal("internet", r.OutsideInterface));
        Assert.All(asa.Acl, r => Assert.Equal("internet", r.Interface));
        Assert.Empty(DesignConsistency.Check(renamed));
    }

    [Fact]
    public void Renaming_an_mx_uplink_moves_the_uplink_setting_too()
    {
        var (renamed, _) = InterfaceEdits.Rename(SeedTemplates.Asymmetric(), "MX80-B", "wan", "port1");

        Assert.Equal("port1", renamed!.GetDevice("MX80-B").Mx!.Uplink);
    }

    [Fact]
    public void An_interface_name_must_be_new_on_the_device_and_free_of_spaces_and_colons()
    {
        var design = SeedTemplates.Asymmetric();

        Assert.Equal("ASA already has an interface called inside.", InterfaceEdits.Rename(design, "ASA", "outside", "inside").Problem);
        Assert.Equal("'a b' cannot be an interface name: use letters, digits, '-', '/' or '.', without spaces or ':'.",
            InterfaceEdits.Rename(design, "ASA", "outside", "a b").Problem);
        Assert.Equal("An interface needs a name.", InterfaceEdits.Rename(design, "ASA", "outside", " ").Problem);
    }

    [Fact]
    public void Removing_an_interface_takes_its_cable_but_not_an_uplink_or_one_that_rules_name()
    {
        var design = SeedTemplates.Asymmetric();
        var (without, _) = InterfaceEdits.Remove(design, "LaptopB", "eth0");

        Assert.Empty(without!.GetDevice("LaptopB").Interfaces);
        Assert.DoesNotContain(without.Links, l => l.A.Device == "LaptopB" || l.B.Device == "LaptopB");
        Assert.Equal("wan is MX80-B's uplink; choose another uplink first.", InterfaceEdits.Remove(design, "MX80-B", "wan").Problem);
        Assert.Equal("ASA's NAT rules or access list use outside; remove those rules first.", InterfaceEdits.Remove(design, "ASA", "outside").Problem);
    }

    [Fact]
    public void Added_interfaces_get_the_next_free_name()
    {
        var (design, name) = InterfaceEdits.Add(SeedTemplates.Asymmetric(), "LaptopB");

        Assert.Equal("eth1", name);
        Assert.Equal(["eth0", "eth1"], design.GetDevice("LaptopB").Interfaces.Select(i => i.Name));
    }

    [Fact]
    public void Routed_mode_makes_the_mx_a_gateway_that_nats_and_passthrough_turns_nat_and_dhcp_off()
    {
        var (design, mx) = DesignEdits.AddDevice(Design.Empty(), DeviceKind.Mx, new Position(0, 0));

        var routed = MxEdits.SetMode(design, mx, MxMode.Routed).GetDevice(mx);
        Assert.Equal(["wan", "lan"], routed.Interfaces.Select(i => i.Name));
        Assert.True(routed.Mx!.Nat);

        var back = MxEdits.SetMode(MxEdits.SetMode(design, mx, MxMode.Routed), mx, MxMode.Passthrough).GetDevice(mx);
        Assert.Equal(MxMode.Passthrough, back.Mx!.Mode);
        Assert.False(back.Mx.Nat || back.Mx.Dhcp);
    }

    [Fact]
    public void AutoVpn_peering_is_set_and_cleared_on_both_units_at_once()
    {
        var design = SeedTemplates.Asymmetric();

        var apart = MxEdits.SetPeering(design, "MX80-A", "MX80-B", peered: false);
        Assert.Empty(apart.GetDevice("MX80-A").Mx!.VpnPeers);
        Assert.Empty(apart.GetDevice("MX80-B").Mx!.VpnPeers);

        var again = MxEdits.SetPeering(MxEdits.SetPeering(apart, "MX80-B", "MX80-A", peered: true), "MX80-A", "MX80-B", peered: true);
        Assert.Equal(["MX80-B"], again.GetDevice("MX80-A").Mx!.VpnPeers);
        Assert.Equal(["MX80-A"], again.GetDevice("MX80-B").Mx!.VpnPeers);
    }
}
