using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas;

/// <summary>
/// A box on the diagram: position, size, label and a <see cref="Kind"/> the renderer uses to pick a glyph.
/// Ports and link anchors are computed from this geometry; nothing is measured in the browser.
/// </summary>
public sealed class NodeModel : SelectableElement
{
    /// <summary>The size a node gets when none is given: 48 × 48, a typical device icon.</summary>
    public static readonly Size DefaultSize = new(48, 48);

    private readonly PortModel?[] _ports = new PortModel?[4];
    private Point _position;
    private Size _size;
    private string? _label;
    private string? _shortLabel;
    private string _kind = "default";
    private int _zIndex;
    private IReadOnlyList<NodeBadge> _badges = [];
    private PortSides _portSides = PortSides.All;
    private bool _isContainer;

    /// <summary>Creates a node.</summary>
    /// <param name="id">The app's identifier, unique among the diagram's nodes.</param>
    /// <param name="position">Top-left corner in diagram coordinates.</param>
    /// <param name="size">Size of the glyph box; <see cref="DefaultSize"/> when omitted.</param>
    public NodeModel(string id, Point position = default, Size? size = null)
        : base(id)
    {
        _position = position;
        _size = size ?? DefaultSize;
    }

    /// <summary>Top-left corner in diagram coordinates. Setting it redraws the node and its links but raises no
    /// <see cref="Diagram.NodesMoved"/>: that event is for moves the user makes.</summary>
    public Point Position
    {
        get => _position;
        set => SetLabel(ref _position, value, () => Diagram?.MarkLinksChanged(this));
    }

    /// <summary>Size of the glyph box in diagram units; the label is drawn below it.</summary>
    public Size Size
    {
        get => _size;
        set => SetLabel(ref _size, value, () => Diagram?.MarkLinksChanged(this));
    }

    /// <summary>The glyph box in diagram coordinates.</summary>
    public Rect Bounds => new(_position, _size);

    /// <summary>Centre of the glyph box in diagram coordinates.</summary>
    public Point Center => Bounds.Center;

    /// <summary>Text drawn under the glyph (or beside it, where below is taken), or null for none.</summary>
    public string? Label
    {
        get => _label;
        set => SetLabel(ref _label, value);
    }

    /// <summary>What the label shortens to where the whole of it has no room, or null to hide it there instead.</summary>
    public string? ShortLabel
    {
        get => _shortLabel;
        set => SetLabel(ref _shortLabel, value);
    }

    /// <summary>A key for the renderer's node template to choose a glyph (for example "router" or "switch").
    /// It also becomes the <c>data-kind</c> attribute.</summary>
    public string Kind
    {
        get => _kind;
        set
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            Set(ref _kind, value);
        }
    }

    /// <summary>Drawing order among nodes: higher is drawn on top; equal values keep insertion order.</summary>
    public int ZIndex
    {
        get => _zIndex;
        set => Set(ref _zIndex, value, ChangeKinds.Elements | ChangeKinds.Structure);
    }

    /// <summary>Small pills drawn at the top-right corner. Assign a new list to change them.</summary>
    public IReadOnlyList<NodeBadge> Badges
    {
        get => _badges;
        set
        {
            // Apps recompute badges wholesale (after every validation, say); the same badges again need no redraw.
            var badges = value ?? [];
            if (!_badges.SequenceEqual(badges))
            {
                Set(ref _badges, badges);
            }
        }
    }

    /// <summary>
    /// A container (an area such as "Data centre") carries the nodes lying wholly inside its box when it is dragged or
    /// nudged. Draw it under them with a lower <see cref="ZIndex"/>. Default false.
    /// </summary>
    public bool IsContainer
    {
        get => _isContainer;
        set => Set(ref _isContainer, value);
    }

    /// <summary>Which side ports are offered as link handles while editing. All four by default.</summary>
    public PortSides PortSides
    {
        get => _portSides;
        set => Set(ref _portSides, value);
    }

    /// <summary>The links that end at this node, or none while the node is not in a diagram.</summary>
    public IReadOnlyList<LinkModel> Links => Diagram?.Links.ConnectedTo(this) ?? [];

    /// <summary>The port on the given side; ports are computed from the node's box and cached.</summary>
    public PortModel GetPort(PortSide side) => _ports[(int)side] ??= new PortModel(this, side);

    /// <summary>True when <see cref="PortSides"/> includes <paramref name="side"/>.</summary>
    public bool HasPort(PortSide side) => (_portSides & ToFlag(side)) != 0;

    /// <summary>The ports offered as link handles, in Top, Right, Bottom, Left order.</summary>
    public IEnumerable<PortModel> EnabledPorts =>
        Enum.GetValues<PortSide>().Where(HasPort).Select(GetPort);

    private static PortSides ToFlag(PortSide side) => (PortSides)(1 << (int)side);
}
