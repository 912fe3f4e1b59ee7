using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// Fills a <see cref="ReachabilityMatrix"/> without tracing every pair. For each source, a destination is traced in
/// full unless an exchange from that source, already traced, lost its first packet on a path that treats this
/// destination exactly like its own (<see cref="DroppedRequest"/>): then it ends the same way, and tracing it would
/// only repeat the same hops. Exchanges whose first packet arrives are always traced, since the replies cross
/// sessions and NAT that depend on the pair. The result is the same as tracing every pair.
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

    public MatrixBuilder(CompiledNetwork network)
    {
        _network = network;
        _hosts = [.. ReachabilityMatrix.EndpointsOf(network)];
        _addresses = [.. _hosts.Select(h => h.Interfaces.First(i => i.Address is not null).Address!.Value.Address)];
        _flowGroups = FlowGroups();
    }

    public ReachabilityMatrix Build()
    {
        var cells = new OutcomeCells(_hosts.Length);
        var dropped = new List<DroppedRequest>();
        var (count, traced) = (0, 0);
        for (var from = 0; from < _hosts.Length; from++)
        {
            dropped.Clear();
            for (var to = 0; to < _hosts.Length; to++)
            {
                if (from == to || _flowGroups[to] < 0 || _hosts[from].Name == _hosts[to].Name)
                {
                    continue;
                }

                var outcome = Shared(dropped, to);
                if (outcome < 0)
                {
                    outcome = Trace(from, to, dropped);
                    traced++;
                }

                cells[from, to] = outcome + 1;
                _pairsPerOutcome[outcome]++;
                count++;
            }
        }

        var outcomes = _outcomes.Select((o, i) => new MatrixOutcome(o.Outcome, o.Example, _pairsPerOutcome[i])).ToList();
        return new ReachabilityMatrix(_hosts, cells, outcomes, count, traced);
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

    private int Trace(int from, int to, List<DroppedRequest> dropped)
    {
        var result = Simulator.Run(_network, ReachabilityMatrix.DefaultFlow(_hosts[from], _hosts[to]));
        var outcome = PairOutcome.Of(_network, result);
        if (!_outcomeIndex.TryGetValue(outcome, out var index))
        {
            index = _outcomes.Count;
            _outcomeIndex[outcome] = index;
            _outcomes.Add((outcome, result));
            _pairsPerOutcome.Add(0);
        }

        if (!result.Packets[0].Delivered)
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
