using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Tests.Core;

public class SelectionTests
{
    [Fact]
    public void Click_OnNode_SelectsItAlone()
    {
        var s = new Scene();
        s.Click(s.A);
        s.Click(s.B);

        Assert.Equal([s.B], s.Diagram.Selection);
        Assert.False(s.A.IsSelected);
        Assert.True(s.B.IsSelected);
    }

    [Fact]
    public void ShiftClick_AddsToSelection_AndShiftClickAgainRemoves()
    {
        var s = new Scene();
        s.Click(s.A);
        s.Click(s.B, modifiers: KeyModifiers.Shift);
        Assert.Equal([s.A, s.B], s.Diagram.Selection);

        s.Click(s.A, modifiers: KeyModifiers.Shift);
        Assert.Equal([s.B], s.Diagram.Selection);
    }

    [Fact]
    public void CtrlClick_TogglesLikeShift()
    {
        var s = new Scene();
        s.Click(s.A, modifiers: KeyModifiers.Control);
        s.Click(s.C, modifiers: KeyModifiers.Meta);
        s.Click(s.A, modifiers: KeyModifiers.Control);

        Assert.Equal([s.C], s.Diagram.Selection);
    }

    [Fact]
    public void Click_OnMemberOfMultipleSelection_KeepsOnlyIt()
    {
        var s = new Scene();
        s.Diagram.Select([s.A, s.B, s.C]);
        s.Click(s.B);

        Assert.Equal([s.B], s.Diagram.Selection);
    }

    [Fact]
    public void Click_OnLink_SelectsTheLink()
    {
        var s = new Scene();
        s.Click(s.AB);

        Assert.Equal([s.AB], s.Diagram.SelectedLinks);
        Assert.Empty(s.Diagram.SelectedNodes);
    }

    [Fact]
    public void Click_OnBackground_ClearsSelection()
    {
        var s = new Scene();
        s.Diagram.Select([s.A, s.AB]);
        s.Click(null, 500, 500);

        Assert.Empty(s.Diagram.Selection);
        Assert.False(s.AB.IsSelected);
    }

    [Fact]
    public void DragOnBackground_PansWithoutClearingSelection()
    {
        var s = new Scene();
        s.Diagram.Select(s.A);
        s.Drag(null, new Point(500, 500), new Point(560, 520));

        Assert.Equal([s.A], s.Diagram.Selection);
    }

    [Fact]
    public void SelectionChanged_IsRaisedOncePerClick()
    {
        var s = new Scene();
        s.Diagram.Select([s.A, s.B]);
        var raised = 0;
        s.Diagram.SelectionChanged += (_, _) => raised++;

        s.Click(s.C);

        Assert.Equal(1, raised);
    }

    [Fact]
    public void SelectAll_SelectsNodesAndLinks()
    {
        var s = new Scene();
        s.Diagram.SelectAll();

        Assert.Equal(3, s.Diagram.SelectedNodes.Count);
        Assert.Equal([s.AB], s.Diagram.SelectedLinks);
    }

    [Fact]
    public void Select_ElementOfAnotherDiagram_Throws()
    {
        var s = new Scene();
        var stranger = new Diagram().Nodes.Add(new NodeModel("x"));

        Assert.Throws<ArgumentException>(() => s.Diagram.Select(stranger));
    }
}
