namespace OneArmDesigner.Canvas;

/// <summary>A side of a node's box; each side carries one named port at its midpoint.</summary>
public enum PortSide
{
    Top,
    Right,
    Bottom,
    Left,
}

/// <summary>A set of <see cref="PortSide"/> values: which ports a node offers as link handles.</summary>
[Flags]
public enum PortSides
{
    None = 0,
    Top = 1,
    Right = 2,
    Bottom = 4,
    Left = 8,
    All = Top | Right | Bottom | Left,
}

/// <summary>Visual state flags the app sets on nodes and links; the renderer turns each into a CSS class.</summary>
[Flags]
public enum ElementFlags
{
    None = 0,

    /// <summary>Drawn with emphasis (for example the hop a packet is on). CSS class <c>oad-highlighted</c>.</summary>
    Highlighted = 1,

    /// <summary>Something is wrong here (for example a drop). CSS class <c>oad-error</c>.</summary>
    Error = 2,

    /// <summary>Something needs attention. CSS class <c>oad-warning</c>.</summary>
    Warning = 4,

    /// <summary>Faded out (for example not on the current path). CSS class <c>oad-dimmed</c>.</summary>
    Dimmed = 8,
}

/// <summary>How a link's line is stroked.</summary>
public enum LinkStyle
{
    Solid,
    Dashed,
    Dotted,
}

/// <summary>What kinds of change a <see cref="Diagram.Changed"/> notification covers; several may be combined.</summary>
[Flags]
public enum ChangeKinds
{
    None = 0,

    /// <summary>A property of some node or link changed (position, label, flags, selection state...).</summary>
    Elements = 1,

    /// <summary>Nodes or links were added or removed, or a node's z-order changed.</summary>
    Structure = 2,

    /// <summary>The selection changed.</summary>
    Selection = 4,

    /// <summary>The viewport (pan, zoom or canvas size) changed.</summary>
    Viewport = 8,

    /// <summary>An option in <see cref="DiagramOptions"/> changed.</summary>
    Options = 16,

    /// <summary>The behaviour set changed.</summary>
    Behaviors = 32,
}

/// <summary>Keyboard modifiers held during an input event. The values match the JS module's bit mask.</summary>
[Flags]
public enum KeyModifiers
{
    None = 0,
    Shift = 1,
    Control = 2,
    Alt = 4,

    /// <summary>The Windows or Command key; shortcuts treat it like <see cref="Control"/>.</summary>
    Meta = 8,
}

/// <summary>Which pointer button an event concerns. The values match the DOM's <c>PointerEvent.button</c>.</summary>
public enum PointerButton
{
    Primary = 0,
    Middle = 1,
    Secondary = 2,
}

/// <summary>Commands the keyboard raises for the app, which owns undo history and the clipboard.</summary>
public enum DiagramCommand
{
    Undo,
    Redo,
    Copy,
    Cut,
    Paste,
}
