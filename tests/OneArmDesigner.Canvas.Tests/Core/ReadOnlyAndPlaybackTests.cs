using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Tests.Core;

public class ReadOnlyAndPlaybackTests
{
    public static TheoryData<string> Modes => new() { "read-only option", "playback set" };

    [Theory]
    [MemberData(nameof(Modes))]
    public void EditsAreRefused_ButSelectPanAndZoomWork(string mode)
    {
        var s = mode == "playback set"
            ? new Scene(BehaviorSets.Playback())
            : new Scene(options: new DiagramOptions { ReadOnly = true });
        var edits = new List<string>();
        s.Diagram.NodesMoved += (_, _) => edits.Add("moved");
        s.Diagram.LinkRequested += (_, _) => edits.Add("link");
        s.Diagram.DeleteRequested += (_, _) => edits.Add("delete");
        s.Diagram.CommandRequested += (_, e) => edits.Add(e.Command.ToString());

        s.Drag(s.A, new Point(10, 10), new Point(90, 90));
        s.Drag(s.A.GetPort(PortSide.Right), new Point(40, 20), new Point(220, 20), dropTarget: s.C);
        s.Diagram.OnKeyDown("ArrowRight");
        s.Diagram.OnKeyDown("Delete");
        s.Diagram.OnKeyDown("z", KeyModifiers.Control);
        s.Diagram.OnKeyDown("v", KeyModifiers.Control);

        Assert.Empty(edits);
        Assert.Equal(new Point(0, 0), s.A.Position);
        Assert.Equal([s.A], s.Diagram.Selection);

        s.Drag(null, new Point(500, 500), new Point(520, 500));
        Assert.Equal(new Point(20, 0), s.Diagram.Viewport.Pan);
        s.Diagram.OnWheel(new Point(10, 10), -100);
        Assert.True(s.Diagram.Viewport.Zoom > 1);
    }

    [Fact]
    public void ReadOnly_StillAllowsCopy()
    {
        var s = new Scene(options: new DiagramOptions { ReadOnly = true });
        var commands = new List<DiagramCommand>();
        s.Diagram.CommandRequested += (_, e) => commands.Add(e.Command);

        s.Diagram.OnKeyDown("c", KeyModifiers.Control);

        Assert.Equal([DiagramCommand.Copy], commands);
    }

    [Fact]
    public void ReadOnly_RefusesProgrammaticUserEditsToo()
    {
        var s = new Scene(options: new DiagramOptions { ReadOnly = true });
        s.Diagram.Select(s.A);

        Assert.False(s.Diagram.MoveNodes([new NodeMove(s.A, s.A.Position, new Point(5, 5))]));
        Assert.False(s.Diagram.RequestDelete());
        Assert.False(s.Diagram.RequestLink(s.A, null, s.B, null));
        Assert.Equal(new Point(0, 0), s.A.Position);
    }

    [Fact]
    public void SwitchingToPlayback_DetachesTheEditingBehaviours()
    {
        var s = new Scene();
        var editing = s.Diagram.Behaviors.ToArray();

        s.Diagram.UseBehaviors(BehaviorSets.Playback());

        Assert.All(editing, b => Assert.False(b.IsAttached));
        Assert.False(s.Diagram.Behaviors.Contains<DragMoveBehavior>());
        Assert.True(s.Diagram.Behaviors.Contains<PanBehavior>());
    }

    [Fact]
    public void SwitchingBehavioursMidDrag_CancelsTheDrag()
    {
        var s = new Scene();
        s.Diagram.OnPointerDown(s.A, new Point(10, 10));
        s.Diagram.OnPointerMove(null, new Point(90, 90));

        s.Diagram.UseBehaviors(BehaviorSets.Playback());

        Assert.Equal(new Point(0, 0), s.A.Position);
        Assert.Null(s.Diagram.ActiveGesture);
    }

    [Fact]
    public void ABehaviour_BelongsToOneDiagram()
    {
        var select = new SelectBehavior();
        _ = new Diagram(behaviors: [select]);

        Assert.Throws<InvalidOperationException>(() => new Diagram(behaviors: [select]));
    }
}
