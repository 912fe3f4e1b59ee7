namespace OneArmDesigner.Canvas.Geometry;

/// <summary>An axis-aligned rectangle: a top-left corner and a size.</summary>
public readonly record struct Rect
{
    /// <summary>Creates a rectangle from its top-left corner and size.</summary>
    public Rect(double x, double y, double width, double height)
        : this(new Point(x, y), new Size(width, height))
    {
    }

    /// <summary>Creates a rectangle from its top-left corner and size.</summary>
    public Rect(Point topLeft, Size size)
    {
        TopLeft = topLeft;
        Size = size;
    }

    public Point TopLeft { get; }

    public Size Size { get; }

    public double Left => TopLeft.X;

    public double Top => TopLeft.Y;

    public double Width => Size.Width;

    public double Height => Size.Height;

    public double Right => Left + Width;

    public double Bottom => Top + Height;

    public Point Center => new(Left + (Width / 2), Top + (Height / 2));

    /// <summary>The smallest rectangle holding both points, whatever corners they are.</summary>
    public static Rect FromPoints(Point a, Point b) =>
        new(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Abs(a.X - b.X), Math.Abs(a.Y - b.Y));

    /// <summary>The smallest rectangle holding every rectangle given, or null when there are none.</summary>
    public static Rect? Union(IEnumerable<Rect> rects)
    {
        ArgumentNullException.ThrowIfNull(rects);
        Rect? result = null;
        foreach (var r in rects)
        {
            result = result is { } u
                ? FromPoints(new Point(Math.Min(u.Left, r.Left), Math.Min(u.Top, r.Top)),
                             new Point(Math.Max(u.Right, r.Right), Math.Max(u.Bottom, r.Bottom)))
                : r;
        }

        return result;
    }

    /// <summary>True when the point lies inside or on the edge.</summary>
    public bool Contains(Point p) => p.X >= Left && p.X <= Right && p.Y >= Top && p.Y <= Bottom;

    /// <summary>True when <paramref name="other"/> lies wholly inside this rectangle.</summary>
    public bool Contains(Rect other) =>
        other.Left >= Left && other.Right <= Right && other.Top >= Top && other.Bottom <= Bottom;

    /// <summary>True when the two rectangles share any area or edge.</summary>
    public bool Intersects(Rect other) =>
        other.Left <= Right && other.Right >= Left && other.Top <= Bottom && other.Bottom >= Top;

    /// <summary>This rectangle grown by <paramref name="margin"/> on every side.</summary>
    public Rect Inflate(double margin) =>
        new(Left - margin, Top - margin, Math.Max(0, Width + (2 * margin)), Math.Max(0, Height + (2 * margin)));

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"[{Left}, {Top}, {Width} × {Height}]");
}
