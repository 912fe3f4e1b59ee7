namespace OneArmDesigner.Web.Editing;

/// <summary>What the save indicator shows.</summary>
public enum SaveState
{
    /// <summary>Everything acknowledged by the server.</summary>
    Saved,

    /// <summary>Edits waiting for the autosave pause to pass.</summary>
    Pending,

    Saving,

    /// <summary>The last save failed (for example the server was unreachable); the next edit or a retry tries again.</summary>
    Failed,

    /// <summary>Someone else saved first; autosave stops so their work is not overwritten.</summary>
    Conflict,
}
