using System.Text;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Import.Asa;

namespace OneArmDesigner.Import.Emit;

/// <summary>
/// The difference a change makes to one firewall, as the ASA commands that make it: new or changed interfaces,
/// same-security-traffic, routes, NAT, access lists, tcp-state-bypass, ICMP inspection and TTL decrement. Names (hardware ports, access lists, NAT
/// objects) come from the imported configuration when there was one, else from export's conventions.
/// </summary>
internal sealed class AsaFixCommands
{
    private readonly StringBuilder _text = new();
    private readonly Device _before;
    private readonly Device _after;
    private readonly AsaNaming _naming;

    private AsaFixCommands(Device before, Device after, AsaNaming naming) => (_before, _after, _naming) = (before, after, naming);

    /// <summary>The commands, or an empty string when the firewall is unchanged.</summary>
    public static string For(Device before, Device after, AsaNaming naming)
    {
        var writer = new AsaFixCommands(before, after, naming);
        writer.Interfaces();
        writer.SameSecurity();
        writer.Routes();
        writer.Nat();
        writer.AccessLists();
        writer.Bypass();
        writer.Inspection();
        return writer._text.ToString();
    }

    private void Line(string line) => _text.AppendLine(line);

    private void Section(string comment)
    {
        if (_text.Length > 0)
        {
            Line("!");
        }

        Line($"! {comment}");
    }

    private void Interfaces()
    {
        for (var i = 0; i < _after.Interfaces.Count; i++)
        {
            var item = _after.Interfaces[i];
            var old = _before.FindInterface(item.Name);
            if (old == item)
            {
                continue;
            }

            if (old is null)
            {
                var hardware = _naming.FreeHardware(_before.Interfaces.Count);
                Section($"new interface {item.Name} on {hardware}, a port with nothing on it: cable it to the new segment (or use a VLAN sub-interface of a trunk)");
                Line($"interface {hardware}");
                Line($" nameif {item.Name}");
                Line($" security-level {item.SecurityLevel}");
                if (item.Address is { } address)
                {
                    Line($" {AsaSyntax.InterfaceAddress(address)}");
                }

                Line(" no shutdown");
                continue;
            }

            Section($"interface {item.Name} changes");
            Line($"interface {_naming.Hardware(item.Name, i)}");
            if (old.SecurityLevel != item.SecurityLevel)
            {
                Line($" security-level {item.SecurityLevel}");
            }

            if (old.Address != item.Address)
            {
                Line(item.Address is { } address ? $" {AsaSyntax.InterfaceAddress(address)}" : " no ip address");
            }
        }

        foreach (var (gone, i) in _before.Interfaces.Select((g, i) => (g, i)).Where(p => _after.FindInterface(p.g.Name) is null))
        {
            Section($"interface {gone.Name} is removed");
            Line($"interface {_naming.Hardware(gone.Name, i)}");
            Line(" no nameif");
            Line(" no ip address");
            Line(" shutdown");
        }
    }

    private void SameSecurity()
    {
        var (was, now) = (_before.Firewall!, _after.Firewall!);
        if (was.SameSecurityInterInterface != now.SameSecurityInterInterface)
        {
            Section("equal-level interfaces");
            Line($"{(now.SameSecurityInterInterface ? "" : "no ")}same-security-traffic permit inter-interface");
        }

        if (was.SameSecurityIntraInterface != now.SameSecurityIntraInterface)
        {
            Section("hairpinning");
            Line($"{(now.SameSecurityIntraInterface ? "" : "no ")}same-security-traffic permit intra-interface");
        }
    }

    private void Routes()
    {
        var removed = _before.Routes.Where(r => !_after.Routes.Contains(r) || AsaSyntax.ConnectedInterface(_before, r.NextHop) != AsaSyntax.ConnectedInterface(_after, r.NextHop)).ToList();
        var added = _after.Routes.Where(r => !_before.Routes.Contains(r) || removed.Contains(r)).ToList();
        if (removed.Count + added.Count == 0)
        {
            return;
        }

        Section("static routes");
        foreach (var route in removed)
        {
            Line("no " + AsaSyntax.Route(_before, route, _naming.Distance(route)));
        }

        foreach (var route in added)
        {
            Line(AsaSyntax.Route(_after, route, 1));
        }
    }

    /// <summary>
    /// NAT rules that changed place by place (a fix edits rules in place), then removed and added ones. A rule the
    /// configuration wrote as object NAT is changed under its object; others are manual NAT.
    /// </summary>
    private void Nat()
    {
        var (was, now) = (_before.Firewall!.Nat, _after.Firewall!.Nat);
        List<(NatRule? Old, NatRule? New)> pairs = was.Count == now.Count
            ? [.. was.Zip(now).Where(p => p.First != p.Second).Select(p => ((NatRule?)p.First, (NatRule?)p.Second))]
            : [.. was.Except(now).Select(r => ((NatRule?)r, (NatRule?)null)), .. now.Except(was).Select(r => ((NatRule?)null, (NatRule?)r))];
        if (pairs.Count == 0)
        {
            return;
        }

        Section("NAT");
        foreach (var (old, rule) in pairs)
        {
            var source = old is null ? null : _naming.SourceOf(old);
            if (source?.ObjectName is { } objectName && rule is not null && old!.Kind == rule.Kind)
            {
                Line($"object network {objectName}");
                Line($" no {source.Text}");
                if (old.PrivateAddress != rule.PrivateAddress && rule.PrivateAddress is { } moved)
                {
                    Line($" host {moved}");
                }

                Line($" {AsaSyntax.ObjectNat(_after, rule)}");
                continue;
            }

            if (old is not null)
            {
                Line("no " + (source?.ObjectName is null && source is not null ? source.Text : AsaSyntax.ManualNat(_before, old)));
            }

            if (rule is not null)
            {
                foreach (var (_, lines) in AsaSyntax.NatObjects(rule))
                {
                    foreach (var line in lines)
                    {
                        Line(line);
                    }
                }

                Line(AsaSyntax.ManualNat(_after, rule));
            }
        }
    }

    /// <summary>Per interface: a new list with its access-group, or the lines that changed place by place, then the rest.</summary>
    private void AccessLists()
    {
        var (was, now) = (_before.Firewall!.Acl, _after.Firewall!.Acl);
        foreach (var nameif in now.Select(r => r.Interface).Concat(was.Select(r => r.Interface)).Distinct())
        {
            var before = was.Where(r => r.Interface == nameif).ToList();
            var after = now.Where(r => r.Interface == nameif).ToList();
            if (before.SequenceEqual(after))
            {
                continue;
            }

            var acl = _naming.InboundAcl(nameif);
            Section($"access list on {nameif}");
            var common = Math.Min(before.Count, after.Count);
            var line = 1;
            for (var i = 0; i < common; i++)
            {
                if (before[i] != after[i])
                {
                    foreach (var body in AsaSyntax.AclBodies(before[i]))
                    {
                        Line($"no access-list {acl} extended {body}");
                    }

                    foreach (var body in AsaSyntax.AclBodies(after[i]))
                    {
                        Line($"access-list {acl} line {line++} extended {body}");
                    }
                }
                else
                {
                    line += AsaSyntax.AclBodies(after[i]).Count();
                }
            }

            foreach (var gone in before.Skip(common))
            {
                foreach (var body in AsaSyntax.AclBodies(gone))
                {
                    Line($"no access-list {acl} extended {body}");
                }
            }

            foreach (var added in after.Skip(common))
            {
                foreach (var body in AsaSyntax.AclBodies(added))
                {
                    Line($"access-list {acl} extended {body}");
                }
            }

            if (before.Count == 0 && !_naming.HasInboundAcl(nameif))
            {
                Line($"access-group {acl} in interface {nameif}");
            }
        }
    }

    private void Bypass()
    {
        var (was, now) = (_before.Firewall!.TcpStateBypass, _after.Firewall!.TcpStateBypass);
        var added = now.Except(was).ToList();
        var removed = was.Except(now).ToList();
        if (added.Count + removed.Count == 0)
        {
            return;
        }

        Section("tcp-state-bypass");
        foreach (var selector in removed)
        {
            foreach (var body in AsaSyntax.BypassBodies(selector))
            {
                Line($"no access-list {AsaSyntax.BypassAcl} extended {body}");
            }
        }

        foreach (var selector in added)
        {
            foreach (var body in AsaSyntax.BypassBodies(selector))
            {
                Line($"access-list {AsaSyntax.BypassAcl} extended {body}");
            }
        }

        if (was.Count == 0)
        {
            Line($"class-map {AsaSyntax.BypassAcl}");
            Line($" match access-list {AsaSyntax.BypassAcl}");
            GlobalPolicyClass(AsaSyntax.BypassAcl, "set connection advanced-options tcp-state-bypass");
        }
    }

    /// <summary>`inspect icmp` in the default inspection class, `set connection decrement-ttl` for all traffic (class-default).</summary>
    private void Inspection()
    {
        var (was, now) = (_before.Firewall!, _after.Firewall!);
        if (was.InspectIcmp != now.InspectIcmp)
        {
            Section("ICMP inspection");
            if (_naming.InspectionClass is null)
            {
                Line("class-map inspection_default");
                Line(" match default-inspection-traffic");
            }

            GlobalPolicyClass(_naming.InspectionClass ?? "inspection_default", $"{(now.InspectIcmp ? "" : "no ")}inspect icmp");
        }

        if (was.DecrementTtl != now.DecrementTtl)
        {
            Section("TTL decrement");
            GlobalPolicyClass("class-default", $"{(now.DecrementTtl ? "" : "no ")}set connection decrement-ttl");
        }
    }

    /// <summary>An action in a class of the global policy, applying the policy when the configuration applies none.</summary>
    private void GlobalPolicyClass(string className, string action)
    {
        Line($"policy-map {_naming.GlobalPolicy ?? "global_policy"}");
        Line($" class {className}");
        Line($"  {action}");
        if (_naming.GlobalPolicy is null)
        {
            Line("service-policy global_policy global");
        }
    }
}
