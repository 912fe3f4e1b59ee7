using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Forwarding;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>
/// Plays the default exchange of every host pair at once, as sets of pairs that are in the same state. A set is
/// played one device at a time by one of its pairs, with the real walker; the device's reading of the pair's
/// addresses splits the set by the atoms of that device (<see cref="AddressAtoms"/>): pairs whose addresses fall in
/// the same atoms take the same step to the same next state, the others are played again by one of their own. Sets
/// that reach equal states join. An exchange's pairs are thus played as often as the network tells them apart, not
/// once per pair.
/// </summary>
/// <remarks>
/// States are processed in order of packet (request, reply, ACK) and then of devices crossed, so every set that can
/// reach a state has reached it before the state is played. Host pairs whose addresses the design uses elsewhere are
/// not played here (see <see cref="MatrixBuilder"/>): for all others an address in a state equal to the pair's is the
/// pair's.
/// </remarks>
internal sealed class SymbolicAnalysis
{
    /// <summary>Above the walker's own limit: a state never gets further than this many devices into one packet's walk.</summary>
    private const int MaxCount = 130;

    private readonly Participants _participants;
    private readonly ExchangeStepper _stepper;
    private readonly DeviceNumbers _devices;
    private readonly Dictionary<(int Node, AddressRole Role), AddressAtoms> _atoms = [];
    private readonly SegmentAddresses _segmentAddresses = new();
    private readonly Dictionary<ExchangeState, PairSet> _pending = [];
    private readonly List<ExchangeState>?[] _buckets = new List<ExchangeState>?[3 * MaxCount];
    private readonly Action<PairSet, PairOutcome> _decided;
    private readonly Func<long, bool> _continue;
    private long _decidedPairs;

    /// <param name="decided">Told of every set of pairs whose exchanges have ended, and how.</param>
    /// <param name="continue">Asked between states with the number of pairs decided so far; false stops the analysis.</param>
    public SymbolicAnalysis(CompiledNetwork network, Participants participants, Action<PairSet, PairOutcome> decided, Func<long, bool> @continue)
    {
        _participants = participants;
        _devices = new DeviceNumbers(network);
        _stepper = new ExchangeStepper(network, _devices, participants);
        _decided = decided;
        _continue = @continue;
    }

    /// <summary>How many times a state was played for one pair (the work done, in device steps).</summary>
    public long StepsPlayed { get; private set; }

    public void Run(IEnumerable<int> sources)
    {
        foreach (var source in sources)
        {
            Start(source);
        }

        for (var bucket = 0; bucket < _buckets.Length; bucket++)
        {
            var states = _buckets[bucket];
            for (var i = 0; states is not null && i < states.Count; i++)
            {
                if (!_continue(_decidedPairs))
                {
                    return;
                }

                var state = states[i];
                var pairs = _pending[state];
                _pending.Remove(state);
                Play(state, pairs);
            }

            _buckets[bucket] = null;
        }
    }

    /// <summary>The source's exchanges toward every host, one set per group of default flows.</summary>
    private void Start(int source)
    {
        var groups = new Dictionary<int, RangeSet.Builder>();
        for (var destination = 0; destination < _participants.Count; destination++)
        {
            var group = _participants.FlowGroups[destination];
            if (destination == source || group < 0 || _participants.Hosts[destination].Name == _participants.Hosts[source].Name)
            {
                continue;
            }

            if (!groups.TryGetValue(group, out var builder))
            {
                builder = new RangeSet.Builder(4);
            }

            builder.Add(destination, destination + 1);
            groups[group] = builder;
        }

        foreach (var (group, destinations) in groups)
        {
            var set = destinations.Build();
            Enqueue(_stepper.Start(source, set.First, group), new PairSet(new PairBlock(RangeSet.Of(source), set)));
        }
    }

    /// <summary>Plays a state for all its pairs: one pair per set of pairs the device cannot tell apart.</summary>
    private void Play(ExchangeState state, PairSet pairs)
    {
        var work = new Stack<PairSet>();
        work.Push(pairs);
        while (work.Count > 0)
        {
            var part = work.Pop();
            var (source, destination) = part.First;
            var step = _stepper.Step(state, source, destination);
            StepsPlayed++;
            var mine = Split(part, state.Node, step, source, destination, work);

            // A new packet starts at a host: the reply at the pair's destination, the ACK at its source.
            if (step.NewPhase is { } phase)
            {
                mine = Single(mine, phase == ExchangePhase.Reply ? null : source, phase == ExchangePhase.Reply ? destination : null, work);
            }

            if (step.Outcome is { } outcome)
            {
                _decidedPairs += mine.Count;
                _decided(mine, outcome);
            }
            else
            {
                Enqueue(step.Next!, mine);
            }
        }
    }

    /// <summary>
    /// The pairs that read like the played one wherever the device read the pair's addresses; every other group of
    /// pairs that read alike goes back on <paramref name="work"/> to be played by one of its own.
    /// </summary>
    private PairSet Split(PairSet part, int node, StepResult step, int source, int destination, Stack<PairSet> work)
    {
        if (step.SourceRoles == 0 && step.DestinationRoles == 0)
        {
            return part;
        }

        var mineKey = (Key(node, step.SourceRoles, source), Key(node, step.DestinationRoles, destination));
        var groups = new Dictionary<(long, long), PairSet>();
        foreach (var block in part.Blocks)
        {
            var sources = Partition(block.Sources, node, step.SourceRoles);
            var destinations = Partition(block.Destinations, node, step.DestinationRoles);
            foreach (var (sourceKey, sourceSet) in sources)
            {
                foreach (var (destinationKey, destinationSet) in destinations)
                {
                    var key = (sourceKey, destinationKey);
                    if (!groups.TryGetValue(key, out var group))
                    {
                        group = new PairSet();
                        groups[key] = group;
                    }

                    group.Add(new PairBlock(sourceSet, destinationSet));
                }
            }
        }

        foreach (var (key, group) in groups)
        {
            if (key != mineKey)
            {
                PushCount++;
                work.Push(group);
            }
        }

        return groups[mineKey];
    }

    /// <summary>Keeps only the pairs with this source (or destination); the rest go back on <paramref name="work"/>.</summary>
    private static PairSet Single(PairSet pairs, int? source, int? destination, Stack<PairSet> work)
    {
        var mine = new PairSet();
        var rest = new PairSet();
        foreach (var block in pairs.Blocks)
        {
            if (source is { } s && block.Sources.Contains(s))
            {
                mine.Add(block with { Sources = RangeSet.Of(s) });
                rest.Add(block with { Sources = Without(block.Sources, s) });
            }
            else if (destination is { } d && block.Destinations.Contains(d))
            {
                mine.Add(block with { Destinations = RangeSet.Of(d) });
                rest.Add(block with { Destinations = Without(block.Destinations, d) });
            }
            else
            {
                rest.Add(block);
            }
        }

        if (!rest.IsEmpty)
        {
            work.Push(rest);
        }

        return mine;
    }

    private static RangeSet Without(RangeSet set, int index)
    {
        var builder = new RangeSet.Builder(set.RangeCount + 1);
        for (var i = 0; i < set.RangeCount; i++)
        {
            var (start, end) = set.RangeAt(i);
            if (index >= start && index < end)
            {
                builder.Add(start, index);
                builder.Add(index + 1, end);
            }
            else
            {
                builder.Add(start, end);
            }
        }

        return builder.Build();
    }

    /// <summary>Splits hosts by the atoms their addresses fall in, for the roles the device read them in.</summary>
    private List<(long Key, RangeSet Hosts)> Partition(RangeSet hosts, int node, int roles)
    {
        if (roles == 0)
        {
            return [(0, hosts)];
        }

        PartitionCalls++;
        var groups = new Dictionary<long, RangeSet.Builder>();
        var order = new List<long>();
        for (var r = 0; r < hosts.RangeCount; r++)
        {
            var (start, end) = hosts.RangeAt(r);
            for (var i = start; i < end;)
            {
                var (key, until) = Classify(node, roles, _participants.Addresses[i]);
                var next = Math.Max(i + 1, _participants.FirstAtOrAbove(until, i + 1, end));
                if (!groups.TryGetValue(key, out var builder))
                {
                    builder = new RangeSet.Builder(2);
                    order.Add(key);
                }

                builder.Add(i, next);
                groups[key] = builder;
                i = next;
            }
        }

        return [.. order.Select(k => (k, groups[k].Build()))];
    }

    private long Key(int node, int roles, int host) => roles == 0 ? 0 : Classify(node, roles, _participants.Addresses[host]).Key;

    /// <summary>The atoms of an address in each role read, as one key, and how far above the address they certainly hold.</summary>
    public static long ClassifyCalls, PartitionCalls, PushCount;

    private (long Key, ulong Until) Classify(int node, int roles, uint address)
    {
        ClassifyCalls++;
        long key = 0;
        var until = 1UL << 32;
        foreach (var role in (ReadOnlySpan<AddressRole>)[AddressRole.Source, AddressRole.Destination])
        {
            if (!HopWatch.Has(roles, role))
            {
                continue;
            }

            var (atom, end) = Atoms(node, role).Classify(address);
            key = (key << 32) | (uint)atom;
            until = Math.Min(until, end);
        }

        return (key, until);
    }

    private AddressAtoms Atoms(int node, AddressRole role)
    {
        if (!_atoms.TryGetValue((node, role), out var atoms))
        {
            atoms = AddressAtoms.For(_devices.Nodes[node], role, _segmentAddresses);
            _atoms[(node, role)] = atoms;
        }

        return atoms;
    }

    private void Enqueue(ExchangeState state, PairSet pairs)
    {
        if (_pending.TryGetValue(state, out var known))
        {
            known.AddAll(pairs);
            return;
        }

        _pending[state] = pairs;
        var bucket = (int)state.Phase * MaxCount + Math.Min(state.Count, MaxCount - 1);
        (_buckets[bucket] ??= []).Add(state);
    }
}
