namespace OneArmDesigner.Domain.Model;

/// <summary>What an annotation is: a text note, or a labelled area (such as "Data centre") that groups the devices inside it.</summary>
public enum AnnotationKind
{
    Note,
    Area,
}

/// <summary>
/// Something written on the canvas for people: the engine ignores it. <see cref="Position"/> is the top-left corner;
/// an area's devices are those whose icons lie wholly inside its box, and they move with it.
/// </summary>
public sealed record Annotation(AnnotationKind Kind, string Text, Position Position, double Width, double Height)
{
    /// <summary>Longest text an annotation holds.</summary>
    public const int MaxText = 500;

    /// <summary>Smallest and largest side of an annotation's box, in canvas units.</summary>
    public const double MinSide = 40, MaxSide = 100_000;

    public static string JsonName(AnnotationKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Reads "note" or "area".</summary>
    public static bool TryParseKind(string? name, out AnnotationKind kind)
    {
        foreach (var candidate in Enum.GetValues<AnnotationKind>())
        {
            if (JsonName(candidate) == name)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
