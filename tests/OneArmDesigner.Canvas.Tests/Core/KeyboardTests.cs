using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Tests.Core;

public class KeyboardTests
{
    [Theory]
    [InlineData("Delete")]
    [InlineData("Backspace")]
    public void DeleteKey_RequestsDeletionOfTheSelection_WithoutRemovingAnything(string key)
    {
        var s = new Scene();
        s.Diagram.Select([s.A, s.AB]);
        DeleteRequestedEventArgs? request = null;
        s.Diagram.DeleteRequested += (_, e) => request = e;

        s.Diagram.OnKeyDown(key);

        Assert.Equal([s.A], request!.Nodes);
        Assert.Equal([s.AB], request.Links);
        Assert.Equal(3, s.Diagram.Nodes.Count);
    }

    [Fact]
    public void DeleteKey_WithNothingSelected_RaisesNothing()
    {
        var s = new Scene();
        var raised = false;
        s.Diagram.DeleteRequested += (_, _) => raised = true;

        s.Diagram.OnKeyDown("Delete");

        Assert.False(raised);
    }

    [Theory]
    [InlineData(KeyModifiers.Control)]
    [InlineData(KeyModifiers.Meta)]
    public void CtrlA_SelectsAll(KeyModifiers modifier)
    {
        var s = new Scene();
        s.Diagram.OnKeyDown("a", modifier);

        Assert.Equal(4, s.Diagram.Selection.Count);
    }

    [Fact]
    public void Escape_ClearsSelection()
    {
        var s = new Scene();
        s.Diagram.SelectAll();
        s.Diagram.OnKeyDown("Escape");

        Assert.Empty(s.Diagram.Selection);
    }

    [Theory]
    [InlineData("ArrowRight", KeyModifiers.None, 20, 0)]
    [InlineData("ArrowLeft", KeyModifiers.None, -20, 0)]
    [InlineData("ArrowUp", KeyModifiers.None, 0, -20)]
    [InlineData("ArrowDown", KeyModifiers.Shift, 0, 200)]
    public void ArrowKeys_NudgeSelectedNodesByGridSteps(string key, KeyModifiers modifiers, double dx, double dy)
    {
        var s = new Scene();
        s.Diagram.Select([s.A, s.B]);
        NodesMovedEventArgs? moved = null;
        s.Diagram.NodesMoved += (_, e) => moved = e;

        s.Diagram.OnKeyDown(key, modifiers);

        Assert.Equal(new Point(dx, dy), s.A.Position);
        Assert.Equal(new Point(100 + dx, dy), s.B.Position);
        Assert.Equal(2, moved!.Moves.Count);
        Assert.Equal(new Point(0, 0), moved.Moves[0].From);
    }

    [Fact]
    public void ArrowKey_WithoutSnapping_NudgesOneUnit()
    {
        var s = new Scene(options: new DiagramOptions { SnapToGrid = false });
        s.Diagram.Select(s.A);

        s.Diagram.OnKeyDown("ArrowRight");

        Assert.Equal(new Point(1, 0), s.A.Position);
    }

    [Theory]
    [InlineData("z", KeyModifiers.Control, DiagramCommand.Undo)]
    [InlineData("y", KeyModifiers.Control, DiagramCommand.Redo)]
    [InlineData("Z", KeyModifiers.Control | KeyModifiers.Shift, DiagramCommand.Redo)]
    [InlineData("c", KeyModifiers.Control, DiagramCommand.Copy)]
    [InlineData("x", KeyModifiers.Meta, DiagramCommand.Cut)]
    [InlineData("v", KeyModifiers.Control, DiagramCommand.Paste)]
    public void Shortcuts_RaiseCommandsForTheApp(string key, KeyModifiers modifiers, DiagramCommand expected)
    {
        var s = new Scene();
        var commands = new List<DiagramCommand>();
        s.Diagram.CommandRequested += (_, e) => commands.Add(e.Command);

        s.Diagram.OnKeyDown(key, modifiers);

        Assert.Equal([expected], commands);
    }

    [Fact]
    public void PlainLetters_AreNotCommands()
    {
        var s = new Scene();
        var raised = false;
        s.Diagram.CommandRequested += (_, _) => raised = true;

        s.Diagram.OnKeyDown("z");
        s.Diagram.OnKeyDown("c");

        Assert.False(raised);
    }

    [Fact]
    public void PlusAndMinus_ZoomAboutTheMiddle_AndZeroZoomsToFit()
    {
        var s = new Scene();
        var start = s.Diagram.Viewport.Zoom;

        s.Diagram.OnKeyDown("+");
        Assert.Equal(start * KeyboardBehavior.ZoomStep, s.Diagram.Viewport.Zoom, 6);

        s.Diagram.OnKeyDown("-");
        s.Diagram.OnKeyDown("-");
        Assert.Equal(start / KeyboardBehavior.ZoomStep, s.Diagram.Viewport.Zoom, 6);

        s.Diagram.OnKeyDown("0");
        var fitted = s.Diagram.Viewport;
        s.Diagram.ZoomToFit();
        Assert.Equal(fitted, s.Diagram.Viewport);
    }
}
