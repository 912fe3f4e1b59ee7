namespace OneArmDesigner.Canvas;

/// <summary>
/// A node or a link: something that can be selected, styled with state flags, and observed for changes.
/// Every property setter notifies <see cref="Changed"/> (deferred and coalesced inside <see cref="Diagram.Batch"/>).
/// </summary>
public abstract class SelectableElement : DiagramElement
{
    private Diagram? _diagram;
    private ElementFlags _flags;
    private string? _cssClass;
    private string? _title;

    private protected SelectableElement(string id)
        : base(id)
    {
    }

    /// <summary>Raised after this element changed; renderers redraw on it.</summary>
    public event EventHandler? Changed;

    /// <inheritdoc />
    public override Diagram? Diagram => _diagram;

    /// <summary>True while the element is in its diagram's selection. Change it through the diagram's selection methods.</summary>
    public bool IsSelected { get; private set; }

    /// <summary>Visual state flags (highlighted, error, warning, dimmed).</summary>
    public ElementFlags Flags
    {
        get => _flags;
        set => Set(ref _flags, value);
    }

    /// <summary>Extra CSS classes the renderer adds to the element, for app-specific styling.</summary>
    public string? CssClass
    {
        get => _cssClass;
        set => Set(ref _cssClass, value);
    }

    /// <summary>Tooltip and accessible name; the renderer falls back to a description built from labels.</summary>
    public string? Title
    {
        get => _title;
        set => Set(ref _title, value);
    }

    /// <summary>Any app data to carry with the element (for example the domain object). Never rendered, never notified.</summary>
    public object? Tag { get; set; }

    /// <summary>True when every flag in <paramref name="flags"/> is set.</summary>
    public bool HasFlags(ElementFlags flags) => (_flags & flags) == flags;

    /// <summary>Sets or clears the given flags, leaving the others alone.</summary>
    public void SetFlags(ElementFlags flags, bool on) => Flags = on ? _flags | flags : _flags & ~flags;

    /// <summary>Asks renderers to redraw this element, for example after app state its template reads has changed.</summary>
    public void Refresh() => NotifyChanged(ChangeKinds.Elements);

    internal void AttachTo(Diagram? diagram) => _diagram = diagram;

    internal void SetSelected(bool selected)
    {
        if (IsSelected != selected)
        {
            IsSelected = selected;
            NotifyChanged(ChangeKinds.Elements | ChangeKinds.Selection);
        }
    }

    internal void RaiseChanged() => Changed?.Invoke(this, EventArgs.Empty);

    /// <summary>Records a change: through the diagram (so batches coalesce it) or, when detached, at once.</summary>
    private protected void NotifyChanged(ChangeKinds kinds)
    {
        if (_diagram is { } diagram)
        {
            diagram.MarkChanged(this, kinds);
        }
        else
        {
            RaiseChanged();
        }
    }

    /// <summary>
    /// Sets something the label layout depends on: the labels are laid out again before the element redraws (with
    /// whatever else <paramref name="alsoChanged"/> marks, in the same notification).
    /// </summary>
    private protected void SetLabel<T>(ref T field, T value, Action? alsoChanged = null)
    {
        if (EqualityComparer<T>.Default.Equals(field, value))
        {
            return;
        }

        using (_diagram?.Batch())
        {
            field = value;
            _diagram?.InvalidateLabels();
            NotifyChanged(ChangeKinds.Elements);
            alsoChanged?.Invoke();
        }
    }

    private protected bool Set<T>(ref T field, T value, ChangeKinds kinds = ChangeKinds.Elements)
    {
        if (EqualityComparer<T>.Default.Equals(field, value))
        {
            return false;
        }

        field = value;
        NotifyChanged(kinds);
        return true;
    }
}
