namespace OneArmDesigner.Canvas.Geometry;

/// <summary>A width and a height, never negative.</summary>
public readonly record struct Size
{
    /// <summary>Creates a size; negative values are rejected.</summary>
    public Size(double width, double height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        Width = width;
        Height = height;
    }

    /// <summary>The empty size, 0 × 0.</summary>
    public static Size Empty => default;

    public double Width { get; }

    public double Height { get; }

    /// <summary>True when either dimension is zero.</summary>
    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Width} × {Height}");
}
