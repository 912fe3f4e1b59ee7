using System.Text;

namespace OneArmDesigner.Import.Tests;

/// <summary>Inputs that cannot be imported get a clear reason naming the file (and line or JSON path), never a design.</summary>
public sealed class BadInputTests
{
    private static string Only(ImportResult result)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Design);
        return Assert.Single(result.Problems).ToString();
    }

    private static ImportResult Asa(byte[] content) => ConfigurationImporter.Import([new ImportFile("fw.cfg", content)], null);

    private static ImportResult Meraki(string json) =>
        ConfigurationImporter.Import([], ImportFile.FromText("org.json", json));

    [Fact]
    public void A_binary_file_is_refused_as_not_text()
    {
        var problem = Only(Asa([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x41, 0x42]));

        Assert.StartsWith("fw.cfg: is not a text file (byte 0x00 at offset 3)", problem);
    }

    [Fact]
    public void A_file_over_five_megabytes_is_refused_before_it_is_read()
    {
        var problem = Only(Asa(Encoding.UTF8.GetBytes(new string('!', ImportLimits.MaxFileBytes + 1))));

        Assert.Equal("fw.cfg: the file is 5 MB; a configuration may be at most 5 MB", problem);
    }

    [Fact]
    public void Show_running_config_output_cut_before_its_end_is_truncated()
    {
        var text = Configurations.Text("guide/asa-broken.cfg");
        var cut = text[..text.IndexOf("access-group", StringComparison.Ordinal)];

        Assert.Contains("is truncated: it starts like `show running-config` output", Only(Asa(Encoding.UTF8.GetBytes(cut))));
    }

    [Fact]
    public void A_configuration_whose_last_line_is_cut_short_is_truncated()
    {
        var text = "hostname fw\ninterface GigabitEthernet0/0\n nameif inside\n security-level 100\n ip address 10.0.0.1 255.255.255.0\naccess-list in extended permit tcp any host";

        Assert.Equal("fw.cfg: is truncated: its last line (6: `access-list in extended permit tcp any host`) is cut short", Only(Asa(Encoding.UTF8.GetBytes(text))));
    }

    [Theory]
    [InlineData("version 15.2\nservice timestamps debug datetime msec\nhostname r1\ninterface GigabitEthernet0/0\n ip address 10.0.0.1 255.255.255.0\n ip nat inside\nip route 0.0.0.0 0.0.0.0 10.0.0.254\nline vty 0 4\nend\n", "Cisco IOS", "line 1: `version 15.2`")]
    [InlineData("## Last commit: 2026-11-30 09:00:00 UTC by admin\nset system host-name srx1\nset interfaces ge-0/0/0 unit 0 family inet address 10.0.0.1/24\n", "Juniper Junos", "line 1")]
    [InlineData("#config-version=FGT60F-7.2.5\nconfig system global\n    set hostname \"fg1\"\nend\n", "Fortinet FortiOS", "line 1")]
    public void Another_vendors_configuration_is_named(string text, string vendor, string evidence)
    {
        var problem = Only(Asa(Encoding.UTF8.GetBytes(text)));

        Assert.Contains($"looks like a {vendor} configuration ({evidence}", problem);
    }

    [Fact]
    public void A_Meraki_file_given_as_an_ASA_configuration_is_recognised()
    {
        var problem = Only(Asa(Configurations.File("guide/meraki-broken.json").Content));

        Assert.Contains("is a Meraki Dashboard file, not an ASA configuration; give it with --meraki", problem);
    }

    [Fact]
    public void An_object_referenced_but_not_defined_is_named_with_its_line()
    {
        var text = "hostname fw\ninterface GigabitEthernet0/0\n nameif inside\n ip address 10.0.0.1 255.255.255.0\naccess-list in extended permit tcp any object WEB eq https\naccess-group in in interface inside\n";

        Assert.Equal("fw.cfg:5: `access-list in extended permit tcp any object WEB eq https` refers to object WEB, which is not defined", Only(Asa(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void An_access_list_applied_but_not_defined_is_named_with_its_line()
    {
        var text = "hostname fw\ninterface GigabitEthernet0/0\n nameif inside\n ip address 10.0.0.1 255.255.255.0\naccess-group inside_in in interface inside\n";

        Assert.Equal("fw.cfg:5: access-group applies access list inside_in, which has no extended lines in the configuration", Only(Asa(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void A_Meraki_file_of_the_wrong_shape_names_the_json_path()
    {
        var json = """
            {"/organizations/1/networks": [{"id": "N_1", "name": "HQ", "productTypes": ["appliance"]}],
             "/organizations/1/devices": [{"serial": "Q2-1", "model": "MX68", "networkId": "N_1", "name": "mx"}],
             "/networks/N_1/appliance/vlans": [{"id": 10, "subnet": 42, "applianceIp": "10.0.0.1"}]}
            """;

        Assert.Equal("org.json:$[\"/networks/N_1/appliance/vlans\"][0].subnet: expected an IPv4 prefix like \"10.0.0.0/24\", found \"42\"", Only(Meraki(json)));
    }

    [Fact]
    public void A_Meraki_file_with_placeholders_left_in_is_refused()
    {
        var result = Meraki("""{"/organizations/{organizationId}/networks": []}""");

        Assert.Null(result.Design);
        Assert.Contains("org.json:$[\"/organizations/{organizationId}/networks\"]: still has a placeholder such as {networkId}: fill in the organisation's real ids",
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Broken_json_is_refused_with_where_it_broke()
    {
        var result = Meraki("""{"/organizations/1/networks": [ {"id": "N_1" """);

        Assert.Contains("org.json: is not valid JSON (line 1", Assert.Single(result.Problems).ToString());
    }
}
