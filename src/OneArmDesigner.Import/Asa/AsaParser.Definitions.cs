using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Asa;

internal sealed partial class AsaParser
{
    private const string Unused = "defined, but no modelled rule uses it";

    private enum GroupKind
    {
        Network,
        Service,
        Port,
        Protocol,
        IcmpType,
    }

    private sealed record GroupDefinition(string Name, GroupKind Kind, AsaLine Head, IReadOnlyList<AsaLine> Members, string? PortProtocol);

    private readonly Dictionary<string, ResolvedAddresses> _networkObjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<ServiceMatch>> _serviceObjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupDefinition> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _resolvedGroups = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _groupUses = new(StringComparer.Ordinal);

    private void ReadNetworkObject(AsaBlock block)
    {
        var name = block.Head.Word(2);
        List<Ipv4Prefix> prefixes = [];
        var (ipv6, fqdn) = (false, false);
        var lines = new List<int> { block.Head.Number };
        foreach (var line in block.Children)
        {
            switch (line.Word(0))
            {
                case "host" or "subnet" when line.Word(1).Contains(':'):
                    ipv6 = true;
                    _ledger.Ignored(line.Number, "an IPv6 address; IPv6 is not simulated");
                    continue;
                case "host":
                    prefixes.Add(new Ipv4Prefix(Address(line, line.Word(1)), 32));
                    break;
                case "subnet":
                    prefixes.Add(Prefix(line, line.Word(1), line.Word(2)).Network);
                    break;
                case "range":
                    prefixes.AddRange(RangePrefixes(Address(line, line.Word(1)), Address(line, line.Word(2))));
                    break;
                case "fqdn":
                    fqdn = true;
                    _ledger.NotModelled(line.Number, "an FQDN object: its addresses are resolved by DNS at run time, unknown to the import");
                    continue;
                case "description":
                    _ledger.Ignored(line.Number, "a description");
                    continue;
                case "nat":
                    continue;
                default:
                    _ledger.NotModelled(line.Number, "an object setting the importer does not read");
                    continue;
            }

            lines.Add(line.Number);
            _ledger.Ignored(line.Number, Unused);
        }

        _ledger.Ignored(block.Head.Number, Unused);
        if (_networkObjects.TryGetValue(name, out var earlier))
        {
            // The running-config repeats an object's header before its NAT statement; keep the definition.
            if (prefixes.Count == 0 && !ipv6 && !fqdn)
            {
                AddDefinitionLines("object " + name, lines);
                return;
            }

            prefixes.InsertRange(0, earlier.Prefixes);
        }

        _networkObjects[name] = new ResolvedAddresses(prefixes, ipv6, fqdn);
        AddDefinitionLines("object " + name, lines);
    }

    private void ReadServiceObject(AsaBlock block)
    {
        var name = block.Head.Word(2);
        var services = new List<ServiceMatch>();
        _ledger.Ignored(block.Head.Number, Unused);
        var lines = new List<int> { block.Head.Number };
        foreach (var line in block.Children)
        {
            if (line.Word(0) == "service")
            {
                var i = 1;
                services.AddRange(ServiceDefinition(line, ref i));
                _ledger.Ignored(line.Number, Unused);
                lines.Add(line.Number);
            }
            else
            {
                _ledger.Ignored(line.Number, line.Word(0) == "description" ? "a description" : Unused);
            }
        }

        _serviceObjects[name] = services;
        AddDefinitionLines("object " + name, lines);
    }

    private void ReadGroup(AsaBlock block)
    {
        var head = block.Head;
        var name = head.Word(2);
        GroupKind? kind = head.Word(1) switch
        {
            "network" => GroupKind.Network,
            "service" when head.Word(3) is "tcp" or "udp" or "tcp-udp" => GroupKind.Port,
            "service" => GroupKind.Service,
            "protocol" => GroupKind.Protocol,
            "icmp-type" => GroupKind.IcmpType,
            _ => null,
        };
        if (kind is null)
        {
            throw new AsaSyntaxException($"'{head.Word(1)}' is not an object-group type the importer reads");
        }

        var members = new List<AsaLine>();
        foreach (var line in block.AllLines)
        {
            _ledger.Ignored(line.Number, line.Word(0) == "description" ? "a description" : Unused);
            if (line != head && line.Word(0) != "description")
            {
                members.Add(line);
            }
        }

        _groups[name] = new GroupDefinition(name, kind.Value, head, members, kind == GroupKind.Port ? head.Word(3) : null);
        AddDefinitionLines("object-group " + name, [.. block.AllLines.Select(l => l.Number)]);
    }

    private void AddDefinitionLines(string key, List<int> lines) =>
        _config.DefinitionLines[key] = _config.DefinitionLines.TryGetValue(key, out var earlier) ? [.. earlier, .. lines] : lines;

    /// <summary>Resolves every group once, so a member that names nothing is a problem even if no rule uses the group.</summary>
    private void ResolveGroups()
    {
        foreach (var group in _groups.Values)
        {
            try
            {
                Resolve(group);
            }
            catch (AsaSyntaxException ex)
            {
                foreach (var line in group.Members.Prepend(group.Head))
                {
                    _ledger.NotModelled(line.Number, $"the object-group could not be read: {ex.Message}");
                }
            }
        }

        _uses = [];
    }

    private object Resolve(GroupDefinition group)
    {
        if (_resolvedGroups.TryGetValue(group.Name, out var done))
        {
            return done;
        }

        if (!_resolving.Add(group.Name))
        {
            throw new AsaSyntaxException($"object-group {group.Name} contains itself");
        }

        // A group's own members are uses of whoever uses the group: remember them with the group.
        var outer = _uses;
        _uses = [];
        try
        {
            object result = group.Kind switch
            {
                GroupKind.Network => ResolveNetworkGroup(group),
                GroupKind.Port => ResolvePortGroup(group),
                GroupKind.IcmpType => ResolveIcmpGroup(group),
                _ => ResolveServiceGroup(group),
            };
            _groupUses[group.Name] = _uses;
            _resolvedGroups[group.Name] = result;
            return result;
        }
        finally
        {
            _uses = outer;
            _resolving.Remove(group.Name);
        }
    }

    private ResolvedAddresses ResolveNetworkGroup(GroupDefinition group)
    {
        var prefixes = new List<Ipv4Prefix>();
        var (ipv6, fqdn) = (false, false);
        foreach (var line in group.Members)
        {
            ResolvedAddresses? member = (line.Word(0), line.Word(1)) switch
            {
                ("network-object", "host") when line.Word(2).Contains(':') => new ResolvedAddresses([], HasIpv6: true),
                ("network-object", "host") => new ResolvedAddresses([new Ipv4Prefix(Address(line, line.Word(2)), 32)]),
                ("network-object", "object") => NetworkObject(line, line.Word(2)),
                ("network-object", var text) when text.Contains(':') => new ResolvedAddresses([], HasIpv6: true),
                ("network-object", _) => new ResolvedAddresses([Prefix(line, line.Word(1), line.Word(2)).Network]),
                ("group-object", var name) => Group<ResolvedAddresses>(line, name, GroupKind.Network),
                _ => throw new AsaSyntaxException($"'{line}' is not a network-object or group-object"),
            };
            if (member is null)
            {
                continue;
            }

            prefixes.AddRange(member.Prefixes);
            ipv6 |= member.HasIpv6;
            fqdn |= member.HasFqdn;
        }

        return new ResolvedAddresses(prefixes, ipv6, fqdn);
    }

    private IReadOnlyList<ServiceMatch> ResolveServiceGroup(GroupDefinition group)
    {
        var services = new List<ServiceMatch>();
        foreach (var line in group.Members)
        {
            switch (line.Word(0))
            {
                case "service-object" when line.Word(1) == "object":
                    services.AddRange(ServiceObject(line, line.Word(2)) ?? []);
                    break;
                case "service-object":
                    var i = 1;
                    services.AddRange(ServiceDefinition(line, ref i));
                    break;
                case "protocol-object":
                    services.Add(ProtocolOnly(line.Word(1)));
                    break;
                case "group-object":
                    services.AddRange(Group<IReadOnlyList<ServiceMatch>>(line, line.Word(1), group.Kind) ?? []);
                    break;
                default:
                    throw new AsaSyntaxException($"'{line}' is not a member of a {group.Kind.ToString().ToLowerInvariant()} group");
            }
        }

        return services;
    }

    private (string Protocol, IReadOnlyList<PortRange> Ranges) ResolvePortGroup(GroupDefinition group)
    {
        var ranges = new List<PortRange>();
        foreach (var line in group.Members)
        {
            if (line.Word(0) == "port-object")
            {
                var i = 1;
                ranges.AddRange(PortSpec(line, ref i));
            }
            else if (line.Word(0) == "group-object")
            {
                ranges.AddRange(Group<(string, IReadOnlyList<PortRange>)>(line, line.Word(1), GroupKind.Port).Item2 ?? []);
            }
            else
            {
                throw new AsaSyntaxException($"'{line}' is not a port-object or group-object");
            }
        }

        return (group.PortProtocol!, ranges);
    }

    /// <summary>`icmp-object TYPE` and `group-object NAME` members: the types, any code.</summary>
    private IReadOnlyList<IcmpMatch> ResolveIcmpGroup(GroupDefinition group) =>
        [.. group.Members.SelectMany(line => line.Word(0) switch
        {
            "group-object" => Group<IReadOnlyList<IcmpMatch>>(line, line.Word(1), GroupKind.IcmpType) ?? [],
            "icmp-object" => [new IcmpMatch(IcmpType(line.Word(1)), null)],
            _ => throw new AsaSyntaxException($"'{line}' is not an icmp-object or group-object"),
        })];

    /// <summary>A group by name and kind; an undefined one is an import problem naming the line that refers to it.</summary>
    private T? Group<T>(AsaLine line, string name, GroupKind kind)
    {
        if (!_groups.TryGetValue(name, out var group))
        {
            Problem(line, $"`{line}` refers to object-group {name}, which is not defined");
            return default;
        }

        if (group.Kind != kind && !(kind == GroupKind.Service && group.Kind == GroupKind.Protocol))
        {
            throw new AsaSyntaxException($"object-group {name} is a {group.Kind.ToString().ToLowerInvariant()} group, not a {kind.ToString().ToLowerInvariant()} group");
        }

        var resolved = (T)Resolve(group);
        _uses.Add("object-group " + name);
        _uses.AddRange(_groupUses[name]);
        return resolved;
    }

    private bool IsGroup(string name, GroupKind kind) => _groups.TryGetValue(name, out var group) && group.Kind == kind;

    private ResolvedAddresses? NetworkObject(AsaLine line, string name)
    {
        if (_networkObjects.TryGetValue(name, out var resolved))
        {
            _uses.Add("object " + name);
            return resolved;
        }

        Problem(line, $"`{line}` refers to object {name}, which is not defined");
        return null;
    }

    private IReadOnlyList<ServiceMatch>? ServiceObject(AsaLine line, string name)
    {
        if (_serviceObjects.TryGetValue(name, out var services))
        {
            _uses.Add("object " + name);
            return services;
        }

        Problem(line, $"`{line}` refers to service object {name}, which is not defined");
        return null;
    }

    /// <summary>`PROTO [source PORTS] [destination PORTS]`, `PROTO PORTS` (destination), or `icmp [TYPE [CODE]]`.</summary>
    private List<ServiceMatch> ServiceDefinition(AsaLine line, ref int i)
    {
        var protocol = line.Word(i++);
        if (protocol == "icmp6")
        {
            return [new ServiceMatch(protocol, null, null, null, null)];
        }

        if (protocol == "icmp")
        {
            return [new ServiceMatch(protocol, Protocol.Icmp, null, null, IcmpMessage(line, ref i) is { } message ? [message] : null)];
        }

        IReadOnlyList<PortRange>? source = null;
        IReadOnlyList<PortRange>? destination = null;
        while (i < line.Words.Length)
        {
            switch (line.Word(i))
            {
                case "source":
                    i++;
                    source = PortSpec(line, ref i);
                    break;
                case "destination":
                    i++;
                    destination = PortSpec(line, ref i);
                    break;
                default:
                    destination = PortSpec(line, ref i);
                    break;
            }
        }

        return protocol == "tcp-udp"
            ? [new ServiceMatch("tcp", Protocol.Tcp, source, destination, null), new ServiceMatch("udp", Protocol.Udp, source, destination, null)]
            : AsaKeywords.IsProtocol(protocol)
                ? [new ServiceMatch(protocol, AsaKeywords.ModelProtocol(protocol), source, destination, null)]
                : throw new AsaSyntaxException($"'{protocol}' is not a protocol");
    }

    private static ServiceMatch ProtocolOnly(string protocol) => AsaKeywords.IsProtocol(protocol)
        ? new ServiceMatch(protocol, AsaKeywords.ModelProtocol(protocol), null, null, null)
        : throw new AsaSyntaxException($"'{protocol}' is not a protocol");

    /// <summary>
    /// `eq P`, `lt P`, `gt P`, `neq P` or `range A B`, as the ranges of ports 1 to 65535 they match (`neq` is two);
    /// port 0, which the ASA accepts and no packet the simulation sends carries, falls away (`lt 1` matches nothing).
    /// </summary>
    private static List<PortRange> PortSpec(AsaLine line, ref int i)
    {
        var op = line.Word(i++);
        var first = PortAt(line, i++, op);
        List<(int From, int To)> ranges = op switch
        {
            "eq" => [(first, first)],
            "lt" => [(PortRange.Lowest, first - 1)],
            "gt" => [(first + 1, PortRange.Highest)],
            "neq" => [(PortRange.Lowest, first - 1), (first + 1, PortRange.Highest)],
            "range" => [(first, PortAt(line, i++, op))],
            _ => throw new AsaSyntaxException($"'{op}' is not a port operator (eq, lt, gt, neq, range)"),
        };
        if (op == "range" && ranges[0].To < first)
        {
            throw new AsaSyntaxException($"the range {first} {ranges[0].To} ends before it starts");
        }

        return [.. ranges.Select(r => (From: Math.Max(r.From, PortRange.Lowest), r.To)).Where(r => r.From <= r.To).Select(r => new PortRange(r.From, r.To))];
    }

    /// <summary>An optional ICMP type (keyword or number) and, after it, an optional code; null when no type follows.</summary>
    private static IcmpMatch? IcmpMessage(AsaLine line, ref int i)
    {
        if (line.Word(i).Length == 0)
        {
            return null;
        }

        var type = IcmpType(line.Word(i++));
        int? code = null;
        if (int.TryParse(line.Word(i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            code = number <= 255 ? number : throw new AsaSyntaxException($"'{line.Word(i)}' is not an ICMP code (0 to 255)");
            i++;
        }

        return new IcmpMatch(type, code);
    }

    private static int IcmpType(string word) =>
        AsaKeywords.IcmpType(word) ?? throw new AsaSyntaxException(word.Length == 0 ? "an ICMP type is missing" : $"'{word}' is not an ICMP type");

    private static int PortAt(AsaLine line, int i, string op)
    {
        var word = line.Word(i);
        return op is not ("eq" or "lt" or "gt" or "neq" or "range")
            ? throw new AsaSyntaxException($"'{op}' is not a port operator (eq, lt, gt, neq, range)")
            : AsaKeywords.Port(word) ?? throw new AsaSyntaxException(word.Length == 0 ? $"a port is missing after {op}" : $"'{word}' is not a port");
    }

    /// <summary>The fewest prefixes that cover exactly the addresses from <paramref name="first"/> to <paramref name="last"/>.</summary>
    internal static IEnumerable<Ipv4Prefix> RangePrefixes(Ipv4Address first, Ipv4Address last)
    {
        if (last.Value < first.Value)
        {
            throw new AsaSyntaxException($"the range {first} - {last} ends before it starts");
        }

        var start = (ulong)first.Value;
        var end = (ulong)last.Value;
        while (start <= end)
        {
            var size = start == 0 ? 32 : System.Numerics.BitOperations.TrailingZeroCount(start);
            while (size > 0 && start + (1UL << size) - 1 > end)
            {
                size--;
            }

            yield return new Ipv4Prefix(new Ipv4Address((uint)start), 32 - size);
            start += 1UL << size;
        }
    }
}
