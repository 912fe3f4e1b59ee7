namespace OneArmDesigner.Canvas;

public sealed partial class Diagram
{
    private readonly List<SelectableElement> _selection = [];

    /// <summary>Raised once after the selection changed (once per batch).</summary>
    public event EventHandler? SelectionChanged;

    /// <summary>The selected nodes and links, in the order they were selected.</summary>
    public IReadOnlyList<SelectableElement> Selection => _selection;

    /// <summary>The selected nodes, in selection order.</summary>
    public IReadOnlyList<NodeModel> SelectedNodes => _selection.OfType<NodeModel>().ToArray();

    /// <summary>The selected links, in selection order.</summary>
    public IReadOnlyList<LinkModel> SelectedLinks => _selection.OfType<LinkModel>().ToArray();

    /// <summary>Selects an element, replacing the selection unless <paramref name="addToSelection"/>.</summary>
    public void Select(SelectableElement element, bool addToSelection = false) => Select([element], addToSelection);

    /// <summary>Selects elements, replacing the selection unless <paramref name="addToSelection"/>.</summary>
    public void Select(IEnumerable<SelectableElement> elements, bool addToSelection = false)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var chosen = elements.ToArray();
        foreach (var element in chosen)
        {
            EnsureOwn(element);
        }

        using (Batch())
        {
            if (!addToSelection)
            {
                foreach (var selected in _selection.Except(chosen).ToArray())
                {
                    Unselect(selected);
                }
            }

            foreach (var element in chosen.Where(e => !e.IsSelected))
            {
                _selection.Add(element);
                element.SetSelected(true);
            }
        }
    }

    /// <summary>Removes an element from the selection, if it is there.</summary>
    public void Unselect(SelectableElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (_selection.Remove(element))
        {
            element.SetSelected(false);
        }
    }

    /// <summary>Selects the element if it is not selected, otherwise unselects it; the rest of the selection stays.</summary>
    public void ToggleSelection(SelectableElement element)
    {
        if (element is { IsSelected: true })
        {
            Unselect(element);
        }
        else
        {
            Select(element, addToSelection: true);
        }
    }

    /// <summary>Empties the selection.</summary>
    public void ClearSelection()
    {
        using (Batch())
        {
            foreach (var element in _selection.ToArray())
            {
                Unselect(element);
            }
        }
    }

    /// <summary>Selects every node and link.</summary>
    public void SelectAll() => Select(Nodes.Cast<SelectableElement>().Concat(Links));

    private void EnsureOwn(DiagramElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.Diagram != this)
        {
            throw new ArgumentException($"{element} is not in this diagram.", nameof(element));
        }
    }
}
