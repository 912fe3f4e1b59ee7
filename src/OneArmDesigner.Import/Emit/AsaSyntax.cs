using System.Globalization;
using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Import.Asa;

namespace OneArmDesigner.Import.Emit;

/// <summary>
/// How the model's settings read as ASA commands, shared by the whole-configuration export and the fix commands, so
/// both say a route, an access-list line or a NAT rule the same way (and the importer reads them back unchanged).
/// </summary>
internal static class AsaSyntax
{
    /// <summary>The conventional ACL that selects tcp-state-bypass traffic, its class and the policy it joins.</summary>
    public const string BypassAcl = "tcp_bypass";

    public static string Mask(int length) => new Ipv4Address(length == 0 ? 0u : uint.MaxValue << (32 - length)).ToString();

    /// <summary>`any`, `host A` or `A MASK`.</summary>
    public static string AddressSpec(Ipv4Prefix prefix) => prefix.Length switch
    {
        0 => "any",
        32 => $"host {prefix.Address}",
        _ => $"{prefix.Network.Address} {Mask(prefix.Length)}",
    };

    public static string InterfaceAddress(Ipv4Prefix address) => $"ip address {address.Address} {Mask(address.Length)}";

    /// <summary>The interface a next hop is reached through: the one whose subnet holds it.</summary>
    public static string? ConnectedInterface(Device device, Ipv4Address nextHop) =>
        device.Interfaces.FirstOrDefault(i => i.Address is { } a && a.Contains(nextHop))?.Name;

    public static string Route(Device device, StaticRoute route, int distance) =>
        string.Create(CultureInfo.InvariantCulture,
            $"route {ConnectedInterface(device, route.NextHop) ?? device.Interfaces.FirstOrDefault()?.Name ?? "outside"} {route.Prefix.Network.Address} {Mask(route.Prefix.Length)} {route.NextHop} {distance}");

    /// <summary>
    /// An access-list line's body after `extended` for one model rule. A rule for any protocol with a port is two
    /// lines (tcp and udp): the ASA has no port on `ip`, and only TCP and UDP packets carry one.
    /// </summary>
    public static IEnumerable<string> AclBodies(AclRule rule)
    {
        var action = rule.Action == AclAction.Permit ? "permit" : "deny";
        var ported = rule.DestinationPort is not null || rule.SourcePort is not null;
        var protocols = rule.Protocol == Protocol.Any && ported ? [Protocol.Tcp, Protocol.Udp] : new[] { rule.Protocol };
        foreach (var protocol in protocols)
        {
            var icmp = rule.IcmpType is { } type ? $" {IcmpTypes.Keyword(type)}{(rule.IcmpCode is { } code ? $" {code}" : "")}" : "";
            yield return $"{action} {AsaKeywords.Keyword(protocol)} {AddressSpec(rule.Source)}{PortSpec(rule.SourcePort)} {AddressSpec(rule.Destination)}{PortSpec(rule.DestinationPort)}{icmp}";
        }
    }

    /// <summary>
    /// An access-list port operand: " eq https", " lt 1024", " gt 1023", " range 5000 5010", or nothing. Every port
    /// (1-65535) is a range: `lt 65536` and `gt 0` are not ports the ASA takes.
    /// </summary>
    private static string PortSpec(PortRange? ports) => ports switch
    {
        null => "",
        { IsSinglePort: true } p => $" eq {AsaKeywords.PortName(p.From)}",
        { From: PortRange.Lowest, To: PortRange.Highest } p => $" range {p.From} {p.To}",
        { From: PortRange.Lowest } p => $" lt {p.To + 1}",
        { To: PortRange.Highest } p => $" gt {p.From - 1}",
        { } p => $" range {AsaKeywords.PortName(p.From)} {AsaKeywords.PortName(p.To)}",
    };

    public static IEnumerable<string> BypassBodies(TrafficSelector selector) =>
        selector.Source == selector.Destination
            ? [$"permit tcp {AddressSpec(selector.Source)} {AddressSpec(selector.Destination)}"]
            : [$"permit tcp {AddressSpec(selector.Source)} {AddressSpec(selector.Destination)}", $"permit tcp {AddressSpec(selector.Destination)} {AddressSpec(selector.Source)}"];

    /// <summary>The conventional network object for an address or a network.</summary>
    public static string ObjectName(Ipv4Prefix prefix) => prefix.Length == 32 ? $"obj-{prefix.Address}" : $"obj-{prefix.Network.Address}_{prefix.Length}";

    public static string ObjectBody(Ipv4Prefix prefix) =>
        prefix.Length == 32 ? $" host {prefix.Address}" : $" subnet {prefix.Network.Address} {Mask(prefix.Length)}";

    public static string ServiceName(Protocol protocol, int port) => $"svc-{protocol.ToJsonName()}-{port}";

    /// <summary>The objects a NAT rule names in manual NAT: (name, definition lines).</summary>
    public static IEnumerable<(string Name, string[] Lines)> NatObjects(NatRule rule)
    {
        switch (rule.Kind)
        {
            case NatKind.Pat:
                var inside = rule.InsideNetwork ?? Ipv4Prefix.Default;
                if (inside.Length > 0)
                {
                    yield return (ObjectName(inside), [$"object network {ObjectName(inside)}", ObjectBody(inside)]);
                }

                break;
            default:
                var real = new Ipv4Prefix(rule.PrivateAddress!.Value, 32);
                yield return (ObjectName(real), [$"object network {ObjectName(real)}", ObjectBody(real)]);
                if (rule.PublicAddress is { } publicAddress)
                {
                    var mapped = new Ipv4Prefix(publicAddress, 32);
                    yield return (ObjectName(mapped), [$"object network {ObjectName(mapped)}", ObjectBody(mapped)]);
                }

                if (rule.Kind == NatKind.PortForward)
                {
                    foreach (var port in new[] { rule.PrivatePort ?? rule.PublicPort!.Value, rule.PublicPort!.Value }.Distinct())
                    {
                        var name = ServiceName(rule.Protocol, port);
                        yield return (name, [$"object service {name}", $" service {rule.Protocol.ToJsonName()} source eq {AsaKeywords.PortName(port)}"]);
                    }
                }

                break;
        }
    }

    /// <summary>
    /// A NAT rule as manual (twice) NAT, which the ASA applies in the order written, as the model does:
    /// `nat (real,outside) source static|dynamic REAL MAPPED [service REAL MAPPED]`.
    /// </summary>
    public static string ManualNat(Device device, NatRule rule)
    {
        var real = RealInterface(device, rule);
        switch (rule.Kind)
        {
            case NatKind.Pat:
                var inside = rule.InsideNetwork ?? Ipv4Prefix.Default;
                return $"nat ({real},{rule.OutsideInterface}) source dynamic {(inside.Length == 0 ? "any" : ObjectName(inside))} interface";
            default:
                var mapped = rule.PublicAddress is { } publicAddress ? ObjectName(new Ipv4Prefix(publicAddress, 32)) : "interface";
                var text = $"nat ({real},{rule.OutsideInterface}) source static {ObjectName(new Ipv4Prefix(rule.PrivateAddress!.Value, 32))} {mapped}";
                var service = rule.Kind == NatKind.PortForward
                    ? $" service {ServiceName(rule.Protocol, rule.PrivatePort ?? rule.PublicPort!.Value)} {ServiceName(rule.Protocol, rule.PublicPort!.Value)}"
                    : "";
                return text + service + ProxyArpOption(rule);
        }
    }

    /// <summary>An object NAT statement (inside `object network`), for a rule the configuration wrote that way.</summary>
    public static string ObjectNat(Device device, NatRule rule)
    {
        var real = RealInterface(device, rule);
        var mapped = rule.PublicAddress?.ToString() ?? "interface";
        return rule.Kind switch
        {
            NatKind.Pat => $"nat ({real},{rule.OutsideInterface}) dynamic interface",
            NatKind.PortForward => $"nat ({real},{rule.OutsideInterface}) static {mapped} service {rule.Protocol.ToJsonName()} {AsaKeywords.PortName(rule.PrivatePort ?? rule.PublicPort!.Value)} {AsaKeywords.PortName(rule.PublicPort!.Value)}{ProxyArpOption(rule)}",
            _ => $"nat ({real},{rule.OutsideInterface}) static {mapped}{ProxyArpOption(rule)}",
        };
    }

    /// <summary>` no-proxy-arp` for a static NAT or port forward the firewall must not answer ARP for; it ends the statement.</summary>
    private static string ProxyArpOption(NatRule rule) => rule.NoProxyArp ? " no-proxy-arp" : "";

    /// <summary>The real (inside) interface of a NAT rule: where its private side is connected; `any` when no interface is.</summary>
    private static string RealInterface(Device device, NatRule rule)
    {
        var inside = rule.Kind == NatKind.Pat ? (rule.InsideNetwork ?? Ipv4Prefix.Default).Network.Address : rule.PrivateAddress!.Value;
        return rule.Kind == NatKind.Pat && (rule.InsideNetwork?.Length ?? 0) == 0
            ? "any"
            : device.Interfaces.FirstOrDefault(i => i.Name != rule.OutsideInterface && i.Address is { } a && a.Contains(inside))?.Name ?? "any";
    }
}
