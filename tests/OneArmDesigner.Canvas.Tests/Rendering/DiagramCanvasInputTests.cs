using Bunit;
using Microsoft.AspNetCore.Components.Web;
using OneArmDesigner.Canvas.Blazor;
using OneArmDesigner.Canvas.Blazor.Interop;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Tests.Rendering;

/// <summary>Input through the same doors the browser uses: the script's bridge for pointers, Blazor for keys.</summary>
public class DiagramCanvasInputTests : CanvasTestContext
{
    private static readonly HitTarget R1 = new("node", "r1");

    [Fact]
    public void TheScriptIsImported_AndAttachedToTheSvg()
    {
        RenderCanvas(NetworkDiagram());

        var attach = Assert.Single(Script.Invocations["attach"]);
        Assert.IsType<Microsoft.AspNetCore.Components.ElementReference>(attach.Arguments[0]);
        Assert.NotNull(ScriptBridge());
    }

    [Fact]
    public void Click_SelectsTheNode_AndSetsItsSelectedClass()
    {
        var diagram = NetworkDiagram();
        var cut = RenderCanvas(diagram);
        var bridge = ScriptBridge();

        cut.InvokeAsync(() =>
        {
            bridge.PointerDown(R1, 10, 10, button: 0, modifiers: 0);
            bridge.PointerUp(R1, 10, 10, modifiers: 0);
        });

        Assert.Contains("oad-selected", cut.Find("[data-node-id='r1']").ClassList);
        Assert.DoesNotContain("oad-selected", cut.Find("[data-node-id='sw1']").ClassList);
        Assert.Equal([diagram.Nodes["r1"]], diagram.Selection);
    }

    [Fact]
    public void ShiftClick_AddsToTheSelection()
    {
        var diagram = NetworkDiagram();
        var cut = RenderCanvas(diagram);
        var bridge = ScriptBridge();
        var sw1 = new HitTarget("node", "sw1");

        cut.InvokeAsync(() =>
        {
            bridge.PointerDown(R1, 10, 10, 0, 0);
            bridge.PointerUp(R1, 10, 10, 0);
            bridge.PointerDown(sw1, 210, 10, 0, modifiers: 1);
            bridge.PointerUp(sw1, 210, 10, modifiers: 1);
        });

        Assert.Equal(2, cut.FindAll(".oad-node.oad-selected").Count);
    }

    [Fact]
    public async Task PressOnANode_AsksTheScriptToPreviewAMove()
    {
        var cut = RenderCanvas(NetworkDiagram());
        var bridge = ScriptBridge();

        var preview = await cut.InvokeAsync(() => bridge.PointerDown(R1, 10, 10, 0, 0));

        Assert.Equal("move", preview.Kind);
        Assert.Equal(["r1"], preview.Nodes);
        Assert.Equal(new ViewportState(0, 0, 1), preview.Viewport);
        Assert.Equal(3, preview.Threshold);
    }

    [Theory]
    [InlineData(null, 0, 0, "pan")]
    [InlineData(null, 0, 1, "band")]
    [InlineData("r1", 1, 0, "pan")]
    [InlineData("port", 0, 0, "link")]
    public void PressElsewhere_AsksForTheMatchingPreview(string? what, int button, int modifiers, string expected)
    {
        RenderCanvas(NetworkDiagram());
        var bridge = ScriptBridge();
        var hit = what switch
        {
            "port" => new HitTarget("port", "r1", "right"),
            null => null,
            _ => new HitTarget("node", what),
        };

        var preview = bridge.PointerDown(hit, 500, 500, button, modifiers);

        Assert.Equal(expected, preview.Kind);
        if (expected == "link")
        {
            Assert.Equal("r1", preview.Source);
            Assert.Equal("right", preview.Port);
        }
    }

    [Fact]
    public async Task DragRelease_CommitsOnce_AndReturnsTheSnappedPositions()
    {
        var diagram = NetworkDiagram();
        var cut = RenderCanvas(diagram);
        var bridge = ScriptBridge();
        var moves = new List<NodesMovedEventArgs>();
        diagram.NodesMoved += (_, e) => moves.Add(e);
        var changes = 0;
        diagram.Changed += (_, _) => changes++;

        var result = await cut.InvokeAsync(() =>
        {
            bridge.PointerDown(R1, 10, 10, 0, 0);
            changes = 0;
            return bridge.PointerUp(null, 57, 33, 0);
        });

        Assert.Equal([new NodePosition("r1", 40, 20)], result.Nodes);
        Assert.Single(moves);
        Assert.Equal(1, changes);
        Assert.Equal("translate(40 20)", cut.Find("[data-node-id='r1']").GetAttribute("transform"));
    }

    [Fact]
    public void RefusedDrag_ReturnsTheOriginalPositions_ForTheScriptToRevertTo()
    {
        var diagram = NetworkDiagram(new DiagramOptions { ReadOnly = true });
        RenderCanvas(diagram);
        var bridge = ScriptBridge();

        var preview = bridge.PointerDown(R1, 10, 10, 0, 0);
        var result = bridge.PointerUp(null, 90, 90, 0);

        Assert.Equal("none", preview.Kind);
        Assert.Empty(result.Nodes);
        Assert.Equal(new Point(0, 0), diagram.Nodes["r1"].Position);
    }

    [Fact]
    public void PanRelease_ReturnsTheNewViewport()
    {
        var diagram = NetworkDiagram();
        RenderCanvas(diagram);
        var bridge = ScriptBridge();

        bridge.PointerDown(null, 500, 500, 0, 0);
        var result = bridge.PointerUp(null, 470, 520, 0);

        Assert.Equal(new ViewportState(-30, 20, 1), result.Viewport);
    }

    [Fact]
    public void LinkDrawnOntoANode_IsRequested()
    {
        var diagram = NetworkDiagram();
        RenderCanvas(diagram);
        var bridge = ScriptBridge();
        LinkRequestedEventArgs? request = null;
        diagram.LinkRequested += (_, e) => request = e;

        bridge.PointerDown(new HitTarget("port", "r1", "bottom"), 24, 48, 0, 0);
        bridge.PointerUp(new HitTarget("node", "h1"), 220, 220, 0);

        Assert.Equal("h1", request!.Target.Id);
        Assert.Equal(PortSide.Bottom, request.SourcePort);
    }

    [Fact]
    public void UnknownHits_CountAsBackground()
    {
        var diagram = NetworkDiagram();
        RenderCanvas(diagram);
        var bridge = ScriptBridge();

        var preview = bridge.PointerDown(new HitTarget("node", "gone"), 500, 500, 0, 0);
        var port = bridge.PointerDown(new HitTarget("port", "r1", "7"), 500, 500, 0, 0);

        Assert.Equal("pan", preview.Kind);
        Assert.Equal("pan", port.Kind);
    }

    [Fact]
    public void Wheel_ZoomsAboutThePointer_AndRedrawsTheViewport()
    {
        var diagram = NetworkDiagram();
        var cut = RenderCanvas(diagram);
        var bridge = ScriptBridge();

        cut.InvokeAsync(() => bridge.Wheel(100, 100, -500, 0));

        Assert.Equal(2, diagram.Viewport.Zoom, 9);
        Assert.Equal("translate(-100 -100) scale(2)", cut.Find("g.oad-viewport").GetAttribute("transform"));
    }

    [Fact]
    public void Resize_ReportsTheCanvasSize_AndRunsAPendingFit()
    {
        var diagram = NetworkDiagram();
        RenderCanvas(diagram);
        var bridge = ScriptBridge();
        diagram.ZoomToFit();

        bridge.Resize(800, 600);

        Assert.Equal(new Size(800, 600), diagram.Viewport.Size);
        Assert.NotEqual(1, diagram.Viewport.Zoom);
    }

    [Fact]
    public void DoubleClick_IsReportedWithTheElement()
    {
        var diagram = NetworkDiagram();
        RenderCanvas(diagram);
        var bridge = ScriptBridge();
        DoubleClickedEventArgs? clicked = null;
        diagram.DoubleClicked += (_, e) => clicked = e;

        bridge.DoubleClick(new HitTarget("port", "r1", "top"), 24, 0, 0);

        Assert.Same(diagram.Nodes["r1"], clicked!.Element);
    }

    [Fact]
    public void DeleteKey_OnTheSvg_RequestsDeletion()
    {
        var diagram = NetworkDiagram();
        var cut = RenderCanvas(diagram);
        DeleteRequestedEventArgs? request = null;
        diagram.DeleteRequested += (_, e) => request = e;
        cut.InvokeAsync(() => diagram.Select(diagram.Links["r1-sw1"]));

        cut.Find("svg").KeyDown(new KeyboardEventArgs { Key = "Delete" });

        Assert.Equal("r1-sw1", Assert.Single(request!.Links).Id);
    }

    [Fact]
    public void CtrlA_OnTheSvg_SelectsEverything()
    {
        var diagram = NetworkDiagram();
        var cut = RenderCanvas(diagram);

        cut.Find("svg").KeyDown(new KeyboardEventArgs { Key = "a", CtrlKey = true });

        Assert.Equal(3, cut.FindAll(".oad-node.oad-selected").Count);
        Assert.Single(cut.FindAll(".oad-link.oad-selected"));
    }

    [Fact]
    public void SwappingTheDiagram_RetargetsTheBridge()
    {
        var first = NetworkDiagram();
        var cut = RenderCanvas(first);
        var bridge = ScriptBridge();
        var second = new Diagram();
        second.Nodes.Add(new NodeModel("only"));

        cut.Render(p => p.Add(c => c.Diagram, second));

        Assert.Same(second, bridge.Diagram);
        Assert.Equal(["only"], cut.FindAll("[data-node-id]").Select(e => e.GetAttribute("data-node-id")));
    }

    [Fact]
    public void APinch_IsOneZoomAndPan_AndAnswersTheViewportToSettleOn()
    {
        var diagram = NetworkDiagram();
        RenderCanvas(diagram);
        var bridge = ScriptBridge();
        bridge.Resize(800, 600);

        var settled = bridge.Pinch(100, 100, 1.5, 20, 0);

        Assert.Equal(1.5, diagram.Viewport.Zoom);
        Assert.Equal(new ViewportState(diagram.Viewport.Pan.X, diagram.Viewport.Pan.Y, 1.5), settled);
    }

    [Fact]
    public void ThePressOnTheMinimap_CentresTheViewThere()
    {
        var diagram = NetworkDiagram();
        RenderCanvas(diagram);
        var bridge = ScriptBridge();
        bridge.Resize(800, 600);

        bridge.CenterOn(224, 224);

        Assert.Equal(new Point(400, 300), diagram.Viewport.ToScreen(new Point(224, 224)));
    }
}
