using OneArmDesigner.Engine.Tracing;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Components.Playback;

/// <summary>
/// Where a walkthrough stands: the trace's steps as events, the selected step, and what can be derived from them
/// (the connection tables as they stood at that step, the packets seen so far). Pure state, so it is tested alone.
/// </summary>
public sealed class PlaybackState
{
    public PlaybackState(ExchangeResult result)
    {
        Result = result;
        Steps = [.. TraceEvents.From(result).Where(e => e.Type == "step")];
        var drop = Steps.ToList().FindIndex(s => s.Disposition == "dropped");
        DropIndex = drop < 0 ? null : drop;
    }

    public ExchangeResult Result { get; }

    /// <summary>Every step event (the verdict event is left out; the summary is on <see cref="Result"/>).</summary>
    public IReadOnlyList<SimulationEvent> Steps { get; }

    /// <summary>-1 before the first step; otherwise the index of the step shown.</summary>
    public int Current { get; private set; } = -1;

    public SimulationEvent? CurrentStep => Current >= 0 ? Steps[Current] : null;

    public bool AtStart => Current < 0;

    public bool AtEnd => Current == Steps.Count - 1;

    public bool Forward()
    {
        if (AtEnd)
        {
            return false;
        }

        Current++;
        return true;
    }

    public bool Back()
    {
        if (AtStart)
        {
            return false;
        }

        Current--;
        return true;
    }

    public void Reset() => Current = -1;

    public void End() => Current = Steps.Count - 1;

    /// <summary>Jumps to a step (1-based, as in shared ?step= links), clamped to the trace.</summary>
    public void GoTo(long stepNumber) => Current = (int)Math.Clamp(stepNumber - 1, -1, Steps.Count - 1);

    /// <summary>The index of the step where a packet was dropped, if one was.</summary>
    public int? DropIndex { get; }

    /// <summary>Moves to the first step of the next packet (from the start: the first step). False at the last packet.</summary>
    public bool NextPacket()
    {
        var packet = CurrentStep?.PacketIndex ?? -1;
        return MoveToFirst(i => Steps[i].PacketIndex > packet);
    }

    /// <summary>Moves to the next step taken by another device, skipping the rest of what this device does.</summary>
    public bool NextDevice()
    {
        var here = CurrentStep;
        return MoveToFirst(i => here is null || Steps[i].Device != here.Device || Steps[i].PacketIndex != here.PacketIndex);
    }

    /// <summary>Moves to the drop, if a packet was dropped.</summary>
    public bool JumpToDrop()
    {
        if (DropIndex is not { } drop || drop == Current)
        {
            return false;
        }

        Current = drop;
        return true;
    }

    /// <summary>The 1-based number of the first step of the first packet of this kind, if the exchange has one.</summary>
    public int? FirstStepOf(string packet)
    {
        var index = Steps.ToList().FindIndex(s => s.Packet == packet);
        return index < 0 ? null : index + 1;
    }

    /// <summary>Every cable crossing up to and including the current step, in order: the path taken so far.</summary>
    public IEnumerable<SimulationEvent> LegsSoFar() => Steps.Take(Current + 1).Where(s => s.Link is not null);

    /// <summary>Each stateful device's connection table as it stood after the current step.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SessionChangeView>> ConnectionTables()
    {
        var tables = new SortedDictionary<string, Dictionary<int, SessionChangeView>>(StringComparer.Ordinal);
        for (var i = 0; i <= Current; i++)
        {
            foreach (var change in Steps[i].Sessions ?? [])
            {
                if (!tables.TryGetValue(change.Device, out var table))
                {
                    table = [];
                    tables[change.Device] = table;
                }

                table[change.Id] = change;
            }
        }

        return tables.ToDictionary(t => t.Key, t => (IReadOnlyList<SessionChangeView>)[.. t.Value.Values.OrderBy(s => s.Id)]);
    }

    /// <summary>The steps of the packets to show, for the event list's filter (null = all).</summary>
    public IEnumerable<(int Index, SimulationEvent Step)> Filtered(string? packet) =>
        Steps.Select((step, index) => (index, step)).Where(s => packet is null || s.step.Packet == packet);

    public IReadOnlyList<string> PacketKinds => [.. Result.Packets.Select(p => p.Kind)];

    private bool MoveToFirst(Func<int, bool> match)
    {
        for (var i = Current + 1; i < Steps.Count; i++)
        {
            if (match(i))
            {
                Current = i;
                return true;
            }
        }

        return false;
    }
}
