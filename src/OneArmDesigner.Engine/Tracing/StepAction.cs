namespace OneArmDesigner.Engine.Tracing;

/// <summary>What a device did in one step. The JSON names (see <see cref="StepActions.ToJsonName"/>) are stable.</summary>
public enum StepAction
{
    /// <summary>The packet left its source host.</summary>
    Send,
    Receive,
    SessionMatch,
    Filter,
    NatDestination,
    Decapsulate,
    Route,
    Encapsulate,
    NatSource,
    SessionCreate,
    Forward,
    Deliver,
    Drop,
}

public static class StepActions
{
    public static string ToJsonName(this StepAction action) => action switch
    {
        StepAction.Send => "send",
        StepAction.Receive => "receive",
        StepAction.SessionMatch => "session-match",
        StepAction.Filter => "filter",
        StepAction.NatDestination => "nat-destination",
        StepAction.Decapsulate => "decapsulate",
        StepAction.Route => "route",
        StepAction.Encapsulate => "encapsulate",
        StepAction.NatSource => "nat-source",
        StepAction.SessionCreate => "session-create",
        StepAction.Forward => "forward",
        StepAction.Deliver => "deliver",
        StepAction.Drop => "drop",
        _ => action.ToString().ToLowerInvariant(),
    };
}
