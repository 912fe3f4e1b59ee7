using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Behaviors;

/// <summary>
/// A press-drag-release in progress, claimed by one behaviour (see <see cref="Diagram.ActiveGesture"/>).
/// Renderers read it to preview the gesture locally; the diagram keeps <see cref="Latest"/> up to date.
/// </summary>
public abstract class Gesture
{
    private protected Gesture(PointerInput start)
    {
        Start = start;
        Latest = start;
    }

    /// <summary>The press that started the gesture.</summary>
    public PointerInput Start { get; }

    /// <summary>The most recent pointer event of the gesture.</summary>
    public PointerInput Latest { get; internal set; }
}

/// <summary>Nodes are being dragged; they move together by the pointer's displacement.</summary>
public sealed class MoveNodesGesture : Gesture
{
    /// <summary>Creates the gesture.</summary>
    /// <param name="start">The press on <paramref name="primary"/>.</param>
    /// <param name="primary">The node pressed; snapping aligns it, and the others keep their offsets from it.</param>
    /// <param name="nodes">Every node that moves, including <paramref name="primary"/>.</param>
    public MoveNodesGesture(PointerInput start, NodeModel primary, IReadOnlyList<NodeModel> nodes)
        : base(start)
    {
        Primary = primary;
        Nodes = nodes;
    }

    public NodeModel Primary { get; }

    public IReadOnlyList<NodeModel> Nodes { get; }
}

/// <summary>The view is being panned.</summary>
public sealed class PanGesture(PointerInput start) : Gesture(start);

/// <summary>A selection rectangle is being drawn.</summary>
public sealed class RubberBandGesture(PointerInput start) : Gesture(start)
{
    /// <summary>The rectangle so far, in diagram coordinates.</summary>
    public Rect Area => Rect.FromPoints(Start.DiagramPoint, Latest.DiagramPoint);
}

/// <summary>A link is being drawn from <see cref="Source"/> towards the pointer.</summary>
public sealed class LinkDrawGesture(PointerInput start, NodeModel source, PortSide? sourcePort) : Gesture(start)
{
    public NodeModel Source { get; } = source;

    /// <summary>The port the drag started from, or null when it started from the node itself.</summary>
    public PortSide? SourcePort { get; } = sourcePort;
}
