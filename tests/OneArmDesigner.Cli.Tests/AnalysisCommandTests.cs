using System.Text.Json;

namespace OneArmDesigner.Cli.Tests;

public sealed class AnalysisCommandTests
{
    [Fact]
    public void Validate_on_the_broken_template_exits_1_and_the_json_names_the_asymmetric_finding_and_its_fix()
    {
        var run = Cli.Run("validate", "--template", "one-arm-asymmetric", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var asymmetric = json.RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("code").GetString() == "ASYMMETRIC_ROUTING_STATEFUL");
        Assert.Equal("error", asymmetric.GetProperty("severity").GetString());
        Assert.Contains("ASA", asymmetric.GetProperty("devices").EnumerateArray().Select(d => d.GetString()));
        Assert.Contains("move-concentrator-to-transit-vlan:MX80-B",
            asymmetric.GetProperty("fixes").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.False(string.IsNullOrEmpty(asymmetric.GetProperty("message").GetString()));
        Assert.Equal(["ASA:inside"], asymmetric.GetProperty("interfaces").EnumerateArray().Select(i => i.GetString()));
        Assert.NotEmpty(asymmetric.GetProperty("links").EnumerateArray());
    }

    [Fact]
    public void Validate_on_the_fixed_template_exits_0()
    {
        Assert.Equal(0, Cli.Run("validate", "--template", "one-arm-transit-vlan").ExitCode);
    }

    [Fact]
    public void Fix_writes_a_design_that_then_validates_and_simulates()
    {
        var path = Path.GetTempFileName();
        try
        {
            var fix = Cli.Run("fix", "--template", "one-arm-asymmetric", "--apply", "move-concentrator-to-transit-vlan:MX80-B", "--out", path);

            Assert.Equal(0, fix.ExitCode);
            Assert.Equal(0, Cli.Run("validate", "--design", path).ExitCode);
            Assert.Equal(0, Cli.Run("simulate", "--design", path, "--from", "LaptopA", "--to", "LaptopB:3389").ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_unknown_fix_is_bad_input()
    {
        var run = Cli.Run("fix", "--template", "one-arm-asymmetric", "--apply", "nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'nope' is not a fix", run.Error);
    }

    [Fact]
    public void Matrix_lists_both_directions_and_says_why_a_pair_fails()
    {
        var run = Cli.Run("matrix", "--template", "one-arm-asymmetric");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("LaptopA          → LaptopB          TCP  3389  SYN-ACK dropped at ASA (no-session)", run.Output);
        Assert.Contains("LaptopB          → LaptopA", run.Output);
        Assert.Equal(0, Cli.Run("matrix", "--template", "one-arm-transit-vlan", "--format", "json").ExitCode);
    }
}
