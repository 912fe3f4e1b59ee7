namespace OneArmDesigner.Domain.Documents;

// The design document exactly as it appears in JSON (docs/design-format.md). Everything is nullable and textual
// so the loader, not the serializer, decides what is wrong and names the JSON path of each problem.

internal sealed class DesignDto
{
    public int? SchemaVersion { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<DeviceDto?>? Devices { get; set; }
    public List<LinkDto?>? Links { get; set; }
    public List<AnnotationDto?>? Annotations { get; set; }
}

internal sealed class AnnotationDto
{
    public string? Kind { get; set; }
    public string? Text { get; set; }
    public PositionDto? Position { get; set; }
    public double? Width { get; set; }
    public double? Height { get; set; }
}

internal sealed class DeviceDto
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public PositionDto? Position { get; set; }
    public List<InterfaceDto?>? Interfaces { get; set; }
    public string? DefaultGateway { get; set; }
    public List<RouteDto?>? Routes { get; set; }
    public ListeningDto? Listening { get; set; }
    public int? InitialTtl { get; set; }
    public FirewallDto? Firewall { get; set; }
    public MxDto? Mx { get; set; }
    public VlanDto? Vlan { get; set; }
}

internal sealed class PositionDto
{
    public double X { get; set; }
    public double Y { get; set; }
}

internal sealed class InterfaceDto
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public int? SecurityLevel { get; set; }
}

internal sealed class RouteDto
{
    public string? Prefix { get; set; }
    public string? NextHop { get; set; }
}

internal sealed class ListeningDto
{
    public List<int>? Tcp { get; set; }
    public List<int>? Udp { get; set; }
}

internal sealed class FirewallDto
{
    public bool? Stateful { get; set; }
    public bool? SameSecurityIntraInterface { get; set; }
    public bool? InspectIcmp { get; set; }
    public bool? DecrementTtl { get; set; }
    public bool? SameSecurityInterInterface { get; set; }
    public List<SelectorDto?>? TcpStateBypass { get; set; }
    public List<NatDto?>? Nat { get; set; }
    public List<AclDto?>? Acl { get; set; }
}

internal sealed class SelectorDto
{
    public string? Source { get; set; }
    public string? Destination { get; set; }
}

internal sealed class NatDto
{
    public string? Kind { get; set; }
    public string? OutsideInterface { get; set; }
    public string? Protocol { get; set; }
    public string? PublicAddress { get; set; }
    public int? PublicPort { get; set; }
    public string? PrivateAddress { get; set; }
    public int? PrivatePort { get; set; }
    public string? InsideNetwork { get; set; }
    public bool? NoProxyArp { get; set; }
}

internal sealed class AclDto
{
    public string? Interface { get; set; }
    public string? Action { get; set; }
    public string? Protocol { get; set; }
    public string? Source { get; set; }
    public string? Destination { get; set; }
    public int? DestinationPort { get; set; }
    public PortRangeDto? DestinationPortRange { get; set; }
    public int? SourcePort { get; set; }
    public PortRangeDto? SourcePortRange { get; set; }
    public int? IcmpType { get; set; }
    public int? IcmpCode { get; set; }
}

internal sealed class PortRangeDto
{
    public int? From { get; set; }
    public int? To { get; set; }
}

internal sealed class MxDto
{
    public string? Mode { get; set; }
    public string? Uplink { get; set; }
    public string? UplinkGateway { get; set; }
    public List<string?>? AdvertisedSubnets { get; set; }
    public List<string?>? VpnPeers { get; set; }
    public string? PublicAddress { get; set; }
    public int? VpnPort { get; set; }
    public bool? Nat { get; set; }
    public bool? Dhcp { get; set; }
}

internal sealed class VlanDto
{
    public int? Id { get; set; }
    public string? Subnet { get; set; }
}

internal sealed class LinkDto
{
    public LinkEndDto? A { get; set; }
    public LinkEndDto? B { get; set; }
}

internal sealed class LinkEndDto
{
    public string? Device { get; set; }
    public string? Interface { get; set; }
}
