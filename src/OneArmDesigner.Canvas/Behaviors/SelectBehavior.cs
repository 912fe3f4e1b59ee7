namespace OneArmDesigner.Canvas.Behaviors;

/// <summary>
/// Click selection. Pressing an unselected node or link selects it alone (with Shift, Ctrl or Cmd: adds it).
/// Decisions that would spoil a drag wait for a click, a release without movement: clicking a member of a
/// multiple selection keeps just it, modifier-clicking a selected element removes it, and clicking the background
/// (without modifiers) clears the selection.
/// </summary>
public sealed class SelectBehavior : DiagramBehavior
{
    private PointerInput? _press;
    private Action? _onClick;

    protected internal override void OnPointerDown(PointerInput input)
    {
        _press = null;
        _onClick = null;
        if (input.Button != PointerButton.Primary)
        {
            return;
        }

        _press = input;
        var additive = input.Shift || input.CommandKey;
        switch (input.Target)
        {
            case SelectableElement element when additive && element.IsSelected:
                _onClick = () => Diagram.Unselect(element);
                break;
            case SelectableElement element when additive:
                Diagram.Select(element, addToSelection: true);
                break;
            case SelectableElement element when element.IsSelected:
                _onClick = () => Diagram.Select(element);
                break;
            case SelectableElement element:
                Diagram.Select(element);
                break;
            case null when !additive:
                _onClick = Diagram.ClearSelection;
                break;
        }
    }

    protected internal override void OnPointerUp(PointerInput input)
    {
        if (_press is { } press && !IsBeyondDragThreshold(press, input))
        {
            _onClick?.Invoke();
        }

        OnPointerCancel();
    }

    protected internal override void OnPointerCancel()
    {
        _press = null;
        _onClick = null;
    }
}
