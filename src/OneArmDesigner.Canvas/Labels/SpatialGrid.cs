using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Labels;

/// <summary>
/// Boxes and line segments bucketed by grid cell, so a label's collision test looks only at what is near it and a
/// large diagram's layout stays linear in its size.
/// </summary>
internal sealed class SpatialGrid(double cellSize)
{
    /// <summary>A segment whose bounding box spans more cells than this is bucketed along its length instead.</summary>
    private const int MaxBoxCells = 64;

    /// <summary>
    /// A cell holding more distinct boxes (or lines) than this counts as full: nothing placed there could be read, and
    /// scanning such a cell for every label is what made a diagram whose nodes crowd one spot quadratic. Identical boxes
    /// (nodes stacked exactly, as a design made without positions has them) are kept once, so those still get labels.
    /// </summary>
    private const int CrowdedCell = 256;

    /// <summary>Boxes placed edge to edge differ by floating-point rounding; that is not an overlap.</summary>
    private const double Rounding = 1e-6;

    private readonly Dictionary<(int X, int Y), Bucket<Rect>> _boxes = [];
    private readonly Dictionary<(int X, int Y), Bucket<(Point A, Point B)>> _segments = [];

    public void Add(Rect box)
    {
        foreach (var cell in Cells(box))
        {
            BucketAt(_boxes, cell).Add(box);
        }
    }

    public void Add(Point a, Point b)
    {
        var bounds = Rect.FromPoints(a, b);
        var cells = Cells(bounds).ToList();
        if (cells.Count <= MaxBoxCells)
        {
            foreach (var cell in cells)
            {
                BucketAt(_segments, cell).Add((a, b));
            }

            return;
        }

        // Walk the segment in steps of a third of a cell, bucketing each cell it passes through. A line that only
        // clips a cell's corner can be missed; lines are a preference for labels, not a rule, so that is acceptable.
        var seen = new HashSet<(int, int)>();
        var steps = (int)Math.Ceiling(a.DistanceTo(b) / (cellSize / 3));
        for (var i = 0; i <= steps; i++)
        {
            var cell = CellOf(a.Lerp(b, (double)i / steps));
            if (seen.Add(cell))
            {
                BucketAt(_segments, cell).Add((a, b));
            }
        }
    }

    // Plain loops: these two run for every candidate place of every label, most of which fail far zoomed out.
    public bool HitsBox(Rect box)
    {
        var (x0, y0) = CellOf(box.TopLeft);
        var (x1, y1) = CellOf(new Point(box.Right, box.Bottom));
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                if (_boxes.TryGetValue((x, y), out var bucket) && (bucket.Full || AnyOverlap(box, bucket.Items)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public bool HitsSegment(Rect box)
    {
        var (x0, y0) = CellOf(box.TopLeft);
        var (x1, y1) = CellOf(new Point(box.Right, box.Bottom));
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                if (_segments.TryGetValue((x, y), out var bucket) && (bucket.Full || AnyCrossing(box, bucket.Items)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool AnyOverlap(Rect box, List<Rect> others)
    {
        foreach (var other in others)
        {
            if (Overlap(box, other))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyCrossing(Rect box, List<(Point A, Point B)> segments)
    {
        foreach (var (a, b) in segments)
        {
            if (Crosses(box, a, b))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether two boxes share area; boxes that only touch (to within rounding) do not overlap.</summary>
    private static bool Overlap(Rect a, Rect b) =>
        a.Left < b.Right - Rounding && a.Right > b.Left + Rounding && a.Top < b.Bottom - Rounding && a.Bottom > b.Top + Rounding;

    /// <summary>Whether the segment passes through the box (Liang–Barsky clipping).</summary>
    internal static bool Crosses(Rect box, Point a, Point b)
    {
        double t0 = 0, t1 = 1;
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        return Clip(-dx, a.X - box.Left) && Clip(dx, box.Right - a.X) && Clip(-dy, a.Y - box.Top) && Clip(dy, box.Bottom - a.Y);

        bool Clip(double p, double q)
        {
            if (p == 0)
            {
                return q >= 0;
            }

            var r = q / p;
            if (p < 0)
            {
                if (r > t1)
                {
                    return false;
                }

                t0 = Math.Max(t0, r);
            }
            else
            {
                if (r < t0)
                {
                    return false;
                }

                t1 = Math.Min(t1, r);
            }

            return true;
        }
    }

    private (int X, int Y) CellOf(Point p) => ((int)Math.Floor(p.X / cellSize), (int)Math.Floor(p.Y / cellSize));

    private IEnumerable<(int X, int Y)> Cells(Rect box)
    {
        var (x0, y0) = CellOf(box.TopLeft);
        var (x1, y1) = CellOf(new Point(box.Right, box.Bottom));
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                yield return (x, y);
            }
        }
    }

    private static Bucket<T> BucketAt<T>(Dictionary<(int X, int Y), Bucket<T>> buckets, (int X, int Y) cell)
    {
        if (!buckets.TryGetValue(cell, out var bucket))
        {
            buckets[cell] = bucket = new Bucket<T>();
        }

        return bucket;
    }

    /// <summary>
    /// One cell's distinct items, in a list to scan; once it holds more than <see cref="CrowdedCell"/> it is full and
    /// stops taking more, as nothing further changes what it answers.
    /// </summary>
    private sealed class Bucket<T>
    {
        private readonly HashSet<T> _distinct = [];

        public List<T> Items { get; } = [];

        public bool Full => Items.Count > CrowdedCell;

        public void Add(T item)
        {
            if (!Full && _distinct.Add(item))
            {
                Items.Add(item);
            }
        }
    }
}
