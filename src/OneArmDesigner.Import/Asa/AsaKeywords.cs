using System.Globalization;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Asa;

/// <summary>The ASA's names for ports and protocols, as `show running-config` prints them.</summary>
internal static class AsaKeywords
{
    private static readonly Dictionary<string, int> Ports = new(StringComparer.OrdinalIgnoreCase)
    {
        ["echo"] = 7, ["discard"] = 9, ["daytime"] = 13, ["chargen"] = 19, ["ftp-data"] = 20, ["ftp"] = 21, ["ssh"] = 22,
        ["telnet"] = 23, ["smtp"] = 25, ["time"] = 37, ["nameserver"] = 42, ["whois"] = 43, ["tacacs"] = 49, ["domain"] = 53,
        ["bootps"] = 67, ["bootpc"] = 68, ["tftp"] = 69, ["gopher"] = 70, ["finger"] = 79, ["www"] = 80, ["http"] = 80,
        ["kerberos"] = 88, ["hostname"] = 101, ["pop2"] = 109, ["pop3"] = 110, ["sunrpc"] = 111, ["ident"] = 113,
        ["nntp"] = 119, ["ntp"] = 123, ["netbios-ns"] = 137, ["netbios-dgm"] = 138, ["netbios-ssn"] = 139, ["imap4"] = 143,
        ["snmp"] = 161, ["snmptrap"] = 162, ["xdmcp"] = 177, ["bgp"] = 179, ["irc"] = 194, ["dnsix"] = 195, ["ldap"] = 389,
        ["mobile-ip"] = 434, ["https"] = 443, ["pim-auto-rp"] = 496, ["isakmp"] = 500, ["biff"] = 512, ["exec"] = 512,
        ["login"] = 513, ["who"] = 513, ["rsh"] = 514, ["cmd"] = 514, ["syslog"] = 514, ["lpd"] = 515, ["talk"] = 517,
        ["rip"] = 520, ["uucp"] = 540, ["klogin"] = 543, ["kshell"] = 544, ["rtsp"] = 554, ["ldaps"] = 636,
        ["kerberos-adm"] = 749, ["lotusnotes"] = 1352, ["citrix-ica"] = 1494, ["sqlnet"] = 1521, ["radius"] = 1645,
        ["radius-acct"] = 1646, ["h323"] = 1720, ["pptp"] = 1723, ["nfs"] = 2049, ["ctiqbe"] = 2748, ["cifs"] = 3020,
        ["sip"] = 5060, ["aol"] = 5190, ["secureid-udp"] = 5510, ["pcanywhere-data"] = 5631, ["pcanywhere-status"] = 5632,
        ["vxlan"] = 4789,
    };

    private static readonly Dictionary<string, Protocol?> Protocols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ip"] = Protocol.Any, ["0"] = Protocol.Any, ["tcp"] = Protocol.Tcp, ["6"] = Protocol.Tcp, ["udp"] = Protocol.Udp,
        ["17"] = Protocol.Udp, ["icmp"] = Protocol.Icmp, ["1"] = Protocol.Icmp,
    };

    private static readonly HashSet<string> OtherProtocols = new(StringComparer.OrdinalIgnoreCase)
    {
        "ah", "eigrp", "esp", "gre", "icmp6", "igmp", "igrp", "ipinip", "ipsec", "nos", "ospf", "pcp", "pim", "pptp", "sctp", "snp",
    };

    /// <summary>A port number or ASA port name; null if it is neither.</summary>
    public static int? Port(string word) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 65535
            ? number
            : Ports.TryGetValue(word, out var named) ? named : null;

    /// <summary>An ICMP type number (0-255) or the ASA's keyword for one ("echo-reply"); null if it is neither.</summary>
    public static int? IcmpType(string word)
    {
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number <= 255 ? number : null;
        }

        foreach (var (type, keyword) in IcmpTypes.Keywords)
        {
            if (string.Equals(keyword, word, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>Whether the word is a protocol keyword or number the ASA accepts in an access-list.</summary>
    public static bool IsProtocol(string word) =>
        Protocols.ContainsKey(word) || OtherProtocols.Contains(word) || (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 255);

    /// <summary>The model's protocol for a keyword: null for protocols the simulation never sends (gre, esp...).</summary>
    public static Protocol? ModelProtocol(string word) => Protocols.TryGetValue(word, out var protocol) ? protocol : null;

    /// <summary>The ASA's spelling of a model protocol in an access-list.</summary>
    public static string Keyword(Protocol protocol) => protocol == Protocol.Any ? "ip" : protocol.ToJsonName();

    /// <summary>A port as `show running-config` prints it: the ASA's name where it has one (80 is "www").</summary>
    public static string PortName(int port) => port switch
    {
        22 => "ssh",
        23 => "telnet",
        25 => "smtp",
        53 => "domain",
        80 => "www",
        123 => "ntp",
        443 => "https",
        500 => "isakmp",
        _ => port.ToString(CultureInfo.InvariantCulture),
    };
}
