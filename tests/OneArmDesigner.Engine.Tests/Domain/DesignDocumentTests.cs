using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;

namespace OneArmDesigner.Engine.Tests.Domain;

public sealed class DesignDocumentTests
{
    private static IReadOnlyList<string> ProblemsOf(string json)
    {
        var result = DesignDocument.Load(json);
        Assert.False(result.Succeeded);
        return [.. result.Problems.Select(p => p.ToString())];
    }

    private static string Doc(string devices, string links = "") =>
        $$"""{"schemaVersion":1,"name":"t","devices":[{{devices}}],"links":[{{links}}]}""";

    [Theory]
    [InlineData(SeedTemplates.AsymmetricName)]
    [InlineData(SeedTemplates.TransitVlanName)]
    public void Templates_round_trip_through_the_document_unchanged(string name)
    {
        var design = TemplateCatalog.Find(name)!.Create();

        var json = DesignDocument.Serialize(design);
        var loaded = DesignDocument.Load(json);

        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        Assert.Equal(json, DesignDocument.Serialize(loaded.Design!));
        Assert.Equal(design.Devices.Count, loaded.Design!.Devices.Count);
    }

    [Fact]
    public void Same_security_inter_interface_survives_the_document_and_defaults_to_off()
    {
        var json = Doc("""{"name":"FW","kind":"firewall","firewall":{"sameSecurityInterInterface":true}},{"name":"FW2","kind":"firewall"}""");

        var design = DesignDocument.Load(json).Design!;

        Assert.True(design.GetDevice("FW").Firewall!.SameSecurityInterInterface);
        Assert.False(design.GetDevice("FW2").Firewall!.SameSecurityInterInterface);
        Assert.Contains("\"sameSecurityInterInterface\": true", DesignDocument.Serialize(design));
    }

    [Fact]
    public void A_bad_interface_address_is_reported_at_its_path()
    {
        var problems = ProblemsOf(Doc("""{"name":"H","kind":"host","interfaces":[{"name":"eth0","address":"10.0.0.300/24"}]}"""));

        Assert.Contains("devices[0].interfaces[0].address: '10.0.0.300/24' is not an IPv4 prefix", problems);
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        var problems = ProblemsOf(Doc(
            """{"name":"A","kind":"toaster"},{"name":"B","kind":"host","defaultGateway":"1.2.3"},{"name":"","kind":"router"}"""));

        Assert.Contains(problems, p => p.StartsWith("devices[0].kind: 'toaster' is not a device kind", StringComparison.Ordinal));
        Assert.Contains("devices[1].defaultGateway: '1.2.3' is not an IPv4 address", problems);
        Assert.Contains(problems, p => p.StartsWith("devices[2].name: is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_device_names_are_refused()
    {
        var problems = ProblemsOf(Doc("""{"name":"R1","kind":"router"},{"name":"R1","kind":"router"}"""));

        Assert.Contains("devices[1].name: 'R1' is already the name of devices[0]; device names must be unique", problems);
    }

    [Fact]
    public void A_link_to_a_missing_device_or_interface_is_a_dangling_link()
    {
        var problems = ProblemsOf(Doc(
            """{"name":"R1","kind":"router","interfaces":[{"name":"g0","address":"10.0.0.1/24"}]},{"name":"LAN","kind":"vlan","vlan":{"id":10}}""",
            """{"a":{"device":"R1","interface":"g9"},"b":{"device":"LAN"}},{"a":{"device":"R1","interface":"g0"},"b":{"device":"Nowhere"}}"""));

        Assert.Contains("links[0].a.interface: 'g9' is not an interface of R1 (dangling link)", problems);
        Assert.Contains("links[1].b.device: 'Nowhere' is not a device in this design (dangling link)", problems);
    }

    [Fact]
    public void A_gateway_outside_the_hosts_subnet_is_refused()
    {
        var problems = ProblemsOf(Doc(
            """{"name":"H","kind":"host","interfaces":[{"name":"eth0","address":"10.0.0.2/24"}],"defaultGateway":"10.0.1.1"}"""));

        Assert.Contains(problems, p => p.StartsWith("devices[0].defaultGateway: 10.0.1.1 is outside H's subnets (10.0.0.0/24)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unsupported_schema_version_is_named()
    {
        var problems = ProblemsOf("""{"schemaVersion":7,"name":"x","devices":[],"links":[]}""");

        Assert.Contains("schemaVersion: version 7 is not supported; this build reads version 1", problems);
    }

    [Fact]
    public void Malformed_json_reports_where_it_broke()
    {
        var problems = ProblemsOf("{\"schemaVersion\": 1,\n \"name\": ");

        Assert.Single(problems);
        Assert.Contains("not valid JSON", problems[0]);
        Assert.Contains("line 2", problems[0]);
    }

    [Fact]
    public void Unknown_properties_and_wrong_types_are_named_by_path()
    {
        Assert.Contains(ProblemsOf(Doc("""{"name":"H","kind":"host","colour":"red"}""")),
            p => p.StartsWith("devices[0].colour: unknown property", StringComparison.Ordinal));
        Assert.Contains(ProblemsOf(Doc("""{"name":"H","kind":"host","position":{"x":"left","y":0}}""")),
            p => p.StartsWith("devices[0].position.x: has the wrong type", StringComparison.Ordinal));
    }

    [Fact]
    public void Kind_specific_sections_on_the_wrong_kind_are_refused()
    {
        var problems = ProblemsOf(Doc("""{"name":"R","kind":"router","mx":{"mode":"routed","uplink":"wan"}}"""));

        Assert.Contains("devices[0].mx: only Meraki MX devices have this section, and this device is a Router", problems);
    }

    [Fact]
    public void A_vpn_peer_must_be_another_mx()
    {
        var problems = ProblemsOf(Doc(
            """{"name":"MX","kind":"mx","interfaces":[{"name":"wan","address":"198.51.100.2/24"}],"mx":{"mode":"passthrough","uplink":"wan","vpnPeers":["R","Ghost"]}},{"name":"R","kind":"router"}"""));

        Assert.Contains("devices[0].mx.vpnPeers[0]: 'R' is a Router, not a Meraki MX; AutoVPN peers are MX devices", problems);
        Assert.Contains("devices[0].mx.vpnPeers[1]: 'Ghost' is not a device in this design", problems);
    }

    [Fact]
    public void An_interface_takes_only_one_cable()
    {
        var problems = ProblemsOf(Doc(
            """{"name":"R","kind":"router","interfaces":[{"name":"g0","address":"10.0.0.1/24"}]},{"name":"L1","kind":"vlan"},{"name":"L2","kind":"vlan"}""",
            """{"a":{"device":"R","interface":"g0"},"b":{"device":"L1"}},{"a":{"device":"R","interface":"g0"},"b":{"device":"L2"}}"""));

        Assert.Contains("links[1].a.interface: R:g0 is already linked by links[0]; an interface takes one cable", problems);
    }

    [Fact]
    public void A_minimal_document_loads_with_defaults()
    {
        var result = DesignDocument.Load("""{"schemaVersion":1,"devices":[{"name":"H","kind":"host"}]}""");

        Assert.True(result.Succeeded);
        Assert.Equal("Untitled design", result.Design!.Name);
        Assert.Equal(DeviceKind.Host, result.Design.Devices[0].Kind);
    }

    [Fact]
    public void Notes_and_areas_are_kept_in_the_document_and_read_back_as_they_were()
    {
        var design = SeedTemplates.Asymmetric() with
        {
            Annotations =
            [
                new Annotation(AnnotationKind.Area, "Data centre", new Position(860, 160), 360, 340),
                new Annotation(AnnotationKind.Note, "MX80-B shares\nLaptopB's subnet", new Position(1100, 520), 180, 60),
            ],
        };

        var json = DesignDocument.Serialize(design);
        var loaded = DesignDocument.Load(json);

        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        Assert.Equal(design.Annotations, loaded.Design!.Annotations);
        Assert.Contains("\"annotations\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("annotations", DesignDocument.Serialize(SeedTemplates.Asymmetric()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_annotation_is_reported_at_its_path()
    {
        var problems = ProblemsOf("""{"schemaVersion":1,"name":"t","annotations":[{"kind":"sticker","text":"x","width":100,"height":50},{"kind":"area","text":" ","width":10,"height":50}]}""");

        Assert.Contains("annotations[0].kind: 'sticker' is not an annotation kind; use note or area", problems);
        Assert.Contains("annotations[1].text: is missing; write what the note or area says", problems);
        Assert.Contains("annotations[1].width: 10 is not a size from 40 to 100000", problems);
    }
}
