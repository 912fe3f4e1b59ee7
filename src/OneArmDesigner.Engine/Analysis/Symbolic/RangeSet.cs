using System.Runtime.InteropServices;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>
/// A set of host indexes kept as sorted, disjoint, non-adjacent half-open ranges. Hosts are numbered in address
/// order, so the hosts a route, an access-list line or a subnet singles out are a few ranges, however many there are.
/// Immutable; equal sets have equal range arrays.
/// </summary>
internal readonly struct RangeSet : IEquatable<RangeSet>
{
    // Flattened pairs: start0, end0, start1, end1, ...
    private readonly int[] _bounds;

    private RangeSet(int[] bounds) => _bounds = bounds;

    public static RangeSet Empty { get; } = new([]);

    public static RangeSet Of(int index) => new([index, index + 1]);

    public static RangeSet Range(int start, int end) => start < end ? new([start, end]) : Empty;

    public bool IsEmpty => Bounds.Length == 0;

    public int RangeCount => Bounds.Length / 2;

    public int First => Bounds[0];

    public int Last => Bounds[^1] - 1;

    public long Count
    {
        get
        {
            long count = 0;
            for (var i = 0; i < Bounds.Length; i += 2)
            {
                count += Bounds[i + 1] - Bounds[i];
            }

            return count;
        }
    }

    private int[] Bounds => _bounds ?? [];

    public (int Start, int End) RangeAt(int i) => (Bounds[2 * i], Bounds[2 * i + 1]);

    public bool Contains(int index)
    {
        var bounds = Bounds;
        for (var i = 0; i < bounds.Length; i += 2)
        {
            if (index < bounds[i])
            {
                return false;
            }

            if (index < bounds[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerable<int> Members()
    {
        var bounds = Bounds;
        for (var i = 0; i < bounds.Length; i += 2)
        {
            for (var index = bounds[i]; index < bounds[i + 1]; index++)
            {
                yield return index;
            }
        }
    }

    /// <summary>
    /// The union of many sets at once: one sort of all their ranges, where unions one at a time would copy the growing
    /// result again for every set (quadratic in the number of sets).
    /// </summary>
    public static RangeSet UnionOf(IReadOnlyList<RangeSet> sets)
    {
        if (sets.Count == 1)
        {
            return sets[0];
        }

        var ranges = new List<(int Start, int End)>();
        foreach (var set in sets)
        {
            for (var r = 0; r < set.RangeCount; r++)
            {
                ranges.Add(set.RangeAt(r));
            }
        }

        ranges.Sort((x, y) => x.Start.CompareTo(y.Start));
        return OfSortedRuns(CollectionsMarshal.AsSpan(ranges));
    }

    /// <summary>
    /// The set of runs given in increasing order of start, overlapping or touching runs joined, in an array of exactly
    /// its size.
    /// </summary>
    public static RangeSet OfSortedRuns(ReadOnlySpan<(int Start, int End)> runs)
    {
        var count = 0;
        var end = int.MinValue;
        foreach (var (start, runEnd) in runs)
        {
            count += start > end ? 1 : 0;
            end = Math.Max(end, runEnd);
        }

        var bounds = new int[2 * count];
        var n = -1;
        foreach (var (start, runEnd) in runs)
        {
            if (n < 0 || start > bounds[(2 * n) + 1])
            {
                n++;
                bounds[2 * n] = start;
                bounds[(2 * n) + 1] = runEnd;
            }
            else
            {
                bounds[(2 * n) + 1] = Math.Max(bounds[(2 * n) + 1], runEnd);
            }
        }

        return new RangeSet(bounds);
    }

    public RangeSet Union(RangeSet other)
    {
        if (IsEmpty)
        {
            return other;
        }

        if (other.IsEmpty)
        {
            return this;
        }

        var builder = new Builder(RangeCount + other.RangeCount);
        var (a, b) = (Bounds, other.Bounds);
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (j >= b.Length || (i < a.Length && a[i] <= b[j]))
            {
                builder.Add(a[i], a[i + 1]);
                i += 2;
            }
            else
            {
                builder.Add(b[j], b[j + 1]);
                j += 2;
            }
        }

        return builder.Build();
    }

    public RangeSet Without(int index)
    {
        var bounds = Bounds;
        var builder = new Builder(RangeCount + 1);
        for (var i = 0; i < bounds.Length; i += 2)
        {
            if (index >= bounds[i] && index < bounds[i + 1])
            {
                builder.Add(bounds[i], index);
                builder.Add(index + 1, bounds[i + 1]);
            }
            else
            {
                builder.Add(bounds[i], bounds[i + 1]);
            }
        }

        return builder.Build();
    }

    public bool Equals(RangeSet other) => Bounds.AsSpan().SequenceEqual(other.Bounds);

    public override bool Equals(object? obj) => obj is RangeSet other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Bounds.AsSpan()));
        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var bounds = Bounds;
        return string.Join(",", Enumerable.Range(0, RangeCount).Select(i => bounds[2 * i + 1] - bounds[2 * i] == 1 ? $"{bounds[2 * i]}" : $"{bounds[2 * i]}-{bounds[2 * i + 1] - 1}"));
    }

    /// <summary>Collects ranges added in increasing order of start, joining ones that touch or overlap.</summary>
    internal struct Builder(int capacity)
    {
        private List<int>? _bounds = new(capacity * 2);

        public void Add(int start, int end)
        {
            if (start >= end)
            {
                return;
            }

            _bounds ??= [];
            var count = _bounds.Count;
            if (count > 0 && start <= _bounds[count - 1])
            {
                _bounds[count - 1] = Math.Max(_bounds[count - 1], end);
                return;
            }

            _bounds.Add(start);
            _bounds.Add(end);
        }

        public readonly bool IsEmpty => _bounds is null || _bounds.Count == 0;

        public readonly RangeSet Build() => _bounds is null || _bounds.Count == 0 ? Empty : new RangeSet([.. _bounds]);
    }
}
