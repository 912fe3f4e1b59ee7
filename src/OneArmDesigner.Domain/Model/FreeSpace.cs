using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Domain.Model;

/// <summary>
/// What a design has not used yet, for whatever adds to it (the designer, pasting, fixes): a spot on the canvas where
/// a new device hides no other, a VLAN id, a host address in a subnet.
/// </summary>
public static class FreeSpace
{
    /// <summary>Canvas units a device's icon keeps clear around its corner: two closer than this overlap.</summary>
    public const double Footprint = 56;

    /// <summary>How far each try moves away from the wanted spot, down and to the right: more than a footprint, on the grid.</summary>
    public const double Step = 60;

    private const int Tries = 200;

    /// <summary>Whether a device placed at <paramref name="at"/> would overlap none of the design's devices.</summary>
    public static bool IsFree(Design design, Position at) =>
        design.Devices.All(d => Math.Abs(d.Position.X - at.X) >= Footprint || Math.Abs(d.Position.Y - at.Y) >= Footprint);

    /// <summary>The wanted spot if it is free, otherwise the first free one stepping away from it diagonally.</summary>
    public static Position Near(Design design, Position wanted)
    {
        for (var k = 0; k < Tries; k++)
        {
            var at = new Position(wanted.X + (k * Step), wanted.Y + (k * Step));
            if (IsFree(design, at))
            {
                return at;
            }
        }

        return wanted;
    }

    /// <summary>
    /// The smallest diagonal offset (a multiple of <see cref="Step"/>, at least one) at which copies of these positions
    /// hide none of the design's devices, as a paste needs.
    /// </summary>
    public static double OffsetFor(Design design, IReadOnlyCollection<Position> copies)
    {
        for (var k = 1; k < Tries; k++)
        {
            var offset = k * Step;
            if (copies.All(p => IsFree(design, new Position(p.X + offset, p.Y + offset))))
            {
                return offset;
            }
        }

        return Step;
    }

    /// <summary>A VLAN id no VLAN of the design uses: ten past the highest (10, 20, 30...), or the lowest free one past 4094.</summary>
    public static int VlanId(Design design)
    {
        var used = design.Devices.Select(d => d.Vlan?.VlanId).OfType<int>().ToHashSet();
        var next = (used.DefaultIfEmpty(0).Max() / 10 * 10) + 10;
        return next <= 4094 ? next : Enumerable.Range(1, 4094).FirstOrDefault(id => !used.Contains(id), 4094);
    }

    /// <summary>The lowest host address of the subnet that no interface of the design has, if any is left.</summary>
    public static Ipv4Address? Address(Design design, Ipv4Prefix subnet)
    {
        var used = design.Devices.SelectMany(d => d.Interfaces).Select(i => i.Address?.Address.Value).OfType<uint>().ToHashSet();
        var network = subnet.Network.Address.Value;
        var size = subnet.Length >= 31 ? 0u : (1u << (32 - subnet.Length)) - 2;
        for (var host = 1u; host <= size && host <= 65_534; host++)
        {
            if (!used.Contains(network + host))
            {
                return new Ipv4Address(network + host);
            }
        }

        return null;
    }
}
