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

    /// <summary>Export's conventions, for a firewall that did not come from a configuration.</summary>
    public static AsaNaming Conventional { get; } = new();

    public bool FromConfiguration { get; private init; }

    public static AsaNaming FromConfig(AsaConfig config, IEnumerable<(NatRule Rule, AsaNat Source)> nats)
    {
        var naming = new AsaNaming { FromConfiguration = true };
        foreach (var item in config.Interfaces)
        {
            naming._usedHardware.Add(item.Hardware);
            if (item.Nameif is { } nameif)
            {
                naming._hardware.TryAdd(nameif, item.Hardware);
            }
        }

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

    /// <summary>A port no interface of the configuration uses, for a new interface.</summary>
    public string FreeHardware(int index)
    {
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
