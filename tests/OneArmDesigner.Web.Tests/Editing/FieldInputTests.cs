using OneArmDesigner.Web.Editing;

namespace OneArmDesigner.Web.Tests.Editing;

public sealed class FieldInputTests
{
    [Theory]
    [InlineData("10.0.0.1/24", null)]
    [InlineData(" 192.168.1.0/24 ", null)]
    [InlineData("10.0.0.300/24", "'10.0.0.300/24' is not an IPv4 prefix (for example 10.0.0.0/24).")]
    [InlineData("any", "'any' is not an IPv4 prefix (for example 10.0.0.0/24).")]
    [InlineData("", "Enter a subnet, for example 10.0.0.0/24.")]
    public void A_prefix_is_read_or_refused_with_the_text_quoted(string text, string? problem) =>
        Assert.Equal(problem, FieldInput.Prefix(text).Problem);

    [Fact]
    public void Where_a_rule_may_match_everything_any_and_an_empty_field_mean_every_address()
    {
        Assert.Equal("0.0.0.0/0", FieldInput.PrefixOrAny("any").Value.ToString());
        Assert.Equal("0.0.0.0/0", FieldInput.PrefixOrAny(" ").Value.ToString());
        Assert.Equal("203.0.113.2/32", FieldInput.PrefixOrAny("203.0.113.2/32").Value.ToString());
    }

    [Theory]
    [InlineData("3389", null)]
    [InlineData("0", "'0' is not a port; use a whole number from 1 to 65535.")]
    [InlineData("70000", "'70000' is not a port; use a whole number from 1 to 65535.")]
    [InlineData("-5", "'-5' is not a port; use a whole number from 1 to 65535.")]
    [InlineData("", "Enter a port (1 to 65535).")]
    public void A_port_is_a_whole_number_from_1_to_65535(string text, string? problem) =>
        Assert.Equal(problem, FieldInput.Port(text).Problem);

    [Fact]
    public void Port_lists_take_commas_or_spaces_drop_duplicates_and_name_the_bad_entry()
    {
        Assert.Equal([3389, 443], FieldInput.PortList("3389, 443 3389").Value!);
        Assert.Empty(FieldInput.PortList("").Value!);
        Assert.Equal("'http' is not a port; use a whole number from 1 to 65535.", FieldInput.PortList("443, http").Problem);
    }

    [Fact]
    public void Prefix_lists_keep_each_subnet_as_its_network()
    {
        Assert.Equal(["10.0.0.0/24", "192.168.1.0/24"], FieldInput.PrefixList("10.0.0.1/24, 192.168.1.0/24").Value!.Select(p => p.ToString()));
        Assert.Equal("'10.0.0/24' is not an IPv4 prefix (for example 10.0.0.0/24).", FieldInput.PrefixList("10.0.0/24").Problem);
    }

    [Fact]
    public void Optional_fields_accept_nothing_but_not_nonsense()
    {
        Assert.True(FieldInput.OptionalAddress("").Ok);
        Assert.Null(FieldInput.OptionalAddress("").Value);
        Assert.Equal("'1.2.3' is not an IPv4 address (for example 192.168.1.1).", FieldInput.OptionalAddress("1.2.3").Problem);
        Assert.Null(FieldInput.OptionalPort(" ").Value);
        Assert.Equal(4500, FieldInput.OptionalPort("4500").Value);
    }

    [Theory]
    [InlineData("1", null)]
    [InlineData("4094", null)]
    [InlineData("4095", "'4095' is not a VLAN ID; use a whole number from 1 to 4094.")]
    public void A_vlan_id_is_from_1_to_4094(string text, string? problem) =>
        Assert.Equal(problem, FieldInput.VlanId(text).Problem);

    [Fact]
    public void A_security_level_is_from_0_to_100() =>
        Assert.Equal("'101' is not a security level; use a whole number from 0 to 100.", FieldInput.SecurityLevel("101").Problem);

    [Theory]
    [InlineData("80", 80, 80)]
    [InlineData("eq 80", 80, 80)]
    [InlineData("1024-65535", 1024, 65535)]
    [InlineData("lt 1024", 1, 1023)]
    [InlineData("gt 1023", 1024, 65535)]
    [InlineData("range 5000 5010", 5000, 5010)]
    [InlineData(" RANGE 5000 5010 ", 5000, 5010)]
    public void Access_list_ports_are_read_as_people_and_ASA_configurations_write_them(string text, int from, int to) =>
        Assert.Equal(new OneArmDesigner.Domain.Model.PortRange(from, to), FieldInput.PortMatch(text).Value);

    [Theory]
    [InlineData("lt 1")]
    [InlineData("gt 65535")]
    [InlineData("range 90 80")]
    [InlineData("eq 80 81")]
    [InlineData("http")]
    [InlineData("0-10")]
    public void A_port_match_the_form_cannot_read_is_refused_with_the_forms_it_takes(string text) =>
        Assert.Equal($"'{text}' is not a port or range; write 80, 1024-65535, lt 1024, gt 1023 or range 5000 5010.", FieldInput.PortMatch(text).Problem);

    [Fact]
    public void An_empty_port_match_means_any_port_and_shows_back_as_typed()
    {
        Assert.Equal(new Parsed<OneArmDesigner.Domain.Model.PortRange?>(null, null), FieldInput.PortMatch(" "));
        Assert.Equal("1024-65535", FieldInput.Show(new OneArmDesigner.Domain.Model.PortRange(1024, 65535)));
        Assert.Equal("22", FieldInput.Show(new OneArmDesigner.Domain.Model.PortRange(22, 22)));
    }

    [Theory]
    [InlineData("128", null)]
    [InlineData("0", "'0' is not a TTL; use a whole number from 1 to 255.")]
    [InlineData("256", "'256' is not a TTL; use a whole number from 1 to 255.")]
    public void A_TTL_is_a_whole_number_from_1_to_255(string text, string? problem) =>
        Assert.Equal(problem, FieldInput.Ttl(text).Problem);
}
