using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Tests.Core;

/// <summary>A small diagram to drive with synthetic input: three 40 × 40 nodes in a row, one link, an 800 × 600 canvas.</summary>
internal sealed class Scene
{
    public Scene(IEnumerable<DiagramBehavior>? behaviors = null, DiagramOptions? options = null)
    {
        Diagram = new Diagram(options, behaviors);
        Diagram.SetViewportSize(new Size(800, 600));
        A = Diagram.Nodes.Add(new NodeModel("a", new Point(0, 0), new Size(40, 40)) { Label = "A" });
        B = Diagram.Nodes.Add(new NodeModel("b", new Point(100, 0), new Size(40, 40)) { Label = "B" });
        C = Diagram.Nodes.Add(new NodeModel("c", new Point(200, 0), new Size(40, 40)) { Label = "C" });
        AB = Diagram.Links.Add(new LinkModel("a-b", A, B));
    }

    public Diagram Diagram { get; }

    public NodeModel A { get; }

    public NodeModel B { get; }

    public NodeModel C { get; }

    public LinkModel AB { get; }

    /// <summary>Press and release at one point, as a click.</summary>
    public void Click(DiagramElement? target, double x = 10, double y = 10, KeyModifiers modifiers = KeyModifiers.None)
    {
        Diagram.OnPointerDown(target, new Point(x, y), modifiers);
        Diagram.OnPointerUp(target, new Point(x, y), modifiers);
    }

    /// <summary>Press at <paramref name="from"/>, move in a few steps, release at <paramref name="to"/> over <paramref name="dropTarget"/>.</summary>
    public void Drag(
        DiagramElement? target,
        Point from,
        Point to,
        KeyModifiers modifiers = KeyModifiers.None,
        PointerButton button = PointerButton.Primary,
        DiagramElement? dropTarget = null)
    {
        Diagram.OnPointerDown(target, from, modifiers, button);
        for (var step = 1; step <= 4; step++)
        {
            Diagram.OnPointerMove(null, from.Lerp(to, step / 4.0), modifiers);
        }

        Diagram.OnPointerUp(dropTarget, to, modifiers);
    }
}
