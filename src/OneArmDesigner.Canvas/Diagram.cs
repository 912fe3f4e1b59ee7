using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Canvas.Labels;

namespace OneArmDesigner.Canvas;

/// <summary>
/// The diagram: nodes, links, selection and viewport, and the event bus between a renderer and the behaviours.
/// A renderer reports raw input with the element hit (<see cref="OnPointerDown"/> and friends); behaviours turn
/// it into selection, viewport and position changes, and into requests the app decides on
/// (<see cref="LinkRequested"/>, <see cref="DeleteRequested"/>, <see cref="CommandRequested"/>).
/// Not thread-safe: use it from one thread at a time (in Blazor, the renderer's dispatcher).
/// </summary>
public sealed partial class Diagram
{
    private readonly List<SelectableElement> _dirty = [];
    private readonly HashSet<SelectableElement> _dirtySet = [];
    private ChangeKinds _pendingKinds;
    private int _batchDepth;
    private bool _flushing;
    private bool _labelsDirty = true;

    /// <summary>Creates an empty diagram.</summary>
    /// <param name="options">Policies and settings; defaults when omitted.</param>
    /// <param name="behaviors">The behaviour set; <see cref="BehaviorSets.Editing"/> when omitted.</param>
    public Diagram(DiagramOptions? options = null, IEnumerable<DiagramBehavior>? behaviors = null)
    {
        Options = options ?? new DiagramOptions();
        Options.Changed += OnOptionsChanged;
        Nodes = new NodeCollection(this);
        Links = new LinkCollection(this);
        Behaviors = new BehaviorCollection(this);
        UseBehaviors(behaviors ?? BehaviorSets.Editing());
    }

    /// <summary>
    /// Raised once after any change, or once at the end of the outermost <see cref="Batch"/>, after the changed
    /// elements' own <see cref="SelectableElement.Changed"/> events.
    /// </summary>
    public event EventHandler<DiagramChangedEventArgs>? Changed;

    public DiagramOptions Options { get; }

    public NodeCollection Nodes { get; }

    public LinkCollection Links { get; }

    /// <summary>Where every label is drawn at the current zoom; laid out again whenever that could change.</summary>
    public LabelLayout Labels { get; } = new();

    /// <summary>The attached behaviours, in priority order.</summary>
    public BehaviorCollection Behaviors { get; }

    /// <summary>Replaces the behaviour set, for example with <see cref="BehaviorSets.Playback"/>; cancels any gesture.</summary>
    public void UseBehaviors(IEnumerable<DiagramBehavior> behaviors)
    {
        ArgumentNullException.ThrowIfNull(behaviors);
        using (Batch())
        {
            OnPointerCancel();
            Behaviors.Clear();
            foreach (var behavior in behaviors)
            {
                Behaviors.Add(behavior);
            }
        }
    }

    /// <summary>Removes every node and link.</summary>
    public void Clear()
    {
        // A redraw that replaces every element (the app showing a new version of its model) abandons the press in
        // progress: the nodes it was dragging or linking from are gone, and their replacements never saw the press.
        if (ActiveGesture is not null)
        {
            OnPointerCancel();
        }

        Nodes.Clear();
    }

    /// <summary>
    /// Defers change notifications until the returned scope is disposed: each changed element then raises
    /// <see cref="SelectableElement.Changed"/> once and the diagram raises <see cref="Changed"/> once. Batches nest.
    /// </summary>
    public IDisposable Batch()
    {
        _batchDepth++;
        return new BatchScope(this);
    }

    /// <summary>Asks renderers to redraw everything, for example after the app changed what node templates read.</summary>
    public void Refresh()
    {
        using (Batch())
        {
            foreach (var node in Nodes)
            {
                node.Refresh();
            }

            foreach (var link in Links)
            {
                link.Refresh();
            }

            MarkChanged(null, ChangeKinds.Structure);
        }
    }

    internal void MarkChanged(SelectableElement? element, ChangeKinds kinds)
    {
        if (element is not null && _dirtySet.Add(element))
        {
            _dirty.Add(element);
        }

        _pendingKinds |= kinds;
        if ((kinds & (ChangeKinds.Structure | ChangeKinds.Options)) != 0)
        {
            _labelsDirty = true;
        }

        if (_batchDepth == 0)
        {
            Flush();
        }
    }

    internal void MarkLinksChanged(NodeModel node) => Links.MarkConnectedChanged(node);

    /// <summary>Something labels are placed around changed; they are laid out again before the next notification.</summary>
    internal void InvalidateLabels() => _labelsDirty = true;

    /// <summary>Lays the labels out now if anything they depend on changed, and marks the elements whose labels moved.</summary>
    private void LayOutLabels()
    {
        if (!_labelsDirty)
        {
            return;
        }

        _labelsDirty = false;
        foreach (var element in Labels.Update(this))
        {
            if (_dirtySet.Add(element))
            {
                _dirty.Add(element);
            }
        }
    }

    private void EndBatch()
    {
        if (--_batchDepth == 0)
        {
            Flush();
        }
    }

    private void Flush()
    {
        // Handlers may change the diagram again; those changes queue up and go out in the next round.
        if (_flushing)
        {
            return;
        }

        _flushing = true;
        try
        {
            while (_pendingKinds != ChangeKinds.None || _dirty.Count > 0)
            {
                LayOutLabels();
                var elements = _dirty.ToArray();
                var kinds = _pendingKinds;
                _dirty.Clear();
                _dirtySet.Clear();
                _pendingKinds = ChangeKinds.None;

                foreach (var element in elements)
                {
                    element.RaiseChanged();
                }

                if ((kinds & ChangeKinds.Selection) != 0)
                {
                    SelectionChanged?.Invoke(this, EventArgs.Empty);
                }

                if ((kinds & ChangeKinds.Viewport) != 0)
                {
                    ViewportChanged?.Invoke(this, EventArgs.Empty);
                }

                Changed?.Invoke(this, new DiagramChangedEventArgs(kinds));
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    private void OnOptionsChanged()
    {
        using (Batch())
        {
            // Re-apply the zoom limits to the current view.
            Viewport = _viewport;
            MarkChanged(null, ChangeKinds.Options);
        }
    }

    private sealed class BatchScope(Diagram diagram) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                diagram.EndBatch();
            }
        }
    }
}
