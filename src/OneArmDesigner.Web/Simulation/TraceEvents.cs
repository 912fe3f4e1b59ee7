using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Web.Simulation;

/// <summary>Turns a finished trace into the stream's events: one per step, then the verdict.</summary>
public static class TraceEvents
{
    public static IReadOnlyList<SimulationEvent> From(ExchangeResult result)
    {
        var events = new List<SimulationEvent>();
        for (var p = 0; p < result.Packets.Count; p++)
        {
            var packet = result.Packets[p];
            var steps = packet.Steps.ToList();
            for (var s = 0; s < steps.Count; s++)
            {
                var step = steps[s];
                var last = s == steps.Count - 1;
                events.Add(new SimulationEvent
                {
                    Seq = events.Count + 1,
                    Type = "step",
                    Packet = packet.Kind,
                    PacketIndex = p,
                    Device = step.Device,
                    Action = step.Action.ToJsonName(),
                    Ingress = step.Ingress,
                    Egress = step.Egress,
                    Link = step.Crossing is { } c ? new LinkView(c.FromDevice, c.FromInterface, c.ToDevice, c.ToInterface, c.Segment, c.LinkIndexes) : null,
                    Detail = step.Detail,
                    Evidence = step.Evidence,
                    Before = View(step.Before),
                    After = View(step.After),
                    Sessions = step.SessionEvents?.Select(View).ToList(),
                    Disposition = last ? (packet.Delivered ? "delivered" : "dropped") : null,
                    Reason = last ? packet.Reason?.ToJsonName() : null,
                    DropDevice = last ? packet.DropDevice : null,
                    Log = last ? packet.Log : null,
                    Summary = last ? packet.Summary : null,
                });
            }
        }

        events.Add(new SimulationEvent
        {
            Seq = events.Count + 1,
            Type = "verdict",
            Verdict = result.Completed ? "completed" : "failed",
            Summary = result.Summary,
        });
        return events;
    }

    public static SimulationEvent Error(string message, IReadOnlyList<string>? problems = null) =>
        new() { Seq = 1, Type = "error", Message = message, Problems = problems };

    public static PacketView View(Packet packet) => new(View(packet.Inner), packet.Outer is { } outer ? View(outer) : null);

    private static HeaderView View(PacketHeader header) =>
        new(header.Protocol.ToJsonName(), header.Source.ToString(), header.SourcePort, header.Destination.ToString(),
            header.DestinationPort, header.Protocol == Protocol.Tcp ? header.Flags.ToLogText() : null, header.Ttl, header.Icmp?.ToString());

    private static SessionChangeView View(SessionEvent change) =>
        new(change.Device, change.Change.ToString().ToLowerInvariant(), change.Session.Id, change.Session.Original.ToString(),
            change.Session.Translated.ToString(), change.Session.State, change.Session.InInterface, change.Session.OutInterface);
}
