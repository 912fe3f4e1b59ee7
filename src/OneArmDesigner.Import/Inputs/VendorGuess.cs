using System.Text.RegularExpressions;

namespace OneArmDesigner.Import.Inputs;

/// <summary>
/// Tells whether a text is a Cisco ASA running-config, and if it is not, what it looks like instead, naming the line
/// that gave it away: "looks like a Juniper Junos configuration (line 3: `set system host-name r1`)".
/// </summary>
internal static partial class VendorGuess
{
    private sealed record Signal(string Vendor, Regex Pattern, bool Strong = false);

    // Lines only an ASA writes (Strong), and lines typical of it; then lines typical of other vendors.
    private static readonly Signal[] Signals =
    [
        new("Cisco ASA", AsaVersion(), Strong: true),
        new("Cisco ASA", new Regex(@"^\s+(nameif|security-level)\s", RegexOptions.Compiled), Strong: true),
        new("Cisco ASA", new Regex(@"^same-security-traffic permit", RegexOptions.Compiled), Strong: true),
        new("Cisco ASA", new Regex(@"^(access-group \S+ (in|out) interface|access-list \S+ extended|object network |nat \(|route \S+ \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+|(ssh|http|telnet) \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+ \S+$|Cryptochecksum:|: Saved|names$)", RegexOptions.Compiled)),
        new("Cisco IOS", new Regex(@"^(version 1\d\.\d|ip route |line (vty|con) |service timestamps|ip access-list (extended|standard) |ip routing|boot-start-marker|ip cef|no ip domain.lookup|ip (ssh|domain.name) |switchport mode |spanning-tree )", RegexOptions.Compiled)),
        new("Cisco IOS", new Regex(@"^\s+(ip ospf |ip nat (inside|outside)|ip access-group |switchport |ip helper-address )", RegexOptions.Compiled)),
        new("Cisco NX-OS", new Regex(@"^(!Command: show running-config|feature \S+|vrf context )", RegexOptions.Compiled)),
        new("Arista EOS", new Regex(@"^! (device: .*\(DCS-|boot system flash:.*EOS)", RegexOptions.Compiled)),
        new("Juniper Junos", new Regex(@"^(set (system|interfaces|security|routing-options|protocols) |## Last commit|system \{|interfaces \{|security \{)", RegexOptions.Compiled)),
        new("Fortinet FortiOS", new Regex(@"^(#config-version=|config (system|firewall|router) )", RegexOptions.Compiled)),
        new("Palo Alto PAN-OS", new Regex(@"^(<config |set deviceconfig )", RegexOptions.Compiled)),
        new("MikroTik RouterOS", new Regex(@"^(/(ip|interface|system|routing) |# .* by RouterOS)", RegexOptions.Compiled)),
        new("Linux iptables", new Regex(@"^(\*(filter|nat|mangle)$|-A (INPUT|OUTPUT|FORWARD|PREROUTING|POSTROUTING) |:(INPUT|FORWARD|OUTPUT) (ACCEPT|DROP))", RegexOptions.Compiled)),
        new("Check Point Gaia", new Regex(@"^set (interface|static-route|hostname) ", RegexOptions.Compiled)),
    ];

    /// <summary>Null when the text reads as an ASA configuration; otherwise why not.</summary>
    public static string? NotAsa(string text, IReadOnlyList<string> lines)
    {
        var start = text.TrimStart();
        if (start.StartsWith('{') || start.StartsWith('['))
        {
            return start.Contains("\"/organizations/", StringComparison.Ordinal) || start.Contains("\"/networks/", StringComparison.Ordinal)
                ? "is a Meraki Dashboard file, not an ASA configuration; give it with --meraki (or as the Meraki file in the app)"
                : start.Contains("\"schemaVersion\"", StringComparison.Ordinal)
                    ? "is a OneArmDesigner design document, not an ASA configuration; open it with --design (or Import on the designs page)"
                    : "is a JSON document, not an ASA configuration (`show running-config` text)";
        }

        if (start.StartsWith('<'))
        {
            return start.StartsWith("<config", StringComparison.Ordinal)
                ? "looks like a Palo Alto PAN-OS configuration (XML), not an ASA configuration"
                : "is an XML document, not an ASA configuration (`show running-config` text)";
        }

        for (var i = 0; i < Math.Min(lines.Count, 50); i++)
        {
            if (ShowAccessList().IsMatch(lines[i]))
            {
                return $"is the output of `show access-list` (line {i + 1}: `{lines[i].Trim()}`), not of `show running-config`; give the running configuration";
            }
        }

        var asa = 0;
        var other = new Dictionary<string, (int Count, int FirstLine)>();
        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var signal in Signals)
            {
                if (!signal.Pattern.IsMatch(lines[i]))
                {
                    continue;
                }

                if (signal.Vendor == "Cisco ASA")
                {
                    if (signal.Strong)
                    {
                        return null;
                    }

                    asa++;
                }
                else
                {
                    other[signal.Vendor] = other.TryGetValue(signal.Vendor, out var seen) ? (seen.Count + 1, seen.FirstLine) : (1, i);
                }

                break;
            }
        }

        if (other.Count > 0 && other.Values.Max(v => v.Count) > asa)
        {
            var (vendor, (_, line)) = other.OrderByDescending(o => o.Value.Count).First();
            return $"looks like a {vendor} configuration (line {line + 1}: `{lines[line].Trim()}`), not a Cisco ASA configuration; this importer reads ASA 9.x `show running-config`";
        }

        return asa > 0 || lines.Any(l => l.StartsWith("hostname ", StringComparison.Ordinal) || l.StartsWith("interface ", StringComparison.Ordinal))
            ? null
            : "does not look like a Cisco ASA configuration: none of its lines is an ASA command (hostname, interface, nameif, route, access-list...)";
    }

    [GeneratedRegex(@"^\s*(ASA|PIX|FWSM) Version \d")]
    private static partial Regex AsaVersion();

    [GeneratedRegex(@"^\s*access-list (cached ACL log flows|\S+; \d+ elements|\S+ line \d+ )")]
    private static partial Regex ShowAccessList();
}
