using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Web.Editing;

/// <summary>Edits of a design's notes and areas, by their index in its annotation list; each returns a new design.</summary>
public static class AnnotationEdits
{
    /// <summary>Adds a note ("Note", a small box) or an area ("Area", a box big enough to hold a few devices) at a spot.</summary>
    public static (Design Design, int Index) Add(Design design, AnnotationKind kind, Position at)
    {
        var annotation = kind == AnnotationKind.Area
            ? new Annotation(kind, "Area", at, 320, 220)
            : new Annotation(kind, "Note", at, 180, 60);
        return (design with { Annotations = [.. design.Annotations, annotation] }, design.Annotations.Count);
    }

    public static (Design? Design, string? Problem) SetText(Design design, int index, string text)
    {
        var parsed = FieldInput.AnnotationText(text);
        return parsed.Ok ? (Change(design, index, a => a with { Text = parsed.Value! }), null) : (null, parsed.Problem);
    }

    public static (Design? Design, string? Problem) Resize(Design design, int index, string width, string height)
    {
        var (w, h) = (FieldInput.AnnotationSide(width), FieldInput.AnnotationSide(height));
        return w.Ok && h.Ok ? (Change(design, index, a => a with { Width = w.Value, Height = h.Value }), null) : (null, w.Problem ?? h.Problem);
    }

    public static Design Move(Design design, IReadOnlyDictionary<int, Position> positions) =>
        positions.Count == 0
            ? design
            : design with { Annotations = [.. design.Annotations.Select((a, i) => positions.TryGetValue(i, out var at) ? a with { Position = at } : a)] };

    public static Design Delete(Design design, IReadOnlyCollection<int> indexes) =>
        indexes.Count == 0 ? design : design with { Annotations = [.. design.Annotations.Where((_, i) => !indexes.Contains(i))] };

    private static Design Change(Design design, int index, Func<Annotation, Annotation> change) =>
        design with { Annotations = [.. design.Annotations.Select((a, i) => i == index ? change(a) : a)] };
}
