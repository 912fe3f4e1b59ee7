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
