using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Tests.Designs;

/// <summary>Which revisions the policy keeps: the latest N, the last of each earlier day, all within the size cap.</summary>
public sealed class RevisionPolicyTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static RevisionFootprint Revision(int number, DateTimeOffset at, long bytes = 1_000) => new(number * 10, number, at, bytes);

    [Fact]
    public void The_latest_N_are_kept_and_before_them_the_last_revision_of_each_day()
    {
        var policy = new RevisionPolicy { KeepLatest = 3 };
        var revisions = new[]
        {
            Revision(1, Monday), Revision(2, Monday.AddHours(1)),                              // Monday ends at 2
            Revision(3, Monday.AddDays(1)), Revision(4, Monday.AddDays(1).AddHours(2)),        // Tuesday ends at 4
            Revision(5, Monday.AddDays(2)), Revision(6, Monday.AddDays(2).AddMinutes(1)),
            Revision(7, Monday.AddDays(2).AddMinutes(2)), Revision(8, Monday.AddDays(2).AddMinutes(3)),
        };

        var deleted = policy.ToDelete(revisions);

        var kept = revisions.Where(r => !deleted.Contains(r.Id)).Select(r => r.Number).OrderDescending();
        Assert.Equal([8, 7, 6, 4, 2], kept);
    }

    [Fact]
    public void Over_the_size_cap_the_oldest_go_first_and_the_newest_always_stays()
    {
        var policy = new RevisionPolicy { KeepLatest = 10, MaxBytesPerDesign = 2_500 };
        var revisions = Enumerable.Range(1, 5).Select(n => Revision(n, Monday.AddMinutes(n))).ToList();

        var kept = revisions.Where(r => !policy.ToDelete(revisions).Contains(r.Id)).Select(r => r.Number).OrderDescending();
        Assert.Equal([5, 4], kept);

        var huge = new[] { Revision(1, Monday, 1_000), Revision(2, Monday.AddMinutes(1), 9_000) };
        Assert.Equal([10], policy.ToDelete(huge));
    }
}
