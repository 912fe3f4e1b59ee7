namespace OneArmDesigner.Data.Entities;

/// <summary>The findings of validating one revision, kept with it so history shows what was wrong when.</summary>
public sealed class ValidationResultEntity
{
    public long Id { get; set; }

    public long RevisionId { get; set; }

    public int ErrorCount { get; set; }

    public int WarningCount { get; set; }

    /// <summary>The findings as JSON, in the shape `onearm validate --format json` prints.</summary>
    public required string FindingsJson { get; set; }

    /// <summary>
    /// The analysis stopped at its time budget, so these are only what it found by then: a later complete analysis of
    /// the same content replaces them, where complete findings are never replaced.
    /// </summary>
    public bool Incomplete { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
