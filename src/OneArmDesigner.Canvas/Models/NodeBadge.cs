namespace OneArmDesigner.Canvas;

/// <summary>A small pill drawn at a node's top-right corner (a count, a warning sign, a state).</summary>
/// <param name="Text">Short text shown in the pill; keep it to a few characters.</param>
/// <param name="Kind">Optional style key; the renderer adds the CSS class <c>oad-badge-{Kind}</c>.</param>
/// <param name="Title">Optional tooltip and accessible description.</param>
public sealed record NodeBadge(string Text, string? Kind = null, string? Title = null);
