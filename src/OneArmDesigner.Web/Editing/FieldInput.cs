using System.Globalization;
using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Web.Editing;

/// <summary>A value read from a form field, or the reason it cannot be used, phrased for the person typing.</summary>
public readonly record struct Parsed<T>(T? Value, string? Problem)
{
    public bool Ok => Problem is null;

    public static Parsed<T> Fail(string problem) => new(default, problem);

    public static implicit operator Parsed<T>(T value) => new(value, null);
}

/// <summary>
/// Reads what people type into the properties panel. Every problem quotes the text and says what was expected, so
/// the field can show it as it stands.
/// </summary>
public static class FieldInput
{
    public static Parsed<Ipv4Prefix> Prefix(string? text)
    {
        var trimmed = (text ?? "").Trim();
        return Ipv4Prefix.TryParse(trimmed, out var prefix)
            ? prefix
            : Parsed<Ipv4Prefix>.Fail(trimmed.Length == 0 ? "Enter a subnet, for example 10.0.0.0/24." : $"'{trimmed}' is not an IPv4 prefix (for example 10.0.0.0/24).");
    }

    /// <summary>
    /// An interface's address with its prefix length (10.0.0.1/24: the host part matters), or nothing when the field
    /// is left empty, which clears it.
    /// </summary>
    public static Parsed<Ipv4Prefix?> InterfaceAddress(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return new Parsed<Ipv4Prefix?>(null, null);
        }

        return Ipv4Prefix.TryParse(trimmed, out var address)
            ? new Parsed<Ipv4Prefix?>(address, null)
            : Parsed<Ipv4Prefix?>.Fail($"'{trimmed}' is not an IPv4 prefix (for example 10.0.0.1/24).");
    }

    /// <summary>A prefix where a rule may match everything: "any" (or an empty field) means 0.0.0.0/0.</summary>
    public static Parsed<Ipv4Prefix> PrefixOrAny(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            return Ipv4Prefix.Default;
        }

        return Ipv4Prefix.TryParse(trimmed, out var prefix)
            ? prefix
            : Parsed<Ipv4Prefix>.Fail($"'{trimmed}' is not an IPv4 prefix (for example 10.0.0.0/24, or any).");
    }

    public static Parsed<Ipv4Address> Address(string? text)
    {
        var trimmed = (text ?? "").Trim();
        return Ipv4Address.TryParse(trimmed, out var address)
            ? address
            : Parsed<Ipv4Address>.Fail(trimmed.Length == 0 ? "Enter an address, for example 192.168.1.1." : $"'{trimmed}' is not an IPv4 address (for example 192.168.1.1).");
    }

    /// <summary>An address, or nothing when the field is left empty.</summary>
    public static Parsed<Ipv4Address?> OptionalAddress(string? text) => Optional(text, Address);

    public static Parsed<int> Port(string? text) => Number(text, 1, 65535, "a port");

    /// <summary>A port, or nothing when the field is left empty (any port).</summary>
    public static Parsed<int?> OptionalPort(string? text) => Optional(text, Port);

    public static Parsed<int> VlanId(string? text) => Number(text, 1, 4094, "a VLAN ID");

    /// <summary>The TTL a host's packets start with.</summary>
    public static Parsed<int> Ttl(string? text) => Number(text, 1, 255, "a TTL");

    /// <summary>An ICMP code narrowing an access-list entry's type, or nothing for any code.</summary>
    public static Parsed<int?> OptionalIcmpCode(string? text) => Optional(text, t => Number(t, 0, 255, "an ICMP code"));

    /// <summary>
    /// The ports an access-list entry matches, as a person or an ASA configuration writes them: "80", "1024-65535",
    /// "eq 80", "lt 1024", "gt 1023" or "range 5000 5010"; nothing (any port) for an empty field.
    /// </summary>
    public static Parsed<PortRange?> PortMatch(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return new Parsed<PortRange?>(null, null);
        }

        var words = trimmed.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        var operatorWord = words[0].ToLowerInvariant();
        if (operatorWord == "neq")
        {
            return Parsed<PortRange?>.Fail($"'{trimmed}' needs two entries with the same action: one for the ports below it, one for those above.");
        }

        var numbers = operatorWord is "eq" or "lt" or "gt" or "range" ? words[1..] : words;
        var ports = new List<int>();
        foreach (var word in numbers)
        {
            if (!int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < PortRange.Lowest or > PortRange.Highest)
            {
                return PortMatchProblem(trimmed);
            }

            ports.Add(port);
        }

        PortRange? range = operatorWord switch
        {
            "lt" when ports is [var below] && below > PortRange.Lowest => new PortRange(PortRange.Lowest, below - 1),
            "gt" when ports is [var above] && above < PortRange.Highest => new PortRange(above + 1, PortRange.Highest),
            "eq" when ports is [var port] => new PortRange(port, port),
            "range" when ports is [var from, var to] && from <= to => new PortRange(from, to),
            "lt" or "gt" or "eq" or "range" => null,
            _ when ports is [var port] => new PortRange(port, port),
            _ when ports is [var from, var to] && from <= to => new PortRange(from, to),
            _ => null,
        };
        return range is null ? PortMatchProblem(trimmed) : new Parsed<PortRange?>(range, null);
    }

    /// <summary>Ports as the form shows them to be typed again: "80" or "1024-65535".</summary>
    public static string Show(PortRange? ports) => ports switch
    {
        null => "",
        { IsSinglePort: true } single => single.From.ToString(CultureInfo.InvariantCulture),
        { } range => $"{range.From.ToString(CultureInfo.InvariantCulture)}-{range.To.ToString(CultureInfo.InvariantCulture)}",
    };

    public static Parsed<int> SecurityLevel(string? text) => Number(text, 0, 100, "a security level");

    /// <summary>A side of a note or an area, in canvas units.</summary>
    public static Parsed<int> AnnotationSide(string? text) =>
        Number(text, (int)Annotation.MinSide, (int)Annotation.MaxSide, "a size");

    /// <summary>What a note or an area says: not empty, not longer than an annotation holds.</summary>
    public static Parsed<string> AnnotationText(string? text)
    {
        var trimmed = (text ?? "").Trim();
        return trimmed.Length == 0
            ? Parsed<string>.Fail("Write what it says.")
            : trimmed.Length > Annotation.MaxText
                ? Parsed<string>.Fail($"That is {trimmed.Length} characters; a note or area holds at most {Annotation.MaxText}.")
                : trimmed;
    }

    /// <summary>Ports separated by commas or spaces ("3389, 443"); duplicates are dropped, order kept.</summary>
    public static Parsed<IReadOnlyList<int>> PortList(string? text)
    {
        var ports = new List<int>();
        foreach (var item in Items(text))
        {
            var port = Port(item);
            if (!port.Ok)
            {
                return Parsed<IReadOnlyList<int>>.Fail(port.Problem!);
            }

            if (!ports.Contains(port.Value))
            {
                ports.Add(port.Value);
            }
        }

        return ports;
    }

    /// <summary>Subnets separated by commas or spaces; each is kept as its network ("10.0.0.1/24" → 10.0.0.0/24).</summary>
    public static Parsed<IReadOnlyList<Ipv4Prefix>> PrefixList(string? text)
    {
        var prefixes = new List<Ipv4Prefix>();
        foreach (var item in Items(text))
        {
            var prefix = Prefix(item);
            if (!prefix.Ok)
            {
                return Parsed<IReadOnlyList<Ipv4Prefix>>.Fail(prefix.Problem!);
            }

            if (!prefixes.Contains(prefix.Value.Network))
            {
                prefixes.Add(prefix.Value.Network);
            }
        }

        return prefixes;
    }

    public static string Show(IEnumerable<int> ports) => string.Join(", ", ports);

    public static string Show(IEnumerable<Ipv4Prefix> prefixes) => string.Join(", ", prefixes);

    /// <summary>Nothing for an empty field; otherwise what <paramref name="read"/> makes of the text.</summary>
    private static Parsed<T?> Optional<T>(string? text, Func<string?, Parsed<T>> read)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Parsed<T?>(null, null);
        }

        var parsed = read(text);
        return new Parsed<T?>(parsed.Ok ? parsed.Value : null, parsed.Problem);
    }

    private static Parsed<PortRange?> PortMatchProblem(string text) =>
        Parsed<PortRange?>.Fail($"'{text}' is not a port or range; write 80, 1024-65535, lt 1024, gt 1023 or range 5000 5010.");

    private static IEnumerable<string> Items(string? text) =>
        (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Parsed<int> Number(string? text, int min, int max, string what)
    {
        var trimmed = (text ?? "").Trim();
        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : Parsed<int>.Fail(trimmed.Length == 0 ? $"Enter {what} ({min} to {max})." : $"'{trimmed}' is not {what}; use a whole number from {min} to {max}.");
    }
}
