using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Asa;

/// <summary>
/// A firewall as one configuration describes it: the model's device (interfaces, routes, firewall settings; placed
/// and cabled later by the topology), the 802.1Q VLAN of each interface where the configuration says, and what the
/// configuration called things (hardware ports, access lists, NAT objects), for writing fixes back in its own names.
/// <see cref="Reserved"/> are addresses the firewall holds beyond its interfaces' (failover standby addresses), which
/// no placed host may take.
/// </summary>
internal sealed record ImportedFirewall(string File, Device Device, IReadOnlyDictionary<string, int> Vlans, AsaNaming Naming, IReadOnlyList<Domain.Addressing.Ipv4Address> Reserved);
