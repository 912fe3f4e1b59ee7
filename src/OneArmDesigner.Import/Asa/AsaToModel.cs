using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Asa;

/// <summary>
/// The one place where ASA constructs become the model, construct by construct: interfaces, routes, access lists,
/// NAT, same-security-traffic, tcp-state-bypass and inspection. Each method says what it maps, what it leaves out and
/// why, and records the verdict on the lines involved. Constructs the model cannot express yet are marked
/// "NOT MODELLED YET" where wiring them needs only a few lines once the model has them (issue #16: ICMP inspection,
/// access-list source ports, port ranges and ICMP types).
/// </summary>
internal sealed class AsaToModel
{
    private readonly AsaConfig _config;
    private readonly string _file;
    private readonly LineLedger _ledger;
    private readonly List<ImportProblem> _problems;
    private readonly HashSet<string> _usable = new(StringComparer.Ordinal);

    private AsaToModel(AsaConfig config, string file, LineLedger ledger, List<ImportProblem> problems)
    {
        (_config, _file, _ledger, _problems) = (config, file, ledger, problems);
    }

    public static ImportedFirewall Map(AsaConfig config, string file, string fallbackName, LineLedger ledger, List<ImportProblem> problems)
    {
        var mapper = new AsaToModel(config, file, ledger, problems);
        var interfaces = mapper.Interfaces();
        var routes = mapper.Routes();
        var firewall = FirewallSettings.Default with
        {
            SameSecurityIntraInterface = config.SameSecurityIntra is not null,
            SameSecurityInterInterface = config.SameSecurityInter is not null,
            Acl = mapper.AccessLists(),
            Nat = mapper.Nat(out var natSources),
            TcpStateBypass = mapper.PoliciesAndBypass(),
        };
        var name = string.IsNullOrWhiteSpace(config.Hostname) ? fallbackName : config.Hostname;
        var device = new Device(name, DeviceKind.Firewall, default, interfaces, routes, Firewall: firewall);
        var vlans = config.Interfaces.Where(i => i.Nameif is { } n && mapper._usable.Contains(n) && i.Vlan is not null)
            .ToDictionary(i => i.Nameif!, i => i.Vlan!.Value, StringComparer.Ordinal);
        var standby = config.Interfaces.Select(i => i.Standby).OfType<Ipv4Address>().ToList();
        return new ImportedFirewall(file, device, vlans, AsaNaming.FromConfig(config, natSources), standby);
    }

    // ----- interfaces -----

    /// <summary>
    /// An interface carries traffic in the model when it has a nameif and an IPv4 address and is neither shut down
    /// nor management-only; its model name is the nameif, its security level the configured one or the ASA's default.
    /// </summary>
    private List<DeviceInterface> Interfaces()
    {
        var result = new List<DeviceInterface>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in _config.Interfaces)
        {
            if (item.Nameif is not { } nameif)
            {
                continue;
            }

            if (!seen.Add(nameif))
            {
                _problems.Add(ImportProblem.AtLine(_file, item.Line, $"nameif {nameif} is given to two interfaces; a nameif names one interface"));
                continue;
            }

            if (item.Shutdown || item.ManagementOnly || item.DynamicAddress is not null)
            {
                continue;
            }

            if (item.Address is not { } address)
            {
                _ledger.Ignored(item.Line, $"interface {nameif} has no IPv4 address; it is left out");
                continue;
            }

            _usable.Add(nameif);
            result.Add(new DeviceInterface(nameif, address, item.EffectiveSecurityLevel));
        }

        return result;
    }

    private string? WhyLeftOut(string nameif) => _config.FindInterface(nameif) switch
    {
        null => $"interface {nameif} is not configured",
        { Shutdown: true } => $"interface {nameif} is shut down",
        { ManagementOnly: true } => $"interface {nameif} is management-only; it carries no through traffic",
        { DynamicAddress: not null } => $"interface {nameif} has an address the import does not know",
        _ when !_usable.Contains(nameif) => $"interface {nameif} is left out of the design",
        _ => null,
    };

    // ----- routes -----

    /// <summary>
    /// Static routes on interfaces the design has. Per prefix the model keeps one route: the lowest distance; a
    /// floating or equal-cost route beside it is reported. A tracked route is kept as if its tracking object were up.
    /// </summary>
    private List<StaticRoute> Routes()
    {
        var routes = new List<StaticRoute>();
        foreach (var group in _config.Routes.GroupBy(r => r.Prefix))
        {
            AsaRoute? kept = null;
            foreach (var route in group.OrderBy(r => r.Distance))
            {
                if (WhyLeftOut(route.Interface) is { } why)
                {
                    _ledger.Ignored(route.Line, $"{why}; its routes are left out");
                    continue;
                }

                if (kept is null)
                {
                    kept = route;
                    routes.Add(new StaticRoute(route.Prefix, route.Gateway));
                    AsaDefinitions.MarkModelled(_config, _ledger, route.Uses);
                    if (route.Tracked)
                    {
                        _ledger.NotModelled(route.Line, "route tracking is not modelled: the route is kept as if the tracked object were up");
                    }

                    continue;
                }

                _ledger.NotModelled(route.Line, route.Distance == kept.Distance
                    ? $"an equal-cost route beside line {kept.Line}: the model keeps one next hop per prefix"
                    : $"a floating route (distance {route.Distance}) behind line {kept.Line}: the model keeps the preferred route only");
            }
        }

        return [.. routes.OrderBy(r => _config.Routes.First(a => a.Prefix == r.Prefix && a.Gateway == r.NextHop).Line)];
    }

    // ----- access lists -----

    /// <summary>
    /// Inbound access-groups become each interface's list, in order; a global access-group is checked after every
    /// interface's own list (the ASA's order), so its lines follow each interface's. Outbound access-groups are not
    /// modelled.
    /// </summary>
    private List<AclRule> AccessLists()
    {
        var rules = new List<AclRule>();
        var inbound = _config.AccessGroups.Where(g => g.Scope == AccessGroupScope.In).ToList();
        var global = _config.AccessGroups.Where(g => g.Scope == AccessGroupScope.Global).ToList();
        foreach (var group in _config.AccessGroups.Where(g => g.Scope == AccessGroupScope.Out))
        {
            _ledger.NotModelled(group.Line, "outbound access lists are not modelled: the model filters where traffic enters");
            foreach (var entry in _config.AccessLists[group.Acl].Where(e => !_ledger.IsModelled(e.Line)))
            {
                _ledger.NotModelled(entry.Line, $"access list {group.Acl} is applied outbound (line {group.Line}), which is not modelled");
            }
        }

        foreach (var nameif in _config.Interfaces.Select(i => i.Nameif).OfType<string>().Where(_usable.Contains))
        {
            foreach (var group in inbound.Where(g => g.Interface == nameif).Concat(global))
            {
                foreach (var entry in _config.AccessLists[group.Acl])
                {
                    rules.AddRange(MapAclEntry(entry, nameif));
                }
            }
        }

        foreach (var group in inbound.Where(g => WhyLeftOut(g.Interface!) is not null))
        {
            _ledger.Ignored(group.Line, $"{WhyLeftOut(group.Interface!)}; its access list is left out");
        }

        if (global.Count > 0 && _usable.Count > 0)
        {
            foreach (var group in global)
            {
                _ledger.Modelled(group.Line);
            }
        }

        return rules;
    }

    /// <summary>
    /// One access-list line on one interface: the product of its services, sources and destinations. A line the model
    /// cannot express exactly is left out, and said so: the rest of the list keeps its order and meaning.
    /// </summary>
    private IEnumerable<AclRule> MapAclEntry(AclEntry entry, string nameif)
    {
        if (entry.Inactive)
        {
            _ledger.Ignored(entry.Line, "inactive: the line has no effect");
            return [];
        }

        var (matches, why) = ModelServices(entry.Services);
        if (why is { } verdict)
        {
            Judge(entry.Line, verdict);
            return [];
        }

        if (entry.Sources.HasFqdn || entry.Destinations.HasFqdn)
        {
            _ledger.NotModelled(entry.Line, "FQDN objects are resolved by DNS at run time; the line is left out");
            return [];
        }

        if (entry.Sources.Prefixes.Count == 0 || entry.Destinations.Prefixes.Count == 0)
        {
            _ledger.Ignored(entry.Line, "matches IPv6 addresses only; IPv6 is not simulated");
            return [];
        }

        var count = (long)matches.Count * entry.Sources.Prefixes.Count * entry.Destinations.Prefixes.Count;
        if (count > ImportLimits.MaxRulesPerLine)
        {
            _ledger.NotModelled(entry.Line, $"expands to {count} rules, more than the {ImportLimits.MaxRulesPerLine} the importer models per line; the line is left out");
            return [];
        }

        if (!_ledger.IsNotModelled(entry.Line))
        {
            _ledger.Modelled(entry.Line);
        }

        if (entry.TimeRange is { } range)
        {
            _ledger.NotModelled(entry.Line, $"time-range {range} is not modelled: the line is treated as always active");
        }

        AsaDefinitions.MarkModelled(_config, _ledger, entry.Uses);
        return
            from match in matches
            from source in entry.Sources.Prefixes
            from destination in entry.Destinations.Prefixes
            select new AclRule(nameif, entry.Action, match.Protocol, source, destination, match.Port);
    }

    /// <summary>
    /// The (protocol, destination port) pairs a line's services stand for, or why the model cannot say it. Ports are
    /// listed one by one up to <see cref="ImportLimits.MaxExpandedPortRange"/> in a range.
    /// </summary>
    private static (List<(Protocol Protocol, int? Port)> Matches, (LineDisposition, string)? Why) ModelServices(IReadOnlyList<ServiceMatch> services)
    {
        var matches = new List<(Protocol, int?)>();
        var simulated = services.Where(s => s.Protocol is not null).ToList();
        if (simulated.Count == 0)
        {
            return ([], (LineDisposition.Ignored, $"matches {string.Join(", ", services.Select(s => s.ProtocolName).Distinct())} only; the simulation sends TCP, UDP and ICMP"));
        }

        foreach (var service in simulated)
        {
            // NOT MODELLED YET (#16): access-list source ports. With AclRule.SourcePort(s), map service.SourcePorts here.
            if (service.SourcePorts is { } sourcePorts)
            {
                return ([], (LineDisposition.NotModelled, $"source ports ({string.Join(", ", sourcePorts)}) are not modelled yet; the line is left out"));
            }

            // NOT MODELLED YET (#16): ICMP types and codes. With an ICMP type on AclRule, map service.IcmpType here.
            if (service.IcmpType is { } icmpType)
            {
                return ([], (LineDisposition.NotModelled, $"ICMP type {icmpType} is not modelled yet; the line is left out"));
            }

            if (service.DestinationPorts is not { } ports)
            {
                matches.Add((service.Protocol!.Value, null));
                continue;
            }

            foreach (var range in ports)
            {
                // NOT MODELLED YET (#16): port ranges. With a port range on AclRule, map `range` as one rule here.
                if (range.Count > ImportLimits.MaxExpandedPortRange)
                {
                    return ([], (LineDisposition.NotModelled, $"the ports {range.Low}-{range.High} are a wider range than the model expresses yet; the line is left out"));
                }

                for (var port = range.Low; port <= range.High; port++)
                {
                    matches.Add((service.Protocol!.Value, port));
                }
            }
        }

        return (matches, null);
    }

    // ----- NAT -----

    /// <summary>
    /// NAT statements in the ASA's order (twice NAT, then object NAT with statics before dynamics and specific before
    /// broad, then after-auto twice NAT), each as a static NAT, a port forward (static with a service) or PAT to the
    /// mapped interface (dynamic interface). The mapped interface is the model's outside interface.
    /// </summary>
    private List<NatRule> Nat(out List<(NatRule Rule, AsaNat Source)> sources)
    {
        var ordered = _config.Nats.Where(n => n.Section == NatSection.Manual)
            .Concat(_config.Nats.Where(n => n.Section == NatSection.Object)
                .OrderBy(n => n.Static ? 0 : 1)
                .ThenBy(n => n.Real.Prefixes.Sum(p => Math.Pow(2, 32 - p.Length)))
                .ThenBy(n => n.Real.Prefixes.Select(p => p.Address.Value).DefaultIfEmpty().Min())
                .ThenBy(n => n.ObjectName, StringComparer.Ordinal))
            .Concat(_config.Nats.Where(n => n.Section == NatSection.AfterAuto));
        sources = [];
        var rules = new List<NatRule>();
        foreach (var nat in ordered)
        {
            foreach (var rule in MapNat(nat))
            {
                rules.Add(rule);
                sources.Add((rule, nat));
            }
        }

        return rules;
    }

    private IEnumerable<NatRule> MapNat(AsaNat nat)
    {
        if (nat.Inactive)
        {
            _ledger.Ignored(nat.Line, "inactive: the rule has no effect");
            return [];
        }

        var why = nat switch
        {
            { NotModelled: { } reason } => reason,
            { Identity: true } => "identity NAT (a NAT exemption) is not modelled: the model leaves this traffic untranslated, unless another rule on its way translates it",
            { MappedInterfaceName: null or "any" } => "NAT without a named mapped interface is not modelled: the model applies a rule on one outside interface",
            _ when WhyLeftOut(nat.MappedInterfaceName!) is { } leftOut => $"{leftOut}; the rule is left out",
            { Real.HasFqdn: true } => "NAT of an FQDN object is not modelled",
            { Static: true, Real.Prefixes: not [{ Length: 32 }] } => "static NAT of a network or range is not modelled: the model translates single addresses",
            { Static: true, MappedInterface: false, Mapped.Prefixes: not [{ Length: 32 }] } => "static NAT to a network or range is not modelled: the model translates to single addresses",
            { Static: false, Real.Prefixes.Count: 0 } => "NAT of IPv6 addresses only; IPv6 is not simulated",
            _ => null,
        };
        if (why is not null)
        {
            _ledger.NotModelled(nat.Line, why);
            return [];
        }

        _ledger.Modelled(nat.Line);
        AsaDefinitions.MarkModelled(_config, _ledger, nat.Uses);
        var outside = nat.MappedInterfaceName!;
        if (!nat.Static)
        {
            return nat.Real.Prefixes.Select(p => new NatRule(NatKind.Pat, outside, InsideNetwork: p));
        }

        var privateAddress = nat.Real.Prefixes[0].Address;
        var publicAddress = nat.MappedInterface ? (Ipv4Address?)null : nat.Mapped!.Prefixes[0].Address;
        return nat.Service is { } service
            ? [new NatRule(NatKind.PortForward, outside, service.Protocol, publicAddress, service.MappedPort, privateAddress, service.RealPort)]
            : [new NatRule(NatKind.Static, outside, Protocol.Any, publicAddress, PrivateAddress: privateAddress)];
    }

    // ----- service policies: tcp-state-bypass and inspection -----

    /// <summary>
    /// Applied service policies: `set connection advanced-options tcp-state-bypass` on a class that matches an access
    /// list becomes the firewall's tcp-state-bypass selectors; `inspect` lines are judged one by one.
    /// </summary>
    private List<TrafficSelector> PoliciesAndBypass()
    {
        var selectors = new List<TrafficSelector>();
        foreach (var applied in _config.ServicePolicies)
        {
            var policy = _config.PolicyMaps[applied.Policy];
            _ledger.Modelled(policy.Line);
            foreach (var (className, classLine, actions) in policy.Classes)
            {
                _ledger.Modelled(classLine);
                var classMap = _config.ClassMaps.GetValueOrDefault(className);
                if (classMap is null && className != "class-default")
                {
                    _problems.Add(ImportProblem.AtLine(_file, classLine, $"policy-map {policy.Name} uses class {className}, which is not defined"));
                    continue;
                }

                if (classMap is not null)
                {
                    MarkClassMap(classMap);
                }

                foreach (var action in actions)
                {
                    selectors.AddRange(MapPolicyAction(action, classMap, applied));
                }
            }
        }

        return Fold(selectors);
    }

    private void MarkClassMap(ClassMap classMap)
    {
        if (_config.DefinitionLines.TryGetValue("class-map " + classMap.Name, out var lines))
        {
            foreach (var line in lines.Where(l => !_ledger.IsNotModelled(l)))
            {
                _ledger.Modelled(line);
            }
        }
    }

    private IEnumerable<TrafficSelector> MapPolicyAction(AsaLine action, ClassMap? classMap, ServicePolicy applied)
    {
        var words = string.Join(' ', action.Words);
        switch (action.Word(0))
        {
            case "set" when words == "set connection advanced-options tcp-state-bypass":
                return Bypass(action, classMap, applied);
            case "inspect":
                Inspect(action);
                return [];
            case "set":
                _ledger.NotModelled(action.Number, "connection limits and timeouts are not modelled");
                return [];
            case "police" or "priority" or "shape" or "user-statistics":
                _ledger.Ignored(action.Number, "quality of service shapes traffic; it does not change whether the simulated flows pass");
                return [];
            default:
                _ledger.NotModelled(action.Number, "redirection to a security module or another policy action is not modelled: it may drop traffic");
                return [];
        }
    }

    /// <summary>
    /// tcp-state-bypass for the permit lines of the class's access list, as (source, destination) selectors. The model
    /// applies them on every interface and to all TCP ports between the networks.
    /// </summary>
    private List<TrafficSelector> Bypass(AsaLine action, ClassMap? classMap, ServicePolicy applied)
    {
        if (classMap?.MatchAcl is not { } aclName)
        {
            _ledger.NotModelled(action.Number, "tcp-state-bypass on a class that does not match an access list is not modelled");
            return [];
        }

        if (!_config.AccessLists.TryGetValue(aclName, out var entries))
        {
            _problems.Add(ImportProblem.AtLine(_file, classMap.Line, $"class-map {classMap.Name} matches access list {aclName}, which has no extended lines in the configuration"));
            return [];
        }

        _ledger.Modelled(action.Number);
        if (applied.Interface is { } nameif)
        {
            _ledger.NotModelled(applied.Line, $"this service-policy applies to {nameif} only; the model applies its tcp-state-bypass on every interface of the firewall");
        }

        var selectors = new List<TrafficSelector>();
        foreach (var entry in entries)
        {
            if (entry.Inactive)
            {
                _ledger.Ignored(entry.Line, "inactive: the line has no effect");
                continue;
            }

            if (entry.Action == AclAction.Deny)
            {
                _ledger.NotModelled(entry.Line, "an exception (deny) to tcp-state-bypass is not modelled; the line is left out");
                continue;
            }

            if (!entry.Services.Any(s => s.Protocol is Protocol.Tcp or Protocol.Any))
            {
                _ledger.Ignored(entry.Line, "tcp-state-bypass affects TCP only");
                continue;
            }

            _ledger.Modelled(entry.Line);
            AsaDefinitions.MarkModelled(_config, _ledger, entry.Uses);
            if (entry.Services.Any(s => s.SourcePorts is not null || s.DestinationPorts is not null))
            {
                _ledger.NotModelled(entry.Line, "ports are not modelled for tcp-state-bypass: the bypass covers all TCP between these networks");
            }

            selectors.AddRange(
                from source in entry.Sources.Prefixes
                from destination in entry.Destinations.Prefixes
                select new TrafficSelector(source, destination));
        }

        return selectors;
    }

    /// <summary>A selector matches both directions, so the ASA's usual pair of lines (A→B, B→A) is one selector.</summary>
    private static List<TrafficSelector> Fold(List<TrafficSelector> selectors)
    {
        var folded = new List<TrafficSelector>();
        foreach (var selector in selectors)
        {
            if (!folded.Any(s => s == selector || (s.Source == selector.Destination && s.Destination == selector.Source)))
            {
                folded.Add(selector);
            }
        }

        return folded;
    }

    private void Inspect(AsaLine action)
    {
        var engine = action.Word(1);
        switch (engine)
        {
            // NOT MODELLED YET (#16): with FirewallSettings.InspectIcmp, set it here and mark the line modelled.
            case "icmp" when action.Word(2) != "error":
                _ledger.NotModelled(action.Number, "ICMP inspection is not modelled yet: the simulation tracks ICMP echo sessions whether or not it is on");
                break;
            case "icmp":
                _ledger.Ignored(action.Number, "translation of addresses inside ICMP error messages; the simulation's flows are not affected");
                break;
            default:
                _ledger.Ignored(action.Number, "application inspection reads its protocol's payload; it does not change whether the simulated TCP, UDP and ICMP flows pass");
                break;
        }
    }

    private void Judge(int line, (LineDisposition Disposition, string Reason) verdict)
    {
        if (verdict.Disposition == LineDisposition.Ignored)
        {
            _ledger.Ignored(line, verdict.Reason);
        }
        else
        {
            _ledger.NotModelled(line, verdict.Reason);
        }
    }
}
