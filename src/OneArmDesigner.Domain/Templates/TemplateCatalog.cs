using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Domain.Templates;

/// <summary>Every template the product ships, by name.</summary>
public static class TemplateCatalog
{
    private static readonly TemplateFlow SeedRdp = new("LaptopA", "LaptopB", Protocol.Tcp, 3389);

    public static IReadOnlyList<DesignTemplate> All { get; } =
    [
        new(SeedTemplates.AsymmetricName, "One-armed concentrator on the hosts' subnet (broken)",
            "MX80-B shares LaptopB's subnet behind the ASA: the SYN arrives through the tunnel, the SYN-ACK dies at the ASA (asymmetric routing).",
            SeedRdp, SeedTemplates.Asymmetric),
        new(SeedTemplates.TransitVlanName, "One-armed concentrator on a transit VLAN (fixed)",
            "MX80-B moves to a transit VLAN with the ASA, so the ASA sees both directions and the RDP handshake completes.",
            SeedRdp, SeedTemplates.TransitVlan),
    ];

    public static DesignTemplate? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    public static string KnownNames => string.Join(", ", All.Select(t => t.Name));
}
