using OneArmDesigner.Canvas;
using OneArmDesigner.Canvas.Geometry;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Web.Components.Diagrams;

/// <summary>
/// Shows a <see cref="Design"/> on the network-agnostic canvas: one node per device (its kind picks the icon, its
/// name is the id), one link per cable (id "link-N" for the design's N-th link) labelled with the interface and
/// address at each device end, shortening to the interface's name where the canvas has no room for the address.
/// The domain objects ride along in <c>Tag</c>.
/// </summary>
public static class DesignDiagram
{
    public static string LinkId(int index) => $"link-{index}";

    /// <summary>The canvas id of the design's N-th note or area.</summary>
    public static string AnnotationId(int index) => $"annotation:{index}";

    /// <summary>The index of a note or area in the design's annotation list, from its canvas id; null for a device.</summary>
    public static int? AnnotationIndex(string nodeId) =>
        nodeId.StartsWith("annotation:", StringComparison.Ordinal) && int.TryParse(nodeId.AsSpan(11), out var index) ? index : null;

    /// <summary>The index of a link in the design's link list, from its canvas id.</summary>
    public static int? LinkIndex(string linkId) =>
        linkId.StartsWith("link-", StringComparison.Ordinal) && int.TryParse(linkId.AsSpan(5), out var index) ? index : null;

    public static Size SizeOf(DeviceKind kind) => kind switch
    {
        DeviceKind.Internet => new Size(64, 48),
        _ => new Size(48, 48),
    };

    /// <summary>Replaces the diagram's contents with the design, in one redraw, keeping the viewport.</summary>
    public static void Show(Diagram diagram, Design design)
    {
        using (diagram.Batch())
        {
            diagram.Clear();
            foreach (var device in design.Devices)
            {
                diagram.Nodes.Add(ToNode(device));
            }

            for (var i = 0; i < design.Annotations.Count; i++)
            {
                // A device that happens to be called "annotation:N" keeps its place; the note gives way.
                if (!diagram.Nodes.TryGet(AnnotationId(i), out _))
                {
                    diagram.Nodes.Add(ToNode(design.Annotations[i], i));
                }
            }

            for (var i = 0; i < design.Links.Count; i++)
            {
                var link = design.Links[i];
                if (!diagram.Nodes.TryGet(link.A.Device, out var source) || !diagram.Nodes.TryGet(link.B.Device, out var target))
                {
                    continue;
                }

                diagram.Links.Add(new LinkModel(LinkId(i), source, target)
                {
                    SourceLabel = EndLabel(source, link.A),
                    SourceShortLabel = link.A.Interface,
                    TargetLabel = EndLabel(target, link.B),
                    TargetShortLabel = link.B.Interface,
                    Tag = link,
                    Title = link.ToString(),
                });
            }
        }
    }

    public static NodeModel ToNode(Device device) => new(device.Name, new Point(device.Position.X, device.Position.Y), SizeOf(device.Kind))
    {
        Label = device.Kind == DeviceKind.Vlan && device.Vlan is { } vlan ? $"{device.Name} · VLAN {vlan.VlanId}" : device.Name,
        ShortLabel = device.Kind == DeviceKind.Vlan ? device.Name : null,
        Kind = device.Kind.ToJsonName(),
        Title = $"{device.Kind.DisplayName()} {device.Name}",
        Tag = device,
    };

    /// <summary>
    /// An area is a container drawn under the devices (dragging it carries the devices inside it); a note sits above
    /// them. Neither can be cabled. Their text is drawn by the node template, not as a label under them.
    /// </summary>
    public static NodeModel ToNode(Annotation annotation, int index) =>
        new(AnnotationId(index), new Point(annotation.Position.X, annotation.Position.Y), new Size(annotation.Width, annotation.Height))
        {
            Kind = Annotation.JsonName(annotation.Kind),
            IsContainer = annotation.Kind == AnnotationKind.Area,
            ZIndex = annotation.Kind == AnnotationKind.Area ? -1 : 1,
            PortSides = PortSides.None,
            Title = annotation.Kind == AnnotationKind.Area ? $"Area {annotation.Text}" : $"Note: {annotation.Text}",
            Tag = annotation,
        };

    /// <summary>The interface and its address; the device comes from its node, as looking it up by name per link end made
    /// drawing a design quadratic in its size.</summary>
    private static string? EndLabel(NodeModel node, LinkEnd end)
    {
        if (end.Interface is null)
        {
            return null;
        }

        var address = (node.Tag as Device)?.FindInterface(end.Interface)?.Address;
        return address is null ? end.Interface : $"{end.Interface} {address}";
    }
}
