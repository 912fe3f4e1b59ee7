using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Labels;

/// <summary>
/// Where a label is drawn and what it says: the text (the full label, or its short form when the full one did not
/// fit) centred in <see cref="Box"/>, in diagram coordinates. A label that fits nowhere has no placement at all.
/// </summary>
public readonly record struct PlacedLabel(Rect Box, string Text);
