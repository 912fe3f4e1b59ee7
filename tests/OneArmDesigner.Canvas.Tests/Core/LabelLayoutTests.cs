using OneArmDesigner.Canvas.Geometry;
using OneArmDesigner.Canvas.Labels;

namespace OneArmDesigner.Canvas.Tests.Core;

public class LabelLayoutTests
{
    /// <summary>A chain of devices with long interface labels at both ends of every cable, like a network drawing.</summary>
    private static (Diagram Diagram, IReadOnlyList<NodeModel> Nodes, IReadOnlyList<LinkModel> Links) Chain(int count, double spacing)
    {
        var diagram = new Diagram();
        diagram.SetViewportSize(new Size(1000, 400));
        var nodes = Enumerable.Range(0, count)
            .Select(i => diagram.Nodes.Add(new NodeModel($"n{i}", new Point(i * spacing, 0)) { Label = $"Device-{i} · VLAN {i}", ShortLabel = $"Device-{i}" }))
            .ToList();
        var links = nodes.Zip(nodes.Skip(1), (a, b) => diagram.Links.Add(new LinkModel($"{a.Id}-{b.Id}", a, b)
        {
            SourceLabel = "wan 198.51.100.2/24",
            SourceShortLabel = "wan",
            TargetLabel = "lan 10.0.0.1/24",
            TargetShortLabel = "lan",
        })).ToList();
        return (diagram, nodes, links);
    }

    private static IReadOnlyList<PlacedLabel> Placed(Diagram diagram) =>
    [
        .. diagram.Nodes.Select(diagram.Labels.For).OfType<PlacedLabel>(),
        .. diagram.Links.SelectMany(l => new[] { LabelRole.Source, LabelRole.Middle, LabelRole.Target }.Select(r => diagram.Labels.For(l, r))).OfType<PlacedLabel>(),
    ];

    private static bool Overlap(Rect a, Rect b) => a.Left < b.Right && a.Right > b.Left && a.Top < b.Bottom && a.Bottom > b.Top;

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.6)]
    [InlineData(0.3)]
    public void At_any_zoom_no_label_overlaps_another_label_or_a_node(double zoom)
    {
        var (diagram, _, _) = Chain(7, 220);

        diagram.ZoomAbout(Point.Zero, zoom);

        var labels = Placed(diagram);
        Assert.NotEmpty(labels);
        for (var i = 0; i < labels.Count; i++)
        {
            Assert.DoesNotContain(diagram.Nodes, n => Overlap(labels[i].Box, n.Bounds));
            for (var j = i + 1; j < labels.Count; j++)
            {
                Assert.False(Overlap(labels[i].Box, labels[j].Box), $"'{labels[i].Text}' overlaps '{labels[j].Text}'");
            }
        }
    }

    [Fact]
    public void Zoomed_out_labels_keep_their_minimum_size_on_screen_and_shorten_then_hide_instead_of_shrinking()
    {
        var (diagram, nodes, links) = Chain(7, 360);

        diagram.ZoomAbout(Point.Zero, 1);
        Assert.Equal("wan 198.51.100.2/24", diagram.Labels.For(links[0], LabelRole.Source)?.Text);
        Assert.Equal("Device-0 · VLAN 0", diagram.Labels.For(nodes[0])?.Text);

        diagram.ZoomAbout(Point.Zero, 0.55);
        Assert.Equal(diagram.Options.LabelMinPixels, diagram.Labels.FontSize * diagram.Viewport.Zoom, 6);
        Assert.Equal("wan", diagram.Labels.For(links[0], LabelRole.Source)?.Text);

        diagram.ZoomAbout(Point.Zero, 0.1);
        Assert.Null(diagram.Labels.For(links[0], LabelRole.Source));
    }

    [Fact]
    public void Before_the_canvas_has_a_size_labels_are_laid_out_for_the_zoom_a_waiting_fit_is_expected_to_pick()
    {
        // A page rendered on the server knows no canvas size: a large design would otherwise carry every label at
        // zoom 1, thousands of them, which all hide as soon as the fit happens.
        var large = new Diagram();
        var nodes = Enumerable.Range(0, 400)
            .Select(i => large.Nodes.Add(new NodeModel($"n{i}", new Point(i % 40 * 120, i / 40 * 160)) { Label = $"Device-{i}" }))
            .ToList();
        large.ZoomToFit();

        Assert.NotNull(large.PendingFitBounds);
        Assert.InRange(large.Labels.Zoom, 0.1, 0.2);
        Assert.True(nodes.Count(n => large.Labels.For(n) is null) > 300, "most names hide when 40 devices share 800 px");

        // Once the size is known the labels follow the view's own zoom.
        large.SetViewportSize(new Size(1600, 1000));
        Assert.Equal(large.Viewport.Zoom, large.Labels.Zoom);

        // A small design fits at its largest zoom either way (the designer's is 1), so it is drawn with all its labels
        // from the start.
        var (small, smallNodes, _) = Chain(3, 220);
        small.Options.MaxFitZoom = 1;
        small.SetViewportSize(Size.Empty);
        small.ZoomToFit();
        Assert.Equal(1, small.Labels.Zoom);
        Assert.All(smallNodes, n => Assert.NotNull(small.Labels.For(n)));
    }

    [Fact]
    public void An_end_label_sits_beside_its_own_end_of_the_line_clear_of_the_node()
    {
        var (diagram, nodes, links) = Chain(2, 400);

        var source = diagram.Labels.For(links[0], LabelRole.Source)!.Value.Box;
        var target = diagram.Labels.For(links[0], LabelRole.Target)!.Value.Box;

        Assert.True(source.Left >= nodes[0].Bounds.Right && source.Right < 200, $"source label at {source}");
        Assert.True(target.Right <= nodes[1].Bounds.Left && target.Left > 200, $"target label at {target}");
        Assert.True(source.Bottom <= nodes[0].Center.Y, "the end label sits above a horizontal line, not across it");
    }

    [Fact]
    public void A_node_name_goes_below_its_node_unless_a_cable_leaves_that_way()
    {
        var diagram = new Diagram();
        diagram.SetViewportSize(new Size(800, 600));
        var top = diagram.Nodes.Add(new NodeModel("top", new Point(0, 0)) { Label = "Top" });
        var below = diagram.Nodes.Add(new NodeModel("below", new Point(0, 300)) { Label = "Below" });
        var free = diagram.Nodes.Add(new NodeModel("free", new Point(300, 0)) { Label = "Free" });
        diagram.Links.Add(new LinkModel("l", top, below));

        Assert.True(diagram.Labels.For(free)!.Value.Box.Top >= free.Bounds.Bottom);
        var topLabel = diagram.Labels.For(top)!.Value.Box;
        Assert.False(topLabel.Left < top.Center.X && topLabel.Right > top.Center.X && topLabel.Top >= top.Bounds.Bottom,
            "the label is not laid across the cable leaving downwards");
    }

    [Fact]
    public void Moving_a_node_lays_the_labels_out_again_and_redraws_the_elements_whose_labels_moved()
    {
        var (diagram, nodes, links) = Chain(3, 300);
        var before = diagram.Labels.For(nodes[2])!.Value.Box;
        var changed = new List<object?>();
        links[1].Changed += (sender, _) => changed.Add(sender);

        nodes[2].Position = new Point(900, 200);

        Assert.NotEqual(before, diagram.Labels.For(nodes[2])!.Value.Box);
        Assert.Single(changed);
    }

    [Fact]
    public void Zoom_to_fit_keeps_every_placed_label_inside_the_canvas()
    {
        var (diagram, _, _) = Chain(7, 220);

        diagram.ZoomToFit(padding: 8);

        var visible = diagram.Viewport.VisibleArea;
        Assert.All(Placed(diagram), label => Assert.True(visible.Contains(label.Box), $"'{label.Text}' at {label.Box} is outside {visible}"));
    }

    [Theory]
    [InlineData(800, 600)]
    [InlineData(560, 620)]
    public void Zoom_to_fit_keeps_the_labels_inside_a_canvas_that_shows_a_large_design_far_zoomed_out(double width, double height)
    {
        // Labels keep their size on screen, so at a few per cent zoom the names at the edges reach far beyond the
        // nodes in diagram units: what was fitted at one zoom must still hold at the smaller zoom it leads to.
        var diagram = new Diagram();
        diagram.Options.MinZoom = 0.01;
        diagram.SetViewportSize(new Size(width, height));
        for (var i = 0; i < 600; i++)
        {
            diagram.Nodes.Add(new NodeModel($"n{i}", new Point(i % 60 * 140, i / 60 * 180)) { Label = $"Branch-{i}-LAN · VLAN {1000 + i}" });
        }

        diagram.ZoomToFit();

        Assert.InRange(diagram.Viewport.Zoom, 0.01, 0.2);
        var visible = diagram.Viewport.VisibleArea;
        Assert.All(Placed(diagram), label => Assert.True(visible.Contains(label.Box), $"'{label.Text}' at {label.Box} is outside {visible}"));
        Assert.NotEmpty(Placed(diagram));
    }

    [Fact]
    public void A_long_name_at_the_edge_does_not_shrink_a_fit_it_is_placed_inside_the_canvas_and_goes_back_once_the_view_moves()
    {
        var diagram = new Diagram();
        diagram.SetViewportSize(new Size(800, 600));
        diagram.Nodes.Add(new NodeModel("left", new Point(0, 0)) { Label = "left" });
        var edge = diagram.Nodes.Add(new NodeModel("edge", new Point(2000, 0)) { Label = "edge · a name far longer than its device, as imported descriptions often are" });

        diagram.ZoomToFit();

        // Centred below its device the name would reach far past the content; the fit spares it a tenth of the canvas.
        var nodesOnScreen = diagram.ContentBounds!.Value.Width * diagram.Viewport.Zoom;
        Assert.True(nodesOnScreen >= 0.75 * (800 - (2 * Diagram.DefaultFitPadding)), $"the devices take only {nodesOnScreen:F0} px");
        var placed = diagram.Labels.For(edge);
        Assert.NotNull(placed);
        Assert.True(diagram.Viewport.VisibleArea.Contains(placed.Value.Box), $"{placed.Value.Box} is outside {diagram.Viewport.VisibleArea}");
        Assert.True(placed.Value.Box.Center.X < edge.Bounds.Center.X, "moved in from the edge");

        diagram.PanBy(new Point(-10, 0));

        Assert.Equal(edge.Bounds.Center.X, diagram.Labels.For(edge)!.Value.Box.Center.X, 6);
    }

    [Fact]
    public void An_end_label_finds_room_beside_a_line_that_is_not_quite_level()
    {
        var diagram = new Diagram();
        diagram.SetViewportSize(new Size(600, 600));
        var left = diagram.Nodes.Add(new NodeModel("left", new Point(0, 0), new Size(64, 48)));
        var right = diagram.Nodes.Add(new NodeModel("right", new Point(220, 6)));
        var link = diagram.Links.Add(new LinkModel("l", right, left) { SourceLabel = "outside" });

        diagram.ZoomAbout(Point.Zero, 0.38);

        Assert.Equal("outside", diagram.Labels.For(link, LabelRole.Source)?.Text);
    }

    [Fact]
    public void A_container_is_no_obstacle_to_the_labels_of_what_it_holds()
    {
        var (diagram, nodes, _) = Chain(3, 300);
        diagram.Nodes.Add(new NodeModel("area", new Point(-100, -100), new Size(900, 400)) { IsContainer = true, ZIndex = -1 });

        Assert.True(diagram.Labels.For(nodes[0])!.Value.Box.Top >= nodes[0].Bounds.Bottom, "the name still goes below its node");
    }

    [Fact]
    public void Where_thousands_of_nodes_sit_at_one_spot_a_few_labels_are_placed_clear_of_each_other_and_the_rest_left_out()
    {
        var diagram = new Diagram();
        diagram.SetViewportSize(new Size(1000, 400));
        for (var i = 0; i < 2_000; i++)
        {
            diagram.Nodes.Add(new NodeModel($"n{i}", new Point(0, 0)) { Label = $"Device-{i}" });
        }

        var placed = Placed(diagram);

        Assert.InRange(placed.Count, 1, 20);
        Assert.False(placed.SelectMany((a, i) => placed.Skip(i + 1).Select(b => (a, b))).Any(p => Overlap(p.a.Box, p.b.Box)), "two labels overlap");
    }
}
