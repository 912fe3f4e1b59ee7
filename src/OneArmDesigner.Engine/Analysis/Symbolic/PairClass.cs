using OneArmDesigner.Engine.Forwarding;


namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>
/// Where an exchange is now, as every pair of a class sees it: which packet, the device it is about to enter and by
/// which interface, its headers with tags, and how far it has come. The current device is a number, never a tag:
/// its configuration decides the next step.
/// </summary>
internal sealed record Present(int FlowGroup, ExchangePhase Phase, string Kind, int Count, int Node, string? Ingress, AbstractPacket Packet,
    FirstFailure? Failure = null)
{
    // A present is a dictionary key for every class that reaches it: its hash is worked out once.
    private int? _hash;

    /// <summary>The copy a <c>with</c> expression starts from: every field but the cached hash.</summary>
    private Present(Present original)
    {
        (FlowGroup, Phase, Kind, Count, Node, Ingress, Packet, Failure) =
            (original.FlowGroup, original.Phase, original.Kind, original.Count, original.Node, original.Ingress, original.Packet, original.Failure);
    }

    public bool Equals(Present? other) =>
        ReferenceEquals(this, other) || (other is not null && GetHashCode() == other.GetHashCode() && FlowGroup == other.FlowGroup && Phase == other.Phase
            && Count == other.Count && Node == other.Node && Kind == other.Kind && Ingress == other.Ingress && Packet == other.Packet && Failure == other.Failure);

    public override int GetHashCode() => _hash ??= HashCode.Combine(FlowGroup, Phase, Kind, Count, Node, Ingress, Packet, Failure);
}

/// <summary>The first packet of an exchange that did not arrive, carried while a later packet still walks (the ICMP port unreachable).</summary>
internal sealed record FirstFailure(string Kind, Tracing.DropReason? Reason, string? Device);

/// <summary>Some hosts on one side of a class, and the part of their pairs' past they do not share with the rest.</summary>
internal readonly record struct Block(RangeSet Hosts, History History);

/// <summary>One side of a class: blocks of hosts, each with its own past. Immutable; compared by content.</summary>
internal sealed class BlockList : IEquatable<BlockList>
{
    private int? _hash;

    public BlockList(Block[] blocks)
    {
        Blocks = blocks;
    }

    public Block[] Blocks { get; }

    // Read for every class queued (is it a single pair?), and a block list is shared by many classes: counted once.
    private int _hostCount = -1;

    public int HostCount
    {
        get
        {
            if (_hostCount < 0)
            {
                long count = 0;
                foreach (var block in Blocks)
                {
                    count += block.Hosts.Count;
                }

                _hostCount = (int)count;
            }

            return _hostCount;
        }
    }

    // Sides are checked against a device's atoms at every step, and most lie in one atom: their lowest and highest
    // hosts settle that without reading every block.
    private (int Lowest, int Highest)? _hull;

    /// <summary>The lowest and the highest host number on this side.</summary>
    public (int Lowest, int Highest) Hull
    {
        get
        {
            if (_hull is null)
            {
                var (lowest, highest) = (int.MaxValue, int.MinValue);
                foreach (var block in Blocks)
                {
                    lowest = Math.Min(lowest, block.Hosts.First);
                    highest = Math.Max(highest, block.Hosts.Last);
                }

                _hull = (lowest, highest);
            }

            return _hull.Value;
        }
    }

    private UInt128? _mentionFilter;

    /// <summary>Whether any block's past holds an event of this kind about this device (breadcrumbs: in this phase).</summary>
    public bool Mentions(EventKind kind, int device, ExchangePhase phase)
    {
        _mentionFilter ??= History.MentionFilterOf(Blocks);
        if ((_mentionFilter.Value & History.MentionBit(kind, device, phase)) == UInt128.Zero)
        {
            return false;
        }

        foreach (var block in Blocks)
        {
            if (block.History.Mentions(kind, device, phase))
            {
                return true;
            }
        }

        return false;
    }

    private (int Key, BlockList Result)? _forgotten;

    /// <summary>
    /// Every block's past without what no step of <paramref name="phase"/> or later reads (see
    /// <see cref="History.WithoutStale"/>); blocks whose pasts then agree become one, the first keeping its place and
    /// so its pair. Worked out once per side: classes split from one class share its sides, and each would forget the
    /// same at the same phase change.
    /// </summary>
    public BlockList WithoutStale(ExchangePhase phase, bool pathDecided)
    {
        var key = History.StaleKey(phase, pathDecided);
        if (_forgotten is { } known && known.Key == key)
        {
            return known.Result;
        }

        Block[]? kept = null;
        for (var i = 0; i < Blocks.Length; i++)
        {
            var history = Blocks[i].History.WithoutStale(phase, pathDecided);
            if (!ReferenceEquals(history, Blocks[i].History))
            {
                kept ??= [.. Blocks];
                kept[i] = Blocks[i] with { History = history };
            }
        }

        var result = kept is null ? this : Coalesce(kept);
        _forgotten = (key, result);
        return result;
    }

    public static BlockList Of(RangeSet hosts) => new([new Block(hosts, History.Empty)]);

    /// <summary>Blocks with equal pasts become one; the order of first appearance is kept.</summary>
    public static BlockList Coalesce(ReadOnlySpan<Block> blocks)
    {
        var byHistory = new Dictionary<History, int>(blocks.Length);
        var histories = new List<History>(blocks.Length);
        var hosts = new List<List<RangeSet>>(blocks.Length);
        foreach (var block in blocks)
        {
            if (block.Hosts.IsEmpty)
            {
                continue;
            }

            if (!byHistory.TryGetValue(block.History, out var index))
            {
                index = histories.Count;
                byHistory[block.History] = index;
                histories.Add(block.History);
                hosts.Add([]);
            }

            hosts[index].Add(block.Hosts);
        }

        var coalesced = new Block[histories.Count];
        for (var i = 0; i < coalesced.Length; i++)
        {
            coalesced[i] = new Block(RangeSet.UnionOf(hosts[i]), histories[i]);
        }

        return new BlockList(coalesced);
    }

    /// <summary>Every block's past followed by <paramref name="later"/>.</summary>
    public BlockList Then(History later)
    {
        if (later.IsEmpty)
        {
            return this;
        }

        var blocks = new Block[Blocks.Length];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = Blocks[i] with { History = Blocks[i].History.Then(later) };
        }

        return new BlockList(blocks);
    }

    public bool Equals(BlockList? other) =>
        ReferenceEquals(this, other) || (other is not null && other.GetHashCode() == GetHashCode() && Blocks.AsSpan().SequenceEqual(other.Blocks));

    public override bool Equals(object? obj) => Equals(obj as BlockList);

    // Computed on first use: most block lists are never looked up.
    public override int GetHashCode() => _hash ??= HashOf(Blocks);

    private static int HashOf(Block[] blocks)
    {
        var hash = new HashCode();
        foreach (var block in blocks)
        {
            hash.Add(block.Hosts);
            hash.Add(block.History);
        }

        return hash.ToHashCode();
    }
}

/// <summary>
/// A set of host pairs in the same present state: every source of <see cref="Sources"/> with every destination of
/// <see cref="Destinations"/>. A pair's past is its source block's history, its destination block's history and
/// <see cref="Common"/>, merged in time order; what differs between pairs lives in the blocks, and what all share since
/// the class was formed lives in <see cref="Common"/>.
/// </summary>
internal sealed class PairClass(Present present, History common, BlockList sources, BlockList destinations)
{
    public Present Present { get; } = present;

    public History Common { get; set; } = common;

    public BlockList Sources { get; set; } = sources;

    public BlockList Destinations { get; set; } = destinations;

    public long PairCount => (long)Sources.HostCount * Destinations.HostCount;

    /// <summary>The first pair's concrete exchange at this present, when a step left it so; null to rebuild it from the past.</summary>
    public Driver? Driver { get; set; }
}
