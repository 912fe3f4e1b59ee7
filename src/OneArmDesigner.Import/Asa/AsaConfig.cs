using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Asa;

/// <summary>
/// What a running-config says, in ASA terms, with the line each statement came from. References between statements
/// (objects, groups, access lists) are already resolved: an undefined one is an import problem, not a half-read entry.
/// </summary>
internal sealed class AsaConfig
{
    public string? Hostname { get; set; }

    public List<AsaInterface> Interfaces { get; } = [];

    public List<AsaRoute> Routes { get; } = [];

    public Dictionary<string, List<AclEntry>> AccessLists { get; } = new(StringComparer.Ordinal);

    public List<AccessGroup> AccessGroups { get; } = [];

    public List<AsaNat> Nats { get; } = [];

    public Dictionary<string, ClassMap> ClassMaps { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PolicyMap> PolicyMaps { get; } = new(StringComparer.Ordinal);

    public List<ServicePolicy> ServicePolicies { get; } = [];

    /// <summary>Line of `same-security-traffic permit inter-interface`, if present.</summary>
    public int? SameSecurityInter { get; set; }

    /// <summary>Line of `same-security-traffic permit intra-interface`, if present.</summary>
    public int? SameSecurityIntra { get; set; }

    /// <summary>Lines that define objects and groups, by name, so mapping can tell which definitions a modelled rule used.</summary>
    public Dictionary<string, IReadOnlyList<int>> DefinitionLines { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines that could not be read (a truncated file ends with one).</summary>
    public List<int> UnreadableLines { get; } = [];

    public AsaInterface? FindInterface(string nameif) => Interfaces.FirstOrDefault(i => i.Nameif == nameif);
}

/// <summary>An interface block: hardware name, and what makes it usable for traffic (nameif, level, address).</summary>
internal sealed class AsaInterface(string hardware, int line)
{
    public string Hardware { get; } = hardware;

    public int Line { get; } = line;

    public string? Nameif { get; set; }

    public int? SecurityLevel { get; set; }

    public Ipv4Prefix? Address { get; set; }

    public int? AddressLine { get; set; }

    /// <summary>The failover standby unit's address on this interface (`ip address A M standby S`).</summary>
    public Ipv4Address? Standby { get; set; }

    /// <summary>The address comes from DHCP or PPPoE: unknown to the import.</summary>
    public string? DynamicAddress { get; set; }

    public bool Shutdown { get; set; }

    public bool ManagementOnly { get; set; }

    /// <summary>Bundled into a port-channel or redundant interface: not free for a new nameif.</summary>
    public bool Bundled { get; set; }

    /// <summary>802.1Q VLAN of a sub-interface (`vlan N`) or of an `interface VlanN`.</summary>
    public int? Vlan { get; set; }

    /// <summary>ASA's default when no security-level is given: 100 for an interface named "inside", else 0.</summary>
    public int EffectiveSecurityLevel => SecurityLevel ?? (string.Equals(Nameif, "inside", StringComparison.OrdinalIgnoreCase) ? 100 : 0);
}

internal sealed record AsaRoute(int Line, string Interface, Ipv4Prefix Prefix, Ipv4Address Gateway, int Distance, bool Tracked, IReadOnlyList<string> Uses);

/// <summary>Addresses an access-list, object or group stands for. IPv6 and FQDN members are flagged, not modelled.</summary>
internal sealed record ResolvedAddresses(IReadOnlyList<Ipv4Prefix> Prefixes, bool HasIpv6 = false, bool HasFqdn = false)
{
    public static ResolvedAddresses Any { get; } = new([Ipv4Prefix.Default]);
}

/// <summary>An ICMP message an access-list entry matches: a type, and a code when the entry narrows it to one.</summary>
internal readonly record struct IcmpMatch(int Type, int? Code);

/// <summary>
/// One protocol-and-ports a rule matches: from the access-list line itself, or one member of a service object or
/// group. <see cref="ProtocolName"/> is the ASA keyword ("ip", "tcp", "gre"...); <see cref="Protocol"/> is the
/// model's protocol, or null for protocols the simulation never sends. Null ports or ICMP messages match any; an
/// empty list matches nothing the simulation sends (`lt 1`, `eq 0`).
/// </summary>
internal sealed record ServiceMatch(
    string ProtocolName,
    Protocol? Protocol,
    IReadOnlyList<PortRange>? SourcePorts,
    IReadOnlyList<PortRange>? DestinationPorts,
    IReadOnlyList<IcmpMatch>? Icmp)
{
    public static ServiceMatch Ip { get; } = new("ip", Domain.Model.Protocol.Any, null, null, null);
}

/// <summary>One `access-list NAME extended` line, its services and addresses resolved.</summary>
internal sealed record AclEntry(
    string Acl,
    int Line,
    string Text,
    AclAction Action,
    IReadOnlyList<ServiceMatch> Services,
    ResolvedAddresses Sources,
    ResolvedAddresses Destinations,
    bool Inactive,
    string? TimeRange,
    IReadOnlyList<string> Uses);

internal enum AccessGroupScope
{
    In,
    Out,
    Global,
}

internal sealed record AccessGroup(int Line, string Acl, AccessGroupScope Scope, string? Interface);

internal enum NatSection
{
    /// <summary>Twice (manual) NAT, before object NAT.</summary>
    Manual,

    /// <summary>Object NAT, ordered by the ASA: static before dynamic, then by specificity.</summary>
    Object,

    /// <summary>Twice NAT with after-auto: after object NAT.</summary>
    AfterAuto,
}

/// <summary>
/// One NAT statement, object or twice NAT, reduced to what the model can say: the interfaces, static or dynamic, the
/// real addresses, the mapped address (<see cref="MappedInterface"/> for "interface"), and a port translation.
/// Anything else the statement carries is in <see cref="NotModelled"/>. <see cref="NoProxyArp"/>: the firewall does
/// not answer ARP for the mapped address (`no-proxy-arp`); <see cref="Unidirectional"/>: a static rule translates
/// connections from the real side only (`unidirectional`).
/// </summary>
internal sealed record AsaNat(
    int Line,
    string Text,
    NatSection Section,
    string? RealInterface,
    string? MappedInterfaceName,
    bool Static,
    ResolvedAddresses Real,
    ResolvedAddresses? Mapped,
    bool MappedInterface,
    (Protocol Protocol, int RealPort, int MappedPort)? Service,
    string? NotModelled,
    bool Inactive,
    string? ObjectName,
    bool Identity,
    IReadOnlyList<string> Uses,
    bool NoProxyArp = false,
    bool Unidirectional = false);

/// <summary>A class-map and what it matches: an access list, the default inspection traffic, or everything (`match any`).</summary>
internal sealed record ClassMap(string Name, int Line, string? MatchAcl, bool InspectionDefault, bool MatchAny);

/// <summary>A policy-map: per class, the actions with their lines.</summary>
internal sealed record PolicyMap(string Name, int Line, IReadOnlyList<(string Class, int Line, IReadOnlyList<AsaLine> Actions)> Classes);

internal sealed record ServicePolicy(int Line, string Policy, string? Interface);
