using System.Globalization;
using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Import.Asa;

/// <summary>A line the parser cannot read: it is reported as not modelled with this message, never thrown further.</summary>
internal sealed class AsaSyntaxException(string message) : Exception(message);

/// <summary>
/// Reads a running-config into an <see cref="AsaConfig"/>, judging every line in the ledger. Two passes: first the
/// definitions (names, interfaces, objects, groups), so every reference in the second pass (access lists, NAT,
/// routes, policies) resolves whatever the order of the file. A reference to something never defined is an import
/// problem naming the line; a line that cannot be read is reported as not modelled with why.
/// </summary>
internal sealed partial class AsaParser
{
    private readonly string _file;
    private readonly LineLedger _ledger;
    private readonly List<ImportProblem> _problems;
    private readonly AsaConfig _config = new();
    private readonly List<AsaBlock> _accessGroups = [];

    private AsaParser(string file, LineLedger ledger, List<ImportProblem> problems)
    {
        _file = file;
        _ledger = ledger;
        _problems = problems;
    }

    public static AsaConfig Parse(string file, IReadOnlyList<string> lines, LineLedger ledger, List<ImportProblem> problems)
    {
        var parser = new AsaParser(file, ledger, problems);
        var blocks = AsaSource.Read(lines, ledger);
        foreach (var block in blocks)
        {
            parser.Guarded(block, parser.ReadDefinition);
        }

        parser.ResolveGroups();
        foreach (var block in blocks)
        {
            parser.Guarded(block, parser.ReadStatement);
        }

        // An access-group may come before the lines of its access list; apply them once every list is read.
        foreach (var block in parser._accessGroups)
        {
            parser.Guarded(block, b => parser.ReadAccessGroup(b.Head));
        }

        return parser._config;
    }

    /// <summary>Runs one block's reader; a line it cannot read is reported, and the rest of the file is still read.</summary>
    private void Guarded(AsaBlock block, Action<AsaBlock> read)
    {
        _uses = [];
        try
        {
            read(block);
        }
        catch (AsaSyntaxException ex)
        {
            _config.UnreadableLines.Add(block.Head.Number);
            _ledger.NotModelled(block.Head.Number, $"could not be read: {ex.Message}");
            foreach (var child in block.Children)
            {
                _ledger.NotModelled(child.Number, $"part of a block that could not be read (line {block.Head.Number})");
            }
        }
    }

    /// <summary>Pass 1: what other statements refer to.</summary>
    private void ReadDefinition(AsaBlock block)
    {
        var head = block.Head;
        switch (head.Word(0))
        {
            case "hostname":
                _config.Hostname = head.Word(1);
                _ledger.Modelled(head.Number);
                break;
            case "names":
                _ledger.Modelled(head.Number);
                break;
            case "name":
                ReadName(head);
                break;
            case "interface":
                ReadInterface(block);
                break;
            case "object" when head.Word(1) == "network":
                ReadNetworkObject(block);
                break;
            case "object" when head.Word(1) == "service":
                ReadServiceObject(block);
                break;
            case "object-group" when head.Word(1) is not ("user" or "security"):
                ReadGroup(block);
                break;
            case "class-map" when head.Word(1) != "type":
                ReadClassMap(block);
                break;
            case "policy-map" when head.Word(1) != "type":
                ReadPolicyMap(block);
                break;
        }
    }

    /// <summary>Pass 2: everything that uses the definitions, and the verdict on every other command.</summary>
    private void ReadStatement(AsaBlock block)
    {
        var head = block.Head;
        switch (head.Word(0))
        {
            case "hostname" or "names" or "name" or "interface":
            case "object-group" when head.Word(1) is not ("user" or "security"):
            case "object" when head.Word(1) == "service":
                return;
            case "object" when head.Word(1) == "network":
                ReadObjectNat(block);
                return;
            case "route":
                ReadRoute(head);
                break;
            case "access-list":
                ReadAccessList(head);
                break;
            case "access-group":
                _accessGroups.Add(block);
                break;
            case "nat" when head.Word(1).StartsWith('(') && head.Word(1).Contains(','):
            case "nat" when head.Word(1) is "source" or "after-auto" or "after-object":
                ReadTwiceNat(head);
                break;
            case "same-security-traffic" when head.Word(1) == "permit":
                ReadSameSecurity(head);
                break;
            case "class-map" when head.Word(1) != "type":
            case "policy-map" when head.Word(1) != "type":
                return;
            case "service-policy":
                ReadServicePolicy(head);
                break;
            default:
                JudgeUnmodelled(block);
                return;
        }

        foreach (var child in block.Children)
        {
            _ledger.NotModelled(child.Number, $"an indented line under `{head}` that the importer does not read");
        }
    }

    private void JudgeUnmodelled(AsaBlock block)
    {
        var (disposition, reason) = AsaCatalog.Judge(block.Head);
        foreach (var line in block.AllLines)
        {
            Judge(line.Number, disposition, reason);
        }
    }

    private void Judge(int line, LineDisposition disposition, string reason)
    {
        if (disposition == LineDisposition.Ignored)
        {
            _ledger.Ignored(line, reason);
        }
        else
        {
            _ledger.NotModelled(line, reason);
        }
    }

    private void Problem(AsaLine line, string message) => _problems.Add(ImportProblem.AtLine(_file, line.Number, message));

    // ----- names, interfaces, routes, same-security -----

    private readonly Dictionary<string, Ipv4Address> _names = new(StringComparer.Ordinal);

    private void ReadName(AsaLine line)
    {
        if (!Ipv4Address.TryParse(line.Word(1), out var address) || line.Word(2).Length == 0)
        {
            if (line.Word(1).Contains(':'))
            {
                _ledger.Ignored(line.Number, "an IPv6 name; IPv6 is not simulated");
                return;
            }

            throw new AsaSyntaxException("expected `name ADDRESS NAME`");
        }

        _names[line.Word(2)] = address;
        _config.DefinitionLines["name " + line.Word(2)] = [line.Number];
        _ledger.Ignored(line.Number, "a name for an address that no modelled rule uses");
    }

    private void ReadInterface(AsaBlock block)
    {
        var hardware = block.Head.Word(1);
        var item = new AsaInterface(hardware, block.Head.Number);
        if (hardware.StartsWith("Vlan", StringComparison.OrdinalIgnoreCase) && int.TryParse(hardware.AsSpan(4), out var vlanNumber))
        {
            item.Vlan = vlanNumber;
        }

        _ledger.Modelled(block.Head.Number);
        foreach (var line in block.Children)
        {
            ReadInterfaceLine(item, line);
        }

        _config.Interfaces.Add(item);
    }

    private void ReadInterfaceLine(AsaInterface item, AsaLine line)
    {
        var words = line.Words;
        switch (words[0])
        {
            case "nameif":
                item.Nameif = line.Word(1);
                _ledger.Modelled(line.Number);
                break;
            case "security-level" when int.TryParse(line.Word(1), NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 0 and <= 100:
                item.SecurityLevel = level;
                _ledger.Modelled(line.Number);
                break;
            case "ip" when line.Word(1) == "address" && line.Word(2) is "dhcp" or "pppoe":
                item.DynamicAddress = line.Word(2) == "dhcp" ? "DHCP" : "PPPoE";
                _ledger.NotModelled(line.Number, $"the address comes from {item.DynamicAddress} and is unknown to the import; the interface is left out");
                break;
            case "ip" when line.Word(1) == "address":
                item.Address = Prefix(line, line.Word(2), line.Word(3));
                item.AddressLine = line.Number;
                item.Standby = line.Word(4) == "standby" ? Address(line, line.Word(5)) : null;
                _ledger.Modelled(line.Number);
                AsaDefinitions.MarkModelled(_config, _ledger, TakeUses());
                break;
            case "vlan" when int.TryParse(line.Word(1), NumberStyles.None, CultureInfo.InvariantCulture, out var vlan) && vlan is >= 1 and <= 4094:
                item.Vlan = vlan;
                _ledger.Modelled(line.Number);
                break;
            case "shutdown":
                item.Shutdown = true;
                _ledger.Ignored(line.Number, "the interface is shut down: it carries no traffic and is left out of the design");
                break;
            case "management-only":
                item.ManagementOnly = true;
                _ledger.Ignored(line.Number, "a management-only interface carries no through traffic; it is left out of the design");
                break;
            case "no" when line.Word(1) is "nameif" or "security-level" or "shutdown" or "management-only" || (line.Word(1) == "ip" && line.Word(2) == "address"):
                _ledger.Modelled(line.Number);
                break;
            case "description" or "speed" or "duplex" or "mtu" or "mac-address" or "no" or "flowcontrol" or "lacp" or "nve-only" or "media-type":
                _ledger.Ignored(line.Number, "a physical-layer or descriptive setting; does not change forwarding in the simulation");
                break;
            case "channel-group" or "member-interface" or "port-channel" or "redundant-interface":
                item.Bundled |= words[0] == "channel-group";
                _ledger.Ignored(line.Number, "link aggregation: the logical interface carries the address");
                break;
            case "switchport":
                _ledger.Ignored(line.Number, "switch port membership: the VLAN interface carries the address");
                break;
            case "ip" or "ipv6" or "ospf" or "authentication" or "pim" or "igmp" or "multicast" or "delay" or "hello-interval" or "summary-address":
                _ledger.Ignored(line.Number, words[0] == "ipv6" ? "IPv6 is not simulated" : "interface settings of dynamic routing or multicast, which are not modelled (the routing process itself is reported)");
                break;
            default:
                _ledger.NotModelled(line.Number, "an interface setting the importer does not read");
                break;
        }
    }

    private void ReadRoute(AsaLine line)
    {
        // route IF NETWORK MASK GATEWAY [DISTANCE] [track N | tunneled]
        var nameif = line.Word(1);
        if (line.Word(2).Contains(':'))
        {
            _ledger.Ignored(line.Number, "an IPv6 route; IPv6 is not simulated");
            return;
        }

        var prefix = Prefix(line, line.Word(2), line.Word(3));
        var gateway = Address(line, line.Word(4));
        if (gateway == Ipv4Address.Any)
        {
            _ledger.NotModelled(line.Number, "a route with no next hop (straight out of the interface) is not modelled: the model routes through a next hop");
            return;
        }

        var distance = 1;
        var tracked = false;
        for (var i = 5; i < line.Words.Length; i++)
        {
            if (line.Words[i] == "track")
            {
                tracked = true;
                i++;
            }
            else if (line.Words[i] == "tunneled")
            {
                _ledger.NotModelled(line.Number, "a default route for tunnelled (VPN) traffic; the ASA's own VPN is not modelled");
                return;
            }
            else if (!int.TryParse(line.Words[i], NumberStyles.None, CultureInfo.InvariantCulture, out distance))
            {
                throw new AsaSyntaxException($"'{line.Words[i]}' is not a distance");
            }
        }

        if (_config.FindInterface(nameif) is null)
        {
            Problem(line, $"route names interface '{nameif}', which no interface has as its nameif");
            return;
        }

        _config.Routes.Add(new AsaRoute(line.Number, nameif, prefix.Network, gateway, distance, tracked, TakeUses()));
        _ledger.Modelled(line.Number);
    }

    private void ReadSameSecurity(AsaLine line)
    {
        switch (line.Word(2))
        {
            case "inter-interface":
                _config.SameSecurityInter = line.Number;
                break;
            case "intra-interface":
                _config.SameSecurityIntra = line.Number;
                break;
            default:
                throw new AsaSyntaxException("expected inter-interface or intra-interface");
        }

        _ledger.Modelled(line.Number);
    }

    // ----- addresses -----

    /// <summary>An IPv4 address, or a name given with `name`.</summary>
    private Ipv4Address Address(AsaLine line, string word) =>
        Ipv4Address.TryParse(word, out var address) ? address
        : _names.TryGetValue(word, out var named) ? Used("name " + word, named)
        : throw new AsaSyntaxException(word.Length == 0 ? "an address is missing" : $"'{word}' is not an IPv4 address or a defined name");

    private Ipv4Prefix Prefix(AsaLine line, string address, string mask)
    {
        var value = Address(line, address);
        if (!Ipv4Address.TryParse(mask, out var maskAddress) || MaskLength(maskAddress.Value) is not { } length)
        {
            throw new AsaSyntaxException(mask.Length == 0 ? "a mask is missing" : $"'{mask}' is not a network mask");
        }

        return new Ipv4Prefix(value, length);
    }

    internal static int? MaskLength(uint mask)
    {
        var length = System.Numerics.BitOperations.PopCount(mask);
        return length == 0 ? (mask == 0 ? 0 : null) : (mask == uint.MaxValue << (32 - length) ? length : null);
    }

    /// <summary>The names a statement used, collected while it is read; mapping marks their definitions modelled.</summary>
    private List<string> _uses = [];

    private T Used<T>(string definition, T value)
    {
        _uses.Add(definition);
        return value;
    }

    private List<string> TakeUses()
    {
        var uses = _uses;
        _uses = [];
        return uses;
    }
}
