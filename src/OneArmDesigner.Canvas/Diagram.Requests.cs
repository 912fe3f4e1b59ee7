using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas;

// Edits the user asks for. Moves are applied here and reported with before/after positions; links, deletions and
// commands are only requested: the app decides, applies them, and keeps the undo history. Each method is public so
// toolbar buttons can go through the same path as gestures and shortcuts. All refuse while ReadOnly.
public sealed partial class Diagram
{
    /// <summary>Raised after the user moved nodes (drag or arrow keys); the new positions are already applied.</summary>
    public event EventHandler<NodesMovedEventArgs>? NodesMoved;

    /// <summary>Raised when the user drew a link that <see cref="DiagramOptions.CanConnect"/> allows; the app adds it, or not.</summary>
    public event EventHandler<LinkRequestedEventArgs>? LinkRequested;

    /// <summary>Raised when the user asked to delete the selection; the app removes the elements, or not.</summary>
    public event EventHandler<DeleteRequestedEventArgs>? DeleteRequested;

    /// <summary>Raised for undo, redo and clipboard shortcuts, which the app implements.</summary>
    public event EventHandler<CommandRequestedEventArgs>? CommandRequested;

    /// <summary>
    /// Raised when something dragged from outside the canvas (a palette item) is dropped on it; the app decides what
    /// to create. The position is in diagram coordinates, snapped to the grid when snapping is on.
    /// </summary>
    public event EventHandler<DropRequestedEventArgs>? DropRequested;

    /// <summary>Raised when the user double-clicked a node, a link or the background (whatever the behaviour set).</summary>
    public event EventHandler<DoubleClickedEventArgs>? DoubleClicked;

    /// <summary>
    /// Moves nodes as a user edit: applies each <see cref="NodeMove.To"/> and raises <see cref="NodesMoved"/> once
    /// with the moves that changed something. Returns false, changing nothing, while read-only.
    /// To change positions without raising the event (for example to undo), set <see cref="NodeModel.Position"/>.
    /// </summary>
    public bool MoveNodes(IReadOnlyList<NodeMove> moves)
    {
        ArgumentNullException.ThrowIfNull(moves);
        if (Options.ReadOnly)
        {
            return false;
        }

        foreach (var move in moves)
        {
            EnsureOwn(move.Node);
        }

        using (Batch())
        {
            foreach (var move in moves)
            {
                move.Node.Position = move.To;
            }
        }

        var effective = moves.Where(m => m.From != m.To).ToArray();
        if (effective.Length > 0)
        {
            NodesMoved?.Invoke(this, new NodesMovedEventArgs(effective));
        }

        return true;
    }

    /// <summary>
    /// Raises <see cref="LinkRequested"/> when the diagram is editable and <see cref="DiagramOptions.CanConnect"/>
    /// allows the pair; returns whether it was raised.
    /// </summary>
    public bool RequestLink(NodeModel source, PortSide? sourcePort, NodeModel target, PortSide? targetPort)
    {
        EnsureOwn(source);
        EnsureOwn(target);
        if (Options.ReadOnly || !Options.CanConnect(source, target))
        {
            return false;
        }

        LinkRequested?.Invoke(this, new LinkRequestedEventArgs(source, sourcePort, target, targetPort));
        return true;
    }

    /// <summary>Raises <see cref="DeleteRequested"/> for the current selection; false when read-only or nothing is selected.</summary>
    public bool RequestDelete()
    {
        if (Options.ReadOnly || _selection.Count == 0)
        {
            return false;
        }

        DeleteRequested?.Invoke(this, new DeleteRequestedEventArgs(SelectedNodes, SelectedLinks));
        return true;
    }

    /// <summary>
    /// Raises <see cref="CommandRequested"/>; false while read-only for every command but <see cref="DiagramCommand.Copy"/>.
    /// </summary>
    public bool RequestCommand(DiagramCommand command)
    {
        if (Options.ReadOnly && command != DiagramCommand.Copy)
        {
            return false;
        }

        CommandRequested?.Invoke(this, new CommandRequestedEventArgs(command));
        return true;
    }

    /// <summary>
    /// Raises <see cref="DropRequested"/> for an item dropped at <paramref name="screen"/> (canvas-relative pixels);
    /// false while read-only.
    /// </summary>
    public bool RequestDrop(string payload, Point screen)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (Options.ReadOnly)
        {
            return false;
        }

        DropRequested?.Invoke(this, new DropRequestedEventArgs(payload, Options.Snap(Viewport.ToDiagram(screen))));
        return true;
    }
}
