using Microsoft.JSInterop;
using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Canvas.Blazor.Internal;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Blazor.Interop;

/// <summary>
/// The .NET side of the drag-preview contract with <c>diagramCanvas.js</c>. The JS module previews every gesture
/// locally and calls these methods once per press (<see cref="PointerDown"/>) and once per release
/// (<see cref="PointerUp"/>), never per move, so a Blazor Server circuit carries two messages per gesture.
/// Wheel turns are throttled to one call in flight. Apps do not call this class; it is public as the documented
/// contract and for tests. Points are canvas-relative screen pixels.
/// </summary>
public sealed class DiagramCanvasInterop
{
    private IReadOnlyList<NodeModel> _previewed = [];

    /// <summary>Creates the bridge for a diagram.</summary>
    public DiagramCanvasInterop(Diagram diagram)
    {
        ArgumentNullException.ThrowIfNull(diagram);
        Diagram = diagram;
    }

    /// <summary>The diagram input is forwarded to. <see cref="DiagramCanvas"/> swaps it when its parameter changes.</summary>
    public Diagram Diagram { get; internal set; }

    /// <summary>A press: forwards it to the diagram and says what to preview.</summary>
    /// <param name="hit">What was pressed, or null for the background.</param>
    /// <param name="x">Canvas-relative x in pixels.</param>
    /// <param name="y">Canvas-relative y in pixels.</param>
    /// <param name="button">DOM <c>PointerEvent.button</c>.</param>
    /// <param name="modifiers">Bit mask: 1 Shift, 2 Ctrl, 4 Alt, 8 Meta.</param>
    [JSInvokable]
    public GesturePreview PointerDown(HitTarget? hit, double x, double y, int button, int modifiers)
    {
        Diagram.OnPointerDown(Resolve(hit), new Point(x, y), (KeyModifiers)modifiers, (PointerButton)button);
        var viewport = ToState(Diagram.Viewport);
        var threshold = Diagram.Options.DragThreshold;
        _previewed = [];
        switch (Diagram.ActiveGesture)
        {
            case MoveNodesGesture move:
                _previewed = move.Nodes;
                return new GesturePreview("move", viewport, threshold, Nodes: move.Nodes.Select(n => n.Id).ToArray());
            case PanGesture:
                return new GesturePreview("pan", viewport, threshold);
            case RubberBandGesture:
                return new GesturePreview("band", viewport, threshold);
            case LinkDrawGesture link:
                var port = link.SourcePort is { } side ? Svg.PortName(side) : null;
                return new GesturePreview("link", viewport, threshold, Source: link.Source.Id, Port: port);
            default:
                return new GesturePreview("none", viewport, threshold);
        }
    }

    /// <summary>
    /// The release: reports the final position as one move then the release, in one batch (one redraw), and
    /// returns the authoritative state for the JS module to settle its preview on.
    /// </summary>
    /// <param name="hit">What is under the pointer at release, or null for the background.</param>
    /// <param name="x">Canvas-relative x in pixels.</param>
    /// <param name="y">Canvas-relative y in pixels.</param>
    /// <param name="modifiers">Bit mask: 1 Shift, 2 Ctrl, 4 Alt, 8 Meta.</param>
    [JSInvokable]
    public GestureResult PointerUp(HitTarget? hit, double x, double y, int modifiers)
    {
        var target = Resolve(hit);
        var point = new Point(x, y);
        using (Diagram.Batch())
        {
            Diagram.OnPointerMove(target, point, (KeyModifiers)modifiers);
            Diagram.OnPointerUp(target, point, (KeyModifiers)modifiers);
        }

        var moved = _previewed
            .Where(n => n.Diagram == Diagram)
            .Select(n => new NodePosition(n.Id, n.Position.X, n.Position.Y))
            .ToArray();
        _previewed = [];
        return new GestureResult(ToState(Diagram.Viewport), moved);
    }

    /// <summary>The gesture was abandoned in the browser (Escape, lost capture, pointercancel).</summary>
    [JSInvokable]
    public void PointerCancel()
    {
        _previewed = [];
        Diagram.OnPointerCancel();
    }

    /// <summary>Wheel turns accumulated since the last call, at the latest pointer position.</summary>
    [JSInvokable]
    public void Wheel(double x, double y, double deltaY, int modifiers) =>
        Diagram.OnWheel(new Point(x, y), deltaY, (KeyModifiers)modifiers);

    /// <summary>The canvas's size on screen, reported on attach and whenever it changes.</summary>
    [JSInvokable]
    public void Resize(double width, double height) =>
        Diagram.SetViewportSize(new Size(Math.Max(0, width), Math.Max(0, height)));

    /// <summary>A double click.</summary>
    [JSInvokable]
    public void DoubleClick(HitTarget? hit, double x, double y, int modifiers) =>
        Diagram.OnDoubleClick(Resolve(hit), new Point(x, y), (KeyModifiers)modifiers);

    /// <summary>A two-finger pinch the browser previewed: applied as one zoom and pan; returns the viewport to settle on.</summary>
    /// <param name="x">Canvas-relative x where the fingers' midpoint started.</param>
    /// <param name="y">Canvas-relative y where the fingers' midpoint started.</param>
    /// <param name="scale">How much the fingers spread (above 1) or closed (below 1).</param>
    /// <param name="dx">How far the midpoint moved across, in pixels.</param>
    /// <param name="dy">How far the midpoint moved down, in pixels.</param>
    [JSInvokable]
    public ViewportState Pinch(double x, double y, double scale, double dx, double dy)
    {
        if (scale > 0 && double.IsFinite(scale))
        {
            Diagram.Pinch(new Point(x, y), scale, new Point(dx, dy));
        }

        return ToState(Diagram.Viewport);
    }

    /// <summary>A press or drag on the minimap: centres the view on that diagram point.</summary>
    [JSInvokable]
    public void CenterOn(double x, double y) => Diagram.CenterOn(new Point(x, y));

    /// <summary>
    /// An item dragged from outside (whose drag source set <c>application/x-diagram-item</c>) dropped at a point.
    /// </summary>
    [JSInvokable]
    public void Drop(string payload, double x, double y) => Diagram.RequestDrop(payload, new Point(x, y));

    private static ViewportState ToState(Viewport v) => new(v.Pan.X, v.Pan.Y, v.Zoom);

    /// <summary>Finds the element a hit names; anything unknown (for example removed meanwhile) counts as background.</summary>
    private DiagramElement? Resolve(HitTarget? hit)
    {
        if (hit is null)
        {
            return null;
        }

        switch (hit.Kind)
        {
            case "node" when Diagram.Nodes.TryGet(hit.Id, out var node):
                return node;
            case "port" when Diagram.Nodes.TryGet(hit.Id, out var owner)
                && Enum.TryParse<PortSide>(hit.Port, ignoreCase: true, out var side) && Enum.IsDefined(side):
                return owner.GetPort(side);
            case "link" when Diagram.Links.TryGet(hit.Id, out var link):
                return link;
            default:
                return null;
        }
    }
}
