using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Domain.Model;

/// <summary>
/// The access list a firewall needs on the transit interface toward a one-armed concentrator: traffic from the remote
/// VPN subnets may reach the local ones, and the concentrator may send its own AutoVPN packets out (needed when a
/// local host starts a flow toward the VPN).
/// </summary>
public static class TransitAccessList
{
    public static IReadOnlyList<AclRule> For(string transitInterface, Ipv4Address concentrator, IEnumerable<Ipv4Prefix> remote, IEnumerable<Ipv4Prefix> local)
    {
        var locals = local.ToList();
        return
        [
            .. remote.SelectMany(r => locals.Select(l => new AclRule(transitInterface, AclAction.Permit, Protocol.Any, r.Network, l.Network))),
            new AclRule(transitInterface, AclAction.Permit, Protocol.Udp, new Ipv4Prefix(concentrator, 32), Ipv4Prefix.Default, MxSettings.DefaultVpnPort),
        ];
    }
}
