using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Forwarding;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>
/// What one hop did that the analysis needs: in which roles the device read the pair's two addresses (each header
/// the packet had while the device routed it), whether it had the packet in clear, and whether it decapsulated it.
/// </summary>
internal sealed class HopWatch : IHopObserver
{
    private uint _source;
    private uint _destination;

    /// <summary>Roles (bit 1: source, bit 2: destination) in which the pair's source address was read.</summary>
    public int SourceRoles { get; private set; }

    public int DestinationRoles { get; private set; }

    public bool InClear { get; private set; }

    public bool Decapsulated { get; private set; }

    public void Begin(uint source, uint destination)
    {
        (_source, _destination) = (source, destination);
        SourceRoles = DestinationRoles = 0;
        InClear = Decapsulated = false;
    }

    public void Saw(StepAction action, Packet before, Packet after)
    {
        Read(before.Routed);
        Read(after.Routed);
        InClear |= !before.IsEncapsulated || !after.IsEncapsulated;
        Decapsulated |= action == StepAction.Decapsulate;
    }

    private void Read(PacketHeader header)
    {
        Mark(header.Source.Value, RoleBit(AddressRole.Source));
        Mark(header.Destination.Value, RoleBit(AddressRole.Destination));
    }

    private void Mark(uint address, int role)
    {
        if (address == _source)
        {
            SourceRoles |= role;
        }
        else if (address == _destination)
        {
            DestinationRoles |= role;
        }
    }

    public static int RoleBit(AddressRole role) => 1 << (int)role;

    public static bool Has(int roles, AddressRole role) => (roles & RoleBit(role)) != 0;
}
