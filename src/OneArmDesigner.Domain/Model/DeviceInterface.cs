using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Domain.Model;

/// <summary>
/// A named interface with its IPv4 address and prefix. <see cref="SecurityLevel"/> matters on firewalls only
/// (0 = least trusted, 100 = most, ASA-style).
/// </summary>
public sealed record DeviceInterface(string Name, Ipv4Prefix? Address, int SecurityLevel = 0);
