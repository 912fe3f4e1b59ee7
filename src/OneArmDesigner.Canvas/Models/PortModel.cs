using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas;

/// <summary>
/// A named point on one side of a node: a link handle to draw links from, and an optional fixed anchor for a
/// link's end. Its position is computed from the node's box (the midpoint of the side), never measured.
/// </summary>
public sealed class PortModel : DiagramElement
{
    internal PortModel(NodeModel node, PortSide side)
        : base($"{node.Id}/{side}")
    {
        Node = node;
        Side = side;
    }

    /// <summary>The node the port belongs to.</summary>
    public NodeModel Node { get; }

    /// <summary>Which side of the node the port sits on.</summary>
    public PortSide Side { get; }

    /// <inheritdoc />
    public override Diagram? Diagram => Node.Diagram;

    /// <summary>Where the port is, in diagram coordinates.</summary>
    public Point Position => LinkGeometry.PortPoint(Node.Bounds, Side);
}
