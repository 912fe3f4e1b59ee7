using System.Globalization;
using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Conformance.Tests.Kernel;

/// <summary>
/// An ASA-like firewall as Linux netfilter, rule for rule the behaviour the engine claims:
/// <list type="bullet">
/// <item>access lists in mangle PREROUTING, before DNAT, so they see the packet as it arrived; a permit marks the packet;</item>
/// <item>conntrack as the connection table: established and related pass, invalid (an echo reply or error nobody asked
/// for) and a TCP packet that is not a SYN with no connection are dropped;</item>
/// <item>without inspect icmp, ICMP skips conntrack's verdicts and meets the access list or security levels every time;</item>
/// <item>hairpinning refused unless same-security-traffic permit intra-interface; then the security levels;</item>
/// <item>NAT as DNAT/SNAT/MASQUERADE, proxy ARP for mapped addresses, and TTL given back unless decrement-ttl.</item>
/// </list>
/// Every drop carries a comment naming the engine's reason, so the lab can tell where and why a packet died.
/// </summary>
internal static class LinuxFirewall
{
    public const string NoSession = "oad-no-session";
    public const string AclDeny = "oad-acl-deny";
    public const string Hairpin = "oad-hairpin";
    public const string SameSecurity = "oad-same-security";

    private const string Permitted = "1";

    public static void Apply(string ns, Device device)
    {
        var firewall = device.Firewall!;
        if (firewall.TcpStateBypass.Count > 0)
        {
            throw new NotSupportedException($"{device.Name}: tcp-state-bypass has no netfilter counterpart in this lab");
        }

        var icmpStateless = !(firewall.Stateful && firewall.InspectIcmp);
        var interfaces = device.Interfaces.Where(i => i.Address is not null).ToList();
        AccessLists(ns, firewall, icmpStateless);
        if (firewall.Stateful)
        {
            string[] notIcmp = icmpStateless ? ["!", "-p", "icmp"] : [];
            Filter(ns, [.. notIcmp, "-m", "conntrack", "--ctstate", "ESTABLISHED,RELATED", "-j", "ACCEPT"]);
            Filter(ns, [.. notIcmp, "-m", "conntrack", "--ctstate", "INVALID", .. Comment(NoSession), "-j", "DROP"]);
            Filter(ns, ["-p", "tcp", "!", "--syn", "-m", "conntrack", "--ctstate", "NEW", .. Comment(NoSession), "-j", "DROP"]);
        }

        if (!firewall.SameSecurityIntraInterface)
        {
            foreach (var port in interfaces)
            {
                Filter(ns, ["-i", port.Name, "-o", port.Name, .. Comment(Hairpin), "-j", "DROP"]);
            }
        }

        Filter(ns, ["-m", "mark", "--mark", Permitted, "-j", "ACCEPT"]);
        SecurityLevels(ns, interfaces);
        Nat(ns, device);
        if (!firewall.DecrementTtl)
        {
            Shell.In(ns, "iptables", "-t", "mangle", "-A", "PREROUTING", "-j", "TTL", "--ttl-inc", "1");
        }
    }

    /// <summary>Packets dropped per reason since the lab was built (one SYN may be retransmitted: count &gt; 0 is what matters).</summary>
    public static Dictionary<string, long> Drops(string ns)
    {
        var drops = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in new[] { "filter", "mangle" })
        {
            foreach (var line in Shell.In(ns, "iptables", "-t", table, "-L", "-v", "-x", "-n").Split('\n'))
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var comment = Array.IndexOf(words, "/*");
                if (comment > 0 && words.Length > 2 && long.TryParse(words[0], out var packets))
                {
                    drops[words[comment + 1]] = drops.GetValueOrDefault(words[comment + 1]) + packets;
                }
            }
        }

        return drops;
    }

    /// <summary>
    /// Each interface's list in its own chain, entered by what the ASA checks against it: new flows, and every ICMP
    /// packet when ICMP is not inspected (every packet on a stateless firewall).
    /// </summary>
    private static void AccessLists(string ns, FirewallSettings firewall, bool icmpStateless)
    {
        foreach (var list in firewall.Acl.GroupBy(r => r.Interface))
        {
            var chain = "ACL_" + list.Key;
            Shell.In(ns, "iptables", "-t", "mangle", "-N", chain);
            if (!firewall.Stateful)
            {
                Mangle(ns, ["-i", list.Key, "-j", chain]);
            }
            else
            {
                if (icmpStateless)
                {
                    Mangle(ns, ["-i", list.Key, "-p", "icmp", "-j", chain]);
                }

                string[] notIcmp = icmpStateless ? ["!", "-p", "icmp"] : [];
                Mangle(ns, ["-i", list.Key, .. notIcmp, "-m", "conntrack", "--ctstate", "NEW", "-j", chain]);
            }

            foreach (var rule in list)
            {
                foreach (var match in Matches(rule))
                {
                    if (rule.Action == AclAction.Permit)
                    {
                        Shell.In(ns, ["iptables", "-t", "mangle", "-A", chain, .. match, "-j", "MARK", "--set-mark", Permitted]);
                        Shell.In(ns, ["iptables", "-t", "mangle", "-A", chain, .. match, "-j", "RETURN"]);
                    }
                    else
                    {
                        Shell.In(ns, ["iptables", "-t", "mangle", "-A", chain, .. match, .. Comment(AclDeny), "-j", "DROP"]);
                    }
                }
            }

            Shell.In(ns, ["iptables", "-t", "mangle", "-A", chain, .. Comment(AclDeny), "-j", "DROP"]);
        }
    }

    /// <summary>An entry as iptables matches; an "any" entry with ports is one match for TCP and one for UDP.</summary>
    private static IEnumerable<string[]> Matches(AclRule rule)
    {
        string[] addresses = ["-s", rule.Source.ToString(), "-d", rule.Destination.ToString()];
        var hasPorts = rule.SourcePort is not null || rule.DestinationPort is not null;
        if (rule.Protocol == Protocol.Icmp)
        {
            string[] type = rule.IcmpType is { } t ? ["--icmp-type", rule.IcmpCode is { } c ? $"{t}/{c}" : Number(t)] : [];
            return [["-p", "icmp", .. addresses, .. type]];
        }

        if (rule.Protocol == Protocol.Any && !hasPorts)
        {
            return [addresses];
        }

        var protocols = rule.Protocol == Protocol.Any ? new[] { "tcp", "udp" } : [rule.Protocol.ToJsonName()];
        return protocols.Select(p => (string[])["-p", p, .. addresses, .. Ports("--sport", rule.SourcePort), .. Ports("--dport", rule.DestinationPort)]);
    }

    private static string[] Ports(string option, PortRange? ports) =>
        ports is { } range ? [option, range.IsSinglePort ? Number(range.From) : $"{Number(range.From)}:{Number(range.To)}"] : [];

    /// <summary>Without a permit from an access list: higher to lower security passes, anything else is refused.</summary>
    private static void SecurityLevels(string ns, List<DeviceInterface> interfaces)
    {
        foreach (var from in interfaces)
        {
            foreach (var to in interfaces.Where(i => i.Name != from.Name))
            {
                string[] verdict = from.SecurityLevel > to.SecurityLevel ? ["-j", "ACCEPT"]
                    : from.SecurityLevel == to.SecurityLevel ? [.. Comment(SameSecurity), "-j", "DROP"]
                    : [.. Comment(AclDeny), "-j", "DROP"];
                Filter(ns, ["-i", from.Name, "-o", to.Name, .. verdict]);
            }
        }
    }

    private static void Nat(string ns, Device device)
    {
        foreach (var rule in device.Firewall!.Nat)
        {
            var outside = device.FindInterface(rule.OutsideInterface)!;
            var publicAddress = (rule.PublicAddress ?? outside.Address!.Value.Address).ToString();
            switch (rule.Kind)
            {
                case NatKind.Pat:
                    NatRule(ns, "POSTROUTING", ["-o", outside.Name, "-s", rule.InsideNetwork!.Value.ToString(), "-j", "MASQUERADE"]);
                    break;
                case NatKind.Static:
                    NatRule(ns, "PREROUTING", ["-i", outside.Name, "-d", publicAddress, "-j", "DNAT", "--to-destination", rule.PrivateAddress!.Value.ToString()]);
                    NatRule(ns, "POSTROUTING", ["-o", outside.Name, "-s", rule.PrivateAddress.Value.ToString(), "-j", "SNAT", "--to-source", publicAddress]);
                    break;
                default:
                    var protocol = rule.Protocol.ToJsonName();
                    var (publicPort, privatePort) = (Number(rule.PublicPort!.Value), Number(rule.PrivatePort ?? rule.PublicPort.Value));
                    NatRule(ns, "PREROUTING", ["-i", outside.Name, "-p", protocol, "-d", publicAddress, "--dport", publicPort,
                        "-j", "DNAT", "--to-destination", $"{rule.PrivateAddress}:{privatePort}"]);
                    NatRule(ns, "POSTROUTING", ["-o", outside.Name, "-p", protocol, "-s", rule.PrivateAddress!.Value.ToString(), "--sport", privatePort,
                        "-j", "SNAT", "--to-source", $"{publicAddress}:{publicPort}"]);
                    break;
            }

            if (rule.Kind != NatKind.Pat && rule.PublicAddress is { } mapped && !rule.NoProxyArp && outside.Address!.Value.Contains(mapped)
                && !device.Owns(mapped))
            {
                ProxyArp(ns, mapped, rule.PrivateAddress!.Value, outside.Name);
            }
        }
    }

    /// <summary>
    /// Linux answers ARP from its proxy table only for an address it would route out of another interface, so the mapped
    /// address also gets the private address's route (packets to it are translated before routing, so it carries none).
    /// </summary>
    private static void ProxyArp(string ns, Ipv4Address mapped, Ipv4Address privateAddress, string outside)
    {
        Shell.In(ns, "ip", "neigh", "add", "proxy", mapped.ToString(), "dev", outside);
        var route = Shell.In(ns, "ip", "route", "get", privateAddress.ToString()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var via = Array.IndexOf(route, "via");
        string[] path = via > 0 ? ["via", route[via + 1], "dev", route[Array.IndexOf(route, "dev") + 1]] : ["dev", route[Array.IndexOf(route, "dev") + 1]];
        Shell.In(ns, ["ip", "route", "add", $"{mapped}/32", .. path]);
    }

    private static void Filter(string ns, string[] rule) => Shell.In(ns, ["iptables", "-A", "FORWARD", .. rule]);

    private static void Mangle(string ns, string[] rule) => Shell.In(ns, ["iptables", "-t", "mangle", "-A", "PREROUTING", .. rule]);

    private static void NatRule(string ns, string chain, string[] rule) => Shell.In(ns, ["iptables", "-t", "nat", "-A", chain, .. rule]);

    private static string[] Comment(string reason) => ["-m", "comment", "--comment", reason];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
