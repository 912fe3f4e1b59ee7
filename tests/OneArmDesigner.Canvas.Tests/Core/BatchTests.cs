using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Tests.Core;

public class BatchTests
{
    [Fact]
    public void Batch_FoldsManyChangesIntoOneNotification()
    {
        var s = new Scene();
        var changes = new List<ChangeKinds>();
        s.Diagram.Changed += (_, e) => changes.Add(e.Kinds);

        using (s.Diagram.Batch())
        {
            s.A.Position = new Point(5, 5);
            s.B.Label = "Core";
            s.C.Flags = ElementFlags.Dimmed;
            s.Diagram.Nodes.Add(new NodeModel("d"));
            s.Diagram.Select(s.A);
            s.Diagram.PanBy(new Point(10, 0));
            Assert.Empty(changes);
        }

        var kinds = Assert.Single(changes);
        Assert.Equal(
            ChangeKinds.Elements | ChangeKinds.Structure | ChangeKinds.Selection | ChangeKinds.Viewport,
            kinds);
    }

    [Fact]
    public void Batch_RaisesEachElementsChangedOnce_BeforeTheDiagramsChanged()
    {
        var s = new Scene();
        var log = new List<string>();
        s.A.Changed += (_, _) => log.Add("A");
        s.AB.Changed += (_, _) => log.Add("AB");
        s.Diagram.Changed += (_, _) => log.Add("diagram");

        using (s.Diagram.Batch())
        {
            s.A.Position = new Point(1, 1);
            s.A.Position = new Point(2, 2);
            s.A.Label = "moved";
        }

        Assert.Equal(["A", "AB", "diagram"], log);
    }

    [Fact]
    public void NestedBatches_NotifyWhenTheOutermostEnds()
    {
        var s = new Scene();
        var changed = 0;
        s.Diagram.Changed += (_, _) => changed++;

        using (s.Diagram.Batch())
        {
            using (s.Diagram.Batch())
            {
                s.A.Label = "1";
            }

            Assert.Equal(0, changed);
            s.B.Label = "2";
        }

        Assert.Equal(1, changed);
    }

    [Fact]
    public void ChangesMadeByAHandler_AreNotifiedAfterwards()
    {
        var s = new Scene();
        var seen = new List<ChangeKinds>();
        s.Diagram.Changed += (_, e) =>
        {
            seen.Add(e.Kinds);
            if (seen.Count == 1)
            {
                s.B.Label = "reaction";
            }
        };

        s.A.Label = "action";

        Assert.Equal(2, seen.Count);
        Assert.Equal("reaction", s.B.Label);
    }

    [Fact]
    public void WithoutABatch_EachChangeNotifies()
    {
        var s = new Scene();
        var changed = 0;
        s.Diagram.Changed += (_, _) => changed++;

        s.A.Label = "1";
        s.B.Label = "2";

        Assert.Equal(2, changed);
    }
}
