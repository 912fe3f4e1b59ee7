using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Domain.Model;

/// <summary>
/// A device on the design. Settings that apply to one kind only live in their own record, present for that kind:
/// <see cref="Host"/> for hosts and servers, <see cref="Firewall"/>, <see cref="Mx"/> and <see cref="Vlan"/>.
/// </summary>
public sealed record Device(
    string Name,
    DeviceKind Kind,
    Position Position,
    IReadOnlyList<DeviceInterface> Interfaces,
    IReadOnlyList<StaticRoute> Routes,
    Ipv4Address? DefaultGateway = null,
    HostSettings? Host = null,
    FirewallSettings? Firewall = null,
    MxSettings? Mx = null,
    VlanSettings? Vlan = null)
{
    public DeviceInterface? FindInterface(string name)
    {
        foreach (var candidate in Interfaces)
        {
            if (candidate.Name == name)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Whether any interface of this device has <paramref name="address"/>.</summary>
    public bool Owns(Ipv4Address address)
    {
        foreach (var candidate in Interfaces)
        {
            if (candidate.Address is { } prefix && prefix.Address == address)
            {
                return true;
            }
        }

        return false;
    }
}
