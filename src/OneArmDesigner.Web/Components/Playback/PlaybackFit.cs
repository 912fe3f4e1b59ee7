namespace OneArmDesigner.Web.Components.Playback;

/// <summary>How a playback canvas frames its design: snugly, since its height already follows the design's shape.</summary>
public static class PlaybackFit
{
    /// <summary>Screen pixels kept around the design (and its labels) by zoom to fit.</summary>
    public const double Padding = 16;
}
