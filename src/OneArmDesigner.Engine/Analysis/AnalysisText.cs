using System.Text;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>Validation reports and matrices as text a person reads in a terminal.</summary>
public static class AnalysisText
{
    public static string Write(ValidationReport report)
    {
        var text = new StringBuilder();
        if (report.Findings.Count == 0)
        {
            return report.Incomplete is { } why
                ? $"No findings in the part analysed. Incomplete: {why}.\n"
                : "No findings: the design looks right.\n";
        }

        foreach (var finding in report.Findings)
        {
            text.AppendLine($"{finding.Severity.ToString().ToUpperInvariant(),-7} {finding.Code} [{string.Join(", ", finding.Devices)}]");
            text.AppendLine($"        {finding.Message}");
            if (finding.Evidence is { } evidence)
            {
                text.AppendLine($"        evidence: {evidence}");
            }

            foreach (var fix in finding.Fixes)
            {
                text.AppendLine($"        fix {fix.Id}: {fix.Title}");
            }
        }

        text.AppendLine($"{report.Count(Severity.Error)} error(s), {report.Count(Severity.Warning)} warning(s), {report.Count(Severity.Info)} note(s).");
        if (report.Incomplete is { } incomplete)
        {
            text.AppendLine($"Incomplete: {incomplete}. These are what was found in the part analysed.");
        }

        return text.ToString();
    }

    public static string Write(ReachabilityMatrix matrix)
    {
        var text = new StringWriter();
        Write(matrix, text);
        return text.ToString();
    }

    /// <summary>Writes line by line, so a matrix of millions of pairs is never one string.</summary>
    public static void Write(ReachabilityMatrix matrix, TextWriter output)
    {
        var (pairs, reachable) = (0, 0);
        foreach (var entry in matrix)
        {
            output.WriteLine($"{entry.From,-16} → {entry.To,-16} {entry.Flow.Protocol.ToString().ToUpperInvariant(),-4} {(entry.Flow.DestinationPort == 0 ? "" : entry.Flow.DestinationPort.ToString()),-5} {ReachabilityMatrix.Describe(entry)}");
            pairs++;
            reachable += entry.Reachable ? 1 : 0;
        }

        output.WriteLine($"{reachable} of {pairs} pairs reachable.");
        if (matrix.Incomplete is { } incomplete)
        {
            output.WriteLine($"Incomplete: {incomplete}. Pairs not yet decided are not listed.");
        }
    }
}
