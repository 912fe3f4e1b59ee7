using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Behaviors;

/// <summary>
/// Shortcuts on the focused canvas. Delete/Backspace request deletion of the selection; Ctrl+A selects all; arrow
/// keys nudge the selected nodes by one grid step (one unit without snapping; Shift for ten); Escape cancels a
/// gesture or clears the selection; Ctrl+Z, Ctrl+Y (or Ctrl+Shift+Z), Ctrl+C, Ctrl+X and Ctrl+V raise
/// <see cref="Diagram.CommandRequested"/>. + and − zoom about the middle of the view, 0 zooms to fit. Cmd works like
/// Ctrl. Edits are refused while read-only.
/// </summary>
public sealed class KeyboardBehavior : DiagramBehavior
{
    protected internal override void OnKeyDown(KeyInput input)
    {
        if (input.CommandKey)
        {
            OnShortcut(input);
            return;
        }

        switch (input.Key)
        {
            case "Delete" or "Backspace":
                Diagram.RequestDelete();
                break;
            case "Escape" when Diagram.ActiveGesture is not null:
                Diagram.OnPointerCancel();
                break;
            case "Escape":
                Diagram.ClearSelection();
                break;
            case "ArrowLeft":
                Nudge(input, -1, 0);
                break;
            case "ArrowRight":
                Nudge(input, 1, 0);
                break;
            case "ArrowUp":
                Nudge(input, 0, -1);
                break;
            case "ArrowDown":
                Nudge(input, 0, 1);
                break;
            case "+" or "=":
                Diagram.ZoomBy(ZoomStep);
                break;
            case "-":
                Diagram.ZoomBy(1 / ZoomStep);
                break;
            case "0":
                Diagram.ZoomToFit();
                break;
        }
    }

    /// <summary>One press of + or − zooms by this factor about the middle of the view.</summary>
    public const double ZoomStep = 1.25;

    private void OnShortcut(KeyInput input)
    {
        DiagramCommand? command = input.Key.ToLowerInvariant() switch
        {
            "z" when input.Shift => DiagramCommand.Redo,
            "z" => DiagramCommand.Undo,
            "y" => DiagramCommand.Redo,
            "c" => DiagramCommand.Copy,
            "x" => DiagramCommand.Cut,
            "v" => DiagramCommand.Paste,
            _ => null,
        };

        if (command is { } c)
        {
            Diagram.RequestCommand(c);
        }
        else if (input.Is("a"))
        {
            Diagram.SelectAll();
        }
    }

    private void Nudge(KeyInput input, int dx, int dy)
    {
        var options = Diagram.Options;
        var step = (options.SnapToGrid ? options.GridSize : 1) * (input.Shift ? 10 : 1);
        var delta = new Point(dx * step, dy * step);
        var moves = Diagram.Nodes.WithContents(Diagram.SelectedNodes).Select(n => new NodeMove(n, n.Position, n.Position + delta)).ToArray();
        if (moves.Length > 0)
        {
            Diagram.MoveNodes(moves);
        }
    }
}
