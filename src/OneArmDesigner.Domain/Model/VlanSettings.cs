using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Domain.Model;

/// <summary>A VLAN segment: a layer-2 broadcast domain with its 802.1Q ID and, optionally, the subnet it carries.</summary>
public sealed record VlanSettings(int VlanId, Ipv4Prefix? Subnet);
