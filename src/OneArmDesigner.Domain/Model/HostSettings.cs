namespace OneArmDesigner.Domain.Model;

/// <summary>
/// The ports a host or server answers on (a SYN to any other TCP port is answered with a RST, a UDP datagram with an
/// ICMP port unreachable), and the TTL its packets start with: 64 for Linux and macOS, 128 for Windows.
/// </summary>
public sealed record HostSettings(IReadOnlyList<int> TcpPorts, IReadOnlyList<int> UdpPorts, int InitialTtl = HostSettings.DefaultTtl)
{
    public const int DefaultTtl = 64;

    public static HostSettings None { get; } = new([], []);
}
