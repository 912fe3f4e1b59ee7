using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Forwarding;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>
/// Plays the default exchange of every host pair at once, as classes of pairs in the same present state (see
/// <see cref="PairClass"/>). A class is played one device at a time by one of its pairs, with the real walker. What
/// the device read then splits the class: the pair's addresses by the device's atoms (<see cref="AddressAtoms"/>),
/// and the pairs' pasts by the answers they give to the device's look-ups (sessions, sockets, the loop check). The
/// pairs that read like the played one take its step; each other group is played by one of its own. Classes that
/// reach the same present join when the union is still a product of sources and destinations, keeping what their
/// pasts do not share in blocks. A pair is thus played as often as the network tells it apart, not once per pair.
/// </summary>
/// <remarks>
/// Presents are processed in order of packet (request, reply, ACK) and then of devices crossed, so every class that
/// can reach a present has reached it before it is played. Host pairs whose addresses the design uses elsewhere are
/// not played here (see <see cref="MatrixBuilder"/>): for all others an address equal to the pair's is the pair's.
/// </remarks>
internal sealed class SymbolicAnalysis
{
    /// <summary>Above the walker's own limit: a present never gets further than this many devices into one packet's walk.</summary>
    private const int MaxCount = 2050;

    private readonly Participants _participants;
    private readonly ExchangeStepper _stepper;
    private readonly DeviceNumbers _devices;
    private readonly Dictionary<(int Node, AddressRole Role), AddressAtoms> _atoms = [];
    private readonly SegmentAddresses _segmentAddresses = new();
    private readonly Dictionary<Present, Arrivals> _pending = [];
    private readonly List<Present>?[] _buckets = new List<Present>?[4 * MaxCount];
    private readonly Action<RangeSet, RangeSet, PairOutcome> _decided;
    private readonly Func<long, bool> _continue;
    private readonly PastReader _reader = new();
    private long _decidedPairs;

    /// <param name="decided">Told of every block of pairs whose exchanges have ended, and how.</param>
    /// <param name="continue">Asked between classes with the number of pairs decided so far; false stops the analysis.</param>
    public SymbolicAnalysis(CompiledNetwork network, Participants participants, Action<RangeSet, RangeSet, PairOutcome> decided, Func<long, bool> @continue)
    {
        _participants = participants;
        _devices = new DeviceNumbers(network);
        _stepper = new ExchangeStepper(network, _devices, participants);
        _decided = decided;
        _continue = @continue;
    }

    /// <summary>How many times a class was played for one of its pairs (the work done, in device steps).</summary>
    public long StepsPlayed { get; private set; }

    public void Run(IEnumerable<int> sources)
    {
        foreach (var source in sources)
        {
            Start(source);
        }

        for (var bucket = 0; bucket < _buckets.Length; bucket++)
        {
            var presents = _buckets[bucket];
            for (var i = 0; presents is not null && i < presents.Count; i++)
            {
                var arrivals = _pending[presents[i]];
                _pending.Remove(presents[i]);
                foreach (var pairClass in arrivals.Classes)
                {
                    if (!_continue(_decidedPairs))
                    {
                        return;
                    }

                    Play(pairClass);
                }
            }

            _buckets[bucket] = null;
        }
    }

    /// <summary>The source's exchanges toward every host, one class per group of default flows.</summary>
    private void Start(int source)
    {
        var groups = new SortedDictionary<int, RangeSet.Builder>();
        for (var destination = 0; destination < _participants.Count; destination++)
        {
            var group = _participants.FlowGroups[destination];
            if (destination == source || group < 0 || _participants.Hosts[destination].Name == _participants.Hosts[source].Name)
            {
                continue;
            }

            var builder = groups.TryGetValue(group, out var known) ? known : new RangeSet.Builder(4);
            builder.Add(destination, destination + 1);
            groups[group] = builder;
        }

        foreach (var (group, destinations) in groups)
        {
            var set = destinations.Build();
            Enqueue(new PairClass(_stepper.Start(source, set.First, group), History.Empty, BlockList.Of(RangeSet.Of(source)), BlockList.Of(set)));
        }
    }

    /// <summary>Plays one class's step: one pair per group of pairs that read alike.</summary>
    private void Play(PairClass first)
    {
        var work = new Stack<PairClass>();
        work.Push(first);
        while (work.Count > 0)
        {
            var pairClass = work.Pop();
            var (sourceBlock, destinationBlock) = (pairClass.Sources.Blocks[0], pairClass.Destinations.Blocks[0]);
            var (source, destination) = (sourceBlock.Hosts.First, destinationBlock.Hosts.First);
            var past = History.Merge(sourceBlock.History, destinationBlock.History, pairClass.Common);
            var report = _stepper.Step(pairClass.Present, past, source, destination);
            StepsPlayed++;
            var mine = SplitByAtoms(pairClass, report, source, destination, work);
            mine = SplitByPasts(mine, report, work);
            if (report.NewPhase is { } phase)
            {
                // A new packet starts at a host: the reply at the pair's destination, the ACK at its source.
                mine = phase == ExchangePhase.Reply ? KeepDestination(mine, destination, work) : KeepSource(mine, source, work);
            }

            mine.Common = mine.Common.Append(report.Writes);
            if (report.ReplyArrived)
            {
                DecidePathDifference(mine);
            }

            if (report.Outcome is { } outcome)
            {
                Decide(mine, outcome);
            }
            else
            {
                Enqueue(new PairClass(report.Next!.Value, mine.Common, mine.Sources, mine.Destinations));
            }
        }
    }

    /// <summary>
    /// The pairs whose addresses fall in the same atoms as the played pair's, in every role the device read them in;
    /// each other group of pairs goes back on <paramref name="work"/>.
    /// </summary>
    private PairClass SplitByAtoms(PairClass pairClass, StepReport report, int source, int destination, Stack<PairClass> work)
    {
        var node = pairClass.Present.Node;
        var sources = Partition(pairClass.Sources, node, report.SourceRoles, source);
        var destinations = Partition(pairClass.Destinations, node, report.DestinationRoles, destination);
        if (sources.Count == 1 && destinations.Count == 1)
        {
            return pairClass;
        }

        PairClass? mine = null;
        foreach (var (sourceKey, sourceBlocks) in sources)
        {
            foreach (var (destinationKey, destinationBlocks) in destinations)
            {
                var part = new PairClass(pairClass.Present, pairClass.Common, sourceBlocks, destinationBlocks);
                if (sourceKey.Mine && destinationKey.Mine)
                {
                    mine = part;
                }
                else
                {
                    work.Push(part);
                }
            }
        }

        return mine!;
    }

    /// <summary>Splits a side's blocks by the atoms of their hosts' addresses; the played host's group is marked.</summary>
    private List<((long Key, bool Mine) Key, BlockList Blocks)> Partition(BlockList side, int node, int roles, int played)
    {
        if (roles == 0)
        {
            return [((0, true), side)];
        }

        var playedKey = Classify(node, roles, _participants.Addresses[played]).Key;
        var groups = new Dictionary<long, List<Block>>();
        var order = new List<long>();
        foreach (var block in side.Blocks)
        {
            var hosts = block.Hosts;
            var builders = new Dictionary<long, RangeSet.Builder>();
            for (var r = 0; r < hosts.RangeCount; r++)
            {
                var (start, end) = hosts.RangeAt(r);
                for (var i = start; i < end;)
                {
                    var (key, until) = Classify(node, roles, _participants.Addresses[i]);
                    var next = Math.Max(i + 1, _participants.FirstAtOrAbove(until, i + 1, end));
                    var builder = builders.TryGetValue(key, out var known) ? known : new RangeSet.Builder(2);
                    builder.Add(i, next);
                    builders[key] = builder;
                    i = next;
                }
            }

            foreach (var (key, builder) in builders)
            {
                if (!groups.TryGetValue(key, out var list))
                {
                    list = [];
                    groups[key] = list;
                    order.Add(key);
                }

                list.Add(block with { Hosts = builder.Build() });
            }
        }

        if (order.Count == 1)
        {
            return [((order[0], true), side)];
        }

        return [.. order.Select(k => ((k, k == playedKey), new BlockList([.. groups[k]])))];
    }

    /// <summary>
    /// The pairs whose pasts answer the device's look-ups (sessions, sockets, loop check) as the played pair's did;
    /// each other group goes back on <paramref name="work"/>. Answers are worked out per block of the side whose blocks
    /// can differ; where both sides' blocks could matter at once, the class is first split into one class per source
    /// block.
    /// </summary>
    private PairClass SplitByPasts(PairClass pairClass, StepReport report, Stack<PairClass> work)
    {
        foreach (var read in _reader.ReadsOf(pairClass, report))
        {
            var sources = pairClass.Sources.Blocks;
            var destinations = pairClass.Destinations.Blocks;
            if (sources.Length > 1 && destinations.Length > 1 && _reader.Mentioned(pairClass.Sources, read) && _reader.Mentioned(pairClass.Destinations, read))
            {
                for (var i = 1; i < sources.Length; i++)
                {
                    work.Push(new PairClass(pairClass.Present, pairClass.Common, new BlockList([sources[i]]), pairClass.Destinations));
                }

                pairClass = new PairClass(pairClass.Present, pairClass.Common, new BlockList([sources[0]]), pairClass.Destinations);
                sources = pairClass.Sources.Blocks;
            }

            if (destinations.Length > 1 && (sources.Length == 1 || !_reader.Mentioned(pairClass.Sources, read)))
            {
                var answers = destinations.Select(d => PastReader.Evaluate(History.Merge(sources[0].History, d.History, pairClass.Common), read)).ToList();
                pairClass = KeepAlike(pairClass, destinationAnswers: answers, work: work);
            }
            else if (sources.Length > 1)
            {
                var answers = sources.Select(s => PastReader.Evaluate(History.Merge(s.History, destinations[0].History, pairClass.Common), read)).ToList();
                pairClass = KeepAlike(pairClass, sourceAnswers: answers, work: work);
            }
        }

        return pairClass;
    }

    /// <summary>Keeps the blocks whose answer equals the first block's (the played pair's); the others go back on <paramref name="work"/>.</summary>
    private PairClass KeepAlike(PairClass pairClass, IReadOnlyList<PastAnswer?>? sourceAnswers = null,
        IReadOnlyList<PastAnswer?>? destinationAnswers = null, Stack<PairClass>? work = null)
    {
        var answers = sourceAnswers ?? destinationAnswers!;
        var side = sourceAnswers is not null ? pairClass.Sources : pairClass.Destinations;
        var groups = new Dictionary<PastAnswer, List<Block>>();
        var none = new List<Block>();
        var order = new List<PastAnswer?>();
        for (var i = 0; i < side.Blocks.Length; i++)
        {
            if (answers[i] is { } answer)
            {
                if (!groups.TryGetValue(answer, out var list))
                {
                    list = [];
                    groups[answer] = list;
                    order.Add(answer);
                }

                list.Add(side.Blocks[i]);
            }
            else
            {
                if (none.Count == 0)
                {
                    order.Add(null);
                }

                none.Add(side.Blocks[i]);
            }
        }

        if (order.Count == 1)
        {
            return pairClass;
        }

        PairClass? mine = null;
        foreach (var answer in order)
        {
            var blocks = new BlockList([.. answer is { } a ? groups[a] : none]);
            var part = sourceAnswers is not null
                ? new PairClass(pairClass.Present, pairClass.Common, blocks, pairClass.Destinations)
                : new PairClass(pairClass.Present, pairClass.Common, pairClass.Sources, blocks);
            if (answer == answers[0])
            {
                mine = part;
            }
            else
            {
                work!.Push(part);
            }
        }

        return mine!;
    }

    private static PairClass KeepSource(PairClass pairClass, int source, Stack<PairClass> work)
    {
        var (mine, rest) = Single(pairClass.Sources, source);
        if (rest is not null)
        {
            work.Push(new PairClass(pairClass.Present, pairClass.Common, rest, pairClass.Destinations));
        }

        return new PairClass(pairClass.Present, pairClass.Common, mine, pairClass.Destinations);
    }

    private static PairClass KeepDestination(PairClass pairClass, int destination, Stack<PairClass> work)
    {
        var (mine, rest) = Single(pairClass.Destinations, destination);
        if (rest is not null)
        {
            work.Push(new PairClass(pairClass.Present, pairClass.Common, pairClass.Sources, rest));
        }

        return new PairClass(pairClass.Present, pairClass.Common, pairClass.Sources, mine);
    }

    /// <summary>The block list cut to one host, and the rest of it (null when there is none).</summary>
    private static (BlockList Mine, BlockList? Others) Single(BlockList side, int host)
    {
        if (side.Blocks.Length == 1 && side.Blocks[0].Hosts.Count == 1)
        {
            return (side, null);
        }

        var rest = new List<Block>();
        Block? mine = null;
        foreach (var block in side.Blocks)
        {
            if (block.Hosts.Contains(host))
            {
                mine = block with { Hosts = RangeSet.Of(host) };
                rest.Add(block with { Hosts = block.Hosts.Without(host) });
            }
            else
            {
                rest.Add(block);
            }
        }

        var remaining = rest.Where(b => !b.Hosts.IsEmpty).ToArray();
        return (new BlockList([mine!.Value]), remaining.Length == 0 ? null : new BlockList(remaining));
    }

    /// <summary>
    /// Once the reply has arrived, compares the request's and the reply's paths for each pair and records the result,
    /// in common when all pairs agree. The reply arrives at one host, so the sources are one block.
    /// </summary>
    private void DecidePathDifference(PairClass pairClass)
    {
        var sourceBlock = pairClass.Sources.Blocks[0];
        var differences = pairClass.Destinations.Blocks
            .Select(d => PathDifference(sourceBlock, d, pairClass.Common)).ToList();
        var time = new EventTime(ExchangePhase.Ack, -1, 0);
        if (differences.All(d => d == differences[0]))
        {
            pairClass.Common = pairClass.Common.Append([new HistoryEvent(EventKind.PathDifference, time, 0, Text: differences[0])]);
            return;
        }

        pairClass.Destinations = new BlockList([.. pairClass.Destinations.Blocks.Select((d, i) =>
            d with { History = d.History.Append([new HistoryEvent(EventKind.PathDifference, time, 0, Text: differences[i])]) })]);
    }

    private string? PathDifference(Block source, Block destination, History common)
    {
        var events = History.Merge(source.History, destination.History, common);
        var (from, to) = (source.Hosts.First, destination.Hosts.First);
        string Name(int device) => device == Tag.PairSource ? _participants.Hosts[from].Name
            : device == Tag.PairDestination ? _participants.Hosts[to].Name : _devices.Nodes[device].Name;
        var request = events.Where(e => e.Kind == EventKind.Clear && e.Time.Phase == ExchangePhase.Request).Select(e => e.Device).Distinct().ToList();
        var reply = events.Where(e => e.Kind == EventKind.Clear && e.Time.Phase == ExchangePhase.Reply).Select(e => e.Device).Distinct().ToList();
        if (request.Except(reply).Concat(reply.Except(request)).Any(d => d < 0))
        {
            // Both of the pair's hosts handle the request and the reply; a difference naming one would differ per pair.
            throw new InvalidOperationException("The request's and the reply's paths disagree about one of the pair's own hosts.");
        }

        return PairOutcome.DescribePathDifference(request.Select(Name).ToList(), reply.Select(Name).ToList());
    }

    /// <summary>The pairs' outcomes: what the played pair's end says, with each pair's concentrator and path difference.</summary>
    private void Decide(PairClass pairClass, OutcomeCore core)
    {
        var needsConcentrator = core.FailedPacket is not null && core.RequestDelivered;
        var needsDifference = core.Verdict == Verdict.Completed;
        var commonFacts = Facts(pairClass.Common);
        var sourceGroups = GroupFacts(pairClass.Sources);
        var destinationGroups = GroupFacts(pairClass.Destinations);
        foreach (var (sourceFacts, sourceHosts) in sourceGroups)
        {
            foreach (var (destinationFacts, destinationHosts) in destinationGroups)
            {
                var concentrator = needsConcentrator ? Earliest(Earliest(sourceFacts.Concentrator, destinationFacts.Concentrator), commonFacts.Concentrator) : null;
                var difference = needsDifference ? (commonFacts.Difference ?? sourceFacts.Difference ?? destinationFacts.Difference)?.Text : null;
                var outcome = new PairOutcome(core.Verdict, core.FailedPacket, core.Reason, core.DropDevice, core.RequestDelivered,
                    concentrator is { } c ? _devices.Nodes[c.Device].Name : null, difference);
                _decidedPairs += sourceHosts.Count * destinationHosts.Count;
                _decided(sourceHosts, destinationHosts, outcome);
            }
        }
    }

    private readonly record struct OutcomeFacts((int Device, EventTime Time)? Concentrator, HistoryEvent? Difference);

    private static OutcomeFacts Facts(History history)
    {
        (int, EventTime)? concentrator = null;
        HistoryEvent? difference = null;
        foreach (var e in history.All)
        {
            if (e.Kind == EventKind.Concentrator && concentrator is null)
            {
                concentrator = (e.Device, e.Time);
            }
            else if (e.Kind == EventKind.PathDifference)
            {
                difference = e;
            }
        }

        return new OutcomeFacts(concentrator, difference);
    }

    private static List<(OutcomeFacts Facts, RangeSet Hosts)> GroupFacts(BlockList side)
    {
        var groups = new Dictionary<OutcomeFacts, RangeSet>();
        var order = new List<OutcomeFacts>();
        foreach (var block in side.Blocks)
        {
            var facts = Facts(block.History);
            if (groups.TryGetValue(facts, out var hosts))
            {
                groups[facts] = hosts.Union(block.Hosts);
            }
            else
            {
                groups[facts] = block.Hosts;
                order.Add(facts);
            }
        }

        return [.. order.Select(f => (f, groups[f]))];
    }

    private static (int Device, EventTime Time)? Earliest((int Device, EventTime Time)? a, (int Device, EventTime Time)? b) =>
        a is null ? b : b is null ? a : a.Value.Time.CompareTo(b.Value.Time) <= 0 ? a : b;

    /// <summary>The atoms of an address in each role read, as one key, and how far above the address they certainly hold.</summary>
    private (long Key, ulong Until) Classify(int node, int roles, uint address)
    {
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

    private void Enqueue(PairClass pairClass)
    {
        if (!_pending.TryGetValue(pairClass.Present, out var arrivals))
        {
            arrivals = new Arrivals();
            _pending[pairClass.Present] = arrivals;
            var bucket = (int)pairClass.Present.Phase * MaxCount + Math.Min(pairClass.Present.Count, MaxCount - 1);
            (_buckets[bucket] ??= []).Add(pairClass.Present);
        }

        arrivals.Add(pairClass);
    }

    /// <summary>
    /// The classes that reached one present, joined wherever their union is still a product: classes with the same
    /// sources (same blocks, same pasts) pool their destination blocks, or the other way round. Each pool is turned
    /// into one class when the present is played, so joining a thousand classes costs a thousand appends.
    /// </summary>
    private sealed class Arrivals
    {
        private readonly List<Pool> _pools = [];
        private readonly Dictionary<BlockList, Pool> _bySources = [];
        private readonly Dictionary<BlockList, Pool> _byDestinations = [];

        public IEnumerable<PairClass> Classes => _pools.Select(p => p.ToClass());

        public void Add(PairClass pairClass)
        {
            if (_bySources.TryGetValue(pairClass.Sources, out var pool) && pool.Shares(sources: true))
            {
                pool.Add(pairClass, sharingSources: true);
                return;
            }

            if (_byDestinations.TryGetValue(pairClass.Destinations, out pool) && pool.Shares(sources: false))
            {
                pool.Add(pairClass, sharingSources: false);
                return;
            }

            pool = new Pool(pairClass);
            _pools.Add(pool);
            _bySources.TryAdd(pairClass.Sources, pool);
            _byDestinations.TryAdd(pairClass.Destinations, pool);
        }

        /// <summary>Classes sharing one side: that side, and the other side's blocks as they come.</summary>
        private sealed class Pool(PairClass first)
        {

            private readonly List<Block> _growing = [.. first.Destinations.Blocks];
            private readonly List<Block> _growingSources = [.. first.Sources.Blocks];
            private History _common = first.Common;
            private bool? _sourcesFixed;

            /// <summary>Whether a class sharing this side may join: the first join decides which side the pool shares.</summary>
            public bool Shares(bool sources) => _sourcesFixed is null || _sourcesFixed == sources;

            public void Add(PairClass other, bool sharingSources)
            {
                _sourcesFixed = sharingSources;
                var (growing, incoming) = _sourcesFixed.Value ? (_growing, other.Destinations) : (_growingSources, other.Sources);
                if (_common.Equals(other.Common))
                {
                    growing.AddRange(incoming.Blocks);
                    return;
                }

                // What the two pasts share since they parted stays common; what each did since goes into its own blocks.
                var shared = History.SharedPrefix(_common, other.Common);
                var mine = _common.After(shared);
                for (var i = 0; i < growing.Count; i++)
                {
                    growing[i] = growing[i] with { History = growing[i].History.Then(mine) };
                }

                _common = shared;
                growing.AddRange(incoming.Then(other.Common.After(shared)).Blocks);
            }

            public PairClass ToClass() => _sourcesFixed switch
            {
                null => first,
                true => new PairClass(first.Present, _common, first.Sources, BlockList.Coalesce(_growing)),
                false => new PairClass(first.Present, _common, BlockList.Coalesce(_growingSources), first.Destinations),
            };
        }
    }
}
