using AngleSharp.Dom;
using Bunit;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Web.Components.Designer;

namespace OneArmDesigner.Web.Tests.Components.Designer;

/// <summary>The properties panel, driven as a person types: what each kind shows, what is refused as typed, what is committed.</summary>
public sealed class PropertiesPanelTests : ComponentTestContext
{
    private readonly List<(Design Design, string Description)> _edits = [];

    private IRenderedComponent<PropertiesPanel> Show(string device, Design? design = null, bool readOnly = false)
    {
        design ??= SeedTemplates.Asymmetric();
        return Render<PropertiesPanel>(p => p
            .Add(x => x.Design, design)
            .Add(x => x.Device, design.GetDevice(device))
            .Add(x => x.ReadOnly, readOnly)
            .Add(x => x.Edited, e => _edits.Add(e)));
    }

    private static IElement Input(IRenderedComponent<PropertiesPanel> panel, string testId) =>
        panel.FindAll($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First();

    /// <summary>
    /// Types into a field and waits until the field shows the text: MudBlazor may hand a typed value on after the
    /// input event returns, and a click right after it would otherwise read the old value on a busy machine.
    /// </summary>
    private static void Type(IRenderedComponent<PropertiesPanel> panel, string testId, string text)
    {
        Input(panel, testId).Input(text);
        panel.WaitForAssertion(() => Assert.Equal(text, Input(panel, testId).GetAttribute("value")));
    }

    private static void TypeAndEnter(IRenderedComponent<PropertiesPanel> panel, string testId, string text)
    {
        Type(panel, testId, text);
        Input(panel, testId).KeyDown("Enter");
    }

    private static string[] Sections(IRenderedComponent<PropertiesPanel> panel) =>
        [.. panel.FindAll("section[data-testid]").Select(s => s.GetAttribute("data-testid")!)];

    [Fact]
    public void Each_kind_shows_the_sections_that_apply_to_it()
    {
        Assert.Equal(["interfaces-section", "host-section"], Sections(Show("LaptopB")));
        Assert.Equal(["interfaces-section", "firewall-section", "nat-section", "acl-section", "routes-section"], Sections(Show("ASA")));
        Assert.Equal(["interfaces-section", "mx-section", "routes-section"], Sections(Show("MX80-B")));
        Assert.Equal(["vlan-section"], Sections(Show("LAN-B")));
    }

    [Fact]
    public void A_bad_address_is_reported_while_typing_and_never_reaches_the_design()
    {
        var panel = Show("LaptopB");

        TypeAndEnter(panel, "prop-address-eth0", "192.168.1.300/24");

        Assert.Contains("'192.168.1.300/24' is not an IPv4 prefix", panel.Markup);
        Assert.Empty(_edits);
    }

    [Fact]
    public void A_good_value_is_committed_on_enter_as_one_described_edit()
    {
        var panel = Show("LaptopB");

        TypeAndEnter(panel, "prop-tcp-ports", "3389, 443");

        var (design, description) = Assert.Single(_edits);
        Assert.Equal([3389, 443], design.GetDevice("LaptopB").Host!.TcpPorts);
        Assert.Equal("TCP ports of LaptopB", description);
    }

    [Fact]
    public void A_gateway_outside_the_hosts_subnets_is_refused_with_the_reason()
    {
        var panel = Show("LaptopB");

        TypeAndEnter(panel, "prop-gateway", "10.9.9.9");

        Assert.Contains("10.9.9.9 is not on any of LaptopB's subnets", panel.Markup);
        Assert.Empty(_edits);
    }

    [Fact]
    public void A_route_is_added_only_when_both_fields_are_right_and_the_wrong_one_is_named()
    {
        var panel = Show("ASA");

        Type(panel, "route-prefix", "172.16.0.0/12");
        Type(panel, "route-next-hop", "192.168.1.999");
        panel.Find("[data-testid=add-route]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Next hop: '192.168.1.999' is not an IPv4 address", panel.Find("[data-testid=route-problem]").TextContent));
        Assert.Empty(_edits);

        Type(panel, "route-next-hop", "192.168.1.2");
        panel.Find("[data-testid=add-route]").Click();

        panel.WaitForAssertion(() => Assert.NotEmpty(_edits));
        var routes = Assert.Single(_edits).Design.GetDevice("ASA").Routes;
        Assert.Contains(routes, r => r.Prefix.ToString() == "172.16.0.0/12" && r.NextHop.ToString() == "192.168.1.2");
    }

    [Fact]
    public void A_port_forward_is_written_from_the_form_and_shown_as_the_firewall_reads_it()
    {
        var panel = Show("ASA");
        Assert.Equal("port forward udp outside:4500 ⇄ 192.168.1.2:4500 on outside", panel.Find("[data-testid=nat-rule] span").TextContent);

        Type(panel, "nat-public-port", "3389");
        Type(panel, "nat-private-address", "192.168.1.3");
        panel.Find("[data-testid=add-nat]").Click();

        panel.WaitForAssertion(() => Assert.NotEmpty(_edits));
        var nat = Assert.Single(_edits).Design.GetDevice("ASA").Firewall!.Nat;
        Assert.Equal(new NatRule(NatKind.PortForward, "outside", Protocol.Udp, null, 3389, OneArmDesigner.Domain.Addressing.Ipv4Address.Parse("192.168.1.3")), nat[^1]);
    }

    [Fact]
    public void An_access_list_entry_without_a_source_permits_from_any()
    {
        var panel = Show("ASA");

        Type(panel, "acl-destination", "192.168.1.3/32");
        Type(panel, "acl-port", "3389");
        panel.Find("[data-testid=add-acl]").Click();

        panel.WaitForAssertion(() => Assert.NotEmpty(_edits));
        var rule = Assert.Single(_edits).Design.GetDevice("ASA").Firewall!.Acl[^1];
        Assert.Equal("permit any 0.0.0.0/0 192.168.1.3/32 eq 3389", rule.ToString());
        Assert.Equal("outside", rule.Interface);
    }

    [Fact]
    public void Switching_an_mx_to_routed_mode_gives_it_a_lan_and_nat()
    {
        var panel = Show("MX80-B");

        panel.Find("input[data-testid=prop-mx-routed]").Click();

        panel.WaitForAssertion(() => Assert.NotEmpty(_edits));
        var mx = Assert.Single(_edits).Design.GetDevice("MX80-B");
        Assert.Equal(MxMode.Routed, mx.Mx!.Mode);
        Assert.True(mx.Mx.Nat);
    }

    [Fact]
    public void A_vlan_id_out_of_range_is_refused()
    {
        var panel = Show("LAN-B");

        TypeAndEnter(panel, "prop-vlan-id", "5000");

        Assert.Contains("'5000' is not a VLAN ID; use a whole number from 1 to 4094.", panel.Markup);
        Assert.Empty(_edits);
    }

    [Fact]
    public void A_read_only_design_offers_no_way_to_add_or_remove()
    {
        var panel = Show("ASA", readOnly: true);

        Assert.Empty(panel.FindAll("[data-testid^=add-]"));
        Assert.Empty(panel.FindAll("[data-testid^=remove-interface-]"));
    }

    [Fact]
    public void A_wrong_value_is_reported_as_it_is_typed_before_anything_is_committed()
    {
        var panel = Show("MX80-B");

        Type(panel, "prop-mx-advertised", "192.168.1.0/24, 10.0.0");

        Assert.Contains("'10.0.0' is not an IPv4 prefix", panel.Markup);
        Type(panel, "prop-mx-advertised", "192.168.1.0/24, 10.0.0.0/24");
        Assert.DoesNotContain("is not an IPv4 prefix", panel.Markup);
        Assert.Empty(_edits);
    }

    [Fact]
    public void With_several_devices_selected_the_panel_says_so_and_what_can_be_done()
    {
        var panel = Render<PropertiesPanel>(p => p
            .Add(x => x.Design, SeedTemplates.Asymmetric())
            .Add(x => x.Device, (Device?)null)
            .Add(x => x.SelectedCount, 3));

        Assert.Equal("3 devices selected.", panel.Find("[data-testid=selection-summary]").TextContent);
    }

    [Fact]
    public void Editing_a_route_loads_it_into_the_form_and_saves_it_in_its_place()
    {
        var panel = Show("ASA");

        panel.FindAll("[data-testid=edit-route]")[1].Click();
        panel.WaitForAssertion(() => Assert.Equal("10.0.0.0/24", Input(panel, "route-prefix").GetAttribute("value")));
        Type(panel, "route-next-hop", "192.168.1.9");
        panel.Find("[data-testid=add-route]").Click();

        panel.WaitForAssertion(() => Assert.NotEmpty(_edits));
        var routes = Assert.Single(_edits).Design.GetDevice("ASA").Routes;
        Assert.Equal(["0.0.0.0/0 via 203.0.113.1", "10.0.0.0/24 via 192.168.1.9"], routes.Select(r => $"{r.Prefix} via {r.NextHop}"));
    }

    [Fact]
    public void Access_list_entries_move_up_and_down_because_their_order_decides()
    {
        var design = SeedTemplates.Asymmetric().WithFirewallAcl("ASA", new AclRule("outside", AclAction.Deny, Protocol.Any,
            OneArmDesigner.Domain.Addressing.Ipv4Prefix.Default, OneArmDesigner.Domain.Addressing.Ipv4Prefix.Default));
        var panel = Show("ASA", design);

        panel.FindAll("[data-testid=acl-rule]")[1].QuerySelector("button[aria-label='Move access-list entry 2 up']")!.Click();

        panel.WaitForAssertion(() => Assert.NotEmpty(_edits));
        var acl = Assert.Single(_edits).Design.GetDevice("ASA").Firewall!.Acl;
        Assert.Equal([AclAction.Deny, AclAction.Permit], acl.Select(r => r.Action));
    }

    [Fact]
    public void Editing_a_nat_rule_saves_it_in_its_place_and_cancel_leaves_it_alone()
    {
        var panel = Show("ASA");

        panel.Find("[data-testid=edit-nat-rule]").Click();
        panel.WaitForAssertion(() => Assert.Equal("4500", Input(panel, "nat-public-port").GetAttribute("value")));
        panel.Find("[data-testid=cancel-add-nat]").Click();
        Assert.Equal("", Input(panel, "nat-public-port").GetAttribute("value") ?? "");
        Assert.Empty(_edits);

        panel.Find("[data-testid=edit-nat-rule]").Click();
        Type(panel, "nat-private-address", "192.168.1.7");
        panel.Find("[data-testid=add-nat]").Click();

        panel.WaitForAssertion(() => Assert.NotEmpty(_edits));
        var nat = Assert.Single(Assert.Single(_edits).Design.GetDevice("ASA").Firewall!.Nat);
        Assert.Equal("192.168.1.7", nat.PrivateAddress.ToString());
    }

    [Fact]
    public void The_firewall_switches_turn_on_inspect_icmp_and_decrement_ttl_each_as_one_described_edit()
    {
        var panel = Show("ASA");
        Assert.Contains("No ICMP state", panel.Find("[data-testid=firewall-section]").TextContent);

        panel.Find("input[data-testid=prop-inspect-icmp]").Change(true);
        panel.Find("input[data-testid=prop-decrement-ttl]").Change(true);

        Assert.Equal(["inspect icmp on on ASA", "decrement-ttl on on ASA"], _edits.Select(e => e.Description));
        Assert.True(_edits[0].Design.GetDevice("ASA").Firewall!.InspectIcmp);
        Assert.True(_edits[1].Design.GetDevice("ASA").Firewall!.DecrementTtl);
    }

    [Fact]
    public void A_hosts_initial_TTL_is_checked_as_typed_and_committed_on_enter()
    {
        var panel = Show("LaptopB");
        Assert.Equal("64", Input(panel, "prop-initial-ttl").GetAttribute("value"));

        TypeAndEnter(panel, "prop-initial-ttl", "300");
        Assert.Contains("'300' is not a TTL; use a whole number from 1 to 255.", panel.Markup);
        Assert.Empty(_edits);

        TypeAndEnter(panel, "prop-initial-ttl", "128");
        Assert.Equal(128, Assert.Single(_edits).Design.GetDevice("LaptopB").Host!.InitialTtl);
    }

    [Fact]
    public void A_static_NAT_rule_can_be_written_with_proxy_ARP_turned_off()
    {
        var panel = Show("ASA");
        var kind = panel.FindComponents<MudBlazor.MudSelect<NatKind>>().Single();
        kind.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(NatKind.Static));

        Type(panel, "nat-public-address", "203.0.113.133");
        Type(panel, "nat-private-address", "192.168.1.3");
        panel.Find("input[data-testid=nat-proxy-arp]").Change(false);
        panel.Find("[data-testid=add-nat]").Click();

        panel.WaitForAssertion(() => Assert.NotEmpty(_edits));
        var rule = Assert.Single(_edits).Design.GetDevice("ASA").Firewall!.Nat[^1];
        Assert.True(rule.NoProxyArp);
        Assert.Equal("static NAT 192.168.1.3 ⇄ 203.0.113.133 on outside no-proxy-arp", rule.ToString());
    }

    [Theory]
    [InlineData("gt 1023", "22", "permit tcp 0.0.0.0/0 gt 1023 192.168.1.3/32 eq 22")]
    [InlineData("5000-5010", "range 3380 3390", "permit tcp 0.0.0.0/0 range 5000 5010 192.168.1.3/32 range 3380 3390")]
    public void An_access_list_entry_takes_source_and_destination_ports_as_ASA_writes_them(string sourcePorts, string ports, string expected)
    {
        var panel = Show("ASA");
        ChooseProtocol(panel, Protocol.Tcp);

        Type(panel, "acl-destination", "192.168.1.3/32");
        Type(panel, "acl-source-port", sourcePorts);
        Type(panel, "acl-port", ports);
        panel.Find("[data-testid=add-acl]").Click();

        panel.WaitForAssertion(() => Assert.NotEmpty(_edits));
        Assert.Equal(expected, Assert.Single(_edits).Design.GetDevice("ASA").Firewall!.Acl[^1].ToString());
    }

    [Fact]
    public void A_port_the_form_cannot_read_is_named_and_neq_is_explained()
    {
        var panel = Show("ASA");

        Type(panel, "acl-port", "neq 80");
        panel.WaitForAssertion(() => Assert.Contains("'neq 80' needs two entries with the same action", panel.Markup));
        Type(panel, "acl-port", "range 90 80");
        panel.Find("[data-testid=add-acl]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Port: 'range 90 80' is not a port or range", panel.Find("[data-testid=acl-problem]").TextContent));
        Assert.Empty(_edits);
    }

    [Fact]
    public void An_ICMP_entry_matches_a_type_and_code_instead_of_ports()
    {
        var panel = Show("ASA");
        ChooseProtocol(panel, Protocol.Icmp);
        Assert.Empty(panel.FindAll("[data-testid=acl-port]"));

        var type = panel.FindComponents<MudBlazor.MudSelect<int?>>().Single();
        type.InvokeAsync(() => type.Instance.ValueChanged.InvokeAsync(OneArmDesigner.Domain.Model.IcmpTypes.Unreachable));
        Type(panel, "acl-icmp-code", "3");
        panel.Find("[data-testid=add-acl]").Click();

        panel.WaitForAssertion(() => Assert.NotEmpty(_edits));
        var rule = Assert.Single(_edits).Design.GetDevice("ASA").Firewall!.Acl[^1];
        Assert.Equal("permit icmp 0.0.0.0/0 0.0.0.0/0 unreachable 3", rule.ToString());
    }

    [Fact]
    public void Editing_an_ICMP_entry_loads_its_type_and_code()
    {
        var design = SeedTemplates.Asymmetric().WithFirewallAcl("ASA", new AclRule("outside", AclAction.Permit, Protocol.Icmp,
            OneArmDesigner.Domain.Addressing.Ipv4Prefix.Default, OneArmDesigner.Domain.Addressing.Ipv4Prefix.Default, IcmpType: 0));
        var panel = Show("ASA", design);

        panel.FindAll("[data-testid=edit-acl-rule]")[1].Click();

        panel.WaitForAssertion(() => Assert.Equal("echo-reply (0)", Input(panel, "acl-icmp-type").GetAttribute("value")));
        Assert.Empty(panel.FindAll("[data-testid=acl-source-port]"));
    }

    /// <summary>Picks the access list's protocol as its select would on a click.</summary>
    private static void ChooseProtocol(IRenderedComponent<PropertiesPanel> panel, Protocol protocol)
    {
        var select = panel.FindComponents<OneArmDesigner.Web.Components.Designer.Properties.ProtocolSelect>().Single(p => p.Instance.TestId == "acl-protocol");
        select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(protocol));
    }
}

internal static class DesignTestExtensions
{
    public static Design WithFirewallAcl(this Design design, string firewall, AclRule rule) =>
        OneArmDesigner.Web.Editing.DesignEdits.UpdateDevice(design, firewall, d => d with { Firewall = d.Firewall! with { Acl = [.. d.Firewall.Acl, rule] } });
}
