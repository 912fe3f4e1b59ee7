using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Domain.Templates;

/// <summary>
/// A generated LAN of look-alike PCs (10.1.0.0/16) behind one router, with a server listening on 443 on a second LAN:
/// the network cannot tell the PCs apart, so they make one endpoint class however many there are. For tests and
/// benchmarks of designs with very many hosts; the PCs are laid out in rows.
/// </summary>
public static class FlatLan
{
    public const string Server = "S";

    public static Design Generate(int pcs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pcs, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pcs, 60_000);
        var builder = new DesignBuilder($"flat LAN of {pcs}")
            .Vlan("LAN1", 1, "10.1.0.0/16", 0, 100).Vlan("LAN2", 2, "10.2.0.0/24", 200, 100)
            .Router("R1", 100, 0, ("g0", "10.1.0.1/16"), ("g1", "10.2.0.1/24"))
            .Server(Server, "10.2.0.20/24", "10.2.0.1", 200, 200, 443)
            .Link("R1:g0", "LAN1").Link("R1:g1", "LAN2").Link($"{Server}:eth0", "LAN2");
        for (var i = 0; i < pcs; i++)
        {
            builder.Host($"PC-{i}", $"10.1.{(i + 10) / 250}.{((i + 10) % 250) + 2}/16", "10.1.0.1", (i % 100) * 80, 300 + ((i / 100) * 80))
                .Link($"PC-{i}:eth0", "LAN1");
        }

        return builder.Build();
    }
}
