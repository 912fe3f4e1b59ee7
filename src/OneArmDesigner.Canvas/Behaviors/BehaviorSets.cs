namespace OneArmDesigner.Canvas.Behaviors;

/// <summary>
/// Ready-made behaviour sets. Each call returns new instances (a behaviour belongs to one diagram).
/// Switch with <see cref="Diagram.UseBehaviors"/>; modes are sets of behaviours, not flags in components.
/// </summary>
public static class BehaviorSets
{
    /// <summary>
    /// The designer: select, rubber band, draw links, drag-move, pan, wheel zoom and keyboard shortcuts,
    /// in that priority order.
    /// </summary>
    public static IReadOnlyList<DiagramBehavior> Editing() =>
    [
        new SelectBehavior(),
        new RubberBandBehavior(),
        new LinkDrawBehavior(),
        new DragMoveBehavior(),
        new PanBehavior(),
        new WheelZoomBehavior(),
        new KeyboardBehavior(),
    ];

    /// <summary>Read-only viewing, as in packet playback: select, pan and wheel zoom only.</summary>
    public static IReadOnlyList<DiagramBehavior> Playback() =>
    [
        new SelectBehavior(),
        new PanBehavior(),
        new WheelZoomBehavior(),
    ];
}
