using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Web.Editing;

namespace OneArmDesigner.Web.Tests.Editing;

public sealed class DesignEditsTests
{
    [Fact]
    public void Added_devices_get_fresh_names_and_the_interfaces_their_kind_needs()
    {
        var (one, first) = DesignEdits.AddDevice(Design.Empty(), DeviceKind.Router, new Position(10, 20));
        var (two, second) = DesignEdits.AddDevice(one, DeviceKind.Router, new Position(0, 0));
        var (three, firewall) = DesignEdits.AddDevice(two, DeviceKind.Firewall, new Position(0, 0));

        Assert.Equal(("Router1", "Router2", "Firewall1"), (first, second, firewall));
        Assert.Equal(new Position(10, 20), three.GetDevice("Router1").Position);
        Assert.Equal(["outside", "inside"], three.GetDevice("Firewall1").Interfaces.Select(i => i.Name));
        Assert.Empty(DesignConsistency.Check(three));
    }

    [Fact]
    public void Renaming_a_device_carries_its_links_and_vpn_peerings_along()
    {
        var (renamed, problem) = DesignEdits.RenameDevice(SeedTemplates.Asymmetric(), "MX80-B", "Concentrator");

        Assert.Null(problem);
        Assert.Contains(renamed!.Links, l => l.A == new LinkEnd("Concentrator", "wan"));
        Assert.Equal(["Concentrator"], renamed.GetDevice("MX80-A").Mx!.VpnPeers);
        Assert.Empty(DesignConsistency.Check(renamed));
    }

    [Fact]
    public void A_name_already_in_use_or_empty_is_refused_with_a_reason()
    {
        Assert.Equal("'ASA' is already the name of another device.", DesignEdits.RenameDevice(SeedTemplates.Asymmetric(), "MX80-B", "ASA").Problem);
        Assert.Equal("A device needs a name.", DesignEdits.RenameDevice(SeedTemplates.Asymmetric(), "MX80-B", "  ").Problem);
    }

    [Fact]
    public void An_address_that_is_not_a_prefix_is_refused_and_a_good_one_is_set()
    {
        var design = SeedTemplates.Asymmetric();

        Assert.Equal("'10.0.0.300/24' is not an IPv4 prefix (for example 10.0.0.1/24).",
            DesignEdits.SetInterfaceAddress(design, "LaptopA", "eth0", "10.0.0.300/24").Problem);
        var (updated, _) = DesignEdits.SetInterfaceAddress(design, "LaptopA", "eth0", "10.0.0.9/24");
        Assert.Equal("10.0.0.9/24", updated!.GetDevice("LaptopA").Interfaces[0].Address.ToString());
    }

    [Fact]
    public void A_gateway_must_be_a_valid_address_on_one_of_the_hosts_subnets()
    {
        var design = SeedTemplates.Asymmetric();

        Assert.StartsWith("'10.0.0' is not an IPv4 address", DesignEdits.SetDefaultGateway(design, "LaptopA", "10.0.0").Problem, StringComparison.Ordinal);
        Assert.StartsWith("10.9.9.1 is not on any of LaptopA's subnets", DesignEdits.SetDefaultGateway(design, "LaptopA", "10.9.9.1").Problem, StringComparison.Ordinal);
        Assert.Equal("10.0.0.254", DesignEdits.SetDefaultGateway(design, "LaptopA", "10.0.0.254").Design!.GetDevice("LaptopA").DefaultGateway.ToString());
    }

    [Fact]
    public void Connecting_uses_a_free_interface_or_adds_one_and_never_links_two_segments()
    {
        var design = DesignEdits.AddDevice(DesignEdits.AddDevice(Design.Empty(), DeviceKind.Host, new Position(0, 0)).Design, DeviceKind.Vlan, new Position(0, 0)).Design;

        var (cabled, _) = DesignEdits.Connect(design, "Host1", "VLAN1");
        var (again, _) = DesignEdits.Connect(cabled!, "Host1", "VLAN1");

        Assert.Equal(new Link(new LinkEnd("Host1", "eth0"), new LinkEnd("VLAN1")), cabled!.Links.Single());
        Assert.Equal(["eth0", "eth1"], again!.GetDevice("Host1").Interfaces.Select(i => i.Name));
        var withSecondVlan = DesignEdits.AddDevice(again, DeviceKind.Vlan, new Position(0, 0)).Design;
        Assert.Contains("both segments", DesignEdits.Connect(withSecondVlan, "VLAN1", "VLAN2").Problem);
    }

    [Fact]
    public void Pasting_copies_devices_with_fresh_names_offset_and_keeps_only_the_cables_among_them()
    {
        var design = SeedTemplates.Asymmetric();
        var copied = new[] { design.GetDevice("LaptopB"), design.GetDevice("LAN-B") };

        var (pasted, names) = DesignEdits.Paste(design, copied, design.Links);
        var (twice, again) = DesignEdits.Paste(pasted, copied, design.Links);

        Assert.Equal(["LaptopB copy", "LAN-B copy"], names);
        Assert.Equal(["LaptopB copy 2", "LAN-B copy 2"], again);
        Assert.Equal(design.GetDevice("LaptopB").Position.X + FreeSpace.Step, pasted.GetDevice("LaptopB copy").Position.X);
        Assert.Contains(new Link(new LinkEnd("LaptopB copy", "eth0"), new LinkEnd("LAN-B copy")), pasted.Links);
        Assert.Equal(design.Links.Count + 1, pasted.Links.Count);
        Assert.Empty(DesignConsistency.Check(twice));
    }

    [Fact]
    public void Devices_added_at_the_same_spot_are_offset_so_none_hides_another_and_new_vlans_get_ids_no_vlan_has()
    {
        var design = Design.Empty();
        for (var i = 0; i < 3; i++)
        {
            design = DesignEdits.AddDevice(design, DeviceKind.Vlan, new Position(100, 100)).Design;
        }

        Assert.Equal([new Position(100, 100), new Position(160, 160), new Position(220, 220)], design.Devices.Select(d => d.Position));
        Assert.Equal([10, 20, 30], design.Devices.Select(d => d.Vlan!.VlanId));
        Assert.Equal(30, DesignEdits.AddDevice(SeedTemplates.Asymmetric(), DeviceKind.Vlan, new Position(0, 0)).Design.Devices[^1].Vlan!.VlanId);
    }

    [Fact]
    public void Pasting_again_lands_beside_the_last_paste_not_on_it()
    {
        var design = SeedTemplates.Asymmetric();
        var copied = new[] { design.GetDevice("LaptopB") };

        var (pasted, _) = DesignEdits.Paste(design, copied, design.Links);
        var (twice, _) = DesignEdits.Paste(pasted, copied, design.Links);

        var positions = twice.Devices.Select(d => d.Position).ToList();
        Assert.Equal(positions.Count, positions.Distinct().Count());
        Assert.All(twice.Devices, d => Assert.True(FreeSpace.IsFree(twice with { Devices = [.. twice.Devices.Where(o => o != d)] }, d.Position), $"{d.Name} hides another device"));
    }
}
