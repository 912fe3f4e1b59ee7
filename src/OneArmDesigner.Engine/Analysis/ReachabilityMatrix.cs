using System.Collections;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>One ordered pair of hosts and how its default exchange ends.</summary>
public sealed record ReachabilityEntry(string From, string To, Flow Flow, PairOutcome Outcome)
{
    public bool Reachable => Outcome.Reachable;
}

/// <summary>
/// One way exchanges end, the number of host pairs that end that way, and the full trace of one of them (the example
/// the findings quote).
/// </summary>
public sealed record MatrixOutcome(PairOutcome Outcome, ExchangeResult Example, int Pairs)
{
    public string Description { get; } = Outcome.Describe();
}

/// <summary>
/// Every ordered pair of hosts and servers, both directions, with the verdict of its default exchange: TCP to the
/// destination's first listening port, or a ping when it listens on nothing. Stored compactly (the distinct outcomes,
/// and one small index per pair) and enumerated pair by pair on demand; see <see cref="MatrixBuilder"/> for which
/// pairs are traced and which share a traced pair's outcome.
/// </summary>
public sealed class ReachabilityMatrix : IReadOnlyCollection<ReachabilityEntry>
{
    private readonly Device[] _hosts;
    private readonly OutcomeCells _cells;
    private Dictionary<string, int>? _indexByName;

    internal ReachabilityMatrix(Device[] hosts, OutcomeCells cells, IReadOnlyList<MatrixOutcome> outcomes, int count, int traced)
    {
        _hosts = hosts;
        _cells = cells;
        Hosts = [.. hosts.Select(h => h.Name)];
        Outcomes = outcomes;
        Count = count;
        TracedPairs = traced;
    }

    /// <summary>The hosts and servers with an address, in design order.</summary>
    public IReadOnlyList<string> Hosts { get; }

    /// <summary>The distinct ways the pairs' exchanges end, each with how many pairs and one example trace.</summary>
    public IReadOnlyList<MatrixOutcome> Outcomes { get; }

    /// <summary>How many ordered pairs the matrix holds.</summary>
    public int Count { get; }

    /// <summary>How many of those pairs were traced; the others took the outcome of a traced pair.</summary>
    public int TracedPairs { get; }

    public bool AllReachable => Outcomes.All(o => o.Outcome.Reachable);

    /// <summary>Why some pairs are missing (for example the time budget ran out), or null when every pair is here.</summary>
    public string? Incomplete { get; init; }

    public bool Complete => Incomplete is null;

    internal MatrixDiagnostics Diagnostics { get; init; }

    /// <summary>
    /// Went on from an earlier run (<see cref="AnalysisLimits.Continuing"/>) and was cut short again before it finished
    /// anything a further run could keep: the first round of sources left needs more than the budget. Pairs it decided
    /// in rounds it did not finish are shown, but the next run would decide them again. A continued run never shows
    /// fewer pairs than the run it went on from: where it decided fewer, it shows that run's pairs.
    /// </summary>
    public bool Stalled { get; init; }

    /// <summary>
    /// The design has more hosts than <see cref="AnalysisLimits.MaxHostPairs"/> lets an analysis take on: no pair was
    /// played, and asking again will not change that.
    /// </summary>
    public bool TooManyHosts { get; init; }

    /// <summary>The most ordered host pairs one matrix holds (46,340 hosts).</summary>
    public const long MostHostPairs = (long)OutcomeCells.MostHosts * (OutcomeCells.MostHosts - 1);

    /// <summary>Where a run cut short can go on from (<see cref="AnalysisLimits.Continuing"/>); null when complete.</summary>
    internal MatrixResume? Resume { get; init; }

    /// <summary>
    /// The pairs and outcomes of this matrix again, for a run that went on from it and was cut short having decided
    /// fewer: what that run may go on from, and whether it stalled, are its own.
    /// </summary>
    internal ReachabilityMatrix ShownAgain(string incomplete, MatrixResume resume, bool stalled, MatrixDiagnostics diagnostics) =>
        new(_hosts, _cells, Outcomes, Count, TracedPairs) { Incomplete = incomplete, Resume = resume, Stalled = stalled, Diagnostics = diagnostics };

    public static ReachabilityMatrix Compute(Design design) => Compute(NetworkCompiler.Compile(design));

    public static ReachabilityMatrix Compute(CompiledNetwork network, AnalysisLimits? limits = null) =>
        new MatrixBuilder(network, limits ?? AnalysisLimits.None).Build();

    /// <summary>The matrix with other settings than the product's: for the tests that prove each guard is needed.</summary>
    internal static ReachabilityMatrix Compute(CompiledNetwork network, AnalysisSettings settings, AnalysisLimits? limits = null) =>
        new MatrixBuilder(network, limits ?? AnalysisLimits.None, settings).Build();

    /// <summary>The outcome of one ordered pair, or null when the matrix has no such pair.</summary>
    public MatrixOutcome? Find(string from, string to) => Cell(from, to) is var (_, _, cell) && cell > 0 ? Outcomes[cell - 1] : null;

    /// <summary>
    /// One ordered pair by its hosts' names, with its default exchange and outcome, or null when the matrix has no such
    /// pair (a host and itself, a name that is not a host, or a pair the time budget left undecided).
    /// </summary>
    public ReachabilityEntry? Pair(string from, string to) => Cell(from, to) is var (i, j, cell) && cell > 0
        ? new ReachabilityEntry(_hosts[i].Name, _hosts[j].Name, DefaultFlow(_hosts[i], _hosts[j]), Outcomes[cell - 1].Outcome)
        : null;

    /// <summary>Whether a host of this name is in the matrix.</summary>
    public bool HasHost(string name) => IndexByName.ContainsKey(name);

    private Dictionary<string, int> IndexByName => _indexByName ??= _hosts.Select((h, i) => (h.Name, i))
        .GroupBy(p => p.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);

    /// <summary>The pair's row, column and cell (0: no such pair).</summary>
    private (int From, int To, int Cell) Cell(string from, string to) =>
        IndexByName.TryGetValue(from, out var i) && IndexByName.TryGetValue(to, out var j) ? (i, j, _cells[i, j]) : (-1, -1, 0);

    public IEnumerator<ReachabilityEntry> GetEnumerator()
    {
        for (var i = 0; i < _hosts.Length; i++)
        {
            for (var j = 0; j < _hosts.Length; j++)
            {
                if (_cells[i, j] is > 0 and var cell)
                {
                    yield return new ReachabilityEntry(_hosts[i].Name, _hosts[j].Name, DefaultFlow(_hosts[i], _hosts[j]), Outcomes[cell - 1].Outcome);
                }
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static IEnumerable<Device> EndpointsOf(CompiledNetwork network) =>
        network.Design.Devices.Where(d => d.Kind.IsEndpoint() && d.Interfaces.Any(i => i.Address is not null));

    public static Flow DefaultFlow(Device from, Device to) =>
        to.Host is { TcpPorts.Count: > 0 } host
            ? new Flow(from.Name, to.Name, Protocol.Tcp, host.TcpPorts[0])
            : new Flow(from.Name, to.Name, Protocol.Icmp, 0);

    public static string Describe(ReachabilityEntry entry) => entry.Outcome.Describe();
}
