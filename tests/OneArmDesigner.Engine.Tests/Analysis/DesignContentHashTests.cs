using System.Text.Json;
using System.Text.Json.Nodes;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Tests.Scenarios;

namespace OneArmDesigner.Engine.Tests.Analysis;

public sealed class DesignContentHashTests
{
    [Fact]
    public void The_same_design_read_from_differently_written_json_has_the_same_hash()
    {
        var written = JsonNode.Parse(DesignDocument.Serialize(Networks.Broken))!;
        var compact = written.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        var indented = written.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

        Assert.NotEqual(compact, indented);
        Assert.Equal(DesignContentHash.Of(DesignDocument.Load(compact).Design!), DesignContentHash.Of(DesignDocument.Load(indented).Design!));
    }

    [Fact]
    public void Renaming_the_design_or_moving_a_device_keeps_the_hash_because_no_finding_depends_on_them()
    {
        var moved = Networks.Broken with
        {
            Name = "Renamed",
            Devices = [.. Networks.Broken.Devices.Select(d => d with { Position = new Position(d.Position.X + 40, d.Position.Y) })],
        };

        Assert.Equal(DesignContentHash.Of(Networks.Broken), DesignContentHash.Of(moved));
    }

    [Fact]
    public void A_change_the_analysis_can_see_changes_the_hash()
    {
        var fixedDesign = DesignFixes.Apply(Networks.Broken, "move-concentrator-to-transit-vlan:MX80-B").Design!;

        Assert.NotEqual(DesignContentHash.Of(Networks.Broken), DesignContentHash.Of(fixedDesign));
        Assert.Matches("^[0-9a-f]{64}$", DesignContentHash.Of(fixedDesign));
    }
}
