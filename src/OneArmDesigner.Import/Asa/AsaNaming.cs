using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Asa;

/// <summary>
/// What a firewall's configuration calls things the model does not name: the hardware port behind each nameif, the
/// access list applied inbound on it, the NAT statement behind each NAT rule, each route's distance. Read from an
/// imported configuration, commands written for that firewall use its own names; without one, the names follow the
/// conventions <c>onearm export</c> writes (GigabitEthernet0/N, IFNAME_access_in, manual NAT on obj-ADDRESS objects).
/// </summary>
internal sealed class AsaNaming
{
    private readonly Dictionary<string, string> _hardware = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _acls = new(StringComparer.Ordinal);
    private readonly List<(NatRule Rule, AsaNat Source)> _nats = [];
    private readonly Dictionary<(Domain.Addressing.Ipv4Prefix, Domain.Addressing.Ipv4Address), int> _distances = [];
    private readonly HashSet<string> _usedHardware = new(StringComparer.Ordinal);
    private readonly List<string> _spareHardware = [];

    /// <summary>Export's conventions, for a firewall that did not come from a configuration.</summary>
    public static AsaNaming Conventional { get; } = new();

    public bool FromConfiguration { get; private init; }

    /// <summary>The policy-map applied globally (`service-policy NAME global`); null when a configuration applies none.</summary>
    public string? GlobalPolicy { get; private init; } = "global_policy";

    /// <summary>
    /// The global policy's class for the default inspection traffic, where `inspect` lines go; null when the
    /// configuration's global policy has none.
    /// </summary>
    public string? InspectionClass { get; private init; } = "inspection_default";

    public static AsaNaming FromConfig(AsaConfig config, IEnumerable<(NatRule Rule, AsaNat Source)> nats)
    {
        var globalPolicy = config.ServicePolicies.FirstOrDefault(p => p.Interface is null)?.Policy;
        var naming = new AsaNaming
        {
            FromConfiguration = true,
            GlobalPolicy = globalPolicy,
            InspectionClass = globalPolicy is null
                ? null
                : config.PolicyMaps[globalPolicy].Classes.Select(c => c.Class)
                    .FirstOrDefault(c => config.ClassMaps.GetValueOrDefault(c) is { InspectionDefault: true }),
        };
        foreach (var item in config.Interfaces)
        {
            naming._usedHardware.Add(item.Hardware);
            if (item.Nameif is { } nameif)
            {
                naming._hardware.TryAdd(nameif, item.Hardware);
            }
        }

        // A physical port with nothing on it (no nameif, not bundled, no sub-interfaces) is where a new interface goes.
        naming._spareHardware.AddRange(config.Interfaces
            .Where(i => i.Nameif is null && !i.Bundled && !i.Hardware.Contains('.') && !i.Hardware.StartsWith("Management", StringComparison.OrdinalIgnoreCase)
                && !i.Hardware.StartsWith("Vlan", StringComparison.OrdinalIgnoreCase)
                && !config.Interfaces.Any(o => o.Hardware.StartsWith(i.Hardware + ".", StringComparison.Ordinal)))
            .Select(i => i.Hardware));

        foreach (var group in config.AccessGroups.Where(g => g.Scope == AccessGroupScope.In))
        {
            naming._acls.TryAdd(group.Interface!, group.Acl);
        }

        naming._nats.AddRange(nats);
        foreach (var route in config.Routes)
        {
            naming._distances.TryAdd((route.Prefix, route.Gateway), route.Distance);
        }

        return naming;
    }

    /// <summary>The hardware port of an interface; <paramref name="index"/> is its place on the device, for the convention.</summary>
    public string Hardware(string nameif, int index) =>
        _hardware.TryGetValue(nameif, out var hardware) ? hardware : $"GigabitEthernet0/{index}";

    /// <summary>
    /// A port for a new interface: a configured port with nothing on it, else the next number after the
    /// configuration's own ports (GigabitEthernet1/3 after 1/2), else the conventional GigabitEthernet0/N.
    /// </summary>
    public string FreeHardware(int index)
    {
        if (_spareHardware.FirstOrDefault() is { } spare)
        {
            return spare;
        }

        var numbered = _usedHardware.Select(h => System.Text.RegularExpressions.Regex.Match(h, @"^(.*/)(\d+)$")).Where(m => m.Success).ToList();
        if (numbered.Count > 0)
        {
            var family = numbered.GroupBy(m => m.Groups[1].Value).OrderByDescending(g => g.Count()).First();
            return $"{family.Key}{family.Max(m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)) + 1}";
        }

        for (var n = index; ; n++)
        {
            var candidate = $"GigabitEthernet0/{n}";
            if (!_usedHardware.Contains(candidate) && !_hardware.ContainsValue(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>The access list applied inbound on an interface, or the conventional name for a new one.</summary>
    public string InboundAcl(string nameif) => _acls.TryGetValue(nameif, out var acl) ? acl : $"{nameif}_access_in";

    /// <summary>Whether the configuration already applies an access list inbound on the interface.</summary>
    public bool HasInboundAcl(string nameif) => _acls.ContainsKey(nameif);

    /// <summary>The configuration's NAT statement that this rule came from, if any.</summary>
    public AsaNat? SourceOf(NatRule rule) => _nats.FirstOrDefault(n => n.Rule == rule).Source;

    public int Distance(StaticRoute route) => _distances.TryGetValue((route.Prefix, route.NextHop), out var distance) ? distance : 1;
}
