using System.Runtime.InteropServices;
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

    private readonly CompiledNetwork _network;
    private readonly AnalysisSettings _settings;
    private readonly Participants _participants;
    private readonly ExchangeStepper _stepper;
    private readonly DeviceNumbers _devices;
    private readonly AddressAtoms?[] _atoms;
    private readonly SegmentAddresses _segmentAddresses = new();
    private readonly Dictionary<Present, Arrivals> _pending = [];
    private readonly List<Present>?[] _buckets = new List<Present>?[4 * MaxCount];
    private readonly Action<RangeSet, RangeSet, PairOutcome> _decided;
    private readonly Func<bool> _continue;
    private readonly PastReader _reader = new();
    private readonly Stack<PairClass> _work = new();

    /// <param name="decided">Told of every block of pairs whose exchanges have ended, and how.</param>
    /// <param name="continue">Asked between classes; false stops the analysis.</param>
    public SymbolicAnalysis(CompiledNetwork network, Participants participants, Action<RangeSet, RangeSet, PairOutcome> decided, Func<bool> @continue,
        AnalysisSettings? settings = null)
    {
        _settings = settings ?? AnalysisSettings.Default;
        _participants = participants;
        _network = network;
        _devices = new DeviceNumbers(network);
        _atoms = new AddressAtoms?[2 * _devices.Nodes.Length];
        _stepper = new ExchangeStepper(network, _devices, participants);
        _decided = decided;
        _continue = @continue;
    }

    /// <summary>How many times a class was played for one of its pairs (the work done, in device steps).</summary>
    public long StepsPlayed { get; private set; }

    /// <summary>
    /// Plays every pair of the round's sources to its end, or until asked to stop; true when the round finished.
    /// Classes join only with classes of the same round: fewer sources per round means more steps, but only one
    /// round's classes are held at a time, and rounds are independent of each other (see <see cref="ParallelRounds"/>).
    /// </summary>
    public bool RunRound(int[] sources)
    {
        foreach (var source in sources)
        {
            Start(source);
        }

        return RunBuckets();
    }

    /// <summary>
    /// The sources, in address order, in rounds that start at <see cref="FirstRound"/> and double up to the settings' round size. A
    /// round's pairs are all decided when it ends, so an analysis stopped by its time budget keeps whole sources from
    /// its first second instead of the few pairs a single large round would have finished; the small first rounds
    /// cost a few more steps than one round of their sources.
    /// </summary>
    public static List<int[]> Rounds(Participants participants, AnalysisSettings settings)
    {
        var (rounds, sources) = (new List<int[]>(), participants.ByAddress);
        var size = Math.Min(FirstRound, settings.SourcesPerRound);
        for (var first = 0; first < sources.Length; first += size, size = Math.Min(2 * size, settings.SourcesPerRound))
        {
            rounds.Add(sources[first..Math.Min(first + size, sources.Length)]);
        }

        return rounds;
    }

    private const int FirstRound = 16;

    private bool RunBuckets()
    {
        for (var bucket = 0; bucket < _buckets.Length; bucket++)
        {
            var presents = _buckets[bucket];
            for (var i = 0; presents is not null && i < presents.Count; i++)
            {
                var arrivals = _pending[presents[i]];
                _pending.Remove(presents[i]);
                for (var c = 0; c < arrivals.Count; c++)
                {
                    var pairClass = arrivals.ClassAt(c);
                    if (!_continue())
                    {
                        return false;
                    }

                    Play(pairClass);
                }
            }

            _buckets[bucket] = null;
        }

        return true;
    }

    /// <summary>Per group of default flows, every host with it; worked out once for all sources.</summary>
    private SortedDictionary<int, RangeSet>? _destinationsByGroup;

    /// <summary>Per host, the other participants of the same device (a host with several addresses), which it never plays against.</summary>
    private Dictionary<int, List<int>>? _namesakes;

    /// <summary>The source's exchanges toward every host, one class per group of default flows.</summary>
    private void Start(int source)
    {
        if (_destinationsByGroup is null)
        {
            var builders = new SortedDictionary<int, RangeSet.Builder>();
            var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var destination = 0; destination < _participants.Count; destination++)
            {
                var group = _participants.FlowGroups[destination];
                if (group >= 0)
                {
                    var builder = builders.TryGetValue(group, out var known) ? known : new RangeSet.Builder(4);
                    builder.Add(destination, destination + 1);
                    builders[group] = builder;
                }

                var name = _participants.Hosts[destination].Name;
                (byName.TryGetValue(name, out var same) ? same : byName[name] = []).Add(destination);
            }

            _destinationsByGroup = new SortedDictionary<int, RangeSet>(builders.ToDictionary(b => b.Key, b => b.Value.Build()));
            _namesakes = byName.Values.Where(l => l.Count > 1).SelectMany(l => l.Select(h => (h, l))).ToDictionary(x => x.h, x => x.l);
        }

        foreach (var (group, all) in _destinationsByGroup)
        {
            var set = all.Without(source);
            foreach (var namesake in _namesakes!.GetValueOrDefault(source) ?? [])
            {
                set = set.Without(namesake);
            }

            if (set.IsEmpty)
            {
                continue;
            }

            var (present, driver) = _stepper.Start(source, set.First, group);
            Enqueue(new PairClass(present, History.Empty, BlockList.Of(RangeSet.Of(source)), BlockList.Of(set)) { Driver = driver });
        }
    }

    /// <summary>Plays one class's step: one pair per group of pairs that read alike.</summary>
    private void Play(PairClass first)
    {
        var work = _work;
        work.Push(first);
        while (work.Count > 0)
        {
            var pairClass = work.Pop();
            var (sourceBlock, destinationBlock) = (pairClass.Sources.Blocks[0], pairClass.Destinations.Blocks[0]);
            var (source, destination) = (sourceBlock.Hosts.First, destinationBlock.Hosts.First);
            var driver = DriverFor(pairClass, source, destination);
            var report = _stepper.Step(pairClass.Present, new PairPast(sourceBlock.History, destinationBlock.History, pairClass.Common),
                source, destination, driver);
            StepsPlayed++;
            var mine = _settings.SplitByAtoms ? SplitByAtoms(pairClass, report, source, destination, work) : pairClass;
            mine = _settings.SplitByPasts ? SplitByPasts(mine, report, work) : mine;
            if (report.NewPhase is { } phase && _settings.NewPacketAtOneHost)
            {
                // A new packet starts at a host: the reply at the pair's destination, the ACK at its source.
                mine = phase == ExchangePhase.Reply ? KeepDestination(mine, destination, work) : KeepSource(mine, source, work);
            }

            mine.Common = mine.Common.Append(report.Writes);
            if (report.ReplyArrived)
            {
                DecidePathDifference(mine);
            }

            if (report.NewPhase is { } newPhase)
            {
                Forget(mine, newPhase, pathDecided: report.ReplyArrived);
            }

            if (report.Outcome is { } outcome)
            {
                Decide(mine, outcome);
            }
            else
            {
                Enqueue(new PairClass(report.Next!, mine.Common, mine.Sources, mine.Destinations) { Driver = report.Driver });
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
        var (sources, destinations) = (_sourceGroups, _destinationGroups);
        var sourcesSplit = Partition(pairClass.Sources, node, report.SourceRoles, source, sources);
        var destinationsSplit = Partition(pairClass.Destinations, node, report.DestinationRoles, destination, destinations);
        if (!sourcesSplit && !destinationsSplit)
        {
            return pairClass;
        }

        if (!sourcesSplit)
        {
            sources.Add(((0, true), pairClass.Sources));
        }

        if (!destinationsSplit)
        {
            destinations.Add(((0, true), pairClass.Destinations));
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

    // What SplitByAtoms works with, kept from one step to the next: only the block lists it makes outlive a step.
    private readonly List<((long Key, bool Mine) Key, BlockList Blocks)> _sourceGroups = [];
    private readonly List<((long Key, bool Mine) Key, BlockList Blocks)> _destinationGroups = [];
    private readonly List<(long Key, List<Block> Blocks)> _atomGroups = [];
    private readonly Stack<List<Block>> _spareBlockLists = new();

    /// <summary>
    /// Splits a side's blocks by the atoms of their hosts' addresses into <paramref name="groups"/>, the played host's
    /// group marked. False, and <paramref name="groups"/> empty, when all are in one group.
    /// </summary>
    private bool Partition(BlockList side, int node, int roles, int played, List<((long Key, bool Mine) Key, BlockList Blocks)> groups)
    {
        groups.Clear();
        if (roles == 0)
        {
            return false;
        }

        var playedKey = Classify(node, roles, _participants.Addresses[played]).Key;
        if (WithinOneAtom(side, node, roles, playedKey))
        {
            return false;
        }

        // A handful of atoms at most in practice: a list searched in order beats a dictionary and keeps first-seen order.
        var atoms = _atomGroups;
        foreach (var block in side.Blocks)
        {
            PartitionHosts(block.Hosts, node, roles, _parts);
            foreach (var (key, hosts) in _parts)
            {
                var index = 0;
                while (index < atoms.Count && atoms[index].Key != key)
                {
                    index++;
                }

                if (index == atoms.Count)
                {
                    atoms.Add((key, _spareBlockLists.TryPop(out var spare) ? spare : []));
                }

                atoms[index].Blocks.Add(block with { Hosts = hosts });
            }
        }

        if (atoms.Count > 1)
        {
            foreach (var (key, blocks) in atoms)
            {
                groups.Add(((key, key == playedKey), new BlockList([.. blocks])));
            }
        }

        foreach (var (_, blocks) in atoms)
        {
            blocks.Clear();
            _spareBlockLists.Push(blocks);
        }

        atoms.Clear();
        return groups.Count > 0;
    }

    /// <summary>Whether every host of the side falls in the atoms <paramref name="key"/> names (the usual case, checked without allocating).</summary>
    private bool WithinOneAtom(BlockList side, int node, int roles, long key)
    {
        // Hosts between the lowest and the highest of one ascending run have addresses between theirs: when the
        // highest is still below where the lowest's atom certainly ends, the whole side is in that atom, however many
        // blocks it has. Otherwise the blocks are read one by one, since that end may be conservative.
        var (lowest, highest) = side.Hull;
        if (highest < _participants.AscendingUntil(lowest))
        {
            var (atoms, until) = Classify(node, roles, _participants.Addresses[lowest]);
            if (atoms != key)
            {
                return false;
            }

            if (_participants.Addresses[highest] < until)
            {
                return true;
            }
        }

        foreach (var block in side.Blocks)
        {
            if (OneAtomOf(block.Hosts, node, roles) != key)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The atoms every host of the set falls in, or null when they fall in several: per run of ascending addresses,
    /// the first host's atom and whether the run's last host is still below where that atom certainly ends.
    /// </summary>
    private long? OneAtomOf(RangeSet hosts, int node, int roles)
    {
        var setLast = hosts.Last;
        var (key, until) = Classify(node, roles, _participants.Addresses[hosts.First]);
        var (r, from) = (0, hosts.First);
        while (true)
        {
            // The usual case, a set of one group: its last host settles it, whatever ranges lie between.
            var ascendingEnd = _participants.AscendingUntil(from);
            if (setLast < ascendingEnd)
            {
                return _participants.Addresses[setLast] < until ? key : null;
            }

            // Otherwise the set's last host before the addresses start again from the bottom.
            var last = from;
            while (hosts.RangeAt(r).Start < ascendingEnd)
            {
                var (_, end) = hosts.RangeAt(r);
                last = Math.Min(end, ascendingEnd) - 1;
                if (end > ascendingEnd)
                {
                    break;
                }

                r++;
            }

            if (_participants.Addresses[last] >= until)
            {
                return null;
            }

            from = Math.Max(hosts.RangeAt(r).Start, ascendingEnd);
            (var next, until) = Classify(node, roles, _participants.Addresses[from]);
            if (next != key)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Splits hosts by the atoms of their addresses into <paramref name="parts"/> (cleared first: the caller's list is
    /// reused for every block of every split); a set within one atom (the usual case) is one part, whole.
    /// </summary>
    private void PartitionHosts(RangeSet hosts, int node, int roles, List<(long Key, RangeSet Hosts)> parts)
    {
        parts.Clear();
        if (OneAtomOf(hosts, node, roles) is { } only)
        {
            parts.Add((only, hosts));
            return;
        }

        var runs = _runs;
        runs.Clear();
        for (var r = 0; r < hosts.RangeCount; r++)
        {
            var (start, end) = hosts.RangeAt(r);
            for (var i = start; i < end;)
            {
                var (key, until) = Classify(node, roles, _participants.Addresses[i]);
                var ascending = Math.Min(end, _participants.AscendingUntil(i));
                var next = Math.Max(i + 1, _participants.FirstAtOrAbove(until, i + 1, ascending));
                runs.Add((key, i, next));
                i = next;
            }
        }

        // Each atom's runs, in order of first appearance, as one set (runs are in increasing order already).
        var ofKey = _runsOfKey;
        for (var first = 0; first < runs.Count; first++)
        {
            var key = runs[first].Key;
            var seen = false;
            for (var p = 0; p < parts.Count && !seen; p++)
            {
                seen = parts[p].Key == key;
            }

            if (seen)
            {
                continue;
            }

            ofKey.Clear();
            for (var i = first; i < runs.Count; i++)
            {
                if (runs[i].Key == key)
                {
                    ofKey.Add((runs[i].Start, runs[i].End));
                }
            }

            parts.Add((key, RangeSet.OfSortedRuns(CollectionsMarshal.AsSpan(ofKey))));
        }
    }

    private readonly List<(long Key, RangeSet Hosts)> _parts = [];
    private readonly List<(long Key, int Start, int End)> _runs = [];
    private readonly List<(int Start, int End)> _runsOfKey = [];

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
            if (_settings.SplitBothSidesBySource && sources.Length > 1 && destinations.Length > 1 && _reader.Mentioned(pairClass.Sources, read)
                && _reader.Mentioned(pairClass.Destinations, read))
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
                var answers = _answers;
                answers.Clear();
                for (var i = 0; i < destinations.Length; i++)
                {
                    answers.Add(_reader.Evaluate(sources[0].History, destinations[i].History, pairClass.Common, read));
                }

                pairClass = KeepAlike(pairClass, destinationAnswers: answers, work: work);
            }
            else if (sources.Length > 1)
            {
                var answers = _answers;
                answers.Clear();
                for (var i = 0; i < sources.Length; i++)
                {
                    answers.Add(_reader.Evaluate(sources[i].History, destinations[0].History, pairClass.Common, read));
                }

                pairClass = KeepAlike(pairClass, sourceAnswers: answers, work: work);
            }
        }

        return pairClass;
    }

    // Each block's answer to one look-up, read before the next look-up is asked.
    private readonly List<PastAnswer?> _answers = [];

    /// <summary>Keeps the blocks whose answer equals the first block's (the played pair's); the others go back on <paramref name="work"/>.</summary>
    private PairClass KeepAlike(PairClass pairClass, IReadOnlyList<PastAnswer?>? sourceAnswers = null,
        IReadOnlyList<PastAnswer?>? destinationAnswers = null, Stack<PairClass>? work = null)
    {
        var answers = sourceAnswers ?? destinationAnswers!;
        var alike = true;
        for (var i = 1; i < answers.Count && alike; i++)
        {
            alike = answers[i] == answers[0];
        }

        if (alike)
        {
            return pairClass;
        }

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
        var blocks = pairClass.Destinations.Blocks;
        var differences = new string?[blocks.Length];
        var alike = true;

        // Blocks that hold no clear-text record of their own compare the same paths: worked out once for all of them.
        (bool Known, string? Difference) withoutOwnPath = default;
        var sharedPaths = false;
        for (var i = 0; i < blocks.Length; i++)
        {
            if (blocks[i].History.Holds(EventKind.Clear))
            {
                // Most blocks' paths agree; that is decided from the block's own records against what all share,
                // and only a difference, which must be described in order, reads the whole past.
                if (!sharedPaths)
                {
                    _clearPaths.Share(sourceBlock.History, pairClass.Common);
                    sharedPaths = true;
                }

                differences[i] = _clearPaths.SameWith(blocks[i].History) ? null : PathDifference(sourceBlock, blocks[i], pairClass.Common);
            }
            else
            {
                withoutOwnPath = withoutOwnPath.Known ? withoutOwnPath : (true, PathDifference(sourceBlock, blocks[i], pairClass.Common));
                differences[i] = withoutOwnPath.Difference;
            }

            alike &= differences[i] == differences[0] || !_settings.PathDifferencePerBlock;
        }

        var time = new EventTime(ExchangePhase.Ack, -1, 0);
        if (alike)
        {
            pairClass.Common = pairClass.Common.Append([new HistoryEvent(EventKind.PathDifference, time, 0, Text: differences[0])]);
            return;
        }

        pairClass.Destinations = new BlockList([.. pairClass.Destinations.Blocks.Select((d, i) =>
            d with { History = d.History.Append([new HistoryEvent(EventKind.PathDifference, time, 0, Text: differences[i])]) })]);
    }

    private readonly ClearPaths _clearPaths = new();
    private readonly List<HistoryEvent> _pathEvents = [];
    private readonly List<int> _requestPath = [];
    private readonly List<int> _replyPath = [];

    private string? PathDifference(Block source, Block destination, History common)
    {
        var (request, reply) = (_requestPath, _replyPath);
        request.Clear();
        reply.Clear();
        foreach (var e in History.Merge(source.History, destination.History, common, _pathEvents))
        {
            if (ClearPaths.OnPath(e))
            {
                var path = e.Time.Phase == ExchangePhase.Request ? request : reply;
                if (!path.Contains(e.Device))
                {
                    path.Add(e.Device);
                }
            }
        }

        if (request.Count == reply.Count && AllIn(request, reply))
        {
            return null;
        }

        if (OwnHostOnlyIn(request, reply) || OwnHostOnlyIn(reply, request))
        {
            // Both of the pair's hosts handle the request and the reply; a difference naming one would differ per pair.
            throw new InvalidOperationException("The request's and the reply's paths disagree about one of the pair's own hosts.");
        }

        var (from, to) = (source.Hosts.First, destination.Hosts.First);
        return PairOutcome.DescribePathDifference(Names(request, from, to), Names(reply, from, to));
    }

    // A capturing local function here would allocate its closure on every call, most of which find no difference.
    private List<string> Names(List<int> devices, int source, int destination)
    {
        var names = new List<string>(devices.Count);
        foreach (var device in devices)
        {
            names.Add(device == Tag.PairSource ? _participants.Hosts[source].Name
                : device == Tag.PairDestination ? _participants.Hosts[destination].Name : _devices.Nodes[device].Name);
        }

        return names;
    }

    private static bool AllIn(List<int> devices, List<int> others)
    {
        foreach (var device in devices)
        {
            if (!others.Contains(device))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether one of the pair's own hosts (a tag) is on <paramref name="path"/> but not on <paramref name="other"/>.</summary>
    private static bool OwnHostOnlyIn(List<int> path, List<int> other)
    {
        foreach (var device in path)
        {
            if (device < 0 && !other.Contains(device))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The pairs' outcomes: what the played pair's end says, with each pair's concentrator and path difference.</summary>
    private void Decide(PairClass pairClass, OutcomeCore core)
    {
        var needsConcentrator = core.FailedPacket is not null && core.RequestDelivered;
        var needsDifference = core.Verdict == Verdict.Completed;
        var commonFacts = Facts(pairClass.Common);

        // Blocks tell pairs apart only by a concentrator or a path difference the outcome reads and the common past
        // does not settle; most decided classes (drops before the reply, differences decided for the whole class)
        // need neither, and grouping every block's hosts by facts was a twentieth of the analysis's allocation.
        var perBlock = _settings.OutcomeFactsPerBlock && (needsConcentrator || (needsDifference && commonFacts.Difference is null));
        var sourceGroups = GroupFacts(pairClass.Sources, perBlock);
        var destinationGroups = GroupFacts(pairClass.Destinations, perBlock);
        foreach (var (sourceFacts, sourceHosts) in sourceGroups)
        {
            foreach (var (destinationFacts, destinationHosts) in destinationGroups)
            {
                var concentrator = needsConcentrator ? Earliest(Earliest(sourceFacts.Concentrator, destinationFacts.Concentrator), commonFacts.Concentrator) : null;
                var difference = needsDifference ? (commonFacts.Difference ?? sourceFacts.Difference ?? destinationFacts.Difference)?.Text : null;
                var outcome = new PairOutcome(core.Verdict, core.FailedPacket, core.Reason, core.DropDevice, core.RequestDelivered,
                    concentrator is { } c ? _devices.Nodes[c.Device].Name : null, difference);
                _decided(sourceHosts, destinationHosts, outcome);
            }
        }
    }

    private readonly record struct OutcomeFacts((int Device, EventTime Time)? Concentrator, HistoryEvent? Difference);

    private static OutcomeFacts Facts(History history)
    {
        if (!history.Holds(EventKind.Concentrator) && !history.Holds(EventKind.PathDifference))
        {
            return default;
        }

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

    private static List<(OutcomeFacts Facts, RangeSet Hosts)> GroupFacts(BlockList side, bool perBlock)
    {
        if (!perBlock)
        {
            var blocks = side.Blocks;
            return [(Facts(blocks[0].History), blocks.Length == 1 ? blocks[0].Hosts : RangeSet.UnionOf(Array.ConvertAll(blocks, b => b.Hosts)))];
        }

        var groups = new Dictionary<OutcomeFacts, List<RangeSet>>();
        var order = new List<OutcomeFacts>();
        foreach (var block in side.Blocks)
        {
            var facts = Facts(block.History);
            if (!groups.TryGetValue(facts, out var hosts))
            {
                hosts = [];
                groups[facts] = hosts;
                order.Add(facts);
            }

            hosts.Add(block.Hosts);
        }

        return [.. order.Select(f => (f, RangeSet.UnionOf(groups[f])))];
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

    private AddressAtoms Atoms(int node, AddressRole role) =>
        _atoms[(2 * node) + (int)role] ??= AddressAtoms.For(_devices.Nodes[node], role, _segmentAddresses);

    private void Enqueue(PairClass pairClass)
    {
        if (pairClass.PairCount == 1 && _settings.TraceSinglePairs)
        {
            TraceAlone(pairClass);
            return;
        }

        Canonicalise(pairClass);
        if (_pending.TryGetValue(pairClass.Present, out var arrivals))
        {
            arrivals.Add(pairClass);
            return;
        }

        _pending[pairClass.Present] = new Arrivals(pairClass);
        var bucket = (int)pairClass.Present.Phase * MaxCount + Math.Min(pairClass.Present.Count, MaxCount - 1);
        (_buckets[bucket] ??= []).Add(pairClass.Present);
    }

    /// <summary>
    /// A class of one pair has nothing left to share but what a join with another class might bring: it is cheaper to
    /// play it to its end as plain tracing does, on the pair's own exchange, than to keep its past step by step.
    /// </summary>
    private void TraceAlone(PairClass pairClass)
    {
        var (source, destination) = (pairClass.Sources.Blocks[0].Hosts.First, pairClass.Destinations.Blocks[0].Hosts.First);
        var driver = DriverFor(pairClass, source, destination);
        if (driver is { FromStart: false })
        {
            // Tracing to the end starts again from the first step: an exchange rebuilt part-way is of no use to it.
            driver.Abandon();
            driver = null;
        }

        var (outcome, steps) = _stepper.OutcomeToEnd(source, destination, driver);
        StepsPlayed += steps;
        _decided(RangeSet.Of(source), RangeSet.Of(destination), outcome);
    }

    /// <summary>
    /// The class's exchange when it is the pair about to be played; otherwise the class lets it go (see
    /// <see cref="Driver.Abandon"/>) and the pair's exchange is rebuilt from its past.
    /// </summary>
    private static Driver? DriverFor(PairClass pairClass, int source, int destination)
    {
        if (pairClass.Driver is { } known && known.Source == source && known.Destination == destination)
        {
            return known;
        }

        pairClass.Driver?.Abandon();
        return null;
    }

    /// <summary>
    /// Drops from a class's pasts what no later step reads once a packet has ended: its loop breadcrumbs (the loop
    /// check reads only the current packet's), and, once the path difference is decided, where the request and the
    /// reply were in clear. Pasts that differed only by the way the request went then compare equal, so classes of
    /// different destinations join again for the reply and the ACK instead of being played one by one.
    /// </summary>
    private static void Forget(PairClass pairClass, ExchangePhase phase, bool pathDecided)
    {
        pairClass.Common = pairClass.Common.WithoutStale(phase, pathDecided);
        pairClass.Sources = pairClass.Sources.WithoutStale(phase, pathDecided);
        pairClass.Destinations = pairClass.Destinations.WithoutStale(phase, pathDecided);
    }

    /// <summary>
    /// A side with one block has nothing to tell its pairs apart: its past is every pair's, so it goes into the common
    /// past. Classes that reached the same state along different joins then compare equal, and join again.
    /// </summary>
    private static void Canonicalise(PairClass pairClass)
    {
        if (pairClass.Sources.Blocks is [var source] && !source.History.IsEmpty)
        {
            pairClass.Common = source.History.Then(pairClass.Common);
            pairClass.Sources = BlockList.Of(source.Hosts);
        }

        if (pairClass.Destinations.Blocks is [var destination] && !destination.History.IsEmpty)
        {
            pairClass.Common = destination.History.Then(pairClass.Common);
            pairClass.Destinations = BlockList.Of(destination.Hosts);
        }
    }

    /// <summary>
    /// The classes that reached one present, joined wherever their union is still a product: classes with the same
    /// sources (same blocks, same pasts) pool their destination blocks, or the other way round. Each pool is turned
    /// into one class when the present is played, so joining a thousand classes costs a thousand appends.
    /// </summary>
    private sealed class Arrivals(PairClass first)
    {
        // Most presents are reached by one class only: the list of the others is made for the second.
        private readonly Pool _first = new(first);
        private List<Pool>? _others;

        // Built when a second class arrives.
        private Dictionary<BlockList, List<Pool>>? _bySources;
        private Dictionary<BlockList, List<Pool>>? _byDestinations;

        public int Count => 1 + (_others?.Count ?? 0);

        public PairClass ClassAt(int index) => (index == 0 ? _first : _others![index - 1]).ToClass();

        /// <summary>A class that reaches the present after the first: it joins a pool that shares one of its sides, or starts one.</summary>
        public void Add(PairClass pairClass)
        {
            if (_bySources is null)
            {
                (_bySources, _byDestinations) = ([], []);
                Index(_bySources, _first.First.Sources, _first);
                Index(_byDestinations, _first.First.Destinations, _first);
            }

            if (TryJoin(_bySources, pairClass.Sources, pairClass, sharingSources: true)
                || TryJoin(_byDestinations!, pairClass.Destinations, pairClass, sharingSources: false))
            {
                // The joined class goes on with the pool's first pair.
                pairClass.Driver?.Abandon();
                return;
            }

            var pool = new Pool(pairClass);
            (_others ??= []).Add(pool);
            Index(_bySources, pairClass.Sources, pool);
            Index(_byDestinations!, pairClass.Destinations, pool);
        }

        private static bool TryJoin(Dictionary<BlockList, List<Pool>> index, BlockList side, PairClass pairClass, bool sharingSources)
        {
            if (!index.TryGetValue(side, out var pools))
            {
                return false;
            }

            foreach (var pool in pools)
            {
                if (pool.TryAdd(pairClass, sharingSources))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Index(Dictionary<BlockList, List<Pool>> index, BlockList side, Pool pool)
        {
            if (!index.TryGetValue(side, out var pools))
            {
                pools = [];
                index[side] = pools;
            }

            pools.Add(pool);
        }

        /// <summary>Classes sharing one side: that side, and the other side's blocks as they come.</summary>
        private sealed class Pool(PairClass first)
        {
            public PairClass First => first;

            // The growing side is copied only when a second class joins: most pools never get one.
            private List<Block>? _growing;
            private History _common = first.Common;
            private bool? _sourcesFixed;

            /// <summary>
            /// Joins a class that shares this pool's side. The first join decides which side the pool shares. A class is
            /// refused when the pasts differ by events that both have at different times: those belong to the side the
            /// classes share (the same route walked from different depths), and putting them into the other side's
            /// blocks would keep those blocks from ever joining again. Refusing is always correct, only slower.
            /// </summary>
            public bool TryAdd(PairClass other, bool sharingSources)
            {
                if (_sourcesFixed is { } fixedSide && fixedSide != sharingSources)
                {
                    return false;
                }

                var incoming = sharingSources ? other.Destinations : other.Sources;
                if (_common.Equals(other.Common))
                {
                    Grow(sharingSources).AddRange(incoming.Blocks);
                    return true;
                }

                // What the two pasts share stays common; what each has besides goes into its own blocks.
                if (History.SplitUnlessShifted(_common, other.Common) is not var (shared, mine, theirs))
                {
                    return false;
                }

                var growing = Grow(sharingSources);
                if (!mine.IsEmpty)
                {
                    for (var i = 0; i < growing.Count; i++)
                    {
                        growing[i] = growing[i] with { History = growing[i].History.Then(mine) };
                    }
                }

                _common = shared;
                growing.AddRange(incoming.Then(theirs).Blocks);
                return true;
            }

            private List<Block> Grow(bool sharingSources)
            {
                _sourcesFixed = sharingSources;
                return _growing ??= [.. sharingSources ? first.Destinations.Blocks : first.Sources.Blocks];
            }

            public PairClass ToClass() => _sourcesFixed switch
            {
                null => first,
                true => new PairClass(first.Present, _common, first.Sources, BlockList.Coalesce(CollectionsMarshal.AsSpan(_growing))) { Driver = first.Driver },
                false => new PairClass(first.Present, _common, BlockList.Coalesce(CollectionsMarshal.AsSpan(_growing)), first.Destinations) { Driver = first.Driver },
            };
        }
    }
}
