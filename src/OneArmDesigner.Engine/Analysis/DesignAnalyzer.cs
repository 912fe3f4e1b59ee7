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
    public static ValidationReport Validate(Design design)
    {
        var network = NetworkCompiler.Compile(design);
        var findings = new List<Finding>();
        StructuralChecks.Run(design, network, findings);
        TraceChecks.Run(design, ReachabilityMatrix.Compute(network), findings);
        var unique = findings
            .GroupBy(f => (f.Code, string.Join(",", f.Devices)))
            .Select(g => g.First())
            .OrderBy(f => f.Severity)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ToList();
        return new ValidationReport(unique);
    }
}
