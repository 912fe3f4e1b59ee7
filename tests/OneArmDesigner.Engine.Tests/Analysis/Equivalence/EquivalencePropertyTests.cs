using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Tracing;
using Xunit.Abstractions;

namespace OneArmDesigner.Engine.Tests.Analysis.Equivalence;

/// <summary>
/// The matrix must equal tracing every pair, cell for cell, on any design. Thousands of small random designs are
/// checked; a failure names its seed, and <c>ONEARM_EQUIVALENCE_SEED=N ONEARM_EQUIVALENCE_DESIGNS=1</c> replays
/// exactly that design (more designs: raise ONEARM_EQUIVALENCE_DESIGNS, e.g. for a long run before a release).
/// </summary>
public sealed class EquivalencePropertyTests(ITestOutputHelper output)
{
    private static int FirstSeed => int.TryParse(Environment.GetEnvironmentVariable("ONEARM_EQUIVALENCE_SEED"), out var seed) ? seed : 1;

    private static int Designs => int.TryParse(Environment.GetEnvironmentVariable("ONEARM_EQUIVALENCE_DESIGNS"), out var count) ? count : 2_000;

    /// <summary>
    /// The product's settings, and the analysis with every class played symbolically to its end and a few sources per
    /// round: small designs soon leave classes of one pair, which the product traces, so this keeps the symbolic
    /// steps, joins and rounds under test too; and that again with its rounds shared out over three threads.
    /// </summary>
    private static readonly (string Name, AnalysisSettings Settings, AnalysisLimits Limits)[] Variants =
    [
        ("as the product runs", AnalysisSettings.Default, AnalysisLimits.None),
        ("every class played symbolically", AnalysisSettings.Default with { TraceSinglePairs = false, SourcesPerRound = 3 }, AnalysisLimits.None),
        ("every class played symbolically, on three threads", AnalysisSettings.Default with { TraceSinglePairs = false, SourcesPerRound = 3 },
            new AnalysisLimits { Threads = 3 }),
    ];

    [Fact]
    public void The_matrix_equals_tracing_every_pair_on_random_designs()
    {
        for (var seed = FirstSeed; seed < FirstSeed + Designs; seed++)
        {
            var design = RandomDesigns.Generate(seed);
            Assert.Empty(DesignConsistency.Check(design));
            foreach (var (name, settings, limits) in Variants)
            {
                if (MatrixEquivalence.FirstDifference(design, n => ReachabilityMatrix.Compute(n, settings, limits)) is { } difference)
                {
                    Assert.Fail($"seed {seed} ({name}): {difference}\nReplay it with ONEARM_EQUIVALENCE_SEED={seed} ONEARM_EQUIVALENCE_DESIGNS=1, " +
                        "or look at it: DesignDocument.Serialize(RandomDesigns.Generate({seed})).");
                }
            }
        }
    }

    /// <summary>A generator that only ever made unreachable pairs would let a broken analysis pass: the designs must vary.</summary>
    [Fact]
    public void The_random_designs_reach_every_kind_of_outcome_the_engine_has()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = 0;
        for (var seed = 1; seed <= 400; seed++)
        {
            var network = NetworkCompiler.Compile(RandomDesigns.Generate(seed));
            var hosts = ReachabilityMatrix.EndpointsOf(network).ToList();
            foreach (var (from, to) in hosts.SelectMany(f => hosts.Where(t => t != f).Select(t => (f, t))))
            {
                var flow = ReachabilityMatrix.DefaultFlow(from, to);
                if (Simulator.Check(network, flow).Count > 0)
                {
                    continue;
                }

                pairs++;
                foreach (var feature in Features(network, Simulator.Run(network, flow)))
                {
                    seen[feature] = seen.GetValueOrDefault(feature) + 1;
                }
            }
        }

        output.WriteLine(string.Join("\n", seen.OrderByDescending(o => o.Value).Select(o => $"{o.Value,6} {o.Key}")));
        Assert.True(seen["reachable"] > pairs / 20, $"only {seen["reachable"]} of {pairs} pairs are reachable");
        foreach (var expected in new[]
                 {
                     "reachable through a VPN tunnel", "reachable through NAT", "reachable, asymmetric", "reachable through a stateful firewall",
                     "SYN-ACK no-session", "ECHO-REPLY no-session", "ECHO-REPLY acl-deny", "SYN acl-deny", "SYN no-route",
                     "SYN neighbor-unreachable", "SYN ttl-exceeded", "SYN vpn-down",
                     "SYN hairpin-denied", "SYN private-address-on-internet", "ACK invalid-tcp-state", "reachable with tcp-state-bypass",
                 })
        {
            Assert.True(seen.ContainsKey(expected), $"no random design gives '{expected}'");
        }
    }

    private static IEnumerable<string> Features(CompiledNetwork network, ExchangeResult result)
    {
        var outcome = PairOutcome.Of(network, result);
        if (!outcome.Reachable)
        {
            yield return $"{outcome.FailedPacket} {outcome.Reason?.ToJsonName()}";
            yield break;
        }

        yield return "reachable";
        var steps = result.Packets.SelectMany(p => p.Steps).ToList();
        if (outcome.PathDifference is not null)
        {
            yield return "reachable, asymmetric";
        }

        if (steps.Any(s => s.Action == StepAction.Encapsulate))
        {
            yield return "reachable through a VPN tunnel";
        }

        if (steps.Any(s => s.Action is StepAction.NatSource or StepAction.NatDestination))
        {
            yield return "reachable through NAT";
        }

        if (steps.Any(s => s.Action == StepAction.SessionCreate && network.Get(s.Device).Device.Firewall is { Stateful: true }))
        {
            yield return "reachable through a stateful firewall";
        }

        if (result.Packets.Any(p => p.Steps.Any(s => s.Action == StepAction.Filter && s.Detail.Contains("bypass", StringComparison.OrdinalIgnoreCase))))
        {
            yield return "reachable with tcp-state-bypass";
        }
    }
}
