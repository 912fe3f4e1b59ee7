namespace OneArmDesigner.Canvas.Labels;

/// <summary>Which of an element's labels: a node's name, or a link's text at its source end, middle or target end.</summary>
public enum LabelRole
{
    Node,
    Source,
    Middle,
    Target,
}
