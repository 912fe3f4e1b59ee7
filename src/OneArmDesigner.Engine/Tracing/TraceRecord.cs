using System.Diagnostics;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Tracing;

/// <summary>
/// A device a packet entered, by which interface, where its other steps start, and the step it began with (a send or
/// a receive, on the packet as it entered), kept here rather than among the steps since nearly every hop has one.
/// </summary>
/// <param name="Place">
/// Where the packet entered, in one reference so that a hop takes 16 bytes: the device's name when it entered by no
/// interface (at its origin, or the Internet), else the segment member it entered by (device and interface).
/// </param>
/// <param name="EntryKind">Null for a hop that began otherwise (one that found the packet looping only drops it).</param>
internal readonly record struct RecordedHop(object Place, int FirstStep, ushort EnteredPacket = 0, StepKind? EntryKind = null)
{
    public string Device => Place as string ?? ((Attachment)Place).Device;

    public string? Ingress => (Place as Attachment)?.Interface;

    /// <summary>
    /// The place for a hop: the walk's own segment member when it has one; a member made for the occasion when a walk
    /// resumed by name enters by an interface (the analysis does, once per resumed hop).
    /// </summary>
    public static object PlaceOf(string device, string? ingress, Attachment? arrival)
    {
        Debug.Assert(arrival is null || (arrival.Device == device && arrival.Interface == ingress), "The arrival is the hop's device and ingress.");
        return (object?)arrival ?? (ingress is null ? device : new Attachment(device, ingress, null, -1));
    }

    /// <summary>The hop's first step as the trace tells it.</summary>
    public StepFacts Entry => StepFacts.Entering(EntryKind!.Value, EnteredPacket);

    /// <summary>Where the hop's steps are, the entry step counting as one.</summary>
    public int StepCount(int end) => (EntryKind is null ? 0 : 1) + end - FirstStep;
}

/// <summary>
/// One packet's walk, stored compactly: a step is a small struct and each distinct state of the packet is kept once,
/// however many steps saw it. <see cref="Step"/> and <see cref="Hop"/> objects are only made for a reader. A struct,
/// kept inside its <see cref="PacketTrace"/>: one object fewer per packet.
/// </summary>
internal readonly struct TraceRecord(RecordedHop[] hops, StepFacts[] steps, Packet[] packets)
{
    /// <summary>The packet as the last step left it (as the destination received it, when delivered).</summary>
    public Packet FinalPacket => FinalPacketOf(hops, steps, packets);

    /// <summary>The packet as the last of these steps left it: the last hop's entry when that hop has no other step.</summary>
    internal static Packet FinalPacketOf(ReadOnlySpan<RecordedHop> hops, ReadOnlySpan<StepFacts> steps, ReadOnlySpan<Packet> packets) =>
        hops[^1] is { EntryKind: not null } last && last.FirstStep == steps.Length
            ? packets[last.EnteredPacket]
            : packets[steps[^1].After];

    public string LastDevice => hops[^1].Device;

    public bool Visited(string device)
    {
        foreach (var hop in hops)
        {
            if (hop.Device == device)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The devices where some step had the packet unencrypted, before or after it.</summary>
    public HashSet<string> DevicesInClear()
    {
        var devices = new List<string>();
        CollectDevicesInClear(hops, steps, packets, devices);
        return new HashSet<string>(devices, StringComparer.Ordinal);
    }

    /// <summary>What the analysis reads of this packet's path, into <paramref name="facts"/>.</summary>
    public void ReadInto(PathFacts facts) => facts.Read(hops, steps, packets);

    /// <summary>
    /// The devices in clear of a record, or of a recorder's buffers before they are copied into one, into
    /// <paramref name="devices"/> (cleared first), each once, in the order the packet reached them: a path has a few
    /// devices, so a list searched in order is cheaper than a set for the analysis, which asks this of every pair.
    /// </summary>
    internal static void CollectDevicesInClear(ReadOnlySpan<RecordedHop> hops, ReadOnlySpan<StepFacts> steps, ReadOnlySpan<Packet> packets,
        List<string> devices)
    {
        devices.Clear();
        for (var h = 0; h < hops.Length; h++)
        {
            if (InClearOn(hops, steps, packets, h) && !devices.Contains(hops[h].Device))
            {
                devices.Add(hops[h].Device);
            }
        }
    }

    /// <summary>The devices that took <paramref name="action"/> with the packet, into <paramref name="devices"/> (cleared first), in order.</summary>
    internal static void CollectDevicesTaking(StepAction action, ReadOnlySpan<RecordedHop> hops, ReadOnlySpan<StepFacts> steps, List<string> devices)
    {
        devices.Clear();
        for (var h = 0; h < hops.Length; h++)
        {
            var end = StepsEnd(hops, h, steps.Length);
            var took = hops[h].EntryKind is not null && hops[h].Entry.Action == action;
            for (var s = hops[h].FirstStep; s < end && !took; s++)
            {
                took = steps[s].Action == action;
            }

            if (took)
            {
                devices.Add(hops[h].Device);
            }
        }
    }

    /// <summary>Where hop <paramref name="h"/>'s steps end: where the next hop's begin, or at the last step.</summary>
    private static int StepsEnd(ReadOnlySpan<RecordedHop> hops, int h, int stepCount) =>
        h + 1 < hops.Length ? hops[h + 1].FirstStep : stepCount;

    private static bool InClearOn(ReadOnlySpan<RecordedHop> hops, ReadOnlySpan<StepFacts> steps, ReadOnlySpan<Packet> packets, int h)
    {
        if (hops[h].EntryKind is not null && !packets[hops[h].EnteredPacket].IsEncapsulated)
        {
            return true;
        }

        var end = StepsEnd(hops, h, steps.Length);
        for (var s = hops[h].FirstStep; s < end; s++)
        {
            if (!packets[steps[s].Before].IsEncapsulated || !packets[steps[s].After].IsEncapsulated)
            {
                return true;
            }
        }

        return false;
    }

    public Hop[] BuildHops()
    {
        var built = new Hop[hops.Length];
        for (var h = 0; h < hops.Length; h++)
        {
            var hop = hops[h];
            var end = StepsEnd(hops, h, steps.Length);
            var hopSteps = new Step[hop.StepCount(end)];
            var first = 0;
            if (hop.EntryKind is not null)
            {
                var entered = packets[hop.EnteredPacket];
                hopSteps[first++] = new Step(hop.Device, hop.Ingress, entered, entered, hop.Entry);
            }

            for (var s = first; s < hopSteps.Length; s++)
            {
                var step = steps[hop.FirstStep + s - first];
                hopSteps[s] = new Step(hop.Device, hop.Ingress, packets[step.Before], packets[step.After], step);
            }

            built[h] = new Hop(hop.Device, hopSteps);
        }

        return built;
    }
}
