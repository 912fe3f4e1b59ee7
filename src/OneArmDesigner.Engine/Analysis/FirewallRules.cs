using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>Whether a firewall's configuration could tell two addresses apart, by any rule, whichever the packet meets.</summary>
internal static class FirewallRules
{
    public static bool TreatAlike(FirewallSettings firewall, Ipv4Address a, Ipv4Address b)
    {
        foreach (var rule in firewall.Acl)
        {
            if (rule.Destination.Contains(a) != rule.Destination.Contains(b) || rule.Source.Contains(a) != rule.Source.Contains(b))
            {
                return false;
            }
        }

        foreach (var rule in firewall.Nat)
        {
            if (rule.PublicAddress == a || rule.PublicAddress == b || rule.PrivateAddress == a || rule.PrivateAddress == b
                || (rule.InsideNetwork is { } inside && inside.Contains(a) != inside.Contains(b)))
            {
                return false;
            }
        }

        foreach (var selector in firewall.TcpStateBypass)
        {
            if (selector.Source.Contains(a) != selector.Source.Contains(b) || selector.Destination.Contains(a) != selector.Destination.Contains(b))
            {
                return false;
            }
        }

        return true;
    }
}
