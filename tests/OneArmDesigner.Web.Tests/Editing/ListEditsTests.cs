using OneArmDesigner.Web.Editing;

namespace OneArmDesigner.Web.Tests.Editing;

public sealed class ListEditsTests
{
    [Fact]
    public void Put_replaces_the_entry_at_an_index_or_appends_without_one()
    {
        Assert.Equal(["a", "X", "c"], ListEdits.Put(["a", "b", "c"], 1, "X"));
        Assert.Equal(["a", "b", "c", "X"], ListEdits.Put(["a", "b", "c"], null, "X"));
        Assert.Equal(["a", "X"], ListEdits.Put(["a"], 5, "X"));
    }

    [Fact]
    public void Move_swaps_with_a_neighbour_and_leaves_the_ends_alone()
    {
        Assert.Equal(["b", "a", "c"], ListEdits.Move(["a", "b", "c"], 1, -1));
        Assert.Equal(["a", "c", "b"], ListEdits.Move(["a", "b", "c"], 1, 1));
        Assert.Equal(["a", "b", "c"], ListEdits.Move(["a", "b", "c"], 0, -1));
        Assert.Equal(["a", "b", "c"], ListEdits.Move(["a", "b", "c"], 2, 1));
    }

    [Fact]
    public void Without_drops_one_entry() => Assert.Equal(["a", "c"], ListEdits.Without(["a", "b", "c"], 1));
}
