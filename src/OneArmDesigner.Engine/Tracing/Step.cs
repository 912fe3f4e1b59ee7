using OneArmDesigner.Engine.Narration;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Tracing;

/// <summary>
/// One thing a device did to a packet. <see cref="Before"/> and <see cref="After"/> carry inner and outer headers;
/// <see cref="Evidence"/> names what decided it (a route, a session, a rule, a NAT entry); <see cref="Detail"/> is the
/// plain-English sentence for people, written from these fields.
/// </summary>
/// <remarks>
/// The sentence, the evidence and the session events are written on first read from facts captured when the step
/// happened: a trace is mostly run for its verdict, and writing ~25 sentences per packet up front dominated its cost.
/// </remarks>
public sealed class Step
{
    private readonly StepFacts _facts;
    private string? _detail;
    private string? _evidence;
    private bool _evidenceWritten;
    private IReadOnlyList<SessionEvent>? _sessionEvents;

    internal Step(string device, string? ingress, Packet before, Packet after, in StepFacts facts)
    {
        Device = device;
        Ingress = ingress;
        Before = before;
        After = after;
        _facts = facts;
    }

    public string Device { get; }

    public StepAction Action => _facts.Action;

    public Packet Before { get; }

    public Packet After { get; }

    public string? Ingress { get; }

    public string? Egress => _facts.Egress;

    public LinkCrossing? Crossing => _facts.Crossing;

    public string Detail => _detail ??= StepNarration.Detail(this, _facts);

    public string? Evidence
    {
        get
        {
            if (!_evidenceWritten)
            {
                _evidence = StepNarration.Evidence(this, _facts);
                _evidenceWritten = true;
            }

            return _evidence;
        }
    }

    /// <summary>The change this step made to a device's connection table, if any.</summary>
    public IReadOnlyList<SessionEvent>? SessionEvents => _facts.SessionAsItStood is { } snapshot
        ? _sessionEvents ??= [new SessionEvent(Device, _facts.Kind == StepKind.SessionCreate ? SessionChange.Created : SessionChange.Updated,
            snapshot.Session.ToView(snapshot.State))]
        : null;

    public override string ToString() => $"{Device} {Action}: {Detail}";
}
