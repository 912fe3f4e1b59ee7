using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// Fills a <see cref="ReachabilityMatrix"/> without tracing every pair, with the same result as tracing every pair.
/// Hosts the network cannot tell apart form classes (<see cref="EndpointClasses"/>), and only one pair per pair of
/// classes is computed; the other members' pairs read the same, with the host names swapped. Within that, for each
/// source, a destination is traced in full unless an exchange from that source, already traced, lost its first
/// packet on a path that treats this destination exactly like its own (<see cref="DroppedRequest"/>): then it ends
/// the same way, and tracing it would only repeat the same hops. Exchanges whose first packet arrives are traced,
/// since the replies cross sessions and NAT that depend on the pair.
/// </summary>
internal sealed class MatrixBuilder
{
    /// <summary>How many of a source's dropped requests a destination is compared with before it is traced.</summary>
    private const int CandidatesPerDestination = 8;

    private readonly CompiledNetwork _network;
    private readonly Device[] _hosts;
    private readonly Ipv4Address[] _addresses;

    /// <summary>Per destination: its default flow's (protocol, port) as a small number, or -1 when it cannot be played.</summary>
    private readonly int[] _flowGroups;

    private readonly Dictionary<PairOutcome, int> _outcomeIndex = [];
    private readonly List<(PairOutcome Outcome, ExchangeResult Example)> _outcomes = [];
    private readonly List<int> _pairsPerOutcome = [];
    private readonly Dictionary<(NetworkNode, Route?), RouteScope> _scopes = [];

    /// <summary>Outcomes renamed for another member of a class, and the outcome index a real trace gave for them.</summary>
    private readonly Dictionary<PairOutcome, int> _renamed = [];
    private int _traced;

    private readonly AnalysisRun _run;

    public MatrixBuilder(CompiledNetwork network, AnalysisLimits limits)
    {
        _network = network;
        _hosts = [.. ReachabilityMatrix.EndpointsOf(network)];
        _addresses = [.. _hosts.Select(h => h.Interfaces.First(i => i.Address is not null).Address!.Value.Address)];
        _flowGroups = FlowGroups();
        _run = new AnalysisRun(limits, (long)_hosts.Length * _hosts.Length);
    }

    public ReachabilityMatrix Build()
    {
        var (classOf, members) = EndpointClasses.Find(_network, _hosts, _addresses);
        var byClass = new OutcomeCells(members.Count);
        var pairs = ComputeClassPairs(members, byClass);
        if (members.Count == _hosts.Length)
        {
            // Every host is its own class, numbered in host order: the class table is the matrix.
            return Finish(byClass, pairs);
        }

        var cells = new OutcomeCells(_hosts.Length);
        pairs = 0;
        for (var i = 0; i < _pairsPerOutcome.Count; i++)
        {
            _pairsPerOutcome[i] = 0;
        }

        for (var from = 0; from < _hosts.Length; from++)
        {
            for (var to = 0; to < _hosts.Length; to++)
            {
                var cell = byClass[classOf[from], classOf[to]];
                if (from == to || cell == 0)
                {
                    continue;
                }

                var (source, destination) = Representatives(members, classOf[from], classOf[to]);
                var outcome = Renamed(cell - 1, source, destination, from, to);
                cells[from, to] = outcome + 1;
                _pairsPerOutcome[outcome]++;
                pairs++;
            }
        }

        return Finish(cells, pairs);
    }

    private ReachabilityMatrix Finish(OutcomeCells cells, int pairs)
    {
        var outcomes = _outcomes.Select((o, i) => new MatrixOutcome(o.Outcome, o.Example, _pairsPerOutcome[i])).ToList();
        _run.Finished(_run.OverBudget ? pairs : _run.PairsTotal);
        return new ReachabilityMatrix(_hosts, cells, outcomes, pairs, _traced) { Incomplete = _run.Incomplete(pairs) };
    }

    /// <summary>
    /// One pair per pair of classes (and per class with two members or more, a pair inside it), each traced or shared
    /// with a dropped request of the same source. Returns the number of pairs, counting a class's members as one each.
    /// </summary>
    private int ComputeClassPairs(List<List<int>> members, OutcomeCells byClass)
    {
        var dropped = new List<DroppedRequest>();
        var pairs = 0;
        var hostPairsDone = 0L;
        for (var sourceClass = 0; sourceClass < members.Count; sourceClass++)
        {
            if (!_run.Continue(hostPairsDone))
            {
                break;
            }

            hostPairsDone += (long)members[sourceClass].Count * _hosts.Length;
            dropped.Clear();
            for (var destinationClass = 0; destinationClass < members.Count; destinationClass++)
            {
                var (from, to) = Representatives(members, sourceClass, destinationClass);
                if (to < 0 || _flowGroups[to] < 0 || _hosts[from].Name == _hosts[to].Name)
                {
                    continue;
                }

                var outcome = Shared(dropped, to);
                if (outcome < 0)
                {
                    outcome = Trace(from, to, dropped);
                }

                byClass[sourceClass, destinationClass] = outcome + 1;
                _pairsPerOutcome[outcome]++;
                pairs++;
            }
        }

        return pairs;
    }

    /// <summary>The traced pair that stands for two classes: their first members, or the first two of one class.</summary>
    private static (int From, int To) Representatives(List<List<int>> members, int sourceClass, int destinationClass) =>
        sourceClass != destinationClass ? (members[sourceClass][0], members[destinationClass][0])
        : members[sourceClass].Count > 1 ? (members[sourceClass][0], members[sourceClass][1])
        : (members[sourceClass][0], -1);

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
            index = Trace(from, to, dropped: null);
            _renamed[renamed] = index;
        }

        return index;
    }

    /// <summary>The outcome a destination shares with one of the source's dropped requests, or -1 when it must be traced.</summary>
    private int Shared(List<DroppedRequest> dropped, int to)
    {
        var tried = 0;
        for (var i = dropped.Count - 1; i >= 0 && tried < CandidatesPerDestination; i--)
        {
            var candidate = dropped[i];
            if (candidate.FlowGroup != _flowGroups[to])
            {
                continue;
            }

            tried++;
            if (candidate.DecidesAlso(_addresses[to]))
            {
                return candidate.Outcome;
            }
        }

        return -1;
    }

    private int Trace(int from, int to, List<DroppedRequest>? dropped)
    {
        _traced++;
        var result = Simulator.Run(_network, ReachabilityMatrix.DefaultFlow(_hosts[from], _hosts[to]));
        var outcome = PairOutcome.Of(_network, result);
        if (!_outcomeIndex.TryGetValue(outcome, out var index))
        {
            index = _outcomes.Count;
            _outcomeIndex[outcome] = index;
            _outcomes.Add((outcome, result));
            _pairsPerOutcome.Add(0);
        }

        if (dropped is not null && !result.Packets[0].Delivered)
        {
            dropped.Add(new DroppedRequest(_network, result.Packets[0], _addresses[to], _flowGroups[to], index, ScopeOf));
        }

        return index;
    }

    private RouteScope ScopeOf(NetworkNode node, Route? route)
    {
        if (!_scopes.TryGetValue((node, route), out var scope))
        {
            scope = RouteScope.Of(node.Fib, route);
            _scopes[(node, route)] = scope;
        }

        return scope;
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
