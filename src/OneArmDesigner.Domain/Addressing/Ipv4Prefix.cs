using System.Diagnostics.CodeAnalysis;

namespace OneArmDesigner.Domain.Addressing;

/// <summary>
/// An address with a prefix length, as written on an interface ("10.0.0.2/24"): it keeps the host address and
/// knows its network. Used for routes and subnets too, where the address is the network itself.
/// </summary>
public readonly record struct Ipv4Prefix(Ipv4Address Address, int Length)
{
    public static Ipv4Prefix Default { get; } = new(Ipv4Address.Any, 0);

    public uint Mask => Length == 0 ? 0u : uint.MaxValue << (32 - Length);

    /// <summary>The network this prefix covers, with host bits cleared.</summary>
    public Ipv4Prefix Network => new(new Ipv4Address(Address.Value & Mask), Length);

    /// <summary>True when the address carries host bits (an interface address rather than a network).</summary>
    public bool IsHostAddress => (Address.Value & ~Mask) != 0;

    public bool Contains(Ipv4Address address) => (address.Value & Mask) == (Address.Value & Mask);

    public bool Contains(Ipv4Prefix other) => other.Length >= Length && Contains(other.Address);

    public bool Overlaps(Ipv4Prefix other) => Contains(other) || other.Contains(this);

    public static Ipv4Prefix Parse(string text) =>
        TryParse(text, out var prefix) ? prefix : throw new FormatException($"'{text}' is not an IPv4 prefix");

    /// <summary>Accepts "a.b.c.d/n" with n from 0 to 32.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Ipv4Prefix prefix)
    {
        prefix = default;
        var slash = text?.IndexOf('/') ?? -1;
        if (slash <= 0 || !Ipv4Address.TryParse(text![..slash], out var address))
        {
            return false;
        }

        var lengthText = text[(slash + 1)..];
        if (lengthText.Length is 0 or > 2 || !lengthText.All(char.IsAsciiDigit) || !int.TryParse(lengthText, out var length) || length > 32)
        {
            return false;
        }

        prefix = new Ipv4Prefix(address, length);
        return true;
    }

    public override string ToString() => $"{Address}/{Length}";
}
