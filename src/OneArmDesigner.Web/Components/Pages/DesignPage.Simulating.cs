using Microsoft.AspNetCore.Components;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Web.Components.Playback;

namespace OneArmDesigner.Web.Components.Pages;

// The Simulate tab opened by a link (?tab=simulate&from=…&to=…&protocol=…&port=…&mode=predict), as a quiz link of a
// design's flow does, and the link the player offers for its quiz.
public sealed partial class DesignPage
{
    private bool _requestedPredict;
    private IReadOnlyList<string>? _simulateLinkProblems;

    [SupplyParameterFromQuery(Name = "tab")] public string? TabQuery { get; set; }

    [SupplyParameterFromQuery(Name = "from")] public string? FromQuery { get; set; }

    [SupplyParameterFromQuery(Name = "to")] public string? ToQuery { get; set; }

    [SupplyParameterFromQuery(Name = "protocol")] public string? ProtocolQuery { get; set; }

    [SupplyParameterFromQuery(Name = "port")] public string? PortQuery { get; set; }

    [SupplyParameterFromQuery(Name = "mode")] public string? ModeQuery { get; set; }

    /// <summary>The design's first two hosts, what the Simulate tab offers before anyone picks a flow.</summary>
    private static Flow DefaultFlow(Design design)
    {
        var hosts = design.Devices.Where(d => d.Kind.IsEndpoint()).Select(d => d.Name).Concat(["", ""]).ToList();
        return new Flow(hosts[0], hosts[1]);
    }

    /// <summary>Opens the Simulate tab on the flow a link names; a flow that cannot be played is explained there.</summary>
    private void ReadSimulateLink(Design design)
    {
        if (TabQuery != "simulate")
        {
            return;
        }

        _tab = 1;
        var (link, problems) = PlaybackLink.Read(design, DefaultFlow(design), FromQuery, ToQuery, ProtocolQuery, PortQuery, null, ModeQuery);
        (_requestedFlow, _requestedPredict, _simulateLinkProblems) = (link?.Flow, link?.Predict ?? false, problems.Count > 0 ? problems : null);
    }

    /// <summary>This design's Simulate tab on a flow, in predict mode: the same quiz for whoever follows it.</summary>
    private string QuizLink(Flow flow) =>
        Navigation.GetUriWithQueryParameters(Navigation.GetUriWithQueryParameter("tab", "simulate"),
            PlaybackLink.Query(new PlayerPosition(flow, 0, Predict: true), new Flow("", "")));
}
