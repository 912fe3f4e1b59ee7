using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// Finds what is wrong with a design. Structural checks read the model; behavioural ones read real traces of the
/// default exchange between every pair of hosts (<see cref="ReachabilityMatrix"/>), so a finding such as asymmetric
/// routing through a stateful firewall is reported because the engine saw the firewall drop the reply, not because
/// the design merely looks like the textbook case.
/// </summary>
public static class DesignAnalyzer
{
    public static ValidationReport Validate(Design design) => Analyze(design).Report;

    /// <summary>
    /// Validates the design and computes its reachability matrix within <paramref name="limits"/>: over the time
    /// budget both say they are incomplete and keep what was found; cancelled, it throws OperationCanceledException.
    /// </summary>
    public static DesignAnalysis Analyze(Design design, AnalysisLimits? limits = null)
    {
        var network = NetworkCompiler.Compile(design);
        var findings = new List<Finding>();
        StructuralChecks.Run(design, network, findings);
        var matrix = ReachabilityMatrix.Compute(network, limits);
        TraceChecks.Run(design, matrix, findings);
        var unique = findings
            .GroupBy(f => (f.Code, string.Join(",", f.Devices)))
            .Select(g => g.First())
            .OrderBy(f => f.Severity)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ToList();
        return new DesignAnalysis(new ValidationReport(unique) { Incomplete = matrix.Incomplete, PairsDecided = matrix.Incomplete is null ? 0 : matrix.Count }, matrix);
    }
}

/// <summary>A design's findings and the reachability matrix they were read from.</summary>
public sealed record DesignAnalysis(ValidationReport Report, ReachabilityMatrix Matrix);
