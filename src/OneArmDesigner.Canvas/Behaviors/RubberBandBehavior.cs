namespace OneArmDesigner.Canvas.Behaviors;

/// <summary>
/// Shift-drag on the background draws a selection rectangle; on release, the nodes wholly inside it become the
/// selection (with Ctrl or Cmd also held, they are added to it). Put it before <see cref="PanBehavior"/>.
/// </summary>
public sealed class RubberBandBehavior : DiagramBehavior
{
    protected internal override void OnPointerDown(PointerInput input)
    {
        if (input is { Button: PointerButton.Primary, Target: null, Shift: true })
        {
            TryBeginGesture(new RubberBandGesture(input));
        }
    }

    protected internal override void OnPointerUp(PointerInput input)
    {
        if (OwnGesture<RubberBandGesture>() is not { } band || !IsBeyondDragThreshold(band.Start, input))
        {
            return;
        }

        var area = band.Area;
        var inside = Diagram.Nodes.Where(n => area.Contains(n.Bounds)).ToArray();
        Diagram.Select(inside, addToSelection: band.Start.CommandKey);
    }
}
