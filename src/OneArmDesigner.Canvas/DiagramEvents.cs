using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas;

/// <summary>One node's part in a user move: where it was and where it is now. Deconstructs as (node, from, to).</summary>
public readonly record struct NodeMove(NodeModel Node, Point From, Point To);

/// <summary>Data for <see cref="Diagram.Changed"/>: what kinds of change the notification covers.</summary>
public sealed class DiagramChangedEventArgs(ChangeKinds kinds) : EventArgs
{
    public ChangeKinds Kinds { get; } = kinds;

    /// <summary>True when any of the given kinds is included.</summary>
    public bool Includes(ChangeKinds kinds) => (Kinds & kinds) != 0;
}

/// <summary>
/// Data for <see cref="Diagram.NodesMoved"/>: the user moved nodes (drag or arrow keys). The diagram has already
/// applied the <c>To</c> positions; record the move for undo, and undo it by setting each node's
/// <see cref="NodeModel.Position"/> back to <c>From</c>.
/// </summary>
public sealed class NodesMovedEventArgs(IReadOnlyList<NodeMove> moves) : EventArgs
{
    public IReadOnlyList<NodeMove> Moves { get; } = moves;
}

/// <summary>
/// Data for <see cref="Diagram.LinkRequested"/>: the user drew a link and <see cref="DiagramOptions.CanConnect"/>
/// allowed it. Nothing has been added: the app decides (for example which interfaces to use) and adds the link.
/// </summary>
public sealed class LinkRequestedEventArgs(NodeModel source, PortSide? sourcePort, NodeModel target, PortSide? targetPort) : EventArgs
{
    public NodeModel Source { get; } = source;

    /// <summary>The port the drag started from, if it started from one.</summary>
    public PortSide? SourcePort { get; } = sourcePort;

    public NodeModel Target { get; } = target;

    /// <summary>The port the pointer was released on, or null when released on the node's body.</summary>
    public PortSide? TargetPort { get; } = targetPort;
}

/// <summary>
/// Data for <see cref="Diagram.DeleteRequested"/>: the user asked to delete these elements. Nothing has been
/// removed: the app records the deletion for undo and removes them (removing a node removes its links).
/// </summary>
public sealed class DeleteRequestedEventArgs(IReadOnlyList<NodeModel> nodes, IReadOnlyList<LinkModel> links) : EventArgs
{
    public IReadOnlyList<NodeModel> Nodes { get; } = nodes;

    /// <summary>The selected links; links that end at a deleted node are not listed unless selected.</summary>
    public IReadOnlyList<LinkModel> Links { get; } = links;
}

/// <summary>Data for <see cref="Diagram.CommandRequested"/>: a shortcut the app owns (undo, redo, clipboard).</summary>
public sealed class CommandRequestedEventArgs(DiagramCommand command) : EventArgs
{
    public DiagramCommand Command { get; } = command;
}

/// <summary>Data for <see cref="Diagram.DoubleClicked"/>: what was double-clicked (null for the background), and where.</summary>
public sealed class DoubleClickedEventArgs(SelectableElement? element, Point diagramPoint) : EventArgs
{
    /// <summary>The node or link double-clicked (a port counts as its node), or null for the background.</summary>
    public SelectableElement? Element { get; } = element;

    public Point DiagramPoint { get; } = diagramPoint;
}

/// <summary>
/// Data for <see cref="Diagram.DropRequested"/>: an item dragged from outside the canvas was dropped on it.
/// <see cref="Payload"/> is the text the drag source set; nothing has been added.
/// </summary>
public sealed class DropRequestedEventArgs(string payload, Point position) : EventArgs
{
    public string Payload { get; } = payload;

    /// <summary>Where it was dropped, in diagram coordinates.</summary>
    public Point Position { get; } = position;
}
