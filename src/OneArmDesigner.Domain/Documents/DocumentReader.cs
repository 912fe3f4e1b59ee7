using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Domain.Documents;

/// <summary>
/// Turns the document's DTOs into the model, collecting every problem instead of stopping at the first, then checks
/// what only the whole design can tell (unique names, links that point at real interfaces, gateways in subnet).
/// </summary>
internal sealed class DocumentReader
{
    private readonly List<DocumentProblem> _problems = [];

    public DesignLoadResult Read(DesignDto dto)
    {
        if (dto.SchemaVersion is null)
        {
            Problem("schemaVersion", $"is missing; this build reads version {DesignDocument.SchemaVersion}");
        }
        else if (dto.SchemaVersion != DesignDocument.SchemaVersion)
        {
            Problem("schemaVersion", $"version {dto.SchemaVersion} is not supported; this build reads version {DesignDocument.SchemaVersion}");
        }

        var name = string.IsNullOrWhiteSpace(dto.Name) ? "Untitled design" : dto.Name.Trim();
        var devices = ReadList(dto.Devices, "devices", ReadDevice);
        var links = ReadList(dto.Links, "links", ReadLink);
        var annotations = ReadList(dto.Annotations, "annotations", ReadAnnotation);
        var design = new Design(name, devices, links, dto.Description) { Annotations = annotations };

        if (_problems.Count == 0)
        {
            DesignConsistency.Check(design, _problems);
        }

        return _problems.Count == 0 ? new DesignLoadResult(design, []) : new DesignLoadResult(null, _problems);
    }

    private List<T> ReadList<TDto, T>(List<TDto?>? items, string path, Func<TDto, string, T?> read)
        where TDto : class
        where T : class
    {
        var result = new List<T>();
        if (items is null)
        {
            return result;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items[i] is not { } item)
            {
                Problem(itemPath, "is null; remove it or give it a value");
                continue;
            }

            if (read(item, itemPath) is { } value)
            {
                result.Add(value);
            }
        }

        return result;
    }

    private Annotation? ReadAnnotation(AnnotationDto dto, string path)
    {
        var known = Annotation.TryParseKind(dto.Kind, out var kind);
        if (!known)
        {
            Problem(path + ".kind", dto.Kind is null ? "is missing; use note or area" : $"'{dto.Kind}' is not an annotation kind; use note or area");
        }

        var text = RequiredText(dto.Text, path + ".text", "write what the note or area says");
        if (text is { Length: > Annotation.MaxText })
        {
            Problem(path + ".text", $"is {text.Length} characters long; an annotation holds at most {Annotation.MaxText}");
        }

        var width = Side(dto.Width, path + ".width");
        var height = Side(dto.Height, path + ".height");
        var position = dto.Position is null ? new Position(0, 0) : new Position(dto.Position.X, dto.Position.Y);
        return known && text is not null && width is { } w && height is { } h ? new Annotation(kind, text, position, w, h) : null;
    }

    private double? Side(double? value, string path)
    {
        if (value is not { } side || !double.IsFinite(side) || side < Annotation.MinSide || side > Annotation.MaxSide)
        {
            Problem(path, value is null
                ? $"is missing; give a size from {Annotation.MinSide} to {Annotation.MaxSide}"
                : $"{value} is not a size from {Annotation.MinSide} to {Annotation.MaxSide}");
            return null;
        }

        return side;
    }

    private Device? ReadDevice(DeviceDto dto, string path)
    {
        var name = RequiredText(dto.Name, path + ".name", "a device needs a name");
        if (!DeviceKinds.TryParse(dto.Kind, out var kind))
        {
            Problem(path + ".kind", dto.Kind is null
                ? "is missing; use one of " + string.Join(", ", DeviceKinds.All.Select(k => k.ToJsonName()))
                : $"'{dto.Kind}' is not a device kind; use one of " + string.Join(", ", DeviceKinds.All.Select(k => k.ToJsonName())));
            return null;
        }

        var interfaces = ReadList(dto.Interfaces, path + ".interfaces", ReadInterface);
        if (kind.IsSegment() && interfaces.Count > 0)
        {
            Problem(path + ".interfaces", $"a {kind.DisplayName()} segment has no interfaces of its own; link devices' interfaces to it instead");
        }

        var routes = ReadList(dto.Routes, path + ".routes", ReadRoute);
        var gateway = OptionalAddress(dto.DefaultGateway, path + ".defaultGateway");
        var position = dto.Position is null
            ? new Position(0, 0)
            : new Position(Coordinate(dto.Position.X, path + ".position.x"), Coordinate(dto.Position.Y, path + ".position.y"));

        HostSettings? host = null;
        if (kind.IsEndpoint())
        {
            host = new HostSettings(
                Ports(dto.Listening?.Tcp, path + ".listening.tcp"),
                Ports(dto.Listening?.Udp, path + ".listening.udp"),
                InitialTtl(dto.InitialTtl, path + ".initialTtl"));
        }
        else
        {
            ForbidSection(dto.Listening, kind, path + ".listening", "hosts and servers");
            ForbidSection(dto.InitialTtl, kind, path + ".initialTtl", "hosts and servers");
        }

        var firewall = kind == DeviceKind.Firewall ? ReadFirewall(dto.Firewall, path + ".firewall") : null;
        if (kind != DeviceKind.Firewall)
        {
            ForbidSection(dto.Firewall, kind, path + ".firewall", "firewalls");
        }

        MxSettings? mx = null;
        if (kind == DeviceKind.Mx)
        {
            mx = ReadMx(dto.Mx, path + ".mx");
        }
        else
        {
            ForbidSection(dto.Mx, kind, path + ".mx", "Meraki MX devices");
        }

        VlanSettings? vlan = null;
        if (kind == DeviceKind.Vlan)
        {
            vlan = ReadVlan(dto.Vlan, path + ".vlan");
        }
        else
        {
            ForbidSection(dto.Vlan, kind, path + ".vlan", "VLAN segments");
        }

        return name is null ? null : new Device(name, kind, position, interfaces, routes, gateway, host, firewall, mx, vlan);
    }

    private DeviceInterface? ReadInterface(InterfaceDto dto, string path)
    {
        var name = RequiredText(dto.Name, path + ".name", "an interface needs a name");
        var address = OptionalPrefix(dto.Address, path + ".address");
        if (dto.SecurityLevel is < 0 or > 100)
        {
            Problem(path + ".securityLevel", $"{dto.SecurityLevel} is out of range; security levels go from 0 (least trusted) to 100");
        }

        return name is null ? null : new DeviceInterface(name, address, dto.SecurityLevel ?? 0);
    }

    private StaticRoute? ReadRoute(RouteDto dto, string path)
    {
        var prefix = RequiredPrefix(dto.Prefix, path + ".prefix");
        var nextHop = RequiredAddress(dto.NextHop, path + ".nextHop");
        if (prefix is { IsHostAddress: true } p)
        {
            Problem(path + ".prefix", $"'{p}' has host bits set; did you mean {p.Network}?");
        }

        return prefix is null || nextHop is null ? null : new StaticRoute(prefix.Value, nextHop.Value);
    }

    private FirewallSettings ReadFirewall(FirewallDto? dto, string path)
    {
        if (dto is null)
        {
            return FirewallSettings.Default;
        }

        return new FirewallSettings(
            dto.Stateful ?? true,
            dto.SameSecurityIntraInterface ?? false,
            ReadList(dto.TcpStateBypass, path + ".tcpStateBypass", ReadSelector),
            ReadList(dto.Nat, path + ".nat", ReadNat),
            ReadList(dto.Acl, path + ".acl", ReadAcl),
            dto.InspectIcmp ?? false,
            dto.DecrementTtl ?? false,
            dto.SameSecurityInterInterface ?? false);
    }

    private TrafficSelector? ReadSelector(SelectorDto dto, string path)
    {
        var source = RequiredPrefix(dto.Source, path + ".source");
        var destination = RequiredPrefix(dto.Destination, path + ".destination");
        return source is null || destination is null ? null : new TrafficSelector(source.Value.Network, destination.Value.Network);
    }

    private NatRule? ReadNat(NatDto dto, string path)
    {
        NatKind? kind = dto.Kind switch
        {
            "static" => NatKind.Static,
            "port-forward" => NatKind.PortForward,
            "pat" => NatKind.Pat,
            null => Problem<NatKind>(path + ".kind", "is missing; use static, port-forward or pat"),
            _ => Problem<NatKind>(path + ".kind", $"'{dto.Kind}' is not a NAT kind; use static, port-forward or pat"),
        };
        var outside = RequiredText(dto.OutsideInterface, path + ".outsideInterface", "name the interface the public side is on");
        var protocol = Protocol.Any;
        if (dto.Protocol is not null && !Protocols.TryParse(dto.Protocol, out protocol))
        {
            Problem(path + ".protocol", $"'{dto.Protocol}' is not a protocol; use tcp, udp, icmp or any");
        }

        var publicAddress = OptionalAddress(dto.PublicAddress, path + ".publicAddress");
        var privateAddress = OptionalAddress(dto.PrivateAddress, path + ".privateAddress");
        var inside = OptionalPrefix(dto.InsideNetwork, path + ".insideNetwork");
        Port(dto.PublicPort, path + ".publicPort");
        Port(dto.PrivatePort, path + ".privatePort");

        switch (kind)
        {
            case NatKind.Static when privateAddress is null:
                Problem(path + ".privateAddress", "a static NAT rule needs the private address it stands for");
                break;
            case NatKind.PortForward:
                if (privateAddress is null)
                {
                    Problem(path + ".privateAddress", "a port forward needs the private address to forward to");
                }

                if (dto.PublicPort is null)
                {
                    Problem(path + ".publicPort", "a port forward needs the public port it listens on");
                }

                if (protocol is not (Protocol.Tcp or Protocol.Udp))
                {
                    Problem(path + ".protocol", "a port forward needs protocol tcp or udp");
                }

                break;
            case NatKind.Pat when inside is null:
                Problem(path + ".insideNetwork", "a PAT rule needs the inside network whose sources it translates");
                break;
        }

        if (kind == NatKind.Pat && dto.NoProxyArp is not null)
        {
            Problem(path + ".noProxyArp", "applies to static NAT and port forwards, whose public address the firewall answers ARP for; a PAT rule uses the interface's own address");
        }

        return kind is null || outside is null
            ? null
            : new NatRule(kind.Value, outside, protocol, publicAddress, dto.PublicPort, privateAddress,
                dto.PrivatePort ?? dto.PublicPort, inside?.Network, dto.NoProxyArp ?? false);
    }

    private AclRule? ReadAcl(AclDto dto, string path)
    {
        var iface = RequiredText(dto.Interface, path + ".interface", "name the interface the list applies to (inbound)");
        AclAction? action = dto.Action switch
        {
            "permit" => AclAction.Permit,
            "deny" => AclAction.Deny,
            _ => Problem<AclAction>(path + ".action", dto.Action is null ? "is missing; use permit or deny" : $"'{dto.Action}' is not permit or deny"),
        };
        var protocol = Protocol.Any;
        if (dto.Protocol is not null && !Protocols.TryParse(dto.Protocol, out protocol))
        {
            Problem(path + ".protocol", $"'{dto.Protocol}' is not a protocol; use tcp, udp, icmp or any");
        }

        var source = dto.Source is null ? Ipv4Prefix.Default : RequiredPrefix(dto.Source, path + ".source");
        var destination = dto.Destination is null ? Ipv4Prefix.Default : RequiredPrefix(dto.Destination, path + ".destination");
        var destinationPort = PortMatch(dto.DestinationPort, dto.DestinationPortRange, protocol, path, "destinationPort");
        var sourcePort = PortMatch(dto.SourcePort, dto.SourcePortRange, protocol, path, "sourcePort");
        var (icmpType, icmpCode) = IcmpMatch(dto, protocol, path);
        return iface is null || action is null || source is null || destination is null
            ? null
            : new AclRule(iface, action.Value, protocol, source.Value.Network, destination.Value.Network, destinationPort, sourcePort, icmpType, icmpCode);
    }

    /// <summary>An access-list entry's ports: one port (<c>eq</c>) or a range, never both; TCP and UDP only.</summary>
    private PortRange? PortMatch(int? port, PortRangeDto? range, Protocol protocol, string path, string field)
    {
        var rangeField = field + "Range";
        if (port is null && range is null)
        {
            return null;
        }

        if (port is not null && range is not null)
        {
            Problem($"{path}.{rangeField}", $"give {field} (one port) or {rangeField} (from, to), not both");
            return null;
        }

        if (protocol == Protocol.Icmp)
        {
            Problem($"{path}.{(port is null ? rangeField : field)}", "ports apply to tcp and udp, and this entry's protocol is icmp; match ICMP with icmpType");
            return null;
        }

        if (port is not null)
        {
            return Port(port, $"{path}.{field}") ? port.Value : null;
        }

        var from = RangeEnd(range!.From, $"{path}.{rangeField}.from");
        var to = RangeEnd(range.To, $"{path}.{rangeField}.to");
        if (from is null || to is null)
        {
            return null;
        }

        if (from > to)
        {
            Problem($"{path}.{rangeField}", $"from {from} is above to {to}; a range goes from the lower port to the higher");
            return null;
        }

        return new PortRange(from.Value, to.Value);
    }

    private int? RangeEnd(int? port, string path)
    {
        if (port is null)
        {
            Problem(path, "is missing; a port range needs from and to");
            return null;
        }

        return Port(port, path) ? port : null;
    }

    /// <summary>An access-list entry's ICMP message: a type (0-255), optionally narrowed to one code; ICMP entries only.</summary>
    private (int? Type, int? Code) IcmpMatch(AclDto dto, Protocol protocol, string path)
    {
        if (dto.IcmpType is null && dto.IcmpCode is null)
        {
            return (null, null);
        }

        if (protocol != Protocol.Icmp)
        {
            Problem(path + (dto.IcmpType is null ? ".icmpCode" : ".icmpType"), $"applies to icmp entries, and this entry's protocol is {protocol.ToJsonName()}");
            return (null, null);
        }

        if (dto.IcmpType is null)
        {
            Problem(path + ".icmpCode", "needs icmpType: a code narrows one ICMP type (for example type 3, code 3: port unreachable)");
            return (null, null);
        }

        var type = Byte(dto.IcmpType, path + ".icmpType", "an ICMP type");
        var code = Byte(dto.IcmpCode, path + ".icmpCode", "an ICMP code");
        return (type, code);
    }

    private int? Byte(int? value, string path, string what)
    {
        if (value is < 0 or > 255)
        {
            Problem(path, $"{value} is not {what}; use 0 to 255");
            return null;
        }

        return value;
    }

    private int InitialTtl(int? ttl, string path)
    {
        if (ttl is < 1 or > 255)
        {
            Problem(path, $"{ttl} is not a TTL; use 1 to 255 (64 for Linux and macOS, 128 for Windows)");
            return HostSettings.DefaultTtl;
        }

        return ttl ?? HostSettings.DefaultTtl;
    }

    private MxSettings? ReadMx(MxDto? dto, string path)
    {
        if (dto is null)
        {
            Problem(path, "is missing; a Meraki MX needs its mode and uplink");
            return null;
        }

        MxMode? mode = dto.Mode switch
        {
            "routed" => MxMode.Routed,
            "passthrough" => MxMode.Passthrough,
            _ => Problem<MxMode>(path + ".mode", dto.Mode is null ? "is missing; use routed or passthrough" : $"'{dto.Mode}' is not an MX mode; use routed or passthrough"),
        };
        var uplink = RequiredText(dto.Uplink, path + ".uplink", "name the interface that faces the Internet");
        var uplinkGateway = OptionalAddress(dto.UplinkGateway, path + ".uplinkGateway");
        var advertised = new List<Ipv4Prefix>();
        for (var i = 0; i < (dto.AdvertisedSubnets?.Count ?? 0); i++)
        {
            if (RequiredPrefix(dto.AdvertisedSubnets![i], $"{path}.advertisedSubnets[{i}]") is { } subnet)
            {
                advertised.Add(subnet.Network);
            }
        }

        var peers = new List<string>();
        for (var i = 0; i < (dto.VpnPeers?.Count ?? 0); i++)
        {
            if (RequiredText(dto.VpnPeers![i], $"{path}.vpnPeers[{i}]", "name the peer MX") is { } peer)
            {
                peers.Add(peer);
            }
        }

        var publicAddress = OptionalAddress(dto.PublicAddress, path + ".publicAddress");
        Port(dto.VpnPort, path + ".vpnPort");
        return mode is null || uplink is null
            ? null
            : new MxSettings(mode.Value, uplink, uplinkGateway, advertised, peers, publicAddress,
                dto.VpnPort ?? MxSettings.DefaultVpnPort, dto.Nat ?? mode == MxMode.Routed, dto.Dhcp ?? false);
    }

    private VlanSettings ReadVlan(VlanDto? dto, string path)
    {
        if (dto?.Id is < 1 or > 4094)
        {
            Problem(path + ".id", $"{dto.Id} is not a VLAN ID; use 1 to 4094");
        }

        return new VlanSettings(dto?.Id ?? 1, OptionalPrefix(dto?.Subnet, path + ".subnet")?.Network);
    }

    private Link? ReadLink(LinkDto dto, string path)
    {
        var a = ReadLinkEnd(dto.A, path + ".a");
        var b = ReadLinkEnd(dto.B, path + ".b");
        return a is null || b is null ? null : new Link(a, b);
    }

    private LinkEnd? ReadLinkEnd(LinkEndDto? dto, string path)
    {
        if (dto is null)
        {
            Problem(path, "is missing; a link joins two ends, each {\"device\": ..., \"interface\": ...}");
            return null;
        }

        var device = RequiredText(dto.Device, path + ".device", "name the device at this end");
        return device is null ? null : new LinkEnd(device, string.IsNullOrWhiteSpace(dto.Interface) ? null : dto.Interface.Trim());
    }

    private List<int> Ports(List<int>? ports, string path)
    {
        var result = new List<int>();
        for (var i = 0; i < (ports?.Count ?? 0); i++)
        {
            if (Port(ports![i], $"{path}[{i}]"))
            {
                result.Add(ports[i]);
            }
        }

        return result;
    }

    private double Coordinate(double value, string path)
    {
        if (Math.Abs(value) > Position.Limit)
        {
            Problem(path, $"{value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is off the canvas; positions go from -{Position.Limit:0} to {Position.Limit:0}");
            return 0;
        }

        return value;
    }

    private bool Port(int? port, string path)
    {
        if (port is < 1 or > 65535)
        {
            Problem(path, $"{port} is not a port; use 1 to 65535");
            return false;
        }

        return true;
    }

    private void ForbidSection(object? section, DeviceKind kind, string path, string whoHasIt)
    {
        if (section is not null)
        {
            Problem(path, $"only {whoHasIt} have this section, and this device is a {kind.DisplayName()}");
        }
    }

    private string? RequiredText(string? text, string path, string hint)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Problem(path, $"is missing; {hint}");
            return null;
        }

        return text.Trim();
    }

    private Ipv4Prefix? RequiredPrefix(string? text, string path)
    {
        if (text is null)
        {
            Problem(path, "is missing; write an IPv4 prefix such as 10.0.0.0/24");
            return null;
        }

        return OptionalPrefix(text, path);
    }

    private Ipv4Prefix? OptionalPrefix(string? text, string path)
    {
        if (text is null)
        {
            return null;
        }

        if (Ipv4Prefix.TryParse(text, out var prefix))
        {
            return prefix;
        }

        Problem(path, $"'{text}' is not an IPv4 prefix");
        return null;
    }

    private Ipv4Address? RequiredAddress(string? text, string path)
    {
        if (text is null)
        {
            Problem(path, "is missing; write an IPv4 address such as 10.0.0.1");
            return null;
        }

        return OptionalAddress(text, path);
    }

    private Ipv4Address? OptionalAddress(string? text, string path)
    {
        if (text is null)
        {
            return null;
        }

        if (Ipv4Address.TryParse(text, out var address))
        {
            return address;
        }

        Problem(path, $"'{text}' is not an IPv4 address");
        return null;
    }

    private void Problem(string path, string message) => _problems.Add(new DocumentProblem(path, message));

    private T? Problem<T>(string path, string message)
        where T : struct
    {
        Problem(path, message);
        return null;
    }
}
