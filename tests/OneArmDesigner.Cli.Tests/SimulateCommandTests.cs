using System.Text.Json;

namespace OneArmDesigner.Cli.Tests;

public sealed class SimulateCommandTests
{
    [Fact]
    public void The_broken_template_exits_1_and_the_walkthrough_names_the_drop_and_the_log_line()
    {
        var run = Cli.Run("simulate", "--template", "one-arm-asymmetric", "--from", "LaptopA", "--to", "LaptopB:3389");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SYN-ACK: DROPPED at ASA (no-session)", run.Output);
        Assert.Contains("%ASA-6-106015: Deny TCP (no connection) from 192.168.1.3/3389 to 10.0.0.2/5000 flags SYN ACK on interface inside", run.Output);
        Assert.Contains("asymmetric routing", run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void The_fixed_template_exits_0()
    {
        var run = Cli.Run("simulate", "--template", "one-arm-transit-vlan", "--from", "LaptopA", "--to", "LaptopB:3389");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Verdict: completed", run.Output);
    }

    [Fact]
    public void Json_output_is_the_documented_shape()
    {
        var run = Cli.Run("simulate", "--template", "one-arm-asymmetric", "--from", "LaptopA", "--to", "LaptopB:3389", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("failed", root.GetProperty("verdict").GetString());
        var packets = root.GetProperty("packets").EnumerateArray().ToList();
        Assert.Equal(["SYN", "SYN-ACK"], packets.Select(p => p.GetProperty("kind").GetString()));
        var synAck = packets[1];
        Assert.Equal("dropped", synAck.GetProperty("disposition").GetString());
        Assert.Equal("no-session", synAck.GetProperty("reason").GetString());
        Assert.Equal("ASA", synAck.GetProperty("dropDevice").GetString());
        Assert.StartsWith("%ASA-6-106015", synAck.GetProperty("log").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, packets[0].GetProperty("reason").ValueKind);
        Assert.Equal(JsonValueKind.Null, packets[0].GetProperty("dropDevice").ValueKind);
        var firstStep = packets[0].GetProperty("hops")[0].GetProperty("steps")[0];
        Assert.Equal(["action", "ingress", "egress", "detail"], firstStep.EnumerateObject().Select(p => p.Name).Take(4));
        Assert.Equal("send", firstStep.GetProperty("action").GetString());
    }

    [Fact]
    public void Icmp_and_udp_are_simulated_too()
    {
        Assert.Equal(0, Cli.Run("simulate", "--template", "one-arm-transit-vlan", "--from", "LaptopA", "--to", "LaptopB", "--protocol", "icmp").ExitCode);
        var udp = Cli.Run("simulate", "--template", "one-arm-transit-vlan", "--from", "LaptopA", "--to", "LaptopB:53", "--protocol", "udp");
        Assert.Equal(1, udp.ExitCode);
        Assert.Contains("port-closed", udp.Output);
    }

    [Fact]
    public void A_ping_across_the_broken_design_with_inspect_icmp_loses_its_reply_with_the_313004_line()
    {
        var path = ExportedTemplate("one-arm-asymmetric", firewall =>
        {
            firewall["inspectIcmp"] = true;
            firewall["sameSecurityIntraInterface"] = true;
        });
        try
        {
            var run = Cli.Run("simulate", "--design", path, "--from", "LaptopA", "--to", "LaptopB", "--protocol", "icmp");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("ECHO-REPLY: DROPPED at ASA (no-session)", run.Output);
            Assert.Contains("log: %ASA-4-313004: Denied ICMP type=0, from laddr 192.168.1.3 on interface inside to 10.0.0.2: no matching session", run.Output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_UDP_datagram_to_a_closed_port_shows_the_port_unreachable_coming_back()
    {
        var run = Cli.Run("simulate", "--template", "one-arm-transit-vlan", "--from", "LaptopA", "--to", "LaptopB:54", "--protocol", "udp");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("UDP: DROPPED at LaptopB (port-closed)", run.Output);
        Assert.Contains("PORT-UNREACHABLE: delivered", run.Output);
        Assert.Contains("LaptopB sends the packet: ICMP 192.168.1.3 > 10.0.0.2 port unreachable.", run.Output);
    }

    [Fact]
    public void A_TTL_given_on_the_command_line_runs_out_where_the_path_outgrows_it_and_the_time_exceeded_is_shown()
    {
        var text = Cli.Run("simulate", "--template", "one-arm-transit-vlan", "--from", "LaptopA", "--to", "LaptopB:3389", "--ttl", "2");
        var json = Cli.Run("simulate", "--template", "one-arm-transit-vlan", "--from", "LaptopA", "--to", "LaptopB:3389", "--ttl", "2", "--format", "json");

        Assert.Equal(1, text.ExitCode);
        Assert.Contains("SYN: DROPPED at MX80-B (ttl-exceeded)", text.Output);
        Assert.Contains("icmp: MX80-B (172.16.1.2) sends an ICMP time exceeded (type 11, code 0) back to 10.0.0.2", text.Output);
        using var document = JsonDocument.Parse(json.Output);
        var sent = document.RootElement.GetProperty("packets")[0].GetProperty("icmpSent");
        Assert.Equal(11, sent.GetProperty("icmpType").GetInt32());
        Assert.Equal("10.0.0.2", sent.GetProperty("to").GetString());
    }

    /// <summary>A template exported to a file, with its firewall's settings changed as a person would edit the JSON.</summary>
    private static string ExportedTemplate(string template, Action<System.Text.Json.Nodes.JsonObject> editFirewall)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(Cli.Run("templates", "export", template).Output)!;
        foreach (var device in document["devices"]!.AsArray())
        {
            if (device!["firewall"] is System.Text.Json.Nodes.JsonObject firewall)
            {
                editFirewall(firewall);
            }
        }

        var path = Path.GetTempFileName();
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    [Fact]
    public void A_design_file_is_read_and_simulated()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Cli.Run("templates", "export", "one-arm-transit-vlan").Output);

            var run = Cli.Run("simulate", "--design", path, "--from", "LaptopA", "--to", "LaptopB:3389");

            Assert.Equal(0, run.ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--from", "LaptopA", "--to", "LaptopB", "give the design with --design FILE or --template NAME")]
    [InlineData("--template", "nope", "--from", "LaptopA", "--to", "LaptopB", "--template: 'nope' is not a template; templates are one-arm-asymmetric, one-arm-transit-vlan")]
    [InlineData("--template", "one-arm-asymmetric", "--to", "LaptopB", "--from is required")]
    [InlineData("--template", "one-arm-asymmetric", "--from", "Ghost", "--to", "LaptopB", "from: 'Ghost' is not a device in this design")]
    [InlineData("--template", "one-arm-asymmetric", "--from", "LaptopA", "--to", "LaptopB:99999", "--to: '99999' is not a port")]
    [InlineData("--template", "one-arm-asymmetric", "--from", "LaptopA", "--to", "LaptopB", "--protocol", "sctp", "--protocol: 'sctp' is not one of tcp, udp, icmp")]
    [InlineData("--template", "one-arm-asymmetric", "--from", "LaptopA", "--to", "LaptopB", "--colour", "red", "unknown option --colour")]
    [InlineData("--template", "one-arm-asymmetric", "--from", "LaptopA", "--to", "ASA", "to: 'ASA' is a Firewall")]
    [InlineData("--template", "one-arm-asymmetric", "--from", "LaptopA", "--to", "LaptopB", "--ttl", "0", "--ttl: '0' is not a TTL; use 1 to 255")]
    public void Bad_input_exits_2_with_a_message_naming_the_problem(params string[] argsAndMessage)
    {
        var run = Cli.Run(["simulate", .. argsAndMessage[..^1]]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(argsAndMessage[^1], run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void A_bad_design_file_lists_every_problem_with_its_path()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"schemaVersion":1,"devices":[{"name":"H","kind":"host","interfaces":[{"name":"eth0","address":"10.0.0.300/24"}]},{"name":"X","kind":"toaster"}]}""");

            var run = Cli.Run("simulate", "--design", path, "--from", "H", "--to", "X");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("devices[0].interfaces[0].address: '10.0.0.300/24' is not an IPv4 prefix", run.Error);
            Assert.Contains("devices[1].kind: 'toaster' is not a device kind", run.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_design_file_that_is_not_UTF8_is_bad_input_naming_the_byte_and_its_field()
    {
        var path = Path.GetTempFileName();
        try
        {
            // "Zürich" saved as Latin-1: the ü is the single byte 0xFC, which UTF-8 never starts a character with.
            var bytes = System.Text.Encoding.Latin1.GetBytes("""{"schemaVersion":1,"name":"Zürich","devices":[],"links":[]}""");
            File.WriteAllBytes(path, bytes);

            var run = Cli.Run("validate", "--design", path);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("name: is not UTF-8 text: the byte at offset 28 (0xFC)", run.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_design_file_is_bad_input()
    {
        var run = Cli.Run("simulate", "--design", "/no/such/file.json", "--from", "A", "--to", "B");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read '/no/such/file.json'", run.Error);
    }
}
