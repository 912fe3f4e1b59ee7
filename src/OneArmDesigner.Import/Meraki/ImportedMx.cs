using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Meraki;

/// <summary>How an MX takes part in AutoVPN: a hub meshes with every other hub; a spoke peers with its hubs.</summary>
internal enum VpnRole
{
    None,
    Hub,
    Spoke,
}

/// <summary>
/// One MX as the Meraki file describes it. Its uplink may lack a mask (a live status has none) until the topology
/// finds the subnet it sits on; its VPN peers are network ids until every device has its final name.
/// </summary>
internal sealed record ImportedMx(
    string NetworkId,
    string NetworkName,
    string Serial,
    Device Device,
    Ipv4Address UplinkAddress,
    int? UplinkLength,
    VpnRole Role,
    IReadOnlyList<string> HubIds,
    Ipv4Address? ReportedPublicIp,
    IReadOnlyDictionary<string, (int? Vlan, string Name)> Lans);
