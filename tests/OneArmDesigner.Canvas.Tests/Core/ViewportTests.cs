using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Tests.Core;

public class ViewportTests
{
    [Fact]
    public void ScreenAndDiagramTransforms_AreInverse()
    {
        var v = new Viewport(new Point(30, -20), 2.5);
        var p = new Point(13, 47);

        Assert.Equal(new Point(62.5, 97.5), v.ToScreen(p));
        Assert.Equal(p, v.ToDiagram(v.ToScreen(p)));
    }

    [Fact]
    public void ZoomedAbout_KeepsThePointUnderTheCursorFixed()
    {
        var v = new Viewport(new Point(40, 10), 1.5);
        var cursor = new Point(300, 200);
        var under = v.ToDiagram(cursor);

        var zoomed = v.ZoomedAbout(cursor, 3);

        Assert.Equal(3, zoomed.Zoom);
        AssertClose(cursor, zoomed.ToScreen(under));
    }

    [Fact]
    public void FittedTo_CentresContentWithPadding()
    {
        var v = new Viewport(Point.Zero, 1, new Size(800, 600));

        var fitted = v.FittedTo(new Rect(100, 100, 360, 100), padding: 40, minZoom: 0.1, maxZoom: 4);

        // Width is the tighter dimension: (800 - 80) / 360 = 2.
        Assert.Equal(2, fitted.Zoom);
        AssertClose(new Point(400, 300), fitted.ToScreen(new Point(280, 150)));
        AssertClose(new Point(40, 200), fitted.ToScreen(new Point(100, 100)));
    }

    [Fact]
    public void FittedTo_ClampsTheZoom()
    {
        var v = new Viewport(Point.Zero, 1, new Size(800, 600));

        var fitted = v.FittedTo(new Rect(0, 0, 10, 10), padding: 40, minZoom: 0.1, maxZoom: 4);

        Assert.Equal(4, fitted.Zoom);
    }

    [Fact]
    public void Wheel_ZoomsAboutTheCursor()
    {
        var s = new Scene();
        var cursor = new Point(120, 20);
        var under = s.Diagram.Viewport.ToDiagram(cursor);

        s.Diagram.OnWheel(cursor, -100);

        Assert.True(s.Diagram.Viewport.Zoom > 1);
        AssertClose(cursor, s.Diagram.Viewport.ToScreen(under));
    }

    [Fact]
    public void Wheel_StopsAtZoomLimits()
    {
        var s = new Scene(options: new DiagramOptions { MaxZoom = 2, MinZoom = 0.5 });

        for (var i = 0; i < 50; i++)
        {
            s.Diagram.OnWheel(new Point(10, 10), -100);
        }

        Assert.Equal(2, s.Diagram.Viewport.Zoom);

        for (var i = 0; i < 50; i++)
        {
            s.Diagram.OnWheel(new Point(10, 10), 100);
        }

        Assert.Equal(0.5, s.Diagram.Viewport.Zoom);
    }

    [Fact]
    public void LoweringMaxZoom_ClampsTheCurrentZoom()
    {
        var s = new Scene();
        s.Diagram.ZoomAbout(new Point(0, 0), 3);

        s.Diagram.Options.MaxZoom = 2;

        Assert.Equal(2, s.Diagram.Viewport.Zoom);
    }

    [Fact]
    public void BackgroundDrag_PansByTheScreenDisplacement()
    {
        var s = new Scene();
        s.Diagram.Viewport = s.Diagram.Viewport with { Zoom = 2 };

        s.Drag(null, new Point(500, 500), new Point(530, 480));

        Assert.Equal(new Point(30, -20), s.Diagram.Viewport.Pan);
        Assert.Equal(new Point(0, 0), s.A.Position);
    }

    [Fact]
    public void MiddleButtonDrag_PansEvenOverANode()
    {
        var s = new Scene();

        s.Drag(s.A, new Point(10, 10), new Point(60, 10), button: PointerButton.Middle);

        Assert.Equal(new Point(50, 0), s.Diagram.Viewport.Pan);
        Assert.Equal(new Point(0, 0), s.A.Position);
        Assert.Empty(s.Diagram.Selection);
    }

    [Fact]
    public void CancelledPan_RestoresTheView()
    {
        var s = new Scene();
        s.Diagram.OnPointerDown(null, new Point(500, 500));
        s.Diagram.OnPointerMove(null, new Point(600, 600));
        s.Diagram.OnPointerCancel();

        Assert.Equal(Point.Zero, s.Diagram.Viewport.Pan);
    }

    [Fact]
    public void ZoomToFit_FramesEveryNode()
    {
        var s = new Scene();

        s.Diagram.ZoomToFit(padding: 40);

        var visible = s.Diagram.Viewport.VisibleArea;
        Assert.True(visible.Contains(s.Diagram.ContentBounds!.Value));
        Assert.Equal((800 - 80) / 240.0, s.Diagram.Viewport.Zoom, 9);
    }

    [Fact]
    public void ZoomToFit_LeavesHeadroomAboveTheContent_FromTheRoomBelowIt_WithoutZoomingOut()
    {
        var plain = new Scene();
        plain.Diagram.ZoomToFit(padding: 40);
        var withHeadroom = new Scene(options: new DiagramOptions { FitHeadroom = 150 });
        withHeadroom.Diagram.ZoomToFit(padding: 40);

        // Three nodes in a row on an 800 × 600 canvas: the row is far shorter than the canvas, so there is room.
        Assert.Equal(plain.Diagram.Viewport.Zoom, withHeadroom.Diagram.Viewport.Zoom, 9);
        var top = withHeadroom.Diagram.Viewport.ToScreen(withHeadroom.Diagram.ContentBounds!.Value.TopLeft).Y;
        Assert.True(top >= 150 - 1e-9, $"the content starts {top:0.#} px from the top");
        Assert.True(withHeadroom.Diagram.Viewport.VisibleArea.Contains(withHeadroom.Diagram.ContentBounds!.Value));
    }

    [Fact]
    public void ZoomToFit_NeverPushesContentOutOfTheCanvasForHeadroom()
    {
        var s = new Scene(options: new DiagramOptions { FitHeadroom = 10_000 });

        s.Diagram.ZoomToFit(padding: 40);

        Assert.True(s.Diagram.Viewport.VisibleArea.Contains(s.Diagram.ContentBounds!.Value));
    }

    [Fact]
    public void ZoomToFit_BeforeTheCanvasHasASize_WaitsForIt()
    {
        var diagram = new Diagram();
        diagram.Nodes.Add(new NodeModel("n", new Point(1000, 1000)));

        diagram.ZoomToFit();
        Assert.Equal(Viewport.Default, diagram.Viewport);

        diagram.SetViewportSize(new Size(400, 300));
        AssertClose(new Point(200, 150), diagram.Viewport.ToScreen(new Point(1024, 1024)));
    }

    private static void AssertClose(Point expected, Point actual)
    {
        Assert.Equal(expected.X, actual.X, 9);
        Assert.Equal(expected.Y, actual.Y, 9);
    }

    [Fact]
    public void ZoomToFit_NeverMagnifiesPastMaxFitZoom_ThoughZoomingByHandCan()
    {
        var s = new Scene(options: new DiagramOptions { MaxFitZoom = 1 });

        s.Diagram.ZoomToFit();
        Assert.Equal(1, s.Diagram.Viewport.Zoom);

        s.Diagram.ZoomBy(2);
        Assert.Equal(2, s.Diagram.Viewport.Zoom);
    }

    [Fact]
    public void A_fitted_view_stays_fitted_as_the_canvas_resizes_until_it_is_zoomed_or_panned()
    {
        var s = new Scene();
        s.Diagram.ZoomToFit(padding: 40);

        s.Diagram.SetViewportSize(new Size(400, 600));
        Assert.Equal((400 - 80) / 240.0, s.Diagram.Viewport.Zoom, 9);

        s.Diagram.ZoomBy(0.5);
        var zoomed = s.Diagram.Viewport.Zoom;
        s.Diagram.SetViewportSize(new Size(800, 600));
        Assert.Equal(zoomed, s.Diagram.Viewport.Zoom);
    }

    [Fact]
    public void CenterOn_PutsTheDiagramPointInTheMiddleOfTheCanvas()
    {
        var s = new Scene();

        s.Diagram.CenterOn(new Point(220, 20));

        AssertClose(new Point(400, 300), s.Diagram.Viewport.ToScreen(new Point(220, 20)));
    }

    [Fact]
    public void A_pinch_zooms_about_where_the_fingers_started_and_follows_their_midpoint()
    {
        var s = new Scene();
        var start = new Point(300, 200);
        var under = s.Diagram.Viewport.ToDiagram(start);

        s.Diagram.Pinch(start, 2, new Point(50, -20));

        Assert.Equal(2, s.Diagram.Viewport.Zoom);
        AssertClose(new Point(350, 180), s.Diagram.Viewport.ToScreen(under));
    }
}
