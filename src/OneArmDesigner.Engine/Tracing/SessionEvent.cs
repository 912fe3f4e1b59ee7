using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Engine.Tracing;

public enum SessionChange
{
    Created,
    Updated,
    Closed,
}

/// <summary>
/// A change to a device's connection or translation table, recorded on the step where it happened, so a viewer can
/// rebuild any device's table as it stood at any step.
/// </summary>
public sealed record SessionEvent(string Device, SessionChange Change, SessionView Session);

/// <summary>A row of a connection table: the flow as the initiator sent it, as it left after NAT, and its state.</summary>
public sealed record SessionView(int Id, FlowKey Original, FlowKey Translated, string State, string InInterface, string OutInterface)
{
    public override string ToString() => Original == Translated
        ? $"#{Id} {Original} {State} ({InInterface} → {OutInterface})"
        : $"#{Id} {Original} ⇒ {Translated} {State} ({InInterface} → {OutInterface})";
}
