using OneArmDesigner.Web.Editing;

namespace OneArmDesigner.Web.Tests.Editing;

public sealed class EditHistoryTests
{
    private sealed record Doc(string Text);

    [Fact]
    public void Undo_returns_to_the_previous_state_and_redo_reapplies_the_edit()
    {
        var history = new EditHistory<Doc>(new Doc("a"));
        history.Apply(new Doc("ab"), "type b");
        history.Apply(new Doc("abc"), "type c");

        Assert.True(history.Undo());
        Assert.Equal("ab", history.Current.Text);
        Assert.Equal("type b", history.UndoDescription);
        Assert.Equal("type c", history.RedoDescription);

        Assert.True(history.Redo());
        Assert.Equal("abc", history.Current.Text);
    }

    [Fact]
    public void A_new_edit_after_undo_discards_the_redo_branch()
    {
        var history = new EditHistory<Doc>(new Doc("a"));
        history.Apply(new Doc("ab"), "type b");
        history.Undo();

        history.Apply(new Doc("ax"), "type x");

        Assert.False(history.CanRedo);
        Assert.False(history.Redo());
        Assert.Equal("ax", history.Current.Text);
    }

    [Fact]
    public void An_edit_that_changes_nothing_is_not_recorded()
    {
        var history = new EditHistory<Doc>(new Doc("a"));

        history.Apply(new Doc("a"), "no-op");

        Assert.False(history.CanUndo);
    }

    [Fact]
    public void The_oldest_edits_fall_off_beyond_the_capacity()
    {
        var history = new EditHistory<Doc>(new Doc("0"), capacity: 3);
        for (var i = 1; i <= 5; i++)
        {
            history.Apply(new Doc(i.ToString()), $"edit {i}");
        }

        var undone = 0;
        while (history.Undo())
        {
            undone++;
        }

        Assert.Equal(3, undone);
        Assert.Equal("2", history.Current.Text);
    }

    [Fact]
    public void Reset_clears_both_stacks_and_announces_the_change()
    {
        var history = new EditHistory<Doc>(new Doc("a"));
        history.Apply(new Doc("b"), "b");
        history.Undo();
        var changes = 0;
        history.Changed += () => changes++;

        history.Reset(new Doc("restored"));

        Assert.False(history.CanUndo);
        Assert.False(history.CanRedo);
        Assert.Equal(1, changes);
    }
}
