using OneArmDesigner.Canvas;
using OneArmDesigner.Canvas.Geometry;
using OneArmDesigner.Canvas.Labels;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Import;
using OneArmDesigner.Import.Layout;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Components.Diagrams;

namespace OneArmDesigner.Web.Tests.Diagrams;

/// <summary>
/// The automatic layout of an imported design, measured on the canvas as it draws it (node boxes, name labels,
/// cables and the interface labels at device ends): rows from the Internet down, and nothing on top of anything.
/// </summary>
public sealed class ImportedLayoutTests
{
    private static readonly string Guide = Path.Combine(RepositoryPaths.Root, "tests", "OneArmDesigner.Import.Tests", "Configurations", "guide");

    private static Design Imported(string meraki, params string[] asa)
    {
        var result = ConfigurationImporter.Import(
            [.. asa.Select(a => new ImportFile(a, File.ReadAllBytes(Path.Combine(Guide, a))))],
            new ImportFile(meraki, File.ReadAllBytes(Path.Combine(Guide, meraki))));
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Design!;
    }

    public static TheoryData<string> Designs() => ["guide broken", "guide fixed", "hub and spoke, 6 sites"];

    private static Design Named(string name) => name switch
    {
        "guide broken" => Imported("meraki-broken.json", "asa-broken.cfg"),
        "guide fixed" => Imported("meraki-fixed.json", "asa-fixed.cfg"),
        _ => LayeredLayout.Apply(HubAndSpoke.Generate(6)),
    };

    private static Rect Box(NodeModel node) => new(node.Position.X, node.Position.Y, node.Size.Width, node.Size.Height);

    private static Rect TextBox(double centreX, double top, string text)
    {
        var width = DiagramMetrics.TextWidth(text);
        return new Rect(centreX - (width / 2), top, width, DiagramMetrics.LabelHeight);
    }

    private static Rect NameLabel(NodeModel node) => TextBox(node.Position.X + (node.Size.Width / 2), node.Position.Y + node.Size.Height + DiagramMetrics.LabelGap, node.Label!);

    /// <summary>Where the canvas put a cable's interface label: the layout must leave room to show it whole, at its device's end.</summary>
    private static Rect Shown(LinkModel link, PlacedLabel? placed)
    {
        Assert.True(placed is not null, $"'{link.SourceLabel}' has no room and is hidden");
        Assert.Equal(link.SourceLabel, placed.Value.Text);
        return placed.Value.Box;
    }

    private static Diagram Draw(Design design)
    {
        var diagram = new Diagram();
        DesignDiagram.Show(diagram, design);
        return diagram;
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void No_two_devices_or_name_labels_overlap(string name)
    {
        var nodes = Draw(Named(name)).Nodes.ToList();

        for (var i = 0; i < nodes.Count; i++)
        {
            for (var j = i + 1; j < nodes.Count; j++)
            {
                var (a, b) = (nodes[i], nodes[j]);
                Assert.False(Box(a).Inflate(8).Intersects(Box(b)), $"{a.Id} and {b.Id} overlap");
                Assert.False(NameLabel(a).Intersects(NameLabel(b)), $"the names of {a.Id} and {b.Id} overlap");
                Assert.False(NameLabel(a).Intersects(Box(b)), $"{a.Id}'s name lies on {b.Id}");
                Assert.False(NameLabel(b).Intersects(Box(a)), $"{b.Id}'s name lies on {a.Id}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void No_cable_runs_through_a_device_it_does_not_join(string name)
    {
        var diagram = Draw(Named(name));

        foreach (var link in diagram.Links)
        {
            var geometry = link.Geometry;
            foreach (var node in diagram.Nodes.Where(n => n != link.Source && n != link.Target))
            {
                Assert.False(Crosses(geometry.Start, geometry.End, Box(node).Inflate(2)), $"{link.Title} runs through {node.Id}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void Interface_labels_lie_on_no_other_device_and_on_no_other_devices_labels(string name)
    {
        var diagram = Draw(Named(name));
        var labels = diagram.Links.Where(l => l.SourceLabel is not null)
            .Select(l => (Owner: l.Source, Link: l, Placed: diagram.Labels.For(l, LabelRole.Source)))
            .Select(l => (l.Owner, l.Link, Box: Shown(l.Link, l.Placed)))
            .ToList();

        foreach (var label in labels)
        {
            foreach (var node in diagram.Nodes.Where(n => n != label.Owner && n != label.Link.Target))
            {
                Assert.False(label.Box.Intersects(Box(node)), $"'{label.Link.SourceLabel}' lies on {node.Id}");
                Assert.False(label.Box.Intersects(NameLabel(node)), $"'{label.Link.SourceLabel}' lies on {node.Id}'s name");
            }

            foreach (var other in labels.Where(o => o.Owner != label.Owner))
            {
                Assert.False(label.Box.Intersects(other.Box), $"'{label.Link.SourceLabel}' and '{other.Link.SourceLabel}' overlap");
            }
        }
    }

    [Fact]
    public void Rows_run_from_the_Internet_through_firewalls_and_segments_down_to_hosts()
    {
        var design = Named("guide broken");
        double Row(string device) => design.GetDevice(device).Position.Y;

        Assert.True(Row("Internet") < Row("ASA"));
        Assert.True(Row("ASA") < Row("inside"));
        Assert.True(Row("inside") < Row("Host 192.168.1.0/24"));
        Assert.True(Row("inside") < Row("MX80-B"));
        Assert.True(Row("MX80-A") < Row("Branch A LAN-A"));
        Assert.Equal(Row("ASA"), Row("MX80-A"));
    }

    /// <summary>Whether the segment from a to b passes through the box (Liang–Barsky clipping).</summary>
    private static bool Crosses(Point a, Point b, Rect box)
    {
        var (t0, t1) = (0.0, 1.0);
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        foreach (var (p, q) in new[] { (-dx, a.X - box.Left), (dx, box.Right - a.X), (-dy, a.Y - box.Top), (dy, box.Bottom - a.Y) })
        {
            if (p == 0)
            {
                if (q < 0)
                {
                    return false;
                }

                continue;
            }

            var t = q / p;
            if (p < 0)
            {
                t0 = Math.Max(t0, t);
            }
            else
            {
                t1 = Math.Min(t1, t);
            }
        }

        return t0 < t1;
    }
}
