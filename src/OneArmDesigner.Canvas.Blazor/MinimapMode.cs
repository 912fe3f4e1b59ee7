namespace OneArmDesigner.Canvas.Blazor;

/// <summary>When a <see cref="DiagramCanvas"/> shows its minimap.</summary>
public enum MinimapMode
{
    /// <summary>Once the diagram has <see cref="DiagramCanvas.MinimapThreshold"/> nodes.</summary>
    Auto,

    Always,

    Never,
}
