namespace OneArmDesigner.Canvas.Behaviors;

/// <summary>
/// Dragging from a node's port (its link handle) to another node asks for a link: on release over a node or one of
/// its ports, <see cref="Diagram.RequestLink"/> raises <see cref="Diagram.LinkRequested"/> if
/// <see cref="DiagramOptions.CanConnect"/> allows the pair. The app adds the link. Refused while read-only.
/// </summary>
public sealed class LinkDrawBehavior : DiagramBehavior
{
    protected internal override void OnPointerDown(PointerInput input)
    {
        if (input is { Button: PointerButton.Primary, Target: PortModel port }
            && port.Node.HasPort(port.Side)
            && !Diagram.Options.ReadOnly)
        {
            TryBeginGesture(new LinkDrawGesture(input, port.Node, port.Side));
        }
    }

    protected internal override void OnPointerUp(PointerInput input)
    {
        if (OwnGesture<LinkDrawGesture>() is not { } gesture)
        {
            return;
        }

        var (target, targetPort) = input.Target switch
        {
            NodeModel node => (node, (PortSide?)null),
            PortModel port => (port.Node, port.Side),
            _ => (null, null),
        };
        if (target is not null)
        {
            Diagram.RequestLink(gesture.Source, gesture.SourcePort, target, targetPort);
        }
    }
}
