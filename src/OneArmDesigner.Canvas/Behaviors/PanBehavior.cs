using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Behaviors;

/// <summary>Dragging the background with the primary button, or anything with the middle button, pans the view.</summary>
public sealed class PanBehavior : DiagramBehavior
{
    private Point _startPan;

    protected internal override void OnPointerDown(PointerInput input)
    {
        var wanted = input.Button == PointerButton.Middle || (input.Button == PointerButton.Primary && input.Target is null);
        if (wanted && TryBeginGesture(new PanGesture(input)))
        {
            _startPan = Diagram.Viewport.Pan;
        }
    }

    protected internal override void OnPointerMove(PointerInput input) => Follow(input);

    protected internal override void OnPointerUp(PointerInput input) => Follow(input);

    protected internal override void OnPointerCancel()
    {
        if (OwnGesture<PanGesture>() is not null)
        {
            Diagram.Viewport = Diagram.Viewport with { Pan = _startPan };
        }
    }

    private void Follow(PointerInput input)
    {
        if (OwnGesture<PanGesture>() is { } gesture)
        {
            Diagram.Viewport = Diagram.Viewport with { Pan = _startPan + (input.ScreenPoint - gesture.Start.ScreenPoint) };
        }
    }
}
