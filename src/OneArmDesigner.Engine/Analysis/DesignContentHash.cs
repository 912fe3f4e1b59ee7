using System.Security.Cryptography;
using System.Text;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// A design's identity as far as analysis is concerned: the SHA-256 of its canonical document with the parts no
/// finding depends on (the design's name and description, where devices sit on the canvas) left out. The same design
/// gives the same hash however its JSON was spaced or ordered, so an unchanged save, a fork, a revision restore or a
/// device dragged across the canvas finds the analysis already done.
/// </summary>
public static class DesignContentHash
{
    public static string Of(Design design)
    {
        var essential = design with
        {
            Name = "",
            Description = null,
            Devices = [.. design.Devices.Select(d => d with { Position = default })],
        };
        var canonical = DesignDocument.Serialize(essential);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
