namespace OneArmDesigner.Domain.Model;

/// <summary>The ports a host or server answers on; a SYN to any other TCP port is answered with a RST.</summary>
public sealed record HostSettings(IReadOnlyList<int> TcpPorts, IReadOnlyList<int> UdpPorts)
{
    public static HostSettings None { get; } = new([], []);
}
