namespace OneArmDesigner.Data.Entities;

/// <summary>An immutable snapshot of a design's document, written on every save.</summary>
public sealed class DesignRevisionEntity
{
    public long Id { get; set; }

    public Guid DesignId { get; set; }

    /// <summary>1, 2, 3... within one design.</summary>
    public int Number { get; set; }

    public required string Name { get; set; }

    public required string DocumentJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>True for revisions written by autosave; consecutive autosaves fold into one revision.</summary>
    public bool IsAutosave { get; set; }

    /// <summary>
    /// The document's content hash (the engine's DesignContentHash): revisions with the same one share their findings,
    /// so an unchanged save, a fork or a restore is never analysed again. Null for revisions older than the hash.
    /// </summary>
    public string? ContentHash { get; set; }

    /// <summary>The findings of this revision's document; null while its analysis is still running in the background.</summary>
    public ValidationResultEntity? Validation { get; set; }
}
