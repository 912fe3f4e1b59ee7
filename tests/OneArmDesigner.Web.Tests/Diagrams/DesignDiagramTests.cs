using OneArmDesigner.Canvas;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Web.Components.Diagrams;

namespace OneArmDesigner.Web.Tests.Diagrams;

public sealed class DesignDiagramTests
{
    [Fact]
    public void Every_device_becomes_a_node_with_its_kind_position_and_domain_object()
    {
        var design = SeedTemplates.Asymmetric();
        var diagram = new Diagram();

        DesignDiagram.Show(diagram, design);

        Assert.Equal(design.Devices.Count, diagram.Nodes.Count);
        var asa = diagram.Nodes["ASA"];
        Assert.Equal("firewall", asa.Kind);
        Assert.Equal(design.GetDevice("ASA").Position.X, asa.Position.X);
        Assert.Same(design.GetDevice("ASA"), asa.Tag);
        Assert.Equal("LAN-B · VLAN 20", diagram.Nodes["LAN-B"].Label);
    }

    [Fact]
    public void Links_carry_interface_and_address_labels_at_device_ends_only()
    {
        var design = SeedTemplates.Asymmetric();
        var diagram = new Diagram();

        DesignDiagram.Show(diagram, design);

        var index = design.Links.ToList().FindIndex(l => l.A == new LinkEnd("ASA", "inside"));
        var link = diagram.Links[DesignDiagram.LinkId(index)];
        Assert.Equal("inside 192.168.1.1/24", link.SourceLabel);
        Assert.Null(link.TargetLabel);
        Assert.Equal(index, DesignDiagram.LinkIndex(link.Id));
    }

    [Fact]
    public void Showing_another_design_replaces_the_previous_one()
    {
        var diagram = new Diagram();
        DesignDiagram.Show(diagram, SeedTemplates.TransitVlan());

        DesignDiagram.Show(diagram, Design.Empty());

        Assert.Empty(diagram.Nodes);
        Assert.Empty(diagram.Links);
    }
}
