namespace OneArmDesigner.Web.Editing;

/// <summary>
/// Undo and redo over immutable snapshots. Every edit of a design (a move on the canvas, a typed address, a pasted
/// device) produces a new snapshot, so one history serves them all and undo can never desynchronise from the model.
/// </summary>
public sealed class EditHistory<T>(T initial, int capacity = 200)
    where T : class
{
    private readonly LinkedList<(T State, string Description)> _undo = new();
    private readonly Stack<(T State, string Description)> _redo = new();

    public T Current { get; private set; } = initial;

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    /// <summary>What Undo would take back, for tooltips ("Undo move LaptopA").</summary>
    public string? UndoDescription => _undo.Last?.Value.Description;

    public string? RedoDescription => _redo.Count > 0 ? _redo.Peek().Description : null;

    /// <summary>Raised after every change of <see cref="Current"/>.</summary>
    public event Action? Changed;

    /// <summary>Records an edit. An edit that changes nothing is ignored, so it cannot clutter the history.</summary>
    public void Apply(T next, string description)
    {
        if (ReferenceEquals(next, Current) || next.Equals(Current))
        {
            return;
        }

        _undo.AddLast((Current, description));
        if (_undo.Count > capacity)
        {
            _undo.RemoveFirst();
        }

        _redo.Clear();
        Current = next;
        Changed?.Invoke();
    }

    public bool Undo()
    {
        if (_undo.Last is not { } last)
        {
            return false;
        }

        _undo.RemoveLast();
        _redo.Push((Current, last.Value.Description));
        Current = last.Value.State;
        Changed?.Invoke();
        return true;
    }

    public bool Redo()
    {
        if (!_redo.TryPop(out var next))
        {
            return false;
        }

        _undo.AddLast((Current, next.Description));
        Current = next.State;
        Changed?.Invoke();
        return true;
    }

    /// <summary>Starts over from a state that is not an edit (a reload, a restored revision), clearing both stacks.</summary>
    public void Reset(T state)
    {
        _undo.Clear();
        _redo.Clear();
        Current = state;
        Changed?.Invoke();
    }
}
