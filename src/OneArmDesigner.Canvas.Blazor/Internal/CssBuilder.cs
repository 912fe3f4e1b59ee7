namespace OneArmDesigner.Canvas.Blazor.Internal;

/// <summary>Builds a class attribute from a base class and conditional ones, without string concatenation at call sites.</summary>
internal sealed class CssBuilder(string baseClass)
{
    private readonly List<string> _classes = [baseClass];

    /// <summary>Adds <paramref name="cssClass"/> when <paramref name="when"/> holds.</summary>
    public CssBuilder Add(string cssClass, bool when = true)
    {
        if (when)
        {
            _classes.Add(cssClass);
        }

        return this;
    }

    /// <summary>Adds app-supplied classes, if any.</summary>
    public CssBuilder AddRaw(string? cssClasses) => Add(cssClasses?.Trim() ?? string.Empty, !string.IsNullOrWhiteSpace(cssClasses));

    /// <summary>Adds a class per state flag, and <c>oad-selected</c> for selection.</summary>
    public CssBuilder AddStates(SelectableElement element) =>
        Add("oad-selected", element.IsSelected)
            .Add("oad-highlighted", element.HasFlags(ElementFlags.Highlighted))
            .Add("oad-error", element.HasFlags(ElementFlags.Error))
            .Add("oad-warning", element.HasFlags(ElementFlags.Warning))
            .Add("oad-dimmed", element.HasFlags(ElementFlags.Dimmed))
            .AddRaw(element.CssClass);

    public string Build() => string.Join(' ', _classes);
}
