using Bunit;
using Microsoft.AspNetCore.Components;
using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Canvas.Blazor;
using OneArmDesigner.Canvas.Geometry;

namespace OneArmDesigner.Canvas.Tests.Rendering;

public class DiagramCanvasRenderingTests : CanvasTestContext
{
    [Fact]
    public void Renders_EveryNodeAndLink_WithIdsForBrowserTests()
    {
        var cut = RenderCanvas(NetworkDiagram());

        Assert.Equal(["r1", "sw1", "h1"], cut.FindAll("[data-node-id]").Select(e => e.GetAttribute("data-node-id")));
        var link = cut.Find("[data-link-id='r1-sw1']");
        Assert.Equal("r1", link.GetAttribute("data-source"));
        Assert.Equal("sw1", link.GetAttribute("data-target"));
        Assert.Contains("oad-link", link.ClassList);
    }

    [Fact]
    public void A_fit_waiting_for_the_canvas_size_is_drawn_by_the_browser_scaling_the_content_box()
    {
        var diagram = NetworkDiagram();
        diagram.ZoomToFit(padding: 40);

        var cut = RenderCanvas(diagram);
        var svg = cut.Find("svg.oad-canvas");
        var box = diagram.ContentBounds!.Value.Inflate(40);
        Assert.Equal(FormattableString.Invariant($"{box.Left} {box.Top} {box.Width} {box.Height}"), svg.GetAttribute("viewBox"));
        Assert.Equal("xMidYMid meet", svg.GetAttribute("preserveAspectRatio"));

        cut.InvokeAsync(() => diagram.SetViewportSize(new Size(800, 600)));
        cut.WaitForAssertion(() => Assert.Null(cut.Find("svg.oad-canvas").GetAttribute("viewBox")));
        Assert.Null(cut.Find("svg.oad-canvas").GetAttribute("preserveAspectRatio"));
    }

    [Fact]
    public void Without_a_fit_the_canvas_has_no_view_box()
    {
        var cut = RenderCanvas(NetworkDiagram());

        Assert.Null(cut.Find("svg.oad-canvas").GetAttribute("viewBox"));
    }

    [Fact]
    public void Nodes_CarryTheirGeometryAndKind_ForTheScript()
    {
        var cut = RenderCanvas(NetworkDiagram());

        var sw = cut.Find("[data-node-id='sw1']");
        Assert.Equal("translate(200 0)", sw.GetAttribute("transform"));
        Assert.Equal("200", sw.GetAttribute("data-x"));
        Assert.Equal("48", sw.GetAttribute("data-w"));
        Assert.Equal("switch", sw.GetAttribute("data-kind"));
        Assert.Contains("oad-node", sw.ClassList);
    }

    [Fact]
    public void LinksAreDrawnUnderNodes_TheOverlayBetweenThem_AndTheTopOverlayAboveTheNodes()
    {
        var cut = RenderCanvas(NetworkDiagram(), p => p
            .Add(c => c.Overlay, (RenderFragment)(b =>
            {
                b.OpenElement(0, "path");
                b.AddAttribute(1, "class", "trail");
                b.CloseElement();
            }))
            .Add(c => c.TopOverlay, (RenderFragment)(b =>
            {
                b.OpenElement(0, "circle");
                b.AddAttribute(1, "class", "packet");
                b.CloseElement();
            })));

        var layers = cut.Find("g.oad-viewport").Children.Select(c => c.GetAttribute("class") ?? "").ToArray();
        Assert.Equal(["oad-links", "oad-overlay", "oad-nodes", "oad-overlay oad-overlay-top", "oad-preview"], layers);
        Assert.NotNull(cut.Find(".oad-viewport > .oad-overlay > path.trail"));
        Assert.NotNull(cut.Find(".oad-viewport > .oad-overlay-top > circle.packet"));
    }

    [Fact]
    public void Labels_AndAccessibleTitles_ArePresent()
    {
        var cut = RenderCanvas(NetworkDiagram());

        Assert.Equal("R1", cut.Find("[data-node-id='r1'] .oad-node-label").TextContent);
        Assert.Equal("R1 (router)", cut.Find("[data-node-id='r1'] > title").TextContent);
        Assert.Equal("Gi0/0", cut.Find(".oad-link-label-source").TextContent);
        Assert.Equal("Fa0/1", cut.Find(".oad-link-label-target").TextContent);
        Assert.Equal("10.0.0.0/30", cut.Find(".oad-link-label-middle").TextContent);
        Assert.Equal("Link R1 – SW1", cut.Find("[data-link-id] > title").TextContent);
        Assert.Equal("Diagram", cut.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void LinkEnds_SitOnTheNodeBoundaries()
    {
        var cut = RenderCanvas(NetworkDiagram());

        var line = cut.Find(".oad-link-line");
        Assert.Equal("48", line.GetAttribute("x1"));
        Assert.Equal("24", line.GetAttribute("y1"));
        Assert.Equal("200", line.GetAttribute("x2"));
    }

    [Fact]
    public void ZoomedFarOut_NodesAndLinksAreDrawnCompact_AndInFullAgainWhenZoomedIn()
    {
        var diagram = NetworkDiagram();
        diagram.SetViewportSize(new Size(800, 600));
        diagram.ZoomAbout(Point.Zero, 0.2);
        var cut = RenderCanvas(diagram);

        // Far out: no hit boxes, no outlines on plain nodes, links as their lines alone; what is hit and dragged stays.
        Assert.Empty(cut.FindAll(".oad-node-hit"));
        Assert.Empty(cut.FindAll(".oad-node-outline"));
        Assert.Empty(cut.FindAll(".oad-link-hit"));
        Assert.Empty(cut.FindAll(".oad-link title"));
        Assert.Equal(3, cut.FindAll(".oad-node[data-node-id][data-x] title").Count);
        Assert.Single(cut.FindAll(".oad-link[data-link-id][data-source][data-target] .oad-link-line"));

        // A selected node shows its outline even far out.
        cut.InvokeAsync(() => diagram.Select(diagram.Nodes["r1"]));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-node-id='r1'] .oad-node-outline")));

        cut.InvokeAsync(() => diagram.ZoomAbout(Point.Zero, 1));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll(".oad-node-hit").Count));
        Assert.Equal(3, cut.FindAll(".oad-node-outline").Count);
        Assert.Single(cut.FindAll(".oad-link-hit"));

        // Never compact when the app says so.
        var never = RenderCanvas(diagram, p => p.Add(c => c.CompactBelowZoom, 0));
        never.InvokeAsync(() => diagram.ZoomAbout(Point.Zero, 0.05));
        never.WaitForAssertion(() => Assert.Equal(3, never.FindAll(".oad-node-hit").Count));
    }

    [Fact]
    public void RenderedBeforeThePageIsLive_AFarZoomedOutDiagramIsASketchOfTwoPaths_AndASmallOneIsDrawnInFull()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var large = new Diagram();
        var nodes = Enumerable.Range(0, 400).Select(i => large.Nodes.Add(new NodeModel($"n{i}", new Point(i % 40 * 120, i / 40 * 160)))).ToList();
        for (var i = 1; i < nodes.Count; i++)
        {
            large.Links.Add(new LinkModel($"l{i}", nodes[i - 1], nodes[i]));
        }

        large.ZoomToFit();
        var sketch = RenderCanvas(large);

        Assert.Empty(sketch.FindAll(".oad-node"));
        Assert.Empty(sketch.FindAll(".oad-link"));
        Assert.Equal(400, sketch.Find("path.oad-sketch-nodes").GetAttribute("d")!.Count(c => c == 'M'));
        Assert.Equal(399, sketch.Find("path.oad-sketch-links").GetAttribute("d")!.Count(c => c == 'M'));

        var small = RenderCanvas(NetworkDiagram());
        Assert.Equal(3, small.FindAll(".oad-node").Count);
        Assert.Empty(small.FindAll(".oad-sketch"));
    }

    [Fact]
    public void ZoomedIn_OnlyWhatIsNearTheViewIsDrawn_AndPanningDrawsWhatComesNear()
    {
        // 400 nodes in a 40 × 10 grid, 120 units apart, each linked to the next in its row.
        var diagram = new Diagram();
        var nodes = Enumerable.Range(0, 400).Select(i => diagram.Nodes.Add(new NodeModel($"n{i}", new Point(i % 40 * 120, i / 40 * 160)))).ToList();
        for (var i = 1; i < nodes.Count; i++)
        {
            if (i % 40 != 0)
            {
                diagram.Links.Add(new LinkModel($"l{i}", nodes[i - 1], nodes[i]));
            }
        }

        diagram.SetViewportSize(new Size(800, 600));
        var cut = RenderCanvas(diagram);

        // At zoom 1 the view is 800 × 600 units from the origin; drawn: that and half as much again on every side.
        var drawn = cut.FindAll(".oad-node").Select(n => n.GetAttribute("data-node-id")).ToList();
        Assert.Contains("n0", drawn);
        Assert.Contains("n9", drawn);    // x = 1080: just past the right edge, within the margin
        Assert.DoesNotContain("n20", drawn); // x = 2400: far off
        Assert.InRange(drawn.Count, 40, 120);
        Assert.InRange(cut.FindAll(".oad-link").Count, 30, 120);

        cut.InvokeAsync(() => diagram.PanBy(new Point(-2000, 0)));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".oad-node[data-node-id='n20']")));
        Assert.Empty(cut.FindAll(".oad-node[data-node-id='n0']"));

        // Zoomed to fit, everything is in view and drawn.
        cut.InvokeAsync(() => diagram.ZoomToFit());
        cut.WaitForAssertion(() => Assert.Equal(400, cut.FindAll(".oad-node").Count));
    }

    [Fact]
    public void WithoutATemplate_NodesGetADefaultBox()
    {
        var cut = RenderCanvas(NetworkDiagram());

        Assert.Equal(3, cut.FindAll(".oad-node-glyph > rect.oad-node-box").Count);
    }

    [Fact]
    public void NodeTemplate_DrawsTheGlyph()
    {
        RenderFragment<NodeModel> icon = node => b =>
        {
            b.OpenElement(0, "image");
            b.AddAttribute(1, "href", $"icons/{node.Kind}.svg");
            b.CloseElement();
        };

        var cut = RenderCanvas(NetworkDiagram(), p => p.Add(c => c.NodeTemplate, icon));

        Assert.Equal("icons/router.svg", cut.Find("[data-node-id='r1'] .oad-node-glyph > image").GetAttribute("href"));
        Assert.Empty(cut.FindAll(".oad-node-box"));
    }

    [Fact]
    public void StateFlags_BecomeClasses_AndFollowChanges()
    {
        var diagram = NetworkDiagram();
        var cut = RenderCanvas(diagram);

        cut.InvokeAsync(() =>
        {
            diagram.Nodes["r1"].Flags = ElementFlags.Highlighted | ElementFlags.Error;
            diagram.Nodes["h1"].SetFlags(ElementFlags.Dimmed, true);
            diagram.Links["r1-sw1"].Style = LinkStyle.Dashed;
            diagram.Links["r1-sw1"].CssClass = "vlan-10";
        });

        var r1 = cut.Find("[data-node-id='r1']").ClassList;
        Assert.Contains("oad-highlighted", r1);
        Assert.Contains("oad-error", r1);
        Assert.Contains("oad-dimmed", cut.Find("[data-node-id='h1']").ClassList);
        var link = cut.Find("[data-link-id]").ClassList;
        Assert.Contains("oad-link-dashed", link);
        Assert.Contains("vlan-10", link);
    }

    [Fact]
    public void Badges_AreDrawnWithTheirKinds()
    {
        var diagram = NetworkDiagram();
        diagram.Nodes["sw1"].Badges = [new NodeBadge("3", "info", "3 packets queued"), new NodeBadge("!", "error")];

        var cut = RenderCanvas(diagram);

        var badges = cut.FindAll("[data-node-id='sw1'] .oad-badge");
        Assert.Equal(2, badges.Count);
        Assert.Contains("oad-badge-info", badges[0].ClassList);
        Assert.Equal("3 packets queued", badges[0].QuerySelector("title")!.TextContent);
        Assert.Equal("!", badges[1].QuerySelector("text")!.TextContent);
    }

    [Fact]
    public void ZoomedFarOut_BadgesAreDotsOfTheirKindWithTheirTitles_AndPillsWithTextAgainWhenZoomedIn()
    {
        var diagram = NetworkDiagram();
        diagram.Nodes["sw1"].Badges = [new NodeBadge("12", "error", "12 findings")];
        diagram.SetViewportSize(new Size(800, 600));
        diagram.ZoomAbout(Point.Zero, 0.05);
        var cut = RenderCanvas(diagram);

        var badge = cut.Find("[data-node-id='sw1'] .oad-badge");
        Assert.Contains("oad-badge-error", badge.ClassList);
        Assert.NotNull(badge.QuerySelector("circle.oad-badge-dot"));
        Assert.Null(badge.QuerySelector("text"));
        Assert.Equal("12 findings", badge.QuerySelector("title")!.TextContent);

        cut.InvokeAsync(() => diagram.ZoomAbout(Point.Zero, 1));
        cut.WaitForAssertion(() => Assert.Equal("12", cut.Find("[data-node-id='sw1'] .oad-badge text").TextContent));
        Assert.Empty(cut.FindAll(".oad-badge-dot"));
    }

    [Fact]
    public void Editing_ShowsLinkHandlesOnTheSelectedNode_ReadOnlyAndPlaybackHideThem()
    {
        var diagram = NetworkDiagram();
        var cut = RenderCanvas(diagram);
        Assert.Empty(cut.FindAll("[data-port]"));

        cut.InvokeAsync(() => diagram.Select(diagram.Nodes["r1"]));
        Assert.Equal(
            ["top", "right", "bottom", "left"],
            cut.FindAll("[data-node-id='r1'] [data-port]").Select(p => p.GetAttribute("data-port")));
        Assert.Equal(4, cut.FindAll("[data-port]").Count);

        cut.InvokeAsync(() => diagram.Options.ReadOnly = true);
        Assert.Empty(cut.FindAll("[data-port]"));
        Assert.Contains("oad-readonly", cut.Find("svg").ClassList);

        cut.InvokeAsync(() =>
        {
            diagram.Options.ReadOnly = false;
            diagram.UseBehaviors(BehaviorSets.Playback());
        });
        Assert.Empty(cut.FindAll("[data-port]"));
    }

    [Fact]
    public void RemovingANode_RemovesItAndItsLinksFromTheSvg()
    {
        var diagram = NetworkDiagram();
        var cut = RenderCanvas(diagram);

        cut.InvokeAsync(() => diagram.Nodes.Remove(diagram.Nodes["sw1"]));

        Assert.Empty(cut.FindAll("[data-node-id='sw1']"));
        Assert.Empty(cut.FindAll("[data-link-id]"));
        Assert.Equal(2, cut.FindAll("[data-node-id]").Count);
    }

    [Fact]
    public void ZOrder_DecidesDrawingOrder()
    {
        var diagram = NetworkDiagram();
        var cut = RenderCanvas(diagram);

        cut.InvokeAsync(() => diagram.Nodes["r1"].ZIndex = 1);

        Assert.Equal(["sw1", "h1", "r1"], cut.FindAll("[data-node-id]").Select(e => e.GetAttribute("data-node-id")));
    }

    [Fact]
    public void AChangeToOneNode_RedrawsOnlyThatNodeAndItsLinks()
    {
        var diagram = NetworkDiagram();
        var cut = RenderCanvas(diagram);
        var nodes = cut.FindComponents<NodeView>().ToDictionary(v => v.Instance.Node.Id);
        var link = cut.FindComponent<LinkView>();
        var before = (r1: nodes["r1"].RenderCount, h1: nodes["h1"].RenderCount, link: link.RenderCount);

        cut.InvokeAsync(() => diagram.Nodes["r1"].Position = new Point(0, 40));

        Assert.Equal(before.r1 + 1, nodes["r1"].RenderCount);
        Assert.Equal(before.h1, nodes["h1"].RenderCount);
        Assert.Equal(before.link + 1, link.RenderCount);
        Assert.Equal("translate(0 40)", cut.Find("[data-node-id='r1']").GetAttribute("transform"));
    }

    [Fact]
    public void ViewportChanges_MoveTheViewportGroup_AndTheZoomVariable()
    {
        var diagram = NetworkDiagram();
        var cut = RenderCanvas(diagram);

        cut.InvokeAsync(() => diagram.Viewport = diagram.Viewport with { Pan = new Point(15, -5), Zoom = 1.5 });

        Assert.Equal("translate(15 -5) scale(1.5)", cut.Find("g.oad-viewport").GetAttribute("transform"));
        Assert.Contains("--oad-zoom: 1.5", cut.Find("svg").GetAttribute("style"));
        Assert.Equal("15", cut.Find("pattern").GetAttribute("x"));
    }

    [Fact]
    public void ExtraAttributesAndClasses_GoOnTheSvg()
    {
        var cut = RenderCanvas(NetworkDiagram(), p => p
            .Add(c => c.Class, "designer")
            .Add(c => c.AriaLabel, "Network design")
            .AddUnmatched("data-testid", "canvas"));

        var svg = cut.Find("svg");
        Assert.Contains("designer", svg.ClassList);
        Assert.Equal("Network design", svg.GetAttribute("aria-label"));
        Assert.Equal("canvas", svg.GetAttribute("data-testid"));
        Assert.Equal("0", svg.GetAttribute("tabindex"));
    }

    [Fact]
    public void TheMinimap_ShowsALargeDiagramWithItsNodesAndTheVisibleFrame_AndStaysAwayFromSmallOnes()
    {
        var small = NetworkDiagram();
        small.SetViewportSize(new Size(800, 600));
        Assert.Empty(RenderCanvas(small).FindAll(".oad-minimap"));

        var large = new Diagram();
        large.SetViewportSize(new Size(800, 600));
        for (var i = 0; i < 40; i++)
        {
            large.Nodes.Add(new NodeModel($"n{i}", new Point(i % 10 * 100, i / 10 * 100)));
        }

        var cut = RenderCanvas(large);

        var minimap = cut.Find("svg.oad-minimap");
        // One path of 40 boxes (one "M" each): a large diagram adds a few elements to the page, not one per node.
        Assert.Equal(40, minimap.QuerySelector("path.oad-minimap-node")!.GetAttribute("d")!.Count(c => c == 'M'));
        Assert.NotNull(minimap.QuerySelector(".oad-minimap-view"));
        Assert.True(minimap.HasAttribute("data-minimap"));
        Assert.NotEmpty(RenderCanvas(small, p => p.Add(c => c.Minimap, MinimapMode.Always)).FindAll(".oad-minimap"));
    }
}
