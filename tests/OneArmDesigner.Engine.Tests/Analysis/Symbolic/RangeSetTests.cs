using OneArmDesigner.Engine.Analysis.Symbolic;

namespace OneArmDesigner.Engine.Tests.Analysis.Symbolic;

/// <summary>Host sets as sorted ranges: building them from runs and uniting them.</summary>
public sealed class RangeSetTests
{
    [Fact]
    public void Runs_in_order_of_start_join_where_they_touch_or_overlap()
    {
        var set = RangeSet.OfSortedRuns([(0, 10), (2, 3), (5, 6), (10, 12), (14, 15)]);

        Assert.Equal("0-11,14", set.ToString());
        Assert.Equal(13, set.Count);
    }

    [Fact]
    public void The_union_of_overlapping_sets_holds_each_host_once()
    {
        var union = RangeSet.UnionOf([RangeSet.Range(5, 9), RangeSet.Range(0, 6), RangeSet.Of(20), RangeSet.Range(9, 10)]);

        Assert.Equal("0-9,20", union.ToString());
        Assert.Equal(RangeSet.Range(0, 10).Union(RangeSet.Of(20)), union);
    }
}
