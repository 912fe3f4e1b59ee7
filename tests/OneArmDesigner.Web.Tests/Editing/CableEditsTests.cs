using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Web.Editing;

namespace OneArmDesigner.Web.Tests.Editing;

public sealed class CableEditsTests
{
    private static (Design Design, int Index) AsaInside()
    {
        var design = SeedTemplates.Asymmetric();
        var index = design.Links.ToList().FindIndex(l => l.A == new LinkEnd("ASA", "inside"));
        return (design, index);
    }

    [Fact]
    public void A_cable_end_moves_to_another_free_interface_of_its_device()
    {
        var (design, index) = AsaInside();
        design = InterfaceEdits.Add(design, "ASA").Design;

        Assert.Equal(["inside", "g0"], CableEdits.Choices(design, design.Links[index], "ASA"));
        var (moved, problem) = CableEdits.SetInterface(design, index, "ASA", "g0");

        Assert.Null(problem);
        Assert.Equal(new LinkEnd("ASA", "g0"), moved!.Links[index].A);
        Assert.Equal("ASA:outside is not a free interface; pick one without a cable.", CableEdits.SetInterface(design, index, "ASA", "outside").Problem);
    }

    [Fact]
    public void The_address_suggested_for_a_device_end_is_a_free_one_in_the_vlan_at_the_other_end()
    {
        var (design, index) = AsaInside();

        // LAN-B is 192.168.1.0/24: .1 is the ASA, .2 MX80-B, .3 LaptopB.
        Assert.Equal("192.168.1.4/24", CableEdits.SuggestedAddress(design, design.Links[index], "ASA"));
        var internet = design.Links.Single(l => l.A == new LinkEnd("ASA", "outside"));
        Assert.Null(CableEdits.SuggestedAddress(design, internet, "ASA"));
    }
}
