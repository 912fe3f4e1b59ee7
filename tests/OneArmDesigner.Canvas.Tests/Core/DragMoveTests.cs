using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Tests.Core;

public class DragMoveTests
{
    [Fact]
    public void DragNode_SnapsOnRelease_AndReportsFromAndTo()
    {
        var s = new Scene();
        NodesMovedEventArgs? moved = null;
        s.Diagram.NodesMoved += (_, e) => moved = e;

        s.Drag(s.A, new Point(10, 10), new Point(37, 22));

        Assert.Equal(new Point(20, 20), s.A.Position);
        var (node, from, to) = Assert.Single(moved!.Moves);
        Assert.Same(s.A, node);
        Assert.Equal(new Point(0, 0), from);
        Assert.Equal(new Point(20, 20), to);
    }

    [Fact]
    public void WhileDragging_NodesFollowThePointerUnsnapped()
    {
        var s = new Scene();
        s.Diagram.OnPointerDown(s.A, new Point(10, 10));
        s.Diagram.OnPointerMove(null, new Point(37, 22));

        Assert.Equal(new Point(27, 12), s.A.Position);
        Assert.IsType<MoveNodesGesture>(s.Diagram.ActiveGesture);
    }

    [Fact]
    public void DragSelectedNode_MovesTheWholeSelection_KeepingOffsets()
    {
        var s = new Scene();
        s.Diagram.Select([s.A, s.C]);
        NodesMovedEventArgs? moved = null;
        s.Diagram.NodesMoved += (_, e) => moved = e;

        s.Drag(s.C, new Point(210, 10), new Point(250, 50));

        Assert.Equal(new Point(40, 40), s.A.Position);
        Assert.Equal(new Point(240, 40), s.C.Position);
        Assert.Equal(new Point(100, 0), s.B.Position);
        Assert.Equal(2, moved!.Moves.Count);
    }

    [Fact]
    public void DragUnselectedNode_SelectsAndMovesOnlyIt()
    {
        var s = new Scene();
        s.Diagram.Select([s.A, s.C]);

        s.Drag(s.B, new Point(110, 10), new Point(110, 50));

        Assert.Equal([s.B], s.Diagram.Selection);
        Assert.Equal(new Point(100, 40), s.B.Position);
        Assert.Equal(new Point(0, 0), s.A.Position);
    }

    [Fact]
    public void SnapOff_KeepsExactPosition()
    {
        var s = new Scene(options: new DiagramOptions { SnapToGrid = false });
        s.Drag(s.A, new Point(10, 10), new Point(37, 22));

        Assert.Equal(new Point(27, 12), s.A.Position);
    }

    [Fact]
    public void Drag_AtZoom_DividesTheDisplacementByTheZoom()
    {
        var s = new Scene(options: new DiagramOptions { SnapToGrid = false });
        s.Diagram.Viewport = s.Diagram.Viewport with { Zoom = 2 };

        s.Drag(s.A, new Point(10, 10), new Point(110, 50));

        Assert.Equal(new Point(50, 20), s.A.Position);
    }

    [Fact]
    public void MovementWithinThreshold_IsAClick_NotAMove()
    {
        var s = new Scene();
        var raised = false;
        s.Diagram.NodesMoved += (_, _) => raised = true;

        s.Drag(s.A, new Point(10, 10), new Point(12, 11));

        Assert.False(raised);
        Assert.Equal(new Point(0, 0), s.A.Position);
    }

    [Fact]
    public void DropThatSnapsBackToStart_RaisesNothing()
    {
        var s = new Scene();
        var raised = false;
        s.Diagram.NodesMoved += (_, _) => raised = true;

        s.Drag(s.A, new Point(10, 10), new Point(17, 14));

        Assert.False(raised);
        Assert.Equal(new Point(0, 0), s.A.Position);
    }

    [Fact]
    public void Cancel_PutsNodesBack()
    {
        var s = new Scene();
        s.Diagram.OnPointerDown(s.A, new Point(10, 10));
        s.Diagram.OnPointerMove(null, new Point(90, 90));
        s.Diagram.OnPointerCancel();

        Assert.Equal(new Point(0, 0), s.A.Position);
        Assert.Null(s.Diagram.ActiveGesture);
    }

    [Fact]
    public void EscapeDuringDrag_CancelsIt()
    {
        var s = new Scene();
        s.Diagram.OnPointerDown(s.A, new Point(10, 10));
        s.Diagram.OnPointerMove(null, new Point(90, 90));
        s.Diagram.OnKeyDown("Escape");

        Assert.Equal(new Point(0, 0), s.A.Position);
        Assert.Null(s.Diagram.ActiveGesture);
        Assert.Equal([s.A], s.Diagram.Selection);
    }

    [Fact]
    public void EachPointerMove_RaisesOneChangedNotification()
    {
        var s = new Scene();
        s.Diagram.Select([s.A, s.B, s.C]);
        s.Diagram.OnPointerDown(s.A, new Point(10, 10));
        var changed = 0;
        s.Diagram.Changed += (_, _) => changed++;

        s.Diagram.OnPointerMove(null, new Point(60, 60));

        Assert.Equal(1, changed);
    }

    [Fact]
    public void MovingANode_NotifiesItsLinks()
    {
        var s = new Scene();
        var linkChanged = 0;
        s.AB.Changed += (_, _) => linkChanged++;

        s.A.Position = new Point(0, 100);

        Assert.Equal(1, linkChanged);
    }
}

public class RedrawDuringAGestureTests
{
    [Fact]
    public void ClearingTheDiagramMidDrag_AbandonsTheDrag_AndTheReleaseMovesNothing()
    {
        var s = new Scene();
        var moves = 0;
        s.Diagram.NodesMoved += (_, _) => moves++;
        s.Diagram.OnPointerDown(s.A, new Point(10, 10));
        s.Diagram.OnPointerMove(s.A, new Point(60, 60));

        s.Diagram.Clear();
        var again = s.Diagram.Nodes.Add(new NodeModel("a", new Point(0, 0), new Size(40, 40)));
        s.Diagram.OnPointerUp(again, new Point(80, 80));

        Assert.Null(s.Diagram.ActiveGesture);
        Assert.Equal(0, moves);
        Assert.Equal(new Point(0, 0), again.Position);
    }

    [Fact]
    public void DraggingAContainer_CarriesTheNodesWhollyInsideIt_AndLeavesTheOthers()
    {
        var s = new Scene();
        var area = s.Diagram.Nodes.Add(new NodeModel("area", new Point(-20, -20), new Size(180, 100)) { IsContainer = true, ZIndex = -1 });
        NodesMovedEventArgs? moved = null;
        s.Diagram.NodesMoved += (_, e) => moved = e;

        s.Drag(area, new Point(0, 0), new Point(40, 60));

        Assert.Equal([area, s.A, s.B], moved!.Moves.Select(m => m.Node));
        Assert.Equal(new Point(40, 60), s.A.Position);
        Assert.Equal(new Point(140, 60), s.B.Position);
        Assert.Equal(new Point(200, 0), s.C.Position);
    }

    [Fact]
    public void NudgingAContainer_CarriesItsNodesToo()
    {
        var s = new Scene();
        var area = s.Diagram.Nodes.Add(new NodeModel("area", new Point(-20, -20), new Size(100, 100)) { IsContainer = true });
        s.Diagram.Select(area);

        s.Diagram.OnKeyDown("ArrowRight", KeyModifiers.None);

        Assert.Equal(new Point(20, 0), s.A.Position);
        Assert.Equal(new Point(100, 0), s.B.Position);
    }
}
