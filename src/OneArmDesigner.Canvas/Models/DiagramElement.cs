namespace OneArmDesigner.Canvas;

/// <summary>
/// Anything the pointer can hit on a diagram: a <see cref="NodeModel"/>, a <see cref="PortModel"/> or a
/// <see cref="LinkModel"/>. Input events carry the element that was hit, or null for the background.
/// </summary>
public abstract class DiagramElement
{
    private protected DiagramElement(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The app's identifier; unique among the diagram's nodes, or among its links.</summary>
    public string Id { get; }

    /// <summary>The diagram this element belongs to, or null while it is not in one.</summary>
    public abstract Diagram? Diagram { get; }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} {Id}";
}
