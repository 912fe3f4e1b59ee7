using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Domain.Documents;

/// <summary>Turns the model into the document's DTOs, leaving out what is empty or default so documents stay short.</summary>
internal static class DocumentWriter
{
    public static DesignDto Write(Design design) => new()
    {
        SchemaVersion = DesignDocument.SchemaVersion,
        Name = design.Name,
        Description = design.Description,
        Devices = [.. design.Devices.Select(WriteDevice)],
        Links = [.. design.Links.Select(l => new LinkDto { A = WriteEnd(l.A), B = WriteEnd(l.B) })],
        Annotations = design.Annotations.Count == 0 ? null : [.. design.Annotations.Select(a => new AnnotationDto
        {
            Kind = Annotation.JsonName(a.Kind),
            Text = a.Text,
            Position = new PositionDto { X = a.Position.X, Y = a.Position.Y },
            Width = a.Width,
            Height = a.Height,
        })],
    };

    private static DeviceDto WriteDevice(Device device) => new()
    {
        Name = device.Name,
        Kind = device.Kind.ToJsonName(),
        Position = new PositionDto { X = device.Position.X, Y = device.Position.Y },
        Interfaces = device.Interfaces.Count == 0 ? null : [.. device.Interfaces.Select(i => new InterfaceDto
        {
            Name = i.Name,
            Address = i.Address?.ToString(),
            SecurityLevel = device.Kind == DeviceKind.Firewall ? i.SecurityLevel : null,
        })],
        DefaultGateway = device.DefaultGateway?.ToString(),
        Routes = device.Routes.Count == 0 ? null : [.. device.Routes.Select(r => new RouteDto { Prefix = r.Prefix.ToString(), NextHop = r.NextHop.ToString() })],
        Listening = device.Host is { } host && (host.TcpPorts.Count > 0 || host.UdpPorts.Count > 0)
            ? new ListeningDto { Tcp = host.TcpPorts.Count == 0 ? null : [.. host.TcpPorts], Udp = host.UdpPorts.Count == 0 ? null : [.. host.UdpPorts] }
            : null,
        InitialTtl = device.Host is { InitialTtl: not HostSettings.DefaultTtl } ttlHost ? ttlHost.InitialTtl : null,
        Firewall = device.Firewall is { } firewall ? WriteFirewall(firewall) : null,
        Mx = device.Mx is { } mx ? WriteMx(mx) : null,
        Vlan = device.Vlan is { } vlan ? new VlanDto { Id = vlan.VlanId, Subnet = vlan.Subnet?.ToString() } : null,
    };

    private static FirewallDto WriteFirewall(FirewallSettings firewall) => new()
    {
        Stateful = firewall.Stateful,
        SameSecurityIntraInterface = firewall.SameSecurityIntraInterface,
        InspectIcmp = firewall.InspectIcmp ? true : null,
        DecrementTtl = firewall.DecrementTtl ? true : null,
        SameSecurityInterInterface = firewall.SameSecurityInterInterface ? true : null,
        TcpStateBypass = firewall.TcpStateBypass.Count == 0 ? null
            : [.. firewall.TcpStateBypass.Select(s => new SelectorDto { Source = s.Source.ToString(), Destination = s.Destination.ToString() })],
        Nat = firewall.Nat.Count == 0 ? null : [.. firewall.Nat.Select(n => new NatDto
        {
            Kind = n.Kind switch { NatKind.Static => "static", NatKind.PortForward => "port-forward", _ => "pat" },
            OutsideInterface = n.OutsideInterface,
            Protocol = n.Protocol == Protocol.Any ? null : n.Protocol.ToJsonName(),
            PublicAddress = n.PublicAddress?.ToString(),
            PublicPort = n.PublicPort,
            PrivateAddress = n.PrivateAddress?.ToString(),
            PrivatePort = n.PrivatePort == n.PublicPort ? null : n.PrivatePort,
            InsideNetwork = n.InsideNetwork?.ToString(),
            NoProxyArp = n.NoProxyArp ? true : null,
        })],
        Acl = firewall.Acl.Count == 0 ? null : [.. firewall.Acl.Select(a => new AclDto
        {
            Interface = a.Interface,
            Action = a.Action == AclAction.Permit ? "permit" : "deny",
            Protocol = a.Protocol.ToJsonName(),
            Source = a.Source.ToString(),
            Destination = a.Destination.ToString(),
            DestinationPort = a.DestinationPort is { IsSinglePort: true } port ? port.From : null,
            DestinationPortRange = Range(a.DestinationPort),
            SourcePort = a.SourcePort is { IsSinglePort: true } sourcePort ? sourcePort.From : null,
            SourcePortRange = Range(a.SourcePort),
            IcmpType = a.IcmpType,
            IcmpCode = a.IcmpCode,
        })],
    };

    private static MxDto WriteMx(MxSettings mx) => new()
    {
        Mode = mx.Mode == MxMode.Routed ? "routed" : "passthrough",
        Uplink = mx.Uplink,
        UplinkGateway = mx.UplinkGateway?.ToString(),
        AdvertisedSubnets = [.. mx.AdvertisedSubnets.Select(s => (string?)s.ToString())],
        VpnPeers = [.. mx.VpnPeers.Select(p => (string?)p)],
        PublicAddress = mx.PublicAddress?.ToString(),
        VpnPort = mx.VpnPort == MxSettings.DefaultVpnPort ? null : mx.VpnPort,
        Nat = mx.Nat,
        Dhcp = mx.Dhcp ? true : null,
    };

    /// <summary>A range of ports as {from, to}; a single port is written as a plain number instead.</summary>
    private static PortRangeDto? Range(PortRange? ports) =>
        ports is { IsSinglePort: false } range ? new PortRangeDto { From = range.From, To = range.To } : null;

    private static LinkEndDto WriteEnd(LinkEnd end) => new() { Device = end.Device, Interface = end.Interface };
}
