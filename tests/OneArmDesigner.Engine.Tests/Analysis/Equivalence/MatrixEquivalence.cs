using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Engine.Tests.Analysis.Equivalence;

/// <summary>Compares the reachability matrix with tracing every ordered host pair one by one.</summary>
internal static class MatrixEquivalence
{
    /// <summary>The first pair whose matrix outcome differs from its own trace, described; null when every cell agrees.</summary>
    public static string? FirstDifference(Design design, Func<CompiledNetwork, ReachabilityMatrix>? compute = null)
    {
        var network = NetworkCompiler.Compile(design);
        var hosts = ReachabilityMatrix.EndpointsOf(network).ToList();
        var matrix = (compute ?? (n => ReachabilityMatrix.Compute(n)))(network);
        var pairs = 0;
        foreach (var from in hosts)
        {
            foreach (var to in hosts)
            {
                var flow = ReachabilityMatrix.DefaultFlow(from, to);
                if (from == to || from.Name == to.Name || Simulator.Check(network, flow).Count > 0)
                {
                    continue;
                }

                pairs++;
                var expected = PairOutcome.Of(network, Simulator.Run(network, flow));
                var actual = matrix.Find(from.Name, to.Name)?.Outcome;
                if (expected != actual)
                {
                    return $"{from.Name} → {to.Name}: tracing gives {expected}, the matrix {actual?.ToString() ?? "nothing"}";
                }
            }
        }

        if (pairs != matrix.Count || pairs != matrix.Outcomes.Sum(o => o.Pairs))
        {
            return $"the matrix counts {matrix.Count} pairs ({matrix.Outcomes.Sum(o => o.Pairs)} by outcome), tracing {pairs}";
        }

        // A class whose example trace disagreed fell back to tracing its pairs: right cells, but a bug all the same.
        return matrix.Diagnostics.Fallbacks > 0 ? $"{matrix.Diagnostics.Fallbacks} classes fell back to tracing" : null;
    }
}
