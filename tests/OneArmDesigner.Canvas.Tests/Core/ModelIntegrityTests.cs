using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Tests.Core;

public class ModelIntegrityTests
{
    [Fact]
    public void RemovingANode_RemovesItsLinks_InOneNotification()
    {
        var s = new Scene();
        var bc = s.Diagram.Links.Add(new LinkModel("b-c", s.B, s.C));
        var changes = new List<ChangeKinds>();
        s.Diagram.Changed += (_, e) => changes.Add(e.Kinds);

        s.Diagram.Nodes.Remove(s.B);

        Assert.Empty(s.Diagram.Links);
        Assert.Null(s.AB.Diagram);
        Assert.Null(bc.Diagram);
        Assert.Empty(s.A.Links);
        Assert.Single(changes);
        Assert.True(changes[0].HasFlag(ChangeKinds.Structure));
    }

    [Fact]
    public void RemovingASelectedNode_DropsItAndItsLinksFromTheSelection()
    {
        var s = new Scene();
        s.Diagram.SelectAll();

        s.Diagram.Nodes.Remove(s.A);

        Assert.Equal([s.B, s.C], s.Diagram.Selection);
        Assert.False(s.A.IsSelected);
        Assert.False(s.AB.IsSelected);
    }

    [Fact]
    public void AddingALink_ToANodeOutsideTheDiagram_Throws()
    {
        var s = new Scene();
        var outsider = new NodeModel("z");

        Assert.Throws<InvalidOperationException>(() => s.Diagram.Links.Add(new LinkModel("a-z", s.A, outsider)));
    }

    [Fact]
    public void DuplicateIds_AreRejected()
    {
        var s = new Scene();

        Assert.Throws<InvalidOperationException>(() => s.Diagram.Nodes.Add(new NodeModel("a")));
        Assert.Throws<InvalidOperationException>(() => s.Diagram.Links.Add(new LinkModel("a-b", s.B, s.C)));
    }

    [Fact]
    public void Lookups_FindByIdAndByNode()
    {
        var s = new Scene();

        Assert.Same(s.B, s.Diagram.Nodes["b"]);
        Assert.True(s.Diagram.Links.TryGet("a-b", out var link));
        Assert.Same(s.AB, link);
        Assert.Equal([s.AB], s.B.Links);
        Assert.Empty(s.C.Links);
        Assert.Same(s.A, s.AB.OtherEnd(s.B));
    }

    [Fact]
    public void DrawingOrder_FollowsZIndexThenInsertion()
    {
        var s = new Scene();
        s.A.ZIndex = 5;

        Assert.Equal([s.B, s.C, s.A], s.Diagram.Nodes.InDrawingOrder());
    }

    [Fact]
    public void Ports_AreComputedFromTheNodeBox()
    {
        var node = new NodeModel("n", new Point(100, 50), new Size(40, 20));

        Assert.Equal(new Point(120, 50), node.GetPort(PortSide.Top).Position);
        Assert.Equal(new Point(140, 60), node.GetPort(PortSide.Right).Position);
        Assert.Equal(new Point(120, 70), node.GetPort(PortSide.Bottom).Position);
        Assert.Equal(new Point(100, 60), node.GetPort(PortSide.Left).Position);
        Assert.Same(node.GetPort(PortSide.Left), node.GetPort(PortSide.Left));
    }

    [Fact]
    public void FreeLinkEnds_AnchorOnTheBoundaryFacingTheOtherEnd()
    {
        var s = new Scene();

        var g = s.AB.Geometry;

        Assert.Equal(new Point(40, 20), g.Start);
        Assert.Equal(new Point(100, 20), g.End);
        Assert.Equal(new Point(70, 20), g.Middle);
    }

    [Fact]
    public void DiagonalLink_LeavesThroughTheNearerEdge()
    {
        var box = new Rect(0, 0, 40, 20);

        Assert.Equal(new Point(30, 20), LinkGeometry.BoundaryPoint(box, new Point(40, 30)));
        Assert.Equal(new Point(40, 15), LinkGeometry.BoundaryPoint(box, new Point(220, 60)));
    }

    [Fact]
    public void PinnedLinkEnds_SitOnTheirPorts_AndTheOtherEndFacesThePort()
    {
        var s = new Scene();
        s.AB.SourcePort = PortSide.Bottom;

        var g = s.AB.Geometry;

        Assert.Equal(new Point(20, 40), g.Start);
        Assert.Equal(LinkGeometry.BoundaryPoint(s.B.Bounds, new Point(20, 40)), g.End);
    }

    [Fact]
    public void DetachedElements_NotifyAtOnce()
    {
        var node = new NodeModel("n");
        var raised = 0;
        node.Changed += (_, _) => raised++;

        node.Label = "x";
        node.Label = "x";
        node.SetFlags(ElementFlags.Error, true);

        Assert.Equal(2, raised);
        Assert.True(node.HasFlags(ElementFlags.Error));
    }
}

public class BadgeChangeTests
{
    [Fact]
    public void SettingTheSameBadgesAgain_RaisesNoChange_ButDifferentOnesDo()
    {
        var s = new Scene();
        s.A.Badges = [new NodeBadge("2", "error")];
        var changes = 0;
        s.A.Changed += (_, _) => changes++;

        s.A.Badges = [new NodeBadge("2", "error")];
        Assert.Equal(0, changes);

        s.A.Badges = [new NodeBadge("3", "error")];
        Assert.Equal(1, changes);
    }
}
