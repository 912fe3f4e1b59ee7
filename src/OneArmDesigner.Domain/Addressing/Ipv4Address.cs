using System.Diagnostics.CodeAnalysis;

namespace OneArmDesigner.Domain.Addressing;

/// <summary>An IPv4 address held as a 32-bit number, so comparisons and masks cost nothing.</summary>
public readonly record struct Ipv4Address(uint Value) : IComparable<Ipv4Address>
{
    public static Ipv4Address Any { get; } = new(0);

    public static Ipv4Address Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not an IPv4 address");

    /// <summary>Accepts exactly four decimal octets 0-255 separated by dots; nothing else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Ipv4Address address)
    {
        address = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        uint value = 0;
        var octets = 0;
        var octet = -1;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (octet < 0 || ++octets > 3)
                {
                    return false;
                }

                value = (value << 8) | (uint)octet;
                octet = -1;
            }
            else if (c is >= '0' and <= '9')
            {
                octet = octet < 0 ? c - '0' : (octet * 10) + (c - '0');
                if (octet > 255)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        if (octet < 0 || octets != 3)
        {
            return false;
        }

        address = new Ipv4Address((value << 8) | (uint)octet);
        return true;
    }

    /// <summary>RFC 1918 private space plus loopback, link-local and shared address space: never routed on the Internet.</summary>
    public bool IsPrivate =>
        (Value & 0xFF000000) == 0x0A000000 // 10.0.0.0/8
        || (Value & 0xFFF00000) == 0xAC100000 // 172.16.0.0/12
        || (Value & 0xFFFF0000) == 0xC0A80000 // 192.168.0.0/16
        || (Value & 0xFF000000) == 0x7F000000 // 127.0.0.0/8
        || (Value & 0xFFFF0000) == 0xA9FE0000 // 169.254.0.0/16
        || (Value & 0xFFC00000) == 0x64400000; // 100.64.0.0/10

    public int CompareTo(Ipv4Address other) => Value.CompareTo(other.Value);

    public override string ToString() => $"{Value >> 24}.{(Value >> 16) & 0xFF}.{(Value >> 8) & 0xFF}.{Value & 0xFF}";
}
