using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Tests.Core;

public class ExternalDropTests
{
    [Fact]
    public void ADrop_IsReportedInDiagramCoordinates_WithItsPayload_AndAddsNothing()
    {
        var s = new Scene();
        s.Diagram.PanBy(new Point(100, 50));
        s.Diagram.ZoomAbout(new Point(100, 50), 2);
        DropRequestedEventArgs? request = null;
        s.Diagram.DropRequested += (_, e) => request = e;

        Assert.True(s.Diagram.RequestDrop("router", new Point(300, 250)));

        Assert.Equal("router", request!.Payload);
        Assert.Equal(new Point(100, 100), request.Position);
        Assert.Equal(3, s.Diagram.Nodes.Count);
    }

    [Fact]
    public void ADrop_SnapsToTheGrid_WhenSnappingIsOn()
    {
        var s = new Scene(options: new DiagramOptions { SnapToGrid = true, GridSize = 20 });
        DropRequestedEventArgs? request = null;
        s.Diagram.DropRequested += (_, e) => request = e;

        s.Diagram.RequestDrop("host", new Point(47, 31));

        Assert.Equal(new Point(40, 40), request!.Position);
    }

    [Fact]
    public void AReadOnlyDiagram_RefusesDrops()
    {
        var s = new Scene(options: new DiagramOptions { ReadOnly = true });
        var raised = false;
        s.Diagram.DropRequested += (_, _) => raised = true;

        Assert.False(s.Diagram.RequestDrop("host", new Point(10, 10)));
        Assert.False(raised);
    }
}
