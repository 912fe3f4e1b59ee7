using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Tests.Core;

public class RubberBandTests
{
    [Fact]
    public void ShiftDragOnBackground_SelectsNodesWhollyInside()
    {
        var s = new Scene();
        s.Diagram.Select(s.C);

        s.Drag(null, new Point(-10, -10), new Point(150, 60), KeyModifiers.Shift);

        Assert.Equal([s.A, s.B], s.Diagram.Selection);
    }

    [Fact]
    public void ShiftDrag_PartlyCoveredNode_IsNotSelected()
    {
        var s = new Scene();
        s.Drag(null, new Point(-10, -10), new Point(120, 60), KeyModifiers.Shift);

        Assert.Equal([s.A], s.Diagram.Selection);
    }

    [Fact]
    public void CtrlShiftDrag_AddsToSelection()
    {
        var s = new Scene();
        s.Diagram.Select(s.C);

        s.Drag(null, new Point(-10, -10), new Point(50, 50), KeyModifiers.Shift | KeyModifiers.Control);

        Assert.Equal([s.C, s.A], s.Diagram.Selection);
    }

    [Fact]
    public void ShiftDrag_ClaimsTheGesture_SoTheViewDoesNotPan()
    {
        var s = new Scene();
        var before = s.Diagram.Viewport;

        s.Diagram.OnPointerDown(null, new Point(-10, -10), KeyModifiers.Shift);
        s.Diagram.OnPointerMove(null, new Point(50, 50), KeyModifiers.Shift);

        var band = Assert.IsType<RubberBandGesture>(s.Diagram.ActiveGesture);
        Assert.Equal(new Rect(-10, -10, 60, 60), band.Area);
        Assert.Equal(before, s.Diagram.Viewport);
    }

    [Fact]
    public void ShiftDrag_AtZoom_UsesDiagramCoordinates()
    {
        var s = new Scene();
        s.Diagram.Viewport = s.Diagram.Viewport with { Zoom = 2, Pan = new Point(100, 100) };

        // Screen (80,80)-(400,220) is diagram (-10,-10)-(150,60).
        s.Drag(null, new Point(80, 80), new Point(400, 220), KeyModifiers.Shift);

        Assert.Equal([s.A, s.B], s.Diagram.Selection);
    }
}
