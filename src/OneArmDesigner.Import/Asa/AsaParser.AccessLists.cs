using System.Globalization;
using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Asa;

internal sealed partial class AsaParser
{
    private static readonly HashSet<string> LogLevels =
    [
        "0", "1", "2", "3", "4", "5", "6", "7", "emergencies", "alerts", "critical", "errors", "warnings", "notifications",
        "informational", "debugging", "disable", "default",
    ];

    /// <summary>Access lists with a line whose references did not resolve: already a problem, not a missing list too.</summary>
    private readonly HashSet<string> _unresolvedAcls = new(StringComparer.Ordinal);

    private void ReadAccessList(AsaLine line)
    {
        var name = line.Word(1);
        int i;
        switch (line.Word(2))
        {
            case "remark":
                _ledger.Ignored(line.Number, "a remark");
                return;
            case "standard":
                _ledger.Ignored(line.Number, "a standard access list chooses routes or VPN traffic; it does not filter packets on an interface");
                return;
            case "webtype":
                _ledger.Ignored(line.Number, "a clientless SSL VPN access list; remote-access clients are not simulated");
                return;
            case "ethertype":
                _ledger.Ignored(line.Number, "a layer-2 (ethertype) access list, used in transparent mode only");
                return;
            case "extended":
                i = 3;
                break;
            case "permit" or "deny":
                i = 2;
                break;
            default:
                _ledger.NotModelled(line.Number, "this form of access-list is not read by the importer");
                return;
        }

        _uses.Clear();
        var action = line.Word(i++) switch
        {
            "permit" => AclAction.Permit,
            "deny" => AclAction.Deny,
            var word => throw new AsaSyntaxException($"'{word}' is not permit or deny"),
        };
        var services = ServicesAt(line, ref i);
        var sources = AddressAt(line, ref i);
        var sourcePorts = PortsAt(line, ref i);
        var destinations = AddressAt(line, ref i);
        var destinationPorts = PortsAt(line, ref i);
        var icmp = IcmpAt(line, ref i, services);
        var (inactive, timeRange) = Options(line, i);
        var uses = TakeUses();
        if (sources is null || destinations is null || services is null)
        {
            _unresolvedAcls.Add(name);
            return;
        }

        // The line's own ports and ICMP messages narrow the services they apply to: ports for TCP and UDP (and `ip`,
        // which the model reads as TCP and UDP on those ports), ICMP messages for ICMP.
        services = [.. services.Select(s => s.Protocol == Protocol.Icmp
            ? s with { Icmp = icmp ?? s.Icmp }
            : s with { SourcePorts = sourcePorts ?? s.SourcePorts, DestinationPorts = destinationPorts ?? s.DestinationPorts })];
        if (!_config.AccessLists.TryGetValue(name, out var entries))
        {
            _config.AccessLists[name] = entries = [];
        }

        entries.Add(new AclEntry(name, line.Number, line.ToString(), action, services, sources, destinations, inactive, timeRange, uses));
        _ledger.Ignored(line.Number, $"access list {name} is not applied to an interface (access-group) nor used by a modelled feature");
    }

    private void ReadAccessGroup(AsaLine line)
    {
        // access-group NAME in|out interface IF  |  access-group NAME global
        var name = line.Word(1);
        var (scope, nameif) = (line.Word(2), line.Word(3)) switch
        {
            ("in", "interface") => (AccessGroupScope.In, line.Word(4)),
            ("out", "interface") => (AccessGroupScope.Out, line.Word(4)),
            ("global", _) => (AccessGroupScope.Global, (string?)null),
            _ => throw new AsaSyntaxException("expected `access-group NAME in|out interface IF` or `access-group NAME global`"),
        };
        if (!_config.AccessLists.ContainsKey(name))
        {
            if (!_unresolvedAcls.Contains(name))
            {
                Problem(line, $"access-group applies access list {name}, which has no extended lines in the configuration");
            }

            return;
        }

        if (nameif is not null && _config.FindInterface(nameif) is null)
        {
            Problem(line, $"access-group names interface '{nameif}', which no interface has as its nameif");
            return;
        }

        _config.AccessGroups.Add(new AccessGroup(line.Number, name, scope, nameif));
        _ledger.Modelled(line.Number);
    }

    /// <summary>The protocol position: a protocol, `object SERVICE`, or `object-group` of protocols or services.</summary>
    private IReadOnlyList<ServiceMatch>? ServicesAt(AsaLine line, ref int i)
    {
        var word = line.Word(i++);
        switch (word)
        {
            case "object":
                return ServiceObject(line, line.Word(i++));
            case "object-group":
                var name = line.Word(i++);
                return IsGroup(name, GroupKind.Protocol)
                    ? Group<IReadOnlyList<ServiceMatch>>(line, name, GroupKind.Protocol)
                    : Group<IReadOnlyList<ServiceMatch>>(line, name, GroupKind.Service);
            default:
                return [ProtocolOnly(word)];
        }
    }

    /// <summary>
    /// An address: any, any4, any6, host A, A MASK, object N, object-group N, interface IF (its own address), or an
    /// IPv6 prefix (not simulated).
    /// </summary>
    private ResolvedAddresses? AddressAt(AsaLine line, ref int i)
    {
        var word = line.Word(i++);
        switch (word)
        {
            case "any" or "any4":
                return ResolvedAddresses.Any;
            case "any6":
                return new ResolvedAddresses([], HasIpv6: true);
            case "host" when line.Word(i).Contains(':'):
                i++;
                return new ResolvedAddresses([], HasIpv6: true);
            case "host":
                return new ResolvedAddresses([new Ipv4Prefix(Address(line, line.Word(i++)), 32)]);
            case "object":
                return NetworkObject(line, line.Word(i++));
            case "object-group":
                return Group<ResolvedAddresses>(line, line.Word(i++), GroupKind.Network);
            case "interface":
                var nameif = line.Word(i++);
                if (_config.FindInterface(nameif) is not { } item)
                {
                    Problem(line, $"`{line}` names interface '{nameif}', which no interface has as its nameif");
                    return null;
                }

                return new ResolvedAddresses(item.Address is { } own ? [new Ipv4Prefix(own.Address, 32)] : []);
            case var ipv6 when ipv6.Contains(':'):
                return new ResolvedAddresses([], HasIpv6: true);
            default:
                var prefix = Prefix(line, word, line.Word(i++));
                return new ResolvedAddresses([prefix.Network]);
        }
    }

    /// <summary>Ports after an address, if any: an operator, or an object-group of ports.</summary>
    private IReadOnlyList<PortRange>? PortsAt(AsaLine line, ref int i)
    {
        var word = line.Word(i);
        if (word is "eq" or "lt" or "gt" or "neq" or "range")
        {
            return PortSpec(line, ref i);
        }

        if (word == "object-group" && IsGroup(line.Word(i + 1), GroupKind.Port))
        {
            i += 2;
            return Group<(string, IReadOnlyList<PortRange>)>(line, line.Word(i - 1), GroupKind.Port).Item2;
        }

        return null;
    }

    /// <summary>After the destination of an ICMP line: `TYPE [CODE]`, `object-group ICMP-GROUP`, or nothing (any message).</summary>
    private IReadOnlyList<IcmpMatch>? IcmpAt(AsaLine line, ref int i, IReadOnlyList<ServiceMatch>? services)
    {
        var word = line.Word(i);
        if (services is null || !services.Any(s => s.Protocol == Protocol.Icmp) || word.Length == 0 || word is "log" or "inactive" or "time-range")
        {
            return null;
        }

        if (word == "object-group")
        {
            i += 2;
            return Group<IReadOnlyList<IcmpMatch>>(line, line.Word(i - 1), GroupKind.IcmpType);
        }

        return IcmpMessage(line, ref i) is { } message ? [message] : null;
    }

    private static (bool Inactive, string? TimeRange) Options(AsaLine line, int i)
    {
        var (inactive, timeRange) = (false, (string?)null);
        while (i < line.Words.Length)
        {
            switch (line.Word(i++))
            {
                case "log":
                    while (LogLevels.Contains(line.Word(i)))
                    {
                        i++;
                    }

                    if (line.Word(i) == "interval")
                    {
                        i += 2;
                    }

                    break;
                case "interval":
                    i++;
                    break;
                case "inactive":
                    inactive = true;
                    break;
                case "time-range":
                    timeRange = line.Word(i++);
                    break;
                case var other:
                    throw new AsaSyntaxException($"'{other}' is not understood at the end of the access-list line");
            }
        }

        return (inactive, timeRange);
    }
}
