namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// One small number per ordered host pair: 0 for no pair (a host and itself, or a flow that cannot be played), else
/// 1 + the index of the pair's outcome. Cells start one byte wide and widen only when the outcomes outgrow it, so
/// 5,000 hosts (25 million pairs) with a few outcomes take 25 MB. Nothing is allocated until the first outcome is set,
/// so a matrix that decided no pair costs nothing however many hosts it has.
/// </summary>
internal sealed class OutcomeCells
{
    /// <summary>The most hosts one table holds: one cell per ordered pair, in one array.</summary>
    public const int MostHosts = 46_340;

    private readonly int _size;
    private byte[]? _bytes;
    private ushort[]? _shorts;
    private int[]? _ints;

    public OutcomeCells(int size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MostHosts);
        _size = size;
    }

    public int Size => _size;

    /// <summary>No outcome was ever set, so no table was made.</summary>
    private bool IsEmpty => _bytes is null && _shorts is null && _ints is null;

    /// <summary>A copy to go on filling while this one stays as it is.</summary>
    public OutcomeCells Copy()
    {
        var copy = new OutcomeCells(_size)
        {
            _bytes = (byte[]?)_bytes?.Clone(),
            _shorts = (ushort[]?)_shorts?.Clone(),
            _ints = (int[]?)_ints?.Clone(),
        };
        return copy;
    }

    /// <summary>Forgets every outcome of one row.</summary>
    public void ClearRow(int from)
    {
        var row = from * _size;
        if (_bytes is not null)
        {
            Array.Clear(_bytes, row, _size);
        }
        else if (_shorts is not null)
        {
            Array.Clear(_shorts, row, _size);
        }
        else if (_ints is not null)
        {
            Array.Clear(_ints, row, _size);
        }
    }

    /// <summary>How many pairs have an outcome, and how many have each (by index).</summary>
    public (int Pairs, int[] PerOutcome) Count(int outcomes)
    {
        var perOutcome = new int[outcomes];
        var pairs = 0;
        if (IsEmpty)
        {
            return (pairs, perOutcome);
        }

        for (var from = 0; from < _size; from++)
        {
            for (var to = 0; to < _size; to++)
            {
                if (this[from, to] is > 0 and var cell)
                {
                    perOutcome[cell - 1]++;
                    pairs++;
                }
            }
        }

        return (pairs, perOutcome);
    }

    /// <summary>0 when the pair has no outcome, else the outcome's index + 1.</summary>
    public int this[int from, int to]
    {
        get
        {
            var cell = from * _size + to;
            return _bytes is not null ? _bytes[cell] : _shorts is not null ? _shorts[cell] : _ints is not null ? _ints[cell] : 0;
        }

        set
        {
            var cell = from * _size + to;
            Widen(value);
            if (_bytes is not null)
            {
                _bytes[cell] = (byte)value;
            }
            else if (_shorts is not null)
            {
                _shorts[cell] = (ushort)value;
            }
            else
            {
                _ints![cell] = value;
            }
        }
    }

    /// <summary>Sets one outcome for a row's given columns: the width is checked once, not per cell.</summary>
    public void SetRow(int from, ReadOnlySpan<int> columns, int value)
    {
        Widen(value);
        var row = from * _size;
        if (_bytes is not null)
        {
            foreach (var to in columns)
            {
                _bytes[row + to] = (byte)value;
            }
        }
        else if (_shorts is not null)
        {
            foreach (var to in columns)
            {
                _shorts[row + to] = (ushort)value;
            }
        }
        else
        {
            foreach (var to in columns)
            {
                _ints![row + to] = value;
            }
        }
    }

    /// <summary>Sets a whole row, one value per column (0: no outcome); <paramref name="largest"/> is the largest of them.</summary>
    public void FillRow(int from, ReadOnlySpan<int> values, int largest)
    {
        Widen(largest);
        var row = from * _size;
        if (_bytes is not null)
        {
            var cells = _bytes.AsSpan(row, _size);
            for (var to = 0; to < values.Length; to++)
            {
                cells[to] = (byte)values[to];
            }
        }
        else if (_shorts is not null)
        {
            var cells = _shorts.AsSpan(row, _size);
            for (var to = 0; to < values.Length; to++)
            {
                cells[to] = (ushort)values[to];
            }
        }
        else
        {
            values.CopyTo(_ints.AsSpan(row, _size));
        }
    }

    private void Widen(int value)
    {
        if (IsEmpty)
        {
            // The first outcome set: the table is made as wide as it needs to be.
            var cells = _size * _size;
            if (value <= byte.MaxValue)
            {
                _bytes = new byte[cells];
            }
            else if (value <= ushort.MaxValue)
            {
                _shorts = new ushort[cells];
            }
            else
            {
                _ints = new int[cells];
            }

            return;
        }

        if (_bytes is not null && value > byte.MaxValue)
        {
            _shorts = Array.ConvertAll(_bytes, b => (ushort)b);
            _bytes = null;
        }

        if (_shorts is not null && value > ushort.MaxValue)
        {
            _ints = Array.ConvertAll(_shorts, s => (int)s);
            _shorts = null;
        }
    }
}
