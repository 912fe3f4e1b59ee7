namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>A block of host pairs: every source in <see cref="Sources"/> with every destination in <see cref="Destinations"/>.</summary>
internal readonly record struct PairBlock(RangeSet Sources, RangeSet Destinations)
{
    public long Count => Sources.Count * Destinations.Count;
}

/// <summary>
/// A set of (source, destination) host pairs as a list of blocks. Sets that grow by union keep blocks with the same
/// sources (or the same destinations) as one block, so the pairs of a whole site against a whole data centre stay a
/// single block.
/// </summary>
internal sealed class PairSet
{
    private readonly List<PairBlock> _blocks = [];

    public PairSet()
    {
    }

    public PairSet(PairBlock block) => Add(block);

    public IReadOnlyList<PairBlock> Blocks => _blocks;

    public bool IsEmpty => _blocks.Count == 0;

    public long Count => _blocks.Sum(b => b.Count);

    /// <summary>The pair that stands for the set: the first destination of the first source of the first block.</summary>
    public (int Source, int Destination) First => (_blocks[0].Sources.First, _blocks[0].Destinations.First);

    public void Add(PairBlock block)
    {
        if (block.Sources.IsEmpty || block.Destinations.IsEmpty)
        {
            return;
        }

        // The newest blocks are the likeliest to join: pairs arrive at a state in runs.
        for (var i = _blocks.Count - 1; i >= Math.Max(0, _blocks.Count - 8); i--)
        {
            var known = _blocks[i];
            if (known.Sources.Equals(block.Sources))
            {
                _blocks[i] = known with { Destinations = known.Destinations.Union(block.Destinations) };
                return;
            }

            if (known.Destinations.Equals(block.Destinations))
            {
                _blocks[i] = known with { Sources = known.Sources.Union(block.Sources) };
                return;
            }
        }

        _blocks.Add(block);
    }

    public void AddAll(PairSet other)
    {
        foreach (var block in other._blocks)
        {
            Add(block);
        }
    }
}
