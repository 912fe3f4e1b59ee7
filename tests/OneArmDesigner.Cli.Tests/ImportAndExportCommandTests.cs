using OneArmDesigner.Domain.Documents;

namespace OneArmDesigner.Cli.Tests;

/// <summary>`onearm import`, `onearm export`, `onearm fix --emit` and `onearm simulate` by address, as a pipeline uses them.</summary>
public sealed class ImportAndExportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("onearm-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Guide(string name) => Path.Combine(AppContext.BaseDirectory, "Configurations", "guide", name);

    private string Temp(string name) => Path.Combine(_folder, name);

    [Fact]
    public void Import_writes_the_design_and_reports_on_stderr()
    {
        var outcome = Cli.Run("import", "--asa", Guide("asa-broken.cfg"), "--meraki", Guide("meraki-broken.json"), "--out", Temp("broken.json"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("asa-broken.cfg (Cisco ASA, ASA): 126 lines", outcome.Error);
        Assert.Contains("Hosts are in no configuration", outcome.Error);
        Assert.True(DesignDocument.Load(File.ReadAllText(Temp("broken.json"))).Succeeded);
    }

    [Fact]
    public void Import_of_several_ASA_files_takes_each_asa_option()
    {
        var outcome = Cli.Run("import", "--asa", Guide("asa-broken.cfg"), "--asa", Guide("asa-fixed.cfg"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("'ASA' is already the name of another device; it is named 'ASA-2'", outcome.Error);
    }

    [Fact]
    public void Import_of_an_unreadable_input_exits_2_with_the_reason_and_writes_nothing()
    {
        File.WriteAllBytes(Temp("backup.tgz"), [0x1F, 0x8B, 0x08, 0x00, 0x12]);

        var outcome = Cli.Run("import", "--asa", Temp("backup.tgz"), "--out", Temp("never.json"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("backup.tgz: is not a text file (byte 0x00 at offset 3)", outcome.Error);
        Assert.False(File.Exists(Temp("never.json")));
    }

    [Fact]
    public void Simulate_by_address_on_the_imported_design_fails_at_the_ASA_with_106015()
    {
        Cli.Run("import", "--asa", Guide("asa-broken.cfg"), "--meraki", Guide("meraki-broken.json"), "--out", Temp("broken.json"));

        var outcome = Cli.Run("simulate", "--design", Temp("broken.json"), "--from", "10.0.0.2", "--to", "192.168.1.3:3389");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("%ASA-6-106015: Deny TCP (no connection) from 192.168.1.3/3389 to 10.0.0.2/5000 flags SYN ACK on interface inside", outcome.Output);
    }

    [Fact]
    public void Fix_emit_asa_with_the_original_configurations_writes_the_commands_in_their_names()
    {
        Cli.Run("import", "--asa", Guide("asa-broken.cfg"), "--meraki", Guide("meraki-broken.json"), "--out", Temp("broken.json"));

        var outcome = Cli.Run("fix", "--design", Temp("broken.json"), "--apply", "move-concentrator-to-transit-vlan:MX80-B", "--emit", "asa",
            "--asa", Guide("asa-broken.cfg"), "--meraki", Guide("meraki-broken.json"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(File.ReadAllText(Guide("transit-fix.asa.txt")), outcome.Output);
    }

    [Fact]
    public void Fix_emit_meraki_without_originals_leaves_placeholders_for_the_ids()
    {
        var outcome = Cli.Run("fix", "--template", "one-arm-asymmetric", "--apply", "move-concentrator-to-transit-vlan:MX80-B", "--emit", "meraki");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("PUT /devices/{serial of MX80-B}/appliance/uplinks/settings", outcome.Output);
        Assert.Contains("\"address\":\"172.16.1.2/24\",\"gateway\":\"172.16.1.1\"", outcome.Output);
    }

    [Fact]
    public void Export_writes_an_ASA_configuration_that_imports_back_into_the_same_firewall()
    {
        var export = Cli.Run("export", "--template", "one-arm-asymmetric", "--asa", "ASA", "--out", Temp("asa.cfg"));
        var import = Cli.Run("import", "--asa", Temp("asa.cfg"), "--out", Temp("asa.json"));

        Assert.Equal(0, export.ExitCode);
        Assert.Equal(0, import.ExitCode);
        var original = Domain.Templates.SeedTemplates.Asymmetric().GetDevice("ASA");
        var imported = DesignDocument.Load(File.ReadAllText(Temp("asa.json"))).Design!.GetDevice("ASA");
        Assert.Equal(original.Interfaces, imported.Interfaces);
        Assert.Equal(original.Routes, imported.Routes);
        Assert.Equal(original.Firewall!.Nat.Select(n => n.ToString()), imported.Firewall!.Nat.Select(n => n.ToString()));
        Assert.Equal(original.Firewall.Acl, imported.Firewall.Acl);
    }

    [Fact]
    public void Export_of_a_device_that_is_not_a_firewall_names_the_firewalls()
    {
        var outcome = Cli.Run("export", "--template", "one-arm-asymmetric", "--asa", "MX80-B");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--asa: 'MX80-B' is not a firewall in this design; firewalls are ASA", outcome.Error);
    }
}
