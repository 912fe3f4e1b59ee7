using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas;

// The event bus: renderers report raw input here, with the element that was hit; the behaviours do the rest.
// Every point is in screen pixels relative to the canvas's top-left corner. Each call is one batch, so one
// input event yields at most one Changed notification.
public sealed partial class Diagram
{
    private Gesture? _gesture;
    private DiagramBehavior? _gestureOwner;
    private PointerButton _pressedButton;

    /// <summary>The press-drag-release in progress, if a behaviour claimed one; renderers preview it.</summary>
    public Gesture? ActiveGesture => _gesture;

    internal DiagramBehavior? GestureOwner => _gestureOwner;

    /// <summary>Reports a button press.</summary>
    /// <param name="target">The node, port or link under the pointer, or null for the background.</param>
    /// <param name="point">Pointer position in pixels relative to the canvas.</param>
    /// <param name="modifiers">Keys held.</param>
    /// <param name="button">The button pressed.</param>
    public void OnPointerDown(DiagramElement? target, Point point, KeyModifiers modifiers = KeyModifiers.None, PointerButton button = PointerButton.Primary)
    {
        EnsureTarget(target);
        using (Batch())
        {
            // A press while a gesture is still open means its release was lost: abandon it.
            OnPointerCancel();
            _pressedButton = button;
            var input = ToInput(target, point, modifiers);
            foreach (var behavior in Behaviors.Snapshot())
            {
                behavior.OnPointerDown(input);
            }
        }
    }

    /// <summary>Reports pointer movement. A renderer may report only the last position before the release.</summary>
    public void OnPointerMove(DiagramElement? target, Point point, KeyModifiers modifiers = KeyModifiers.None)
    {
        EnsureTarget(target);
        var input = ToInput(target, point, modifiers);
        if (_gesture is not null)
        {
            _gesture.Latest = input;
        }

        using (Batch())
        {
            foreach (var behavior in Behaviors.Snapshot())
            {
                behavior.OnPointerMove(input);
            }
        }
    }

    /// <summary>Reports the release that ends a press; <paramref name="target"/> is what is under the pointer now.</summary>
    public void OnPointerUp(DiagramElement? target, Point point, KeyModifiers modifiers = KeyModifiers.None)
    {
        EnsureTarget(target);
        var input = ToInput(target, point, modifiers);
        if (_gesture is not null)
        {
            _gesture.Latest = input;
        }

        try
        {
            using (Batch())
            {
                foreach (var behavior in Behaviors.Snapshot())
                {
                    behavior.OnPointerUp(input);
                }
            }
        }
        finally
        {
            EndGesture();
        }
    }

    /// <summary>Abandons the press in progress (Escape, lost pointer capture): behaviours undo their previews.</summary>
    public void OnPointerCancel()
    {
        try
        {
            using (Batch())
            {
                foreach (var behavior in Behaviors.Snapshot())
                {
                    behavior.OnPointerCancel();
                }
            }
        }
        finally
        {
            EndGesture();
        }
    }

    /// <summary>Reports a wheel turn at a point; <paramref name="deltaY"/> is in pixels, positive scrolling down.</summary>
    public void OnWheel(Point point, double deltaY, KeyModifiers modifiers = KeyModifiers.None)
    {
        var input = new WheelInput(point, deltaY, modifiers);
        using (Batch())
        {
            foreach (var behavior in Behaviors.Snapshot())
            {
                behavior.OnWheel(input);
            }
        }
    }

    /// <summary>Reports a key press on the focused canvas; <paramref name="key"/> is the DOM <c>KeyboardEvent.key</c>.</summary>
    public void OnKeyDown(string key, KeyModifiers modifiers = KeyModifiers.None)
    {
        ArgumentNullException.ThrowIfNull(key);
        var input = new KeyInput(key, modifiers);
        using (Batch())
        {
            foreach (var behavior in Behaviors.Snapshot())
            {
                behavior.OnKeyDown(input);
            }
        }
    }

    /// <summary>Reports a double click; raises <see cref="DoubleClicked"/> whatever the behaviour set.</summary>
    public void OnDoubleClick(DiagramElement? target, Point point, KeyModifiers modifiers = KeyModifiers.None)
    {
        EnsureTarget(target);
        var element = target switch
        {
            PortModel port => port.Node,
            SelectableElement selectable => selectable,
            _ => null,
        };
        DoubleClicked?.Invoke(this, new DoubleClickedEventArgs(element, _viewport.ToDiagram(point)));
    }

    internal bool TryBeginGesture(DiagramBehavior owner, Gesture gesture)
    {
        ArgumentNullException.ThrowIfNull(gesture);
        if (_gesture is not null)
        {
            return false;
        }

        _gesture = gesture;
        _gestureOwner = owner;
        return true;
    }

    internal void CancelGestureOf(DiagramBehavior behavior)
    {
        if (_gestureOwner == behavior)
        {
            behavior.OnPointerCancel();
            EndGesture();
        }
    }

    private void EndGesture()
    {
        _gesture = null;
        _gestureOwner = null;
    }

    private PointerInput ToInput(DiagramElement? target, Point point, KeyModifiers modifiers) =>
        new(target, point, _viewport.ToDiagram(point), modifiers, _pressedButton);

    private void EnsureTarget(DiagramElement? target)
    {
        if (target is not null)
        {
            EnsureOwn(target);
        }
    }
}
