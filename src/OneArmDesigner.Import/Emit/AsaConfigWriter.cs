using System.Text;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Import.Asa;

namespace OneArmDesigner.Import.Emit;

/// <summary>A firewall's whole configuration written from a design, and what the ASA could not be told.</summary>
public sealed record AsaExport(string Configuration, IReadOnlyList<string> Warnings);

/// <summary>
/// Writes a design's firewall as an ASA 9.x running-config: interfaces, same-security-traffic, routes, access lists
/// and their access-groups, NAT as manual NAT in the model's order, and in the global policy ICMP inspection,
/// tcp-state-bypass and TTL decrement. The
/// importer reads it back into the same firewall (the round-trip test holds it to that). What an ASA cannot say
/// (stateful inspection off, for one) comes back as a warning, and the configuration says so in a comment.
/// </summary>
public static class AsaConfigWriter
{
    public static AsaExport Write(Design design, string firewallName)
    {
        var device = design.FindDevice(firewallName);
        if (device?.Firewall is not { } firewall)
        {
            throw new ArgumentException($"'{firewallName}' is not a firewall in this design", nameof(firewallName));
        }

        var warnings = new List<string>();
        var text = new StringBuilder();
        text.AppendLine(": Saved");
        text.AppendLine($": Written by OneArmDesigner from the design \"{design.Name}\"");
        text.AppendLine("ASA Version 9.16(4)");
        text.AppendLine("!");
        text.AppendLine($"hostname {device.Name}");
        if (!firewall.Stateful)
        {
            warnings.Add($"{device.Name} has stateful inspection off, which an ASA cannot do: the configuration is stateful");
            text.AppendLine("! OneArmDesigner: this firewall is stateless in the design; an ASA always inspects state");
        }

        var index = 0;
        foreach (var item in device.Interfaces)
        {
            text.AppendLine("!");
            text.AppendLine($"interface {AsaNaming.Conventional.Hardware(item.Name, index++)}");
            text.AppendLine($" nameif {item.Name}");
            text.AppendLine($" security-level {item.SecurityLevel}");
            if (item.Address is { } address)
            {
                text.AppendLine($" {AsaSyntax.InterfaceAddress(address)}");
            }
            else
            {
                text.AppendLine(" no ip address");
                warnings.Add($"{device.Name}:{item.Name} has no address; it is written without one");
            }
        }

        text.AppendLine("!");
        if (firewall.SameSecurityInterInterface)
        {
            text.AppendLine("same-security-traffic permit inter-interface");
        }

        if (firewall.SameSecurityIntraInterface)
        {
            text.AppendLine("same-security-traffic permit intra-interface");
        }

        var objects = firewall.Nat.SelectMany(AsaSyntax.NatObjects).DistinctBy(o => o.Name).ToList();
        foreach (var (_, lines) in objects)
        {
            foreach (var line in lines)
            {
                text.AppendLine(line);
            }
        }

        var acls = device.Interfaces.Select(i => i.Name).Where(n => firewall.Acl.Any(r => r.Interface == n)).ToList();
        foreach (var nameif in acls)
        {
            foreach (var rule in firewall.Acl.Where(r => r.Interface == nameif))
            {
                foreach (var body in AsaSyntax.AclBodies(rule))
                {
                    text.AppendLine($"access-list {AsaNaming.Conventional.InboundAcl(nameif)} extended {body}");
                }
            }
        }

        foreach (var stray in firewall.Acl.Select(r => r.Interface).Distinct().Where(n => device.FindInterface(n) is null))
        {
            warnings.Add($"{device.Name}'s access list names interface {stray}, which it does not have; those lines are left out");
        }

        foreach (var selector in firewall.TcpStateBypass)
        {
            foreach (var body in AsaSyntax.BypassBodies(selector))
            {
                text.AppendLine($"access-list {AsaSyntax.BypassAcl} extended {body}");
            }
        }

        text.AppendLine("!");
        foreach (var rule in firewall.Nat)
        {
            text.AppendLine(AsaSyntax.ManualNat(device, rule));
        }

        foreach (var nameif in acls)
        {
            text.AppendLine($"access-group {AsaNaming.Conventional.InboundAcl(nameif)} in interface {nameif}");
        }

        foreach (var route in device.Routes)
        {
            if (AsaSyntax.ConnectedInterface(device, route.NextHop) is null)
            {
                warnings.Add($"{device.Name}'s route to {route.Prefix} goes via {route.NextHop}, on none of its subnets; the ASA would refuse it");
            }

            text.AppendLine(AsaSyntax.Route(device, route, 1));
        }

        AppendGlobalPolicy(text, firewall);
        text.AppendLine(": end");
        return new AsaExport(text.ToString(), warnings);
    }

    /// <summary>
    /// The default inspection policy (with `inspect icmp` when the firewall inspects ICMP), a tcp-state-bypass class
    /// when it has selectors, and `set connection decrement-ttl` on all traffic when it spends TTL.
    /// </summary>
    private static void AppendGlobalPolicy(StringBuilder text, FirewallSettings firewall)
    {
        text.AppendLine("!");
        text.AppendLine("class-map inspection_default");
        text.AppendLine(" match default-inspection-traffic");
        if (firewall.TcpStateBypass.Count > 0)
        {
            text.AppendLine($"class-map {AsaSyntax.BypassAcl}");
            text.AppendLine($" match access-list {AsaSyntax.BypassAcl}");
        }

        text.AppendLine("!");
        text.AppendLine("policy-map global_policy");
        text.AppendLine(" class inspection_default");
        foreach (var engine in new[] { "dns", "ftp", "sqlnet", "sunrpc", "tftp", "sip", "xdmcp" })
        {
            text.AppendLine($"  inspect {engine}");
        }

        if (firewall.InspectIcmp)
        {
            text.AppendLine("  inspect icmp");
        }

        if (firewall.TcpStateBypass.Count > 0)
        {
            text.AppendLine($" class {AsaSyntax.BypassAcl}");
            text.AppendLine("  set connection advanced-options tcp-state-bypass");
        }

        if (firewall.DecrementTtl)
        {
            text.AppendLine(" class class-default");
            text.AppendLine("  set connection decrement-ttl");
        }

        text.AppendLine("!");
        text.AppendLine("service-policy global_policy global");
    }
}
