using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Tests.Scenarios;

/// <summary>
/// Look-alike PCs on one LAN, a router, and a server listening on 443 on a second LAN: the network cannot tell the PCs
/// apart, so they form one endpoint class however many there are.
/// </summary>
internal static class FlatLan
{
    public static Design Of(int pcs)
    {
        var builder = new DesignBuilder("flat LAN")
            .Vlan("LAN1", 1, "10.1.0.0/16").Vlan("LAN2", 2, "10.2.0.0/24")
            .Router("R1", 0, 0, ("g0", "10.1.0.1/16"), ("g1", "10.2.0.1/24"))
            .Server("S", "10.2.0.20/24", "10.2.0.1", tcpPorts: 443)
            .Link("R1:g0", "LAN1").Link("R1:g1", "LAN2").Link("S:eth0", "LAN2");
        for (var i = 0; i < pcs; i++)
        {
            builder.Host($"PC-{i}", $"10.1.{(i + 10) / 250}.{((i + 10) % 250) + 2}/16", "10.1.0.1").Link($"PC-{i}:eth0", "LAN1");
        }

        return builder.Build();
    }
}
