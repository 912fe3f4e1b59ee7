namespace OneArmDesigner.Web.Designs;

/// <summary>One stored revision as the policy weighs it: which it is, when it was made, and what it costs to keep.</summary>
public readonly record struct RevisionFootprint(long Id, int Number, DateTimeOffset CreatedAt, long Bytes);

/// <summary>
/// Which revisions a design keeps, so its history grows with the work done on it and not with the number of saves:
/// the latest <see cref="KeepLatest"/>, then the last revision of each earlier day, and all of it within
/// <see cref="MaxBytesPerDesign"/> (the oldest go first; the newest is always kept). Bound from configuration
/// section "Revisions".
/// </summary>
public sealed class RevisionPolicy
{
    public const string Section = "Revisions";

    /// <summary>How many of the newest revisions are always kept (within the size cap).</summary>
    public int KeepLatest { get; set; } = 50;

    /// <summary>The most a design's revisions may take together, in bytes of their documents.</summary>
    public long MaxBytesPerDesign { get; set; } = 32L * 1024 * 1024;

    /// <summary>The revisions to delete, of all a design has.</summary>
    public IReadOnlyList<long> ToDelete(IEnumerable<RevisionFootprint> revisions)
    {
        var newestFirst = revisions.OrderByDescending(r => r.Number).ToList();
        var kept = new List<RevisionFootprint>();
        var daysKept = new HashSet<DateOnly>();
        foreach (var revision in newestFirst)
        {
            // A day already represented keeps its newest revision only: that is the state the day ended in.
            var day = DateOnly.FromDateTime(revision.CreatedAt.UtcDateTime);
            if (kept.Count < Math.Max(1, KeepLatest) || daysKept.Add(day))
            {
                kept.Add(revision);
                daysKept.Add(day);
            }
        }

        var bytes = kept.Sum(r => r.Bytes);
        while (bytes > MaxBytesPerDesign && kept.Count > 1)
        {
            bytes -= kept[^1].Bytes;
            kept.RemoveAt(kept.Count - 1);
        }

        var keep = kept.Select(r => r.Id).ToHashSet();
        return [.. newestFirst.Where(r => !keep.Contains(r.Id)).Select(r => r.Id)];
    }
}
