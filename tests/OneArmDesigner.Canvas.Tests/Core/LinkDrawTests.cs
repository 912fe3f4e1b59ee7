using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Tests.Core;

public class LinkDrawTests
{
    [Fact]
    public void DragFromPortToNode_RequestsALink_WithoutAddingIt()
    {
        var s = new Scene();
        LinkRequestedEventArgs? request = null;
        s.Diagram.LinkRequested += (_, e) => request = e;

        s.Drag(s.A.GetPort(PortSide.Right), new Point(40, 20), new Point(220, 20), dropTarget: s.C);

        Assert.NotNull(request);
        Assert.Same(s.A, request.Source);
        Assert.Equal(PortSide.Right, request.SourcePort);
        Assert.Same(s.C, request.Target);
        Assert.Null(request.TargetPort);
        Assert.Single(s.Diagram.Links);
    }

    [Fact]
    public void DropOnAPort_ReportsThatPort()
    {
        var s = new Scene();
        LinkRequestedEventArgs? request = null;
        s.Diagram.LinkRequested += (_, e) => request = e;

        s.Drag(s.A.GetPort(PortSide.Bottom), new Point(20, 40), new Point(200, 20), dropTarget: s.C.GetPort(PortSide.Left));

        Assert.Equal(PortSide.Left, request!.TargetPort);
        Assert.Same(s.C, request.Target);
    }

    [Fact]
    public void WhileDrawing_TheGestureTracksThePointer()
    {
        var s = new Scene();
        s.Diagram.OnPointerDown(s.A.GetPort(PortSide.Right), new Point(40, 20));
        s.Diagram.OnPointerMove(null, new Point(90, 70));

        var gesture = Assert.IsType<LinkDrawGesture>(s.Diagram.ActiveGesture);
        Assert.Same(s.A, gesture.Source);
        Assert.Equal(new Point(90, 70), gesture.Latest.DiagramPoint);
        Assert.Equal(new Point(0, 0), s.A.Position);
    }

    [Fact]
    public void CanConnectRefusing_RaisesNothing()
    {
        var options = new DiagramOptions { CanConnect = (source, target) => target.Id != "c" };
        var s = new Scene(options: options);
        var raised = 0;
        s.Diagram.LinkRequested += (_, _) => raised++;

        s.Drag(s.A.GetPort(PortSide.Right), new Point(40, 20), new Point(220, 20), dropTarget: s.C);
        s.Drag(s.A.GetPort(PortSide.Right), new Point(40, 20), new Point(120, 20), dropTarget: s.B);

        Assert.Equal(1, raised);
    }

    [Fact]
    public void DropOnItself_IsRefusedByTheDefaultPolicy()
    {
        var s = new Scene();
        var raised = false;
        s.Diagram.LinkRequested += (_, _) => raised = true;

        s.Drag(s.A.GetPort(PortSide.Right), new Point(40, 20), new Point(20, 20), dropTarget: s.A);

        Assert.False(raised);
    }

    [Fact]
    public void DropOnBackground_RaisesNothing()
    {
        var s = new Scene();
        var raised = false;
        s.Diagram.LinkRequested += (_, _) => raised = true;

        s.Drag(s.A.GetPort(PortSide.Right), new Point(40, 20), new Point(400, 400));

        Assert.False(raised);
        Assert.Equal(Point.Zero, s.Diagram.Viewport.Pan);
    }

    [Fact]
    public void DisabledPort_StartsNothing()
    {
        var s = new Scene();
        s.A.PortSides = PortSides.Left;

        s.Diagram.OnPointerDown(s.A.GetPort(PortSide.Right), new Point(40, 20));

        Assert.Null(s.Diagram.ActiveGesture);
    }
}
