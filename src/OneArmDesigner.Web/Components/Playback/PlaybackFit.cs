using OneArmDesigner.Canvas;

namespace OneArmDesigner.Web.Components.Playback;

/// <summary>How a playback canvas frames its design: snugly, since its height already follows the design's shape.</summary>
public static class PlaybackFit
{
    /// <summary>Screen pixels kept around the design (and its labels) by zoom to fit.</summary>
    public const double Padding = 16;

    /// <summary>
    /// Screen pixels kept free above the design: a packet resting on a device of the top row draws its dot, its
    /// tunnel box and its name up to this far above the device. The canvas's height makes the room, the fit uses it.
    /// </summary>
    public const double Headroom = 64;

    /// <summary>Fits a playback diagram to its canvas (and keeps it fitted as the canvas resizes), with room for the packet.</summary>
    public static void Fit(Diagram diagram)
    {
        diagram.Options.FitHeadroom = Headroom;
        diagram.ZoomToFit(Padding);
    }
}
