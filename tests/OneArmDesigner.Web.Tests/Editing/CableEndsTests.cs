using OneArmDesigner.Domain.Model;
using OneArmDesigner.Web.Editing;

namespace OneArmDesigner.Web.Tests.Editing;

public sealed class CableEndsTests
{
    private static Design RouterAndVlan()
    {
        var (one, _) = DesignEdits.AddDevice(Design.Empty(), DeviceKind.Router, new Position(0, 0));
        return DesignEdits.AddDevice(one, DeviceKind.Vlan, new Position(100, 0)).Design;
    }

    [Fact]
    public void The_chosen_interface_is_cabled_and_addressed_in_one_edit()
    {
        var (cabled, problem) = CableEnds.Connect(RouterAndVlan(), new CableEnd("Router1", "g1", "10.0.0.1/24"), new CableEnd("VLAN1", null, null));

        Assert.Null(problem);
        Assert.Equal(new Link(new LinkEnd("Router1", "g1"), new LinkEnd("VLAN1")), cabled!.Links.Single());
        Assert.Equal("10.0.0.1/24", cabled.GetDevice("Router1").FindInterface("g1")!.Address.ToString());
    }

    [Fact]
    public void A_name_the_device_does_not_have_creates_that_interface()
    {
        var (cabled, _) = CableEnds.Connect(RouterAndVlan(), new CableEnd("Router1", "uplink", null), new CableEnd("VLAN1", null, null));

        Assert.Equal(["g0", "g1", "uplink"], cabled!.GetDevice("Router1").Interfaces.Select(i => i.Name));
    }

    [Fact]
    public void An_interface_that_already_has_a_cable_or_a_bad_address_is_refused_with_the_reason()
    {
        var (once, _) = CableEnds.Connect(RouterAndVlan(), new CableEnd("Router1", "g0", null), new CableEnd("VLAN1", null, null));

        Assert.Equal("Router1:g0 already has a cable; pick a free interface or add a new one.",
            CableEnds.Connect(once!, new CableEnd("Router1", "g0", null), new CableEnd("VLAN1", null, null)).Problem);
        Assert.Equal("Router1:g1: '10.0.0.999/24' is not an IPv4 prefix (for example 10.0.0.1/24).",
            CableEnds.Connect(once!, new CableEnd("Router1", "g1", "10.0.0.999/24"), new CableEnd("VLAN1", null, null)).Problem);
    }

    [Fact]
    public void Without_a_choice_the_first_free_interface_is_used_as_before()
    {
        var (cabled, _) = DesignEdits.Connect(RouterAndVlan(), "Router1", "VLAN1");
        var (twice, _) = DesignEdits.Connect(cabled!, "Router1", "VLAN1");

        Assert.Equal(["g0", "g1"], twice!.Links.Select(l => l.A.Interface));
        Assert.Equal(["g0", "g1"], DesignEdits.FreeInterfaces(RouterAndVlan(), "Router1"));
    }
}
