using System.Collections;

namespace OneArmDesigner.Canvas.Behaviors;

/// <summary>The ordered behaviours attached to a diagram. Order is priority: earlier behaviours claim gestures first.</summary>
public sealed class BehaviorCollection : IReadOnlyList<DiagramBehavior>
{
    private readonly Diagram _diagram;
    private readonly List<DiagramBehavior> _items = [];

    internal BehaviorCollection(Diagram diagram) => _diagram = diagram;

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public DiagramBehavior this[int index] => _items[index];

    /// <summary>Attaches a behaviour at the end (lowest priority).</summary>
    public void Add(DiagramBehavior behavior)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        behavior.Attach(_diagram);
        _items.Add(behavior);
        _diagram.MarkChanged(null, ChangeKinds.Behaviors);
    }

    /// <summary>Detaches a behaviour; false when it was not attached here.</summary>
    public bool Remove(DiagramBehavior behavior)
    {
        if (behavior is null || !_items.Remove(behavior))
        {
            return false;
        }

        _diagram.CancelGestureOf(behavior);
        behavior.Detach();
        _diagram.MarkChanged(null, ChangeKinds.Behaviors);
        return true;
    }

    /// <summary>Detaches every behaviour.</summary>
    public void Clear()
    {
        using (_diagram.Batch())
        {
            foreach (var behavior in _items.ToArray())
            {
                Remove(behavior);
            }
        }
    }

    /// <summary>The first attached behaviour of type <typeparamref name="T"/>, or null.</summary>
    public T? Get<T>()
        where T : DiagramBehavior => _items.OfType<T>().FirstOrDefault();

    /// <summary>True when a behaviour of type <typeparamref name="T"/> is attached.</summary>
    public bool Contains<T>()
        where T : DiagramBehavior => Get<T>() is not null;

    /// <inheritdoc />
    public IEnumerator<DiagramBehavior> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A snapshot to dispatch over, so behaviours may change the set while handling an event.</summary>
    internal DiagramBehavior[] Snapshot() => _items.ToArray();
}
