namespace OneArmDesigner.Domain.Model;

/// <summary>Transport protocols the simulation knows. <see cref="Any"/> is only meaningful in rules.</summary>
public enum Protocol
{
    Tcp,
    Udp,
    Icmp,
    Any,
}

public static class Protocols
{
    public static string ToJsonName(this Protocol protocol) => protocol.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out Protocol protocol)
    {
        foreach (var candidate in Enum.GetValues<Protocol>())
        {
            if (candidate.ToJsonName() == name)
            {
                protocol = candidate;
                return true;
            }
        }

        protocol = default;
        return false;
    }

    public static bool Matches(this Protocol rule, Protocol packet) => rule == Protocol.Any || rule == packet;
}
