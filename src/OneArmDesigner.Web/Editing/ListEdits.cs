namespace OneArmDesigner.Web.Editing;

/// <summary>The list operations of rule tables (routes, NAT rules, access lists): each returns a new list.</summary>
public static class ListEdits
{
    /// <summary>The list with <paramref name="item"/> in place of the entry at <paramref name="index"/>, or added at the end when the index is null.</summary>
    public static IReadOnlyList<T> Put<T>(IReadOnlyList<T> list, int? index, T item) =>
        index is { } at && at >= 0 && at < list.Count ? [.. list.Select((x, i) => i == at ? item : x)] : [.. list, item];

    public static IReadOnlyList<T> Without<T>(IReadOnlyList<T> list, int index) => [.. list.Where((_, i) => i != index)];

    /// <summary>The list with the entry at <paramref name="index"/> moved one place up (-1) or down (+1); unchanged at either end.</summary>
    public static IReadOnlyList<T> Move<T>(IReadOnlyList<T> list, int index, int by)
    {
        var to = index + by;
        if (index < 0 || index >= list.Count || to < 0 || to >= list.Count)
        {
            return list;
        }

        var moved = list.ToList();
        (moved[index], moved[to]) = (moved[to], moved[index]);
        return moved;
    }
}
