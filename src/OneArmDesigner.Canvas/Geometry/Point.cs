namespace OneArmDesigner.Canvas.Geometry;

/// <summary>A point (or a displacement) in either screen or diagram coordinates.</summary>
/// <param name="X">Horizontal coordinate; grows to the right.</param>
/// <param name="Y">Vertical coordinate; grows downwards, as in SVG.</param>
public readonly record struct Point(double X, double Y)
{
    /// <summary>The origin, (0, 0).</summary>
    public static Point Zero => default;

    /// <summary>Distance from the origin, when the point is used as a displacement.</summary>
    public double Length => Math.Sqrt((X * X) + (Y * Y));

    /// <summary>Straight-line distance to <paramref name="other"/>.</summary>
    public double DistanceTo(Point other) => (other - this).Length;

    /// <summary>The point a fraction <paramref name="t"/> of the way from this point to <paramref name="other"/>.</summary>
    public Point Lerp(Point other, double t) => new(X + ((other.X - X) * t), Y + ((other.Y - Y) * t));

    public static Point operator +(Point a, Point b) => new(a.X + b.X, a.Y + b.Y);

    public static Point operator -(Point a, Point b) => new(a.X - b.X, a.Y - b.Y);

    public static Point operator *(Point p, double factor) => new(p.X * factor, p.Y * factor);

    public static Point operator /(Point p, double divisor) => new(p.X / divisor, p.Y / divisor);

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"({X}, {Y})");
}
