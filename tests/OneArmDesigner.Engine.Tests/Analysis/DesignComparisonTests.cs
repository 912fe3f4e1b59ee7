using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Tests.Scenarios;

namespace OneArmDesigner.Engine.Tests.Analysis;

public sealed class DesignComparisonTests
{
    [Fact]
    public void The_transit_vlan_fix_turns_both_directions_between_the_laptops_from_failed_to_reachable()
    {
        var after = DesignFixes.Apply(Networks.Broken, "move-concentrator-to-transit-vlan:MX80-B").Design!;

        var changes = DesignComparison.Compare(Networks.Broken, after);

        var aToB = changes.Single(c => c.From == "LaptopA" && c.To == "LaptopB");
        Assert.Equal("SYN-ACK dropped at ASA (no-session)", aToB.Before);
        Assert.Equal("reachable", aToB.After);
        Assert.True(aToB.Improved);
        Assert.Contains(changes, c => c.From == "LaptopB" && c.To == "LaptopA" && c.Improved);
    }

    [Fact]
    public void Comparing_a_design_with_itself_changes_nothing()
    {
        Assert.Empty(DesignComparison.Compare(Networks.Fixed, Networks.Fixed));
    }
}
