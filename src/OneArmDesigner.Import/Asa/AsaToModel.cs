using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Asa;

/// <summary>
/// The one place where ASA constructs become the model, construct by construct: interfaces, routes, access lists,
/// NAT, same-security-traffic, and the service policies (tcp-state-bypass, ICMP inspection, TTL decrement). Each
/// method says what it maps, what it leaves out and why, and records the verdict on the lines involved.
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
        var acl = mapper.AccessLists();
        var nat = mapper.Nat(out var natSources);
        var policies = mapper.ServicePolicies();
        var firewall = FirewallSettings.Default with
        {
            SameSecurityIntraInterface = config.SameSecurityIntra is not null,
            SameSecurityInterInterface = config.SameSecurityInter is not null,
            Acl = acl,
            Nat = nat,
            TcpStateBypass = policies.Bypass,
            InspectIcmp = policies.InspectIcmp,
            DecrementTtl = policies.DecrementTtl,
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
            select new AclRule(nameif, entry.Action, match.Protocol, source, destination, match.DestinationPort, match.SourcePort, match.IcmpType, match.IcmpCode);
    }

    /// <summary>One protocol with its ports or ICMP message, as a model rule matches them.</summary>
    private readonly record struct ServiceRule(Protocol Protocol, PortRange? SourcePort, PortRange? DestinationPort, int? IcmpType, int? IcmpCode);

    /// <summary>
    /// What a line's services match, as model rules: one per protocol × source port range × destination port range ×
    /// ICMP message (`neq` is two ranges, an ICMP group one rule per type), or why the model cannot say it.
    /// </summary>
    private static (List<ServiceRule> Matches, (LineDisposition, string)? Why) ModelServices(IReadOnlyList<ServiceMatch> services)
    {
        var simulated = services.Where(s => s.Protocol is not null).ToList();
        if (simulated.Count == 0)
        {
            return ([], (LineDisposition.Ignored, $"matches {string.Join(", ", services.Select(s => s.ProtocolName).Distinct())} only; the simulation sends TCP, UDP and ICMP"));
        }

        var matches = (
            from service in simulated
            from sourcePort in EachOrAny(service.SourcePorts)
            from destinationPort in EachOrAny(service.DestinationPorts)
            from icmp in EachOrAny(service.Icmp)
            select new ServiceRule(service.Protocol!.Value, sourcePort, destinationPort, icmp?.Type, icmp?.Code)).Distinct().ToList();
        return matches.Count == 0
            ? ([], (LineDisposition.Ignored, "its ports match only port 0, which no packet the simulation sends carries"))
            : (matches, null);
    }

    /// <summary>Each item of a list, or a single null (any) when there is no list.</summary>
    private static IEnumerable<T?> EachOrAny<T>(IReadOnlyList<T>? items)
        where T : struct => items is null ? [null] : items.Select(item => (T?)item);

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
        if (nat is { Static: true, Unidirectional: true })
        {
            _ledger.NotModelled(nat.Line, "unidirectional static NAT is modelled as bidirectional: connections from the mapped side are translated too, where the ASA would not");
        }

        AsaDefinitions.MarkModelled(_config, _ledger, nat.Uses);
        var outside = nat.MappedInterfaceName!;
        if (!nat.Static)
        {
            return nat.Real.Prefixes.Select(p => new NatRule(NatKind.Pat, outside, InsideNetwork: p));
        }

        var privateAddress = nat.Real.Prefixes[0].Address;
        var publicAddress = nat.MappedInterface ? (Ipv4Address?)null : nat.Mapped!.Prefixes[0].Address;
        return nat.Service is { } service
            ? [new NatRule(NatKind.PortForward, outside, service.Protocol, publicAddress, service.MappedPort, privateAddress, service.RealPort, NoProxyArp: nat.NoProxyArp)]
            : [new NatRule(NatKind.Static, outside, Protocol.Any, publicAddress, PrivateAddress: privateAddress, NoProxyArp: nat.NoProxyArp)];
    }

    // ----- service policies: tcp-state-bypass, ICMP inspection and TTL decrement -----

    /// <summary>What the applied service policies set that the model carries.</summary>
    private sealed record PolicySettings(List<TrafficSelector> Bypass, bool InspectIcmp, bool DecrementTtl);

    /// <summary>
    /// Applied service policies: `set connection advanced-options tcp-state-bypass` becomes the firewall's
    /// tcp-state-bypass selectors, `inspect icmp` its ICMP inspection, `set connection decrement-ttl` its TTL
    /// decrement; the model applies each to the whole firewall, so a narrower class or an interface policy is reported.
    /// Other `inspect` lines are judged one by one.
    /// </summary>
    private PolicySettings ServicePolicies()
    {
        var settings = new PolicySettings([], InspectIcmp: false, DecrementTtl: false);
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
                    settings = MapPolicyAction(settings, action, new PolicyClass(className, classMap, applied));
                }
            }
        }

        return settings with { Bypass = Fold(settings.Bypass) };
    }

    /// <summary>The class a policy action applies to, and where its policy is applied.</summary>
    private sealed record PolicyClass(string Name, ClassMap? Map, ServicePolicy Applied)
    {
        /// <summary>class-default, or a class that says `match any`.</summary>
        public bool MatchesAll => Map is null or { MatchAny: true };

        /// <summary>
        /// How the ASA's reach of an action here is narrower than the whole firewall, where the model applies it: the
        /// class's traffic, the interface of the policy; null when it is not narrower.
        /// </summary>
        public string? Narrower(bool allIcmpCounts)
        {
            var parts = new List<string>();
            if (!MatchesAll && !(allIcmpCounts && Map is { InspectionDefault: true }))
            {
                parts.Add(Map switch
                {
                    { MatchAcl: { } acl } => $"the traffic access list {acl} selects",
                    { InspectionDefault: true } => "the default inspection traffic",
                    _ => $"the traffic class {Name} selects",
                });
            }

            if (Applied.Interface is { } nameif)
            {
                parts.Add($"traffic on interface {nameif}");
            }

            return parts.Count == 0 ? null : "only " + string.Join(" and only ", parts);
        }
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

    private PolicySettings MapPolicyAction(PolicySettings settings, AsaLine action, PolicyClass policyClass)
    {
        var words = string.Join(' ', action.Words);
        switch (action.Word(0))
        {
            case "set" when words == "set connection advanced-options tcp-state-bypass":
                settings.Bypass.AddRange(Bypass(action, policyClass));
                return settings;
            case "set" when words == "set connection decrement-ttl":
                _ledger.Modelled(action.Number);
                if (policyClass.Narrower(allIcmpCounts: false) is { } narrower)
                {
                    _ledger.NotModelled(action.Number, $"on the ASA this spends TTL on {narrower}; the model spends TTL on every packet the firewall forwards");
                }

                return settings with { DecrementTtl = true };
            case "inspect" when action.Word(1) == "icmp" && action.Word(2) != "error":
                _ledger.Modelled(action.Number);
                if (policyClass.Narrower(allIcmpCounts: true) is { } scope)
                {
                    _ledger.NotModelled(action.Number, $"on the ASA this inspects {scope}; the model inspects all ICMP through the firewall");
                }

                return settings with { InspectIcmp = true };
            case "inspect" when action.Word(1) == "icmp":
                _ledger.NotModelled(action.Number, "inspect icmp error is not modelled: an ICMP error from a hop between a host and a NAT (a time exceeded, say) is not rewritten to the mapped address");
                return settings;
            case "inspect":
                _ledger.Ignored(action.Number, "application inspection reads its protocol's payload; it does not change whether the simulated TCP, UDP and ICMP flows pass");
                return settings;
            case "set":
                _ledger.NotModelled(action.Number, "connection limits and timeouts are not modelled");
                return settings;
            case "police" or "priority" or "shape" or "user-statistics":
                _ledger.Ignored(action.Number, "quality of service shapes traffic; it does not change whether the simulated flows pass");
                return settings;
            default:
                _ledger.NotModelled(action.Number, "redirection to a security module or another policy action is not modelled: it may drop traffic");
                return settings;
        }
    }

    /// <summary>
    /// tcp-state-bypass for the permit lines of the class's access list, as (source, destination) selectors, or for
    /// everything when the class matches all traffic. The model applies them on every interface and to all TCP ports
    /// between the networks.
    /// </summary>
    private List<TrafficSelector> Bypass(AsaLine action, PolicyClass policyClass)
    {
        var classMap = policyClass.Map;
        if (policyClass.MatchesAll)
        {
            _ledger.Modelled(action.Number);
            ReportInterfacePolicy(policyClass.Applied);
            return [new TrafficSelector(Ipv4Prefix.Default, Ipv4Prefix.Default)];
        }

        if (classMap?.MatchAcl is not { } aclName)
        {
            _ledger.NotModelled(action.Number, "tcp-state-bypass on a class that does not match an access list or all traffic is not modelled");
            return [];
        }

        if (!_config.AccessLists.TryGetValue(aclName, out var entries))
        {
            _problems.Add(ImportProblem.AtLine(_file, classMap.Line, $"class-map {classMap.Name} matches access list {aclName}, which has no extended lines in the configuration"));
            return [];
        }

        _ledger.Modelled(action.Number);
        ReportInterfacePolicy(policyClass.Applied);
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

    private void ReportInterfacePolicy(ServicePolicy applied)
    {
        if (applied.Interface is { } nameif)
        {
            _ledger.NotModelled(applied.Line, $"this service-policy applies to {nameif} only; the model applies its tcp-state-bypass on every interface of the firewall");
        }
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
