using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Behaviors;

/// <summary>A pointer event as behaviours see it: what was hit, where (on screen and in the diagram), and how.</summary>
/// <param name="Target">The node, port or link hit, or null for the background.</param>
/// <param name="ScreenPoint">Pointer position in pixels relative to the canvas's top-left corner.</param>
/// <param name="DiagramPoint">The same position in diagram coordinates, through the viewport at the time of the event.</param>
/// <param name="Modifiers">Keys held.</param>
/// <param name="Button">The button pressed (for moves and releases, the button of the press that started the gesture).</param>
public sealed record PointerInput(
    DiagramElement? Target,
    Point ScreenPoint,
    Point DiagramPoint,
    KeyModifiers Modifiers,
    PointerButton Button)
{
    /// <summary>True when Shift is held.</summary>
    public bool Shift => (Modifiers & KeyModifiers.Shift) != 0;

    /// <summary>True when Control or Meta (Command) is held.</summary>
    public bool CommandKey => (Modifiers & (KeyModifiers.Control | KeyModifiers.Meta)) != 0;
}

/// <summary>A wheel event: where the pointer is and how far the wheel turned.</summary>
/// <param name="ScreenPoint">Pointer position in pixels relative to the canvas.</param>
/// <param name="DeltaY">Vertical scroll in pixels; positive scrolls down (zooms out).</param>
/// <param name="Modifiers">Keys held.</param>
public sealed record WheelInput(Point ScreenPoint, double DeltaY, KeyModifiers Modifiers);

/// <summary>A key press on the focused canvas.</summary>
/// <param name="Key">The DOM <c>KeyboardEvent.key</c> value, for example "Delete", "ArrowLeft" or "a".</param>
/// <param name="Modifiers">Keys held.</param>
public sealed record KeyInput(string Key, KeyModifiers Modifiers)
{
    /// <summary>True when Shift is held.</summary>
    public bool Shift => (Modifiers & KeyModifiers.Shift) != 0;

    /// <summary>True when Control or Meta (Command) is held.</summary>
    public bool CommandKey => (Modifiers & (KeyModifiers.Control | KeyModifiers.Meta)) != 0;

    /// <summary>True when <see cref="Key"/> equals <paramref name="key"/>, ignoring case (so Shift+A matches "a").</summary>
    public bool Is(string key) => string.Equals(Key, key, StringComparison.OrdinalIgnoreCase);
}
