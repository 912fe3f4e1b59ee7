using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tests.Scenarios;

namespace OneArmDesigner.Engine.Tests.Analysis;

public sealed class TransitVlanFixTests
{
    private const string Fix = "move-concentrator-to-transit-vlan:MX80-B";

    /// <summary>The broken design where someone has already cabled a transit VLAN to the ASA, but left MX80-B on the LAN.</summary>
    private static Design BrokenWithTransitReady()
    {
        var design = Networks.Broken.WithDevice("ASA", d => d with
        {
            Interfaces = [.. d.Interfaces, new DeviceInterface("dmz", Ipv4Prefix.Parse("172.16.9.1/24"), 50)],
        });
        var transit = new Device("DMZ", DeviceKind.Vlan, new Position(900, 600), [], [], Vlan: new VlanSettings(90, Ipv4Prefix.Parse("172.16.9.0/24")));
        return design with
        {
            Devices = [.. design.Devices, transit],
            Links = [.. design.Links, new Link(new LinkEnd("ASA", "dmz"), new LinkEnd("DMZ"))],
        };
    }

    [Fact]
    public void A_transit_vlan_the_firewall_already_has_is_reused_not_doubled()
    {
        var design = BrokenWithTransitReady();

        var result = DesignFixes.Apply(design, Fix);

        Assert.True(result.Succeeded, result.Error);
        var fixedDesign = result.Design!;
        Assert.Equal(design.Devices.Count, fixedDesign.Devices.Count);
        Assert.Equal(["dmz", "inside", "outside"], fixedDesign.GetDevice("ASA").Interfaces.Select(i => i.Name).Order());
        Assert.Contains(fixedDesign.Links, l => l.A == new LinkEnd("MX80-B", "wan") && l.B == new LinkEnd("DMZ"));
        Assert.Equal("172.16.9.2/24", fixedDesign.GetDevice("MX80-B").Interfaces[0].Address.ToString());
        Assert.Equal("172.16.9.1", fixedDesign.GetDevice("MX80-B").Mx!.UplinkGateway.ToString());
        Assert.True(Simulator.Run(fixedDesign, new Flow("LaptopA", "LaptopB", DestinationPort: 3389)).Completed);
    }

    [Fact]
    public void A_concentrator_already_on_a_transit_vlan_is_not_moved_onto_another()
    {
        var moved = DesignFixes.Apply(Networks.Broken, Fix).Design!;

        var again = DesignFixes.Apply(moved, Fix);

        Assert.False(again.Succeeded);
        Assert.Equal("MX80-B already sits on a transit VLAN with ASA (Transit VLAN)", again.Error);
    }

    [Fact]
    public void A_new_transit_vlan_hides_no_device_and_a_taken_interface_name_gets_a_number_without_a_space()
    {
        var crowded = Networks.Broken
            .WithDevice("ASA", d => d with { Interfaces = [.. d.Interfaces, new DeviceInterface("transit", null, 50)] });
        crowded = crowded with { Devices = [.. crowded.Devices, new Device("Printer", DeviceKind.Host, new Position(900, 400), [new DeviceInterface("eth0", null)], [], Host: HostSettings.None)] };

        var fixedDesign = DesignFixes.Apply(crowded, Fix).Design!;

        var vlan = fixedDesign.GetDevice("Transit VLAN");
        Assert.All(fixedDesign.Devices.Where(d => d != vlan), d => Assert.True(
            Math.Abs(d.Position.X - vlan.Position.X) >= FreeSpace.Footprint || Math.Abs(d.Position.Y - vlan.Position.Y) >= FreeSpace.Footprint,
            $"the transit VLAN at {vlan.Position} hides {d.Name} at {d.Position}"));
        Assert.Contains(fixedDesign.GetDevice("ASA").Interfaces, i => i.Name == "transit2");
        Assert.Equal(30, vlan.Vlan!.VlanId);
    }
}
