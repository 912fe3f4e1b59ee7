using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Asa;

internal sealed partial class AsaParser
{
    private const string PoolWithFallback =
        "dynamic NAT to an address pool, falling back to the interface, is not modelled: the model translates to the interface's address only";

    private static readonly HashSet<string> NatFlags =
    [
        "dns", "unidirectional", "route-lookup", "net-to-net", "extended", "flat", "include-reserve",
        "round-robin", "block-allocation",
    ];

    /// <summary>`nat (real,mapped) [after-auto] source static|dynamic REAL MAPPED [destination static ...] [service ...] [options]`.</summary>
    private void ReadTwiceNat(AsaLine line)
    {
        var i = 1;
        var (real, mapped) = NatInterfaces(line, ref i);
        var section = NatSection.Manual;
        if (line.Word(i) is "after-auto" or "after-object")
        {
            section = NatSection.AfterAuto;
            i++;
        }

        if (line.Word(i++) != "source")
        {
            throw new AsaSyntaxException("expected `source static` or `source dynamic`");
        }

        var isStatic = StaticOrDynamic(line.Word(i++));
        var realName = line.Word(i++);
        var realAddresses = NatAddresses(line, realName);
        var mappedName = line.Word(i);
        var (mappedAddresses, mappedInterface, notModelled) = MappedOperand(line, ref i);
        var identity = realName == mappedName && !mappedInterface;
        (Protocol, int, int)? service = null;
        var (inactive, noProxyArp, unidirectional) = (false, false, false);
        while (i < line.Words.Length)
        {
            var word = line.Word(i++);
            switch (word)
            {
                case "destination":
                    var kind = line.Word(i++);
                    var (destinationMapped, destinationReal) = (line.Word(i++), line.Word(i++));
                    _ = NatAddresses(line, destinationMapped);
                    _ = NatAddresses(line, destinationReal);
                    if (!(identity && destinationMapped == destinationReal && kind == "static"))
                    {
                        notModelled ??= "twice NAT that depends on the destination is not modelled: the model translates by source only";
                    }

                    break;
                case "service":
                    service = NatService(line, line.Word(i++), line.Word(i++), ref notModelled);
                    break;
                case "interface" when !isStatic:
                    notModelled ??= PoolWithFallback;
                    break;
                case "inactive":
                    inactive = true;
                    break;
                case "no-proxy-arp":
                    noProxyArp = true;
                    break;
                case "unidirectional":
                    unidirectional = true;
                    break;
                case "description":
                    i = line.Words.Length;
                    break;
                case var flag when NatFlags.Contains(flag):
                    break;
                default:
                    throw new AsaSyntaxException($"'{word}' is not understood in a NAT statement");
            }
        }

        AddNat(new AsaNat(line.Number, line.ToString(), section, real, mapped, isStatic, realAddresses ?? ResolvedAddresses.Any, mappedAddresses,
            mappedInterface, service, notModelled, inactive, null, identity, TakeUses(), noProxyArp, unidirectional), line, realAddresses is null);
    }

    /// <summary>Object NAT: a `nat` line inside `object network NAME`; the object is what is translated.</summary>
    private void ReadObjectNat(AsaBlock block)
    {
        var objectName = block.Head.Word(2);
        foreach (var line in block.Children.Where(c => c.Word(0) == "nat"))
        {
            _uses = [];
            try
            {
                ReadObjectNatLine(objectName, line);
            }
            catch (AsaSyntaxException ex)
            {
                _ledger.NotModelled(line.Number, $"could not be read: {ex.Message}");
            }
        }
    }

    private void ReadObjectNatLine(string objectName, AsaLine line)
    {
        var i = 1;
        var (real, mapped) = NatInterfaces(line, ref i);
        var isStatic = StaticOrDynamic(line.Word(i++));
        var realAddresses = NetworkObject(line, objectName);
        var (mappedAddresses, mappedInterface, notModelled) = MappedOperand(line, ref i);
        (Protocol, int, int)? service = null;
        var noProxyArp = false;
        while (i < line.Words.Length)
        {
            var word = line.Word(i++);
            switch (word)
            {
                case "service":
                    service = ObjectNatService(line, ref i);
                    break;
                case "no-proxy-arp":
                    noProxyArp = true;
                    break;
                case "interface" when !isStatic:
                    notModelled ??= PoolWithFallback;
                    break;
                case var flag when NatFlags.Contains(flag):
                    break;
                default:
                    throw new AsaSyntaxException($"'{word}' is not understood in a NAT statement");
            }
        }

        AddNat(new AsaNat(line.Number, line.ToString(), NatSection.Object, real, mapped, isStatic, realAddresses ?? ResolvedAddresses.Any, mappedAddresses,
            mappedInterface, service, notModelled, Inactive: false, objectName, Identity: false, TakeUses(), noProxyArp), line, realAddresses is null);
    }

    private void AddNat(AsaNat nat, AsaLine line, bool unresolved)
    {
        if (unresolved)
        {
            return;
        }

        if (!nat.Static && nat.Mapped is not null)
        {
            nat = nat with { NotModelled = nat.NotModelled ?? "dynamic NAT to other addresses than the interface's is not modelled" };
        }

        if (nat.RealInterface is { } real && real != "any" && _config.FindInterface(real) is null)
        {
            Problem(line, $"NAT names interface '{real}', which no interface has as its nameif");
            return;
        }

        if (nat.MappedInterfaceName is { } mapped && mapped != "any" && _config.FindInterface(mapped) is null)
        {
            Problem(line, $"NAT names interface '{mapped}', which no interface has as its nameif");
            return;
        }

        _config.Nats.Add(nat);
        _ledger.Modelled(line.Number);
    }

    /// <summary>
    /// Where NAT translates to: `interface`, a PAT pool (not modelled), an address or name, or a network object or
    /// group; object and twice NAT write it alike.
    /// </summary>
    private (ResolvedAddresses? Addresses, bool Interface, string? NotModelled) MappedOperand(AsaLine line, ref int i)
    {
        var word = line.Word(i++);
        switch (word)
        {
            case "interface":
                return (null, true, null);
            case "pat-pool":
                i++;
                return (null, false, "PAT to an address pool is not modelled: the model translates to the outside interface's address only");
            case var ipv6 when ipv6.Contains(':'):
                return (null, false, "NAT to an IPv6 address; IPv6 is not simulated");
            case var address when Ipv4Address.TryParse(address, out _) || _names.ContainsKey(address):
                return (new ResolvedAddresses([new Ipv4Prefix(Address(line, address), 32)]), false, null);
            default:
                return (NatAddresses(line, word), false, null);
        }
    }

    /// <summary>`(real,mapped)`, or no interfaces at all (both any).</summary>
    private static (string? Real, string? Mapped) NatInterfaces(AsaLine line, ref int i)
    {
        var word = line.Word(i);
        if (!word.StartsWith('('))
        {
            return (null, null);
        }

        i++;
        var parts = word.Trim('(', ')').Split(',');
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0
            ? (parts[0], parts[1])
            : throw new AsaSyntaxException($"'{word}' is not (real_interface,mapped_interface)");
    }

    private static bool StaticOrDynamic(string word) => word switch
    {
        "static" => true,
        "dynamic" => false,
        _ => throw new AsaSyntaxException($"'{word}' is not static or dynamic"),
    };

    /// <summary>A twice-NAT operand: any, a network object, or a network object-group.</summary>
    private ResolvedAddresses? NatAddresses(AsaLine line, string name)
    {
        if (name is "any" or "any4")
        {
            return ResolvedAddresses.Any;
        }

        if (IsGroup(name, GroupKind.Network))
        {
            return Group<ResolvedAddresses>(line, name, GroupKind.Network);
        }

        return NetworkObject(line, name);
    }

    /// <summary>Twice NAT `service REAL MAPPED`: service objects whose single port is the real and the mapped port.</summary>
    private (Protocol, int, int)? NatService(AsaLine line, string realName, string mappedName, ref string? notModelled)
    {
        var real = ServiceObject(line, realName);
        var mapped = ServiceObject(line, mappedName);
        if (real is not [var r] || mapped is not [var m] || r.Protocol is not (Protocol.Tcp or Protocol.Udp) || r.Protocol != m.Protocol
            || SinglePort(r) is not { } realPort || SinglePort(m) is not { } mappedPort)
        {
            notModelled ??= "a port translation that is not one TCP or UDP port to one port is not modelled";
            return null;
        }

        return (r.Protocol.Value, realPort, mappedPort);
    }

    private static int? SinglePort(ServiceMatch service) =>
        (service.SourcePorts ?? service.DestinationPorts) is [{ IsSinglePort: true } range] ? range.From : null;

    /// <summary>Object NAT `service tcp|udp REAL_PORT MAPPED_PORT`.</summary>
    private static (Protocol, int, int) ObjectNatService(AsaLine line, ref int i)
    {
        var protocol = line.Word(i++) switch
        {
            "tcp" => Protocol.Tcp,
            "udp" => Protocol.Udp,
            var other => throw new AsaSyntaxException($"a port translation for '{other}' is not modelled (tcp or udp only)"),
        };
        var realPort = AsaKeywords.Port(line.Word(i++)) ?? throw new AsaSyntaxException($"'{line.Word(i - 1)}' is not a port");
        var mappedPort = AsaKeywords.Port(line.Word(i++)) ?? throw new AsaSyntaxException($"'{line.Word(i - 1)}' is not a port");
        return (protocol, realPort, mappedPort);
    }
}
