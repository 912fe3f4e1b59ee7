namespace OneArmDesigner.Canvas.Behaviors;

/// <summary>
/// One gesture's logic (select, drag, pan...), fed raw input by the <see cref="Diagram"/> it is attached to.
/// Every attached behaviour sees every event, in behaviour-set order; a behaviour that starts a drag claims it with
/// <see cref="TryBeginGesture"/>, so an earlier behaviour wins a press that several could use.
/// Derive from this class to add gestures; swap whole sets with <see cref="Diagram.UseBehaviors"/>.
/// </summary>
public abstract class DiagramBehavior
{
    private Diagram? _diagram;

    /// <summary>True while attached to a diagram.</summary>
    public bool IsAttached => _diagram is not null;

    /// <summary>The diagram this behaviour is attached to; throws when detached.</summary>
    protected Diagram Diagram =>
        _diagram ?? throw new InvalidOperationException($"{GetType().Name} is not attached to a diagram.");

    internal void Attach(Diagram diagram)
    {
        if (_diagram is not null)
        {
            throw new InvalidOperationException($"{GetType().Name} is already attached to a diagram; create one instance per diagram.");
        }

        _diagram = diagram;
        OnAttached();
    }

    internal void Detach()
    {
        OnDetached();
        _diagram = null;
    }

    /// <summary>Called after the behaviour joins a diagram.</summary>
    protected virtual void OnAttached()
    {
    }

    /// <summary>Called before the behaviour leaves its diagram; drop any state.</summary>
    protected virtual void OnDetached()
    {
    }

    protected internal virtual void OnPointerDown(PointerInput input)
    {
    }

    protected internal virtual void OnPointerMove(PointerInput input)
    {
    }

    protected internal virtual void OnPointerUp(PointerInput input)
    {
    }

    /// <summary>The gesture was abandoned (Escape, lost capture): undo any preview and drop state.</summary>
    protected internal virtual void OnPointerCancel()
    {
    }

    protected internal virtual void OnWheel(WheelInput input)
    {
    }

    protected internal virtual void OnKeyDown(KeyInput input)
    {
    }

    /// <summary>Claims the current press for <paramref name="gesture"/>; false when another behaviour already has.</summary>
    protected bool TryBeginGesture(Gesture gesture) => Diagram.TryBeginGesture(this, gesture);

    /// <summary>The active gesture when this behaviour owns it and it is a <typeparamref name="T"/>; otherwise null.</summary>
    protected T? OwnGesture<T>()
        where T : Gesture =>
        Diagram.GestureOwner == this ? Diagram.ActiveGesture as T : null;

    /// <summary>True when the pointer has travelled further than <see cref="DiagramOptions.DragThreshold"/> between the two events.</summary>
    protected bool IsBeyondDragThreshold(PointerInput from, PointerInput to) =>
        from.ScreenPoint.DistanceTo(to.ScreenPoint) > Diagram.Options.DragThreshold;
}
