namespace OneArmDesigner.Domain.Model;

/// <summary>Where a device sits on the canvas, in canvas units. The engine ignores it.</summary>
public readonly record struct Position(double X, double Y);
