namespace OneArmDesigner.Engine.Analysis;

/// <summary>A host pair whose default exchange ends differently in two designs.</summary>
public sealed record VerdictChange(string From, string To, string Before, string After, bool Improved);

/// <summary>Before and after a change (a fix, an edit): which flows change verdict.</summary>
public static class DesignComparison
{
    public static IReadOnlyList<VerdictChange> Compare(Domain.Model.Design before, Domain.Model.Design after) =>
        Compare(ReachabilityMatrix.Compute(before), ReachabilityMatrix.Compute(after));

    /// <summary>The same comparison from matrices already computed (for example by the web app's analysis queue).</summary>
    public static IReadOnlyList<VerdictChange> Compare(ReachabilityMatrix before, ReachabilityMatrix after)
    {
        var changes = new List<VerdictChange>();
        foreach (var entry in after)
        {
            var previous = before.Find(entry.From, entry.To);
            var was = previous?.Description ?? "not in the design";
            var now = ReachabilityMatrix.Describe(entry);
            if (was != now)
            {
                changes.Add(new VerdictChange(entry.From, entry.To, was, now, entry.Reachable && previous?.Outcome.Reachable != true));
            }
        }

        return changes;
    }
}
