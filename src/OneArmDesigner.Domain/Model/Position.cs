namespace OneArmDesigner.Domain.Model;

/// <summary>Where a device sits on the canvas, in canvas units. The engine ignores it.</summary>
public readonly record struct Position(double X, double Y)
{
    /// <summary>
    /// The farthest a device may sit from the origin on either axis. Far beyond any real drawing (a thousand devices
    /// side by side span about 200,000 units), and near enough that zooming to fit still draws a visible picture.
    /// </summary>
    public const double Limit = 1_000_000;
}
