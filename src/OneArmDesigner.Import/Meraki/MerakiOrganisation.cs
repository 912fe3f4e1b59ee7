using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Import.Meraki;

/// <summary>
/// The parts of a Meraki organisation the importer reads, from the Dashboard API v1 responses in a Meraki file (see
/// docs/import.md). Every value keeps the JSON path it came from, so the report can point at it.
/// </summary>
internal sealed class MerakiOrganisation
{
    public List<MerakiNetwork> Networks { get; } = [];

    public List<MerakiDevice> Devices { get; } = [];

    /// <summary>`deploymentMode` per network id: "routed" or "passthrough".</summary>
    public Dictionary<string, string> DeploymentModes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<MerakiVlan>> Vlans { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MerakiVlan> SingleLans { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<MerakiStaticRoute>> StaticRoutes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MerakiVpn> Vpns { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<MerakiUplinkSetting>> UplinkSettings { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<MerakiUplinkStatus>> UplinkStatuses { get; } = new(StringComparer.Ordinal);
}

internal sealed record MerakiNetwork(string Id, string Name, IReadOnlyList<string> ProductTypes, string Path);

internal sealed record MerakiDevice(string Serial, string Name, string Model, string? NetworkId, string? ProductType, string Path);

/// <summary>A VLAN, or the single LAN (<see cref="Id"/> null) of a routed MX.</summary>
internal sealed record MerakiVlan(int? Id, string Name, Ipv4Prefix Subnet, Ipv4Address ApplianceIp, string Path);

internal sealed record MerakiStaticRoute(string Name, Ipv4Prefix Subnet, Ipv4Address Gateway, bool Enabled, string Path);

internal sealed record MerakiVpn(string Mode, IReadOnlyList<string> HubIds, IReadOnlyList<Ipv4Prefix> Subnets, string Path);

/// <summary>One WAN interface's settings: a static address (with its mask) and gateway, or dynamic.</summary>
internal sealed record MerakiUplinkSetting(string Interface, bool Enabled, string? AssignmentMode, Ipv4Prefix? Address, Ipv4Address? Gateway, string Path);

/// <summary>One WAN interface's live status: its address (without a mask), gateway and public address.</summary>
internal sealed record MerakiUplinkStatus(string Interface, string? Status, Ipv4Address? Ip, Ipv4Address? Gateway, Ipv4Address? PublicIp, string Path);
