using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Behaviors;

/// <summary>
/// Dragging a node moves it, or the whole selection when it is selected, with whatever lies inside a container
/// among them (<see cref="NodeModel.IsContainer"/>). Positions follow the pointer while
/// dragging; on release the pressed node snaps to the grid (the others keep their offsets from it) and
/// <see cref="Diagram.NodesMoved"/> reports the move. Refused while <see cref="DiagramOptions.ReadOnly"/>.
/// Put it after <see cref="SelectBehavior"/>, which decides what is selected when the press lands.
/// </summary>
public sealed class DragMoveBehavior : DiagramBehavior
{
    private Dictionary<NodeModel, Point> _from = [];
    private bool _dragging;

    protected internal override void OnPointerDown(PointerInput input)
    {
        if (input.Button != PointerButton.Primary || input.Target is not NodeModel pressed || Diagram.Options.ReadOnly)
        {
            return;
        }

        var nodes = Diagram.Nodes.WithContents(pressed.IsSelected ? Diagram.SelectedNodes : [pressed]);
        if (TryBeginGesture(new MoveNodesGesture(input, pressed, nodes)))
        {
            _from = nodes.ToDictionary(n => n, n => n.Position);
            _dragging = false;
        }
    }

    protected internal override void OnPointerMove(PointerInput input)
    {
        if (OwnGesture<MoveNodesGesture>() is not { } gesture)
        {
            return;
        }

        _dragging |= IsBeyondDragThreshold(gesture.Start, input);
        if (_dragging)
        {
            Place(Displacement(gesture, input));
        }
    }

    protected internal override void OnPointerUp(PointerInput input)
    {
        if (OwnGesture<MoveNodesGesture>() is not { } gesture)
        {
            return;
        }

        _dragging |= IsBeyondDragThreshold(gesture.Start, input);
        if (!_dragging)
        {
            Reset();
            return;
        }

        var primaryFrom = _from[gesture.Primary];
        var delta = Diagram.Options.Snap(primaryFrom + Displacement(gesture, input)) - primaryFrom;
        var moves = _from.Select(p => new NodeMove(p.Key, p.Value, p.Value + delta)).ToArray();
        Place(Point.Zero);
        Reset();
        Diagram.MoveNodes(moves);
    }

    protected internal override void OnPointerCancel()
    {
        if (_dragging)
        {
            Place(Point.Zero);
        }

        Reset();
    }

    private Point Displacement(MoveNodesGesture gesture, PointerInput input) =>
        (input.ScreenPoint - gesture.Start.ScreenPoint) / Diagram.Viewport.Zoom;

    private void Place(Point delta)
    {
        foreach (var (node, from) in _from)
        {
            node.Position = from + delta;
        }
    }

    private void Reset()
    {
        _from = [];
        _dragging = false;
    }
}
