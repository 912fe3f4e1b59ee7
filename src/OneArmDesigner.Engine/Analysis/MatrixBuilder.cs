using System.Runtime.InteropServices;
using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis.Symbolic;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// Fills a <see cref="ReachabilityMatrix"/> with exactly what tracing every pair would give, without tracing every
/// pair. Hosts the network cannot tell apart form classes (<see cref="EndpointClasses"/>), and one member (two, for
/// the pairs inside a class) stands for each class. Those hosts' exchanges are played together, as sets of pairs in
/// the same state (<see cref="SymbolicAnalysis"/>), except for hosts whose address the design also uses elsewhere (a
/// NAT address, a next hop, someone else's interface), whose pairs are traced one by one. Every distinct outcome is
/// then traced once for a real example, and checked against it.
/// </summary>
internal sealed class MatrixBuilder
{
    private readonly CompiledNetwork _network;
    private readonly Device[] _hosts;

    /// <summary>Per destination: its default flow's (protocol, port) as a small number, or -1 when it cannot be played.</summary>
    private readonly int[] _flowGroups;

    private readonly AnalysisLimits _limits;
    private readonly Dictionary<PairOutcome, int> _outcomeIndex = [];
    private readonly List<(PairOutcome Outcome, ExchangeResult Example)> _outcomes = [];
    private readonly List<int> _pairsPerOutcome = [];

    /// <summary>Outcomes renamed for another member of a class, and the outcome index a real trace gave for them.</summary>
    private readonly Dictionary<PairOutcome, int> _renamed = [];
    private int _traced;
    private int _fallbacks;
    private long _stepsPlayed;

    private readonly AnalysisSettings _settings;

    public MatrixBuilder(CompiledNetwork network, AnalysisLimits limits, AnalysisSettings? settings = null)
    {
        _settings = settings ?? AnalysisSettings.Default;
        _network = network;
        _limits = limits;
        _hosts = [.. ReachabilityMatrix.EndpointsOf(network)];
        _flowGroups = FlowGroups();
    }

    public ReachabilityMatrix Build()
    {
        var run = new AnalysisRun(_limits);
        var hostPairs = (long)_hosts.Length * (_hosts.Length - 1);
        var mostHostPairs = Math.Min(_limits.MaxHostPairs, ReachabilityMatrix.MostHostPairs);
        if (hostPairs > mostHostPairs)
        {
            run.CountAgainst(hostPairs);
            run.Finished(0);
            return new ReachabilityMatrix(_hosts, new OutcomeCells(0), [], 0, 0)
            {
                Incomplete = $"too many hosts: {_hosts.Length:N0} hosts make {hostPairs:N0} host pairs, more than the {mostHostPairs:N0} an analysis takes on",
                TooManyHosts = true,
            };
        }

        var addresses = _hosts.Select(h => h.Interfaces.First(i => i.Address is not null).Address!.Value.Address).ToArray();
        var (classOf, members) = EndpointClasses.Find(_network, _settings, _hosts, addresses, () => run.Continue(0));
        if (run.OverBudget)
        {
            return NothingFurther(run);
        }

        // The hosts that stand for the classes: each class's first member, and its second for the pairs inside it.
        var standIns = members.SelectMany(m => m.Take(2)).Order().ToArray();
        var position = new int[_hosts.Length];
        for (var i = 0; i < standIns.Length; i++)
        {
            position[standIns[i]] = i;
        }

        run.CountAgainst((long)standIns.Length * standIns.Length);
        var resume = ResumeFrom(_limits.Continuing, standIns.Length);
        var cells = resume?.StandInCells.Copy() ?? new OutcomeCells(standIns.Length);
        if (resume is not null)
        {
            _traced = resume.Traced;
            foreach (var (outcome, example) in resume.Outcomes)
            {
                Add(outcome, example);
            }
        }

        var pairs = ComputeStandIns(standIns, cells, run, resume);
        var standInPairs = pairs;
        var continuedFrom = resume is null ? null : _limits.Continuing;
        if (standIns.Length == _hosts.Length)
        {
            // Every host is its own class: the stand-ins' table is the matrix.
            return Finish(cells, pairs, run, ResumePoint(run, cells), continuedFrom);
        }

        // What the stand-ins decided is shown for every member even when the budget ran out while deciding it; when it
        // runs out while the members' rows are filled, the next run goes on from the stand-ins, all decided.
        var resumePoint = ResumePoint(run, cells);
        var (matrix, firstRow) = (new OutcomeCells(_hosts.Length), 0);
        pairs = 0;
        for (var i = 0; i < _pairsPerOutcome.Count; i++)
        {
            _pairsPerOutcome[i] = 0;
        }

        if (resumePoint is null && resume?.Filling is { } filled)
        {
            (matrix, firstRow, pairs, _traced) = (filled.Cells.Copy(), filled.Rows, filled.Pairs, filled.Traced);
            foreach (var (outcome, example) in filled.Outcomes.Skip(_outcomes.Count))
            {
                Add(outcome, example);
            }

            for (var i = 0; i < filled.PairsPerOutcome.Count; i++)
            {
                _pairsPerOutcome[i] = filled.PairsPerOutcome[i];
            }

            foreach (var (outcome, index) in filled.Renamed)
            {
                _renamed[outcome] = index;
            }
        }

        var row = new int[_hosts.Length];
        var standInOfClass = new (int Source, int Destination, int Cell, bool NamesHost)[members.Count];
        var from = firstRow;
        for (; from < _hosts.Length && (resumePoint is not null || run.Continue(standInPairs)); from++)
        {
            _limits.Cancellation.ThrowIfCancellationRequested();
            var sourceClass = classOf[from];
            for (var c = 0; c < members.Count; c++)
            {
                var (source, destination) = Representatives(members, sourceClass, c);
                var cell = destination < 0 ? 0 : cells[position[source], position[destination]];
                standInOfClass[c] = (source, destination, cell, cell > 0 && NamesHost(_outcomes[cell - 1].Outcome, source, destination));
            }

            var largest = 0;
            for (var to = 0; to < _hosts.Length; to++)
            {
                var (source, destination, cell, namesHost) = standInOfClass[classOf[to]];
                if (from == to || cell == 0)
                {
                    row[to] = 0;
                    continue;
                }

                var outcome = namesHost ? Renamed(cell - 1, source, destination, from, to) : cell - 1;
                row[to] = outcome + 1;
                largest = Math.Max(largest, outcome + 1);
                _pairsPerOutcome[outcome]++;
                pairs++;
            }

            matrix.FillRow(from, row, largest);
        }

        run.CountAgainst((long)_hosts.Length * _hosts.Length);
        resumePoint ??= ResumePoint(run, cells) is { } stopped
            ? stopped with { Filling = new RowsFilled(matrix, from, pairs, [.. _outcomes], new Dictionary<PairOutcome, int>(_renamed), [.. _pairsPerOutcome], _traced) }
            : null;
        return Finish(matrix, pairs, run, resumePoint, continuedFrom);
    }

    /// <summary>Where a run cut short can go on from, or null when the run is within its budget.</summary>
    private MatrixResume? ResumePoint(AnalysisRun run, OutcomeCells standInCells) => run.OverBudget
        ? new MatrixResume([.. _hosts.Select(h => h.Name)], standInCells, _wholeRounds, _finishedLater, _outcomes[.._outcomesKept], _tracedKept)
        : null;

    /// <summary>
    /// A run whose budget ran out before it could decide a pair (finding the classes of a design of very many hosts):
    /// an earlier run of the same design is shown again, with its point to go on from; otherwise nothing is decided.
    /// </summary>
    private ReachabilityMatrix NothingFurther(AnalysisRun run)
    {
        run.CountAgainst((long)_hosts.Length * _hosts.Length);
        run.Finished(0);
        var sameDesign = _limits.Continuing is { Complete: false } continuing && IsOfThisDesign(continuing.Hosts);
        if (sameDesign && _limits.Continuing!.Resume is { } earlier)
        {
            return _limits.Continuing.ShownAgain(run.Incomplete(_limits.Continuing.Count)!, earlier, stalled: true, new MatrixDiagnostics(0, 0));
        }

        return new ReachabilityMatrix(_hosts, new OutcomeCells(0), [], 0, 0) { Incomplete = run.Incomplete(0), Stalled = sameDesign };
    }

    /// <summary>The earlier run's resume point when it is one of this design's, else null (start from the beginning).</summary>
    private MatrixResume? ResumeFrom(ReachabilityMatrix? earlier, int standIns) =>
        earlier is { Complete: false, Resume: { } resume } && resume.StandInCells.Size == standIns
            && IsOfThisDesign(resume.Hosts)
            ? resume
            : null;

    /// <summary>Whether an earlier run's hosts are this design's, in the same order: only then can it be gone on from.</summary>
    private bool IsOfThisDesign(IReadOnlyList<string> hosts) => hosts.SequenceEqual(_hosts.Select(h => h.Name), StringComparer.Ordinal);

    private ReachabilityMatrix Finish(OutcomeCells cells, int pairs, AnalysisRun run, MatrixResume? resumePoint, ReachabilityMatrix? continuedFrom)
    {
        var stalled = continuedFrom?.Resume is { } resumedFrom && resumePoint is not null
            && resumePoint.RoundsKept == resumedFrom.RoundsKept && resumePoint.Traced == resumedFrom.Traced && resumePoint.RowsKept == resumedFrom.RowsKept;
        if (resumePoint is not null && continuedFrom is { } earlier && earlier.Count > pairs)
        {
            // A run cut short decides the round it stopped in again from its start, and on several threads the rounds
            // after it are handed over only in turn: it can have decided fewer pairs than the run it went on from.
            // What is shown never goes back; where to go on from is this run's, which never does either.
            run.Finished(earlier.Count);
            return earlier.ShownAgain(run.Incomplete(earlier.Count)!, resumePoint, stalled, new MatrixDiagnostics(_stepsPlayed, _fallbacks));
        }

        var outcomes = _outcomes.Select((o, i) => new MatrixOutcome(o.Outcome, o.Example, _pairsPerOutcome[i])).ToList();
        run.Finished(run.OverBudget ? pairs : run.PairsTotal);
        return new ReachabilityMatrix(_hosts, cells, outcomes, pairs, _traced)
        {
            Incomplete = run.Incomplete(pairs),
            Diagnostics = new MatrixDiagnostics(_stepsPlayed, _fallbacks),
            Resume = resumePoint,
            Stalled = stalled,
        };
    }

    /// <summary>Every pair of stand-ins: played together where possible, traced one by one where the address is shared.</summary>
    private int ComputeStandIns(int[] standIns, OutcomeCells cells, AnalysisRun run, MatrixResume? resume)
    {
        var shared = SharedAddresses();
        var ordinary = standIns.Where(h => !shared.Contains(AddressOf(h).Value)).ToArray();
        var participants = new Participants(_network, [.. ordinary.Select(h => _hosts[h])], [.. ordinary.Select(h => _flowGroups[h])]);
        var cellOf = participants.OriginalIndex.Select(i => Array.IndexOf(standIns, ordinary[i])).ToArray();
        var rounds = SymbolicAnalysis.Rounds(participants, _settings);
        var skipped = resume?.WholeRounds ?? 0;
        var pairs = 0;
        if (resume is not null)
        {
            // Rounds after the whole ones may have been stopped part way: their sources are played again from the start.
            foreach (var round in rounds.Skip(skipped))
            {
                foreach (var source in round)
                {
                    cells.ClearRow(cellOf[source]);
                }
            }

            (pairs, var perOutcome) = cells.Count(_outcomes.Count);
            for (var i = 0; i < perOutcome.Length; i++)
            {
                _pairsPerOutcome[i] = perOutcome[i];
            }
        }

        var decidedBefore = pairs;

        // Told of decisions in round order, by one thread at a time, whichever thread played the round.
        void Decided(RangeSet sources, RangeSet destinations, PairOutcome outcome)
        {
            var index = Register(outcome, ordinary[participants.OriginalIndex[sources.First]], ordinary[participants.OriginalIndex[destinations.First]]);
            if (index < 0)
            {
                // The example disagrees with the class's outcome: trust only real traces for these pairs.
                foreach (var from in sources.Members())
                {
                    foreach (var to in destinations.Members())
                    {
                        var traced = Trace(ordinary[participants.OriginalIndex[from]], ordinary[participants.OriginalIndex[to]]);
                        cells[cellOf[from], cellOf[to]] = traced + 1;
                        _pairsPerOutcome[traced]++;
                    }
                }

                _fallbacks++;
            }
            else
            {
                // A class can hold a million pairs: its destinations' cells are worked out once and set row by row.
                var columns = CellsOf(destinations, cellOf, _columns);
                for (var r = 0; r < sources.RangeCount; r++)
                {
                    var (start, end) = sources.RangeAt(r);
                    for (var from = start; from < end; from++)
                    {
                        cells.SetRow(cellOf[from], columns, index + 1);
                    }
                }

                _pairsPerOutcome[index] += (int)(sources.Count * destinations.Count);
            }

            pairs += (int)(sources.Count * destinations.Count);
        }

        // Known rounds and what ParallelRounds reports are numbered from the first round it is given.
        var known = resume?.FinishedLater.ToDictionary(k => k.Key - skipped, k => k.Value);
        _stepsPlayed = ParallelRounds.Run(rounds[skipped..], _limits.Threads, _limits.Cores,
            (decided, @continue) => new SymbolicAnalysis(_network, participants, decided, @continue, _settings), Decided,
            done => run.Continue(decidedBefore + done),
            (whole, later) =>
            {
                (_wholeRounds, _outcomesKept, _tracedKept) = (skipped + whole, _outcomes.Count, _traced);
                _finishedLater = later.ToDictionary(k => skipped + k.Key, k => k.Value);
            },
            known);

        // Hosts whose address the design uses elsewhere: every pair with one of them, traced.
        var isShared = standIns.Select(h => shared.Contains(AddressOf(h).Value)).ToArray();
        var sharedPositions = Enumerable.Range(0, standIns.Length).Where(i => isShared[i]).ToArray();
        for (var i = 0; i < standIns.Length && !run.OverBudget; i++)
        {
            var traced = false;
            foreach (var j in isShared[i] ? Enumerable.Range(0, standIns.Length) : sharedPositions)
            {
                var (from, to) = (standIns[i], standIns[j]);
                if (i == j || !Playable(from, to) || cells[i, j] != 0)
                {
                    continue;
                }

                var outcome = Trace(from, to);
                cells[i, j] = outcome + 1;
                _pairsPerOutcome[outcome]++;
                pairs++;
                traced = true;
            }

            // Rows that the run this one goes on from decided cost no budget, so that each such run gets further.
            if (traced || resume is null)
            {
                run.Continue(pairs);
            }
        }

        if (_wholeRounds == rounds.Count)
        {
            // Every round played to its end: what the pairs traced alone found so far is kept too.
            (_outcomesKept, _tracedKept) = (_outcomes.Count, _traced);
        }

        return pairs;
    }

    // Where a run cut short can go on from (see MatrixResume): rounds played to their end, and what was known then.
    private int _wholeRounds;
    private int _outcomesKept;
    private int _tracedKept;
    private IReadOnlyDictionary<int, IReadOnlyList<RoundDecision>> _finishedLater = new Dictionary<int, IReadOnlyList<RoundDecision>>();

    private readonly List<int> _columns = [];

    /// <summary>The cells of a set of participants, in <paramref name="buffer"/> (reused from one class to the next).</summary>
    private static ReadOnlySpan<int> CellsOf(RangeSet hosts, int[] cellOf, List<int> buffer)
    {
        buffer.Clear();
        for (var r = 0; r < hosts.RangeCount; r++)
        {
            var (start, end) = hosts.RangeAt(r);
            for (var host = start; host < end; host++)
            {
                buffer.Add(cellOf[host]);
            }
        }

        return CollectionsMarshal.AsSpan(buffer);
    }

    private bool Playable(int from, int to) => _flowGroups[to] >= 0 && _hosts[from].Name != _hosts[to].Name;

    /// <summary>
    /// Addresses the design uses for something besides one host's own interface: another interface, a NAT rule, an
    /// MX's public address, a next hop or gateway. A host with such an address is traced rather than played in sets.
    /// </summary>
    private HashSet<uint> SharedAddresses()
    {
        var seen = new HashSet<uint>();
        var shared = new HashSet<uint>();
        if (!_settings.TraceSharedAddresses)
        {
            return shared;
        }

        foreach (var device in _network.Design.Devices)
        {
            foreach (var face in device.Interfaces)
            {
                if (face.Address is { } address && (!seen.Add(address.Address.Value) || !device.Kind.IsEndpoint()))
                {
                    shared.Add(address.Address.Value);
                }
            }

            Add(shared, device.DefaultGateway);
            Add(shared, device.Mx?.UplinkGateway);
            Add(shared, device.Mx?.PublicAddress);
            foreach (var route in device.Routes)
            {
                shared.Add(route.NextHop.Value);
            }

            foreach (var rule in device.Firewall?.Nat ?? [])
            {
                Add(shared, rule.PublicAddress);
                Add(shared, rule.PrivateAddress);
            }
        }

        return shared;

        static void Add(HashSet<uint> addresses, Ipv4Address? address)
        {
            if (address is { } known)
            {
                addresses.Add(known.Value);
            }
        }
    }

    private Ipv4Address AddressOf(int host) => Participants.ExchangeAddress(_network.Get(_hosts[host].Name));

    /// <summary>The traced pair that stands for two classes: their first members, or the first two of one class.</summary>
    private static (int From, int To) Representatives(List<List<int>> members, int sourceClass, int destinationClass) =>
        sourceClass != destinationClass ? (members[sourceClass][0], members[destinationClass][0])
        : members[sourceClass].Count > 1 ? (members[sourceClass][0], members[sourceClass][1])
        : (members[sourceClass][0], -1);

    /// <summary>Whether the representative pair's outcome names one of its two hosts, so other members read it renamed.</summary>
    private bool NamesHost(PairOutcome outcome, int source, int destination) =>
        outcome.DropDevice is { } device && (device == _hosts[source].Name || device == _hosts[destination].Name);

    /// <summary>
    /// A representative pair's outcome, as it reads for another pair of the same classes: only a drop at one of the
    /// two hosts names a host. A renamed outcome not seen yet is traced, so every outcome keeps a real example.
    /// </summary>
    private int Renamed(int outcome, int source, int destination, int from, int to)
    {
        var known = _outcomes[outcome].Outcome;
        var device = known.DropDevice == _hosts[source].Name ? _hosts[from].Name
            : known.DropDevice == _hosts[destination].Name ? _hosts[to].Name
            : known.DropDevice;
        if (device == known.DropDevice)
        {
            return outcome;
        }

        var renamed = known with { DropDevice = device };
        if (!_renamed.TryGetValue(renamed, out var index))
        {
            index = Trace(from, to);
            _renamed[renamed] = index;
        }

        return index;
    }

    /// <summary>The index of an outcome the symbolic analysis found, tracing its first pair as the example; -1 if the trace disagrees.</summary>
    private int Register(PairOutcome outcome, int from, int to)
    {
        if (_outcomeIndex.TryGetValue(outcome, out var index))
        {
            return index;
        }

        var example = Run(from, to);
        return PairOutcome.Of(_network, example) == outcome ? Add(outcome, example) : -1;
    }

    private int Trace(int from, int to)
    {
        var result = Run(from, to);
        var outcome = PairOutcome.Of(_network, result);
        return _outcomeIndex.TryGetValue(outcome, out var index) ? index : Add(outcome, result);
    }

    private ExchangeResult Run(int from, int to)
    {
        _traced++;
        return Simulator.Run(_network, ReachabilityMatrix.DefaultFlow(_hosts[from], _hosts[to]));
    }

    private int Add(PairOutcome outcome, ExchangeResult example)
    {
        var index = _outcomes.Count;
        _outcomeIndex[outcome] = index;
        _outcomes.Add((outcome, example));
        _pairsPerOutcome.Add(0);
        return index;
    }

    private int[] FlowGroups()
    {
        var groups = new Dictionary<(Protocol, int), int>();
        var result = new int[_hosts.Length];
        for (var to = 0; to < _hosts.Length; to++)
        {
            // The source only matters to the check by being a different host; any other host stands in for it.
            var from = to == 0 ? 1 : 0;
            var flow = ReachabilityMatrix.DefaultFlow(_hosts[from % _hosts.Length], _hosts[to]);
            if (_hosts.Length < 2 || Simulator.Check(_network, flow).Count > 0)
            {
                result[to] = -1;
                continue;
            }

            if (!groups.TryGetValue((flow.Protocol, flow.DestinationPort), out var group))
            {
                group = groups.Count;
                groups[(flow.Protocol, flow.DestinationPort)] = group;
            }

            result[to] = group;
        }

        return result;
    }
}

/// <summary>How the matrix was computed: device steps played for sets of pairs, and sets whose example disagreed (a bug if ever non-zero).</summary>
internal readonly record struct MatrixDiagnostics(long StepsPlayed, int Fallbacks);
