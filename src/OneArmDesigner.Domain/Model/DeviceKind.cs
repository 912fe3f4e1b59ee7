namespace OneArmDesigner.Domain.Model;

/// <summary>What a device is. Segments (VLAN, Internet) are places links meet, not boxes with interfaces.</summary>
public enum DeviceKind
{
    Host,
    Server,
    Router,
    L3Switch,
    Firewall,
    Mx,
    Vlan,
    Internet,
}

public static class DeviceKinds
{
    /// <summary>The kinds in palette order.</summary>
    public static IReadOnlyList<DeviceKind> All { get; } = Enum.GetValues<DeviceKind>();

    /// <summary>The lower-case name used in design documents ("l3switch").</summary>
    public static string ToJsonName(this DeviceKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out DeviceKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToJsonName(), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>VLANs and the Internet join links together and have no interfaces of their own.</summary>
    public static bool IsSegment(this DeviceKind kind) => kind is DeviceKind.Vlan or DeviceKind.Internet;

    /// <summary>Hosts and servers end flows; everything else forwards.</summary>
    public static bool IsEndpoint(this DeviceKind kind) => kind is DeviceKind.Host or DeviceKind.Server;

    public static string DisplayName(this DeviceKind kind) => kind switch
    {
        DeviceKind.Host => "Host",
        DeviceKind.Server => "Server",
        DeviceKind.Router => "Router",
        DeviceKind.L3Switch => "L3 switch",
        DeviceKind.Firewall => "Firewall",
        DeviceKind.Mx => "Meraki MX",
        DeviceKind.Vlan => "VLAN",
        DeviceKind.Internet => "Internet",
        _ => kind.ToString(),
    };
}
