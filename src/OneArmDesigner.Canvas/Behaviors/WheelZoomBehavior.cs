namespace OneArmDesigner.Canvas.Behaviors;

/// <summary>The wheel zooms about the pointer: the diagram point under the cursor stays put.</summary>
public sealed class WheelZoomBehavior : DiagramBehavior
{
    private double _sensitivity = 0.002;

    /// <summary>Zoom doublings per wheel pixel; the default 0.002 zooms by about 15% per 100-pixel notch.</summary>
    public double Sensitivity
    {
        get => _sensitivity;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _sensitivity = value;
        }
    }

    protected internal override void OnWheel(WheelInput input)
    {
        if (input.DeltaY != 0)
        {
            Diagram.ZoomAbout(input.ScreenPoint, Diagram.Viewport.Zoom * Math.Pow(2, -input.DeltaY * _sensitivity));
        }
    }
}
