namespace OneArmDesigner.Web.Editing;

/// <summary>How the design editor behaves (configuration section "Designer").</summary>
public sealed class EditorOptions
{
    public const string Section = "Designer";

    /// <summary>How long after the last edit the editor saves; edits within the pause are saved together.</summary>
    public int AutosavePauseMs { get; set; } = 1_000;
}
